import { SHEET_COLUMNS, SHEET_ROWS, parseA1 } from "../../src/excel/port";

describe("parseA1", () => {
  it.each([
    ["B3", { row: 2, column: 1, rowCount: 1, columnCount: 1 }],
    ["$B$2:$C$4", { row: 1, column: 1, rowCount: 3, columnCount: 2 }],
    ["'Budget detail'!D10:B5", { row: 4, column: 1, rowCount: 6, columnCount: 3 }],
  ])("reads the cell block %s", (address, expected) => {
    expect(parseA1(address)).toEqual(expected);
  });

  it.each([
    // What Excel reports when the user clicks column or row headings.
    ["H:H", { row: 0, column: 7, rowCount: SHEET_ROWS, columnCount: 1 }],
    ["'Budget detail'!$B:$D", { row: 0, column: 1, rowCount: SHEET_ROWS, columnCount: 3 }],
    ["3:3", { row: 2, column: 0, rowCount: 1, columnCount: SHEET_COLUMNS }],
    ["Sheet1!$5:$2", { row: 1, column: 0, rowCount: 4, columnCount: SHEET_COLUMNS }],
  ])(
    "reads the whole-column or whole-row selection %s as the full sheet height or width",
    (address, expected) => {
      expect(parseA1(address)).toEqual(expected);
    },
  );

  it.each(["A1:B", "A:3", "A1,C3", "A1:B2:C3", "", "Detail_Acct", "1A"])("refuses %p", (address) => {
    expect(() => parseA1(address)).toThrow(/not an A1 address/);
  });
});
