/*
 * readSheetCells (shell/ownedSheet.ts) through the real Office.js adapter over the
 * office-addin-mock Excel: the sheet PROD is about to replace is read with its values, formulas
 * and number formats in the same requests (no sync more for the formats), and each request's
 * response stays under Excel on the web's 5 MB even on a comparison of long live formulas, each
 * cell with its money format.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { a1, NUMBER_FORMATS } from "../../src/excel/port";
import { readSheetCells } from "../../src/taskpane/shell/ownedSheet";
import { MockBook, mockExcel } from "./mockExcel";

/** Excel on the web's response limit (ResponsePayloadSizeLimitExceeded over it). */
const FIVE_MB = 5_000_000;

function setup() {
  const book = new MockBook();
  book.maxResponseBytes = FIVE_MB;
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({ run: excel.run });
  return { book, excel, port };
}

describe("reading a sheet before it is replaced (readSheetCells)", () => {
  it("reads values, formulas and number formats in three syncs: the used range (2), then one request", async () => {
    const { book, excel, port } = setup();
    book.addSheet("Budget comparison", [
      ["Budget comparison"],
      [],
      [],
      ["Account", "Description", "Current"],
    ]);
    book.setCell("Budget comparison", "C5", {
      kind: "formula",
      content: "=ROUND(SUM(Budget!C2:C9),2)",
      result: 1250.5,
      format: NUMBER_FORMATS.money,
    });
    book.setCell("Budget comparison", "D5", { kind: "value", content: 46000, format: "m/d/yyyy" });
    const before = excel.state.syncs;
    const cells = await readSheetCells(port, "Budget comparison");
    expect(excel.state.syncs - before).toBe(3);
    expect(cells?.values[4]).toEqual(["", "", 1250.5, 46000]);
    expect(cells?.formulas[4]).toEqual(["", "", "=ROUND(SUM(Budget!C2:C9),2)", 46000]);
    expect(cells?.numberFormats[4]).toEqual(["General", "General", NUMBER_FORMATS.money, "m/d/yyyy"]);
    expect(cells?.numberFormats[0]).toEqual(["General", "General", "General", "General"]);
  });

  it("keeps each response under 5 MB on 52,000 cells of long live formulas in money format", async () => {
    const { book, excel, port } = setup();
    // 4,000 rows of 13 columns, each a Budget comparison figure as PROD writes it (about 120
    // bytes a cell read back with its value and format).
    const rows = 4_000;
    const columns = 13;
    book.addSheet("Budget comparison");
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++)
        book.setCell("Budget comparison", a1(r, c), {
          kind: "formula",
          content: `=ROUND(SUMIFS(PROD_Versions[Total],PROD_Versions[Number],${c},PROD_Versions[Account],">=${1100 + r}",PROD_Versions[Account],"<${1101 + r}"),2)`,
          result: 1250.5 + r,
          format: NUMBER_FORMATS.money,
        });
    const before = excel.state.responseBytes.length;
    const cells = await readSheetCells(port, "Budget comparison");
    expect(cells?.numberFormats).toHaveLength(rows);
    expect(cells?.formulas[rows - 1][columns - 1]).toMatch(/^=ROUND\(SUMIFS\(/);
    // The used range's values (the port's own chunks), then the cells in two requests.
    const responses = excel.state.responseBytes.slice(before);
    expect(Math.max(...responses)).toBeLessThan(FIVE_MB);
    expect(responses.filter((bytes) => bytes > 2_000_000)).toHaveLength(2);
  });
});
