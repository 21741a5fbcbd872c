import { rowsFromSelection } from "../../../src/taskpane/bids/workbookBids";
import { fakeWorkbook } from "../fakePort";

describe("a bid read from the selection", () => {
  const quote = () => {
    const wb = fakeWorkbook();
    const rows = [
      ["Item", "Qty", "Day rate"],
      ["Dolly", 1, 300],
      ["Crane", 1, 2500],
    ];
    wb.book.addSheet("Quote");
    rows.forEach((line, r) => line.forEach((v, c) => wb.book.write("Quote", 4 + r, 1 + c, v)));
    return wb;
  };

  it("reads a selected block as it is, with its first row number", async () => {
    const wb = quote();
    wb.book.selection = { sheet: "Quote", address: "B5:D7" };
    const read = await rowsFromSelection(wb.port);
    expect(read.rows).toEqual([
      ["Item", "Qty", "Day rate"],
      ["Dolly", 1, 300],
      ["Crane", 1, 2500],
    ]);
    expect(read.firstRowNumber).toBe(5);
  });

  it.each(["B:D", "A:Z", "1:100"])(
    "cuts a selection of whole columns or rows (%s) to the cells in use",
    async (address) => {
      const wb = quote();
      wb.book.selection = { sheet: "Quote", address };
      const read = await rowsFromSelection(wb.port);
      expect(read.firstRowNumber).toBe(5);
      expect(read.rows[0].slice(-3)).toEqual(["Item", "Qty", "Day rate"]);
      expect(read.rows).toHaveLength(3);
    },
  );
});
