import { firstFreeCopy } from "../../../src/taskpane/shell/freeCopy";
import { fakeWorkbook } from "../fakePort";

const fringes = (n: number) => (n === 1 ? ["Fringes"] : [`Fringes ${n}`, `Fringes_${n}`]);

describe("first free copy number", () => {
  it("is 1 in an empty workbook", async () => {
    expect(await firstFreeCopy(fakeWorkbook().port, fringes)).toBe(1);
  });

  it("skips every copy whose sheet, workbook name or table is taken, ignoring case", async () => {
    const { book, port } = fakeWorkbook();
    book.addSheet("FRINGES", [["mine"]]); // copy 1: the sheet, whatever its case
    book.addSheet("Rates", [["Name"], ["x"]]);
    book.tables.push({ name: "Fringes_2", sheet: "Rates", address: "A1:A2" }); // copy 2: a table
    book.names.push({ name: "fringes_3", formula: "=Rates!$A$1", visible: true }); // copy 3: a name
    expect(await firstFreeCopy(port, fringes)).toBe(4);
  });
});
