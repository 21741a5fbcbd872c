/*
 * The preview computes what Excel computes (issue 18): booleans, IF handing a range on, typed
 * entries read as an en-US Excel reads them, and tables that grow when a person types under them.
 * Each expected value is what Excel 365 (en-US) shows for the same entry.
 */
import { loadProdFunctions } from "./loadProdFunctions";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { readTypedEntry } from "../../src/preview/excelSemantics";
import type { WritePlan } from "../../src/excel/port";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

/** A one-sheet workbook with `rows` typed from A1, as a person types them. */
function typed(rows: string[][]): MemoryWorkbook {
  const book = new MemoryWorkbook();
  rows.forEach((cells, r) => cells.forEach((input, c) => book.enter("Sheet1", r, c, input)));
  return book;
}

const shown = (book: MemoryWorkbook, row: number, column: number) => book.view("Sheet1", row, column).display;

describe("booleans work as in Excel", () => {
  it("reads TRUE and FALSE as constants, functions, typed entries and comparisons", async () => {
    const book = typed([
      ["Day", "12", "1"],
      ["Week", "60", "5"],
      [
        '=VLOOKUP("week",A1:B2,2,FALSE)',
        "=INDEX(B1:B2,MATCH(3,C1:C2,TRUE))",
        "=IF(FALSE,1,2)",
        "=AND(TRUE,TRUE())",
        "=FALSE()",
        "true",
        "=B1>B2",
        "=TRUE+1",
        '=IF(F3,"yes","no")',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A3:I3" })).values).toEqual([
      [60, 12, 2, true, false, true, false, 2, "yes"],
    ]);
    expect([shown(book, 2, 3), shown(book, 2, 5)]).toEqual(["TRUE", "TRUE"]);
  });
});

describe("ROUND rounds the number Excel shows, half away from zero", () => {
  it("rounds ties of the decimal, not of the binary double", async () => {
    const book = typed([
      [
        "=ROUND(1.005,2)",
        "=ROUND(-1.005,2)",
        "=ROUND(0.285,2)",
        "=ROUND(2.5,0)",
        "=ROUND(1234.5678,-2)",
        "=ROUND(1.2345,2.9)",
        "=ROUND(1%*12961.525,2)",
        '=ROUND("x",2)',
      ],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:H1" })).values).toEqual([
      [1.01, -1.01, 0.29, 3, 1200, 1.23, 129.62, "#VALUE!"],
    ]);
  });
});

describe("IF answers the argument it chooses, as it is", () => {
  it("hands a whole range on when the condition is one value, and broadcasts when it is an array", async () => {
    const book = typed([
      ["1", "x", '=SUM(IF(B1="x",A1:A3,0))', "=ROWS(IF(TRUE,A1:A3))", '=IF(A1:A3>1,"big","small")'],
      ["2"],
      ["3"],
    ]);
    expect((await book.readRange({ sheet: "Sheet1", address: "C1:E3" })).values).toEqual([
      [6, 3, "small"],
      ["", "", "big"],
      ["", "", "big"],
    ]);
  });

  it("passes a fringe list typed as text to PROD.FRINGE whole, and a fringe table as a table", async () => {
    const book = typed([
      ["Name", "Type", "Rate", "Cutoff"],
      ["SS", "%", "6.2%", "184500"],
      ["Fringes", "SS,MEDICARE", '=PROD.FRINGE(1000,IF(A3="Fringes",A1:D2,A3))'],
      ["SS,MEDICARE", "", '=PROD.FRINGE(1000,IF(A4="Fringes",A1:D2,A4))'],
    ]);
    // 6.2% of 1,000 from the table; 6.2% + 1.45% of 1,000 from the library names.
    expect(book.view("Sheet1", 2, 2).display).toBe("62");
    expect(book.view("Sheet1", 3, 2).display).toBe("76.5");
  });
});

describe("typed entries are read as an en-US Excel reads them", () => {
  it.each([
    ["7,000", 7000, "7,000"],
    ["$7,000", 7000, "$7,000"],
    ["$7,000.50", 7000.5, "$7,000.50"],
    ["-$7,000", -7000, "-$7,000"],
    ["(7,000)", -7000, "-7,000"],
    ["7%", 0.07, "7%"],
    ["7.5%", 0.075, "7.50%"],
    ["1/2/2026", 46024, "1/2/2026"],
    [" 12 ", 12, "12"],
    ["1e3", 1000, "1000"],
    ["'7,000", "7,000", "7,000"],
    ["'=A1", "=A1", "=A1"],
    ["1,2", "1,2", "1,2"],
    ["7,000 units", "7,000 units", "7,000 units"],
    ["SAG-AFTRA,PAYROLL-CA", "SAG-AFTRA,PAYROLL-CA", "SAG-AFTRA,PAYROLL-CA"],
  ])("%j is %j, shown %j", async (input, value, display) => {
    const book = typed([[input]]);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1" })).values).toEqual([[value]]);
    expect(shown(book, 0, 0)).toBe(display);
  });

  it("keeps the cell's own number format, and a Text cell's typing as text", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "test",
      sheets: [
        {
          name: "Sheet1",
          mode: "existing",
          blocks: [
            { row: 0, column: 0, cells: [[null, null]], columnFormats: ["#,##0.00_);(#,##0.00)", "@"] },
          ],
        },
      ],
    });
    book.enter("Sheet1", 0, 0, "$7,000");
    book.enter("Sheet1", 0, 1, "$7,000");
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:B1" })).values).toEqual([[7000, "$7,000"]]);
    expect(shown(book, 0, 0)).toBe("7,000.00 ");
  });

  it("reads the shapes Excel reads as numbers and nothing else", () => {
    expect(readTypedEntry("$1,234.5")).toEqual({ value: 1234.5, format: "$#,##0.00" });
    expect(readTypedEntry("Camera")).toEqual({ value: "Camera" });
    expect(readTypedEntry("=SUM(A1:A2)")).toEqual({ value: "=SUM(A1:A2)" });
  });
});

/** A sheet with a 2-row table Rates (Name | Hours | Days = Hours / 12) and a total under it. */
const ratesPlan = (): WritePlan => ({
  owner: "test",
  sheets: [
    {
      name: "Sheet1",
      mode: "existing",
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            ["Name", "Hours", "Days"],
            ["Day", 12, { formula: "=Rates[@Hours]/12" }],
            ["Week", 60, { formula: "=Rates[@Hours]/12" }],
          ],
        },
        { row: 0, column: 5, cells: [[{ formula: "=ROWS(Rates[#All])" }, { formula: "=SUM(Rates[Days])" }]] },
      ],
      tables: [{ name: "Rates", row: 0, column: 0, rowCount: 3, columnCount: 3 }],
    },
  ],
});

describe("typing under a table grows it, as Excel's auto-expansion does", () => {
  it("takes the typed row into the table, its structured references and its calculated column", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    book.enter("Sheet1", 3, 0, "Month");
    book.enter("Sheet1", 3, 1, "240");
    const table = await book.readTable("Rates");
    expect(table).toMatchObject({
      address: "A1:C4",
      rows: [
        ["Day", 12, 1],
        ["Week", 60, 5],
        ["Month", 240, 20],
      ],
    });
    expect((await book.readRange({ sheet: "Sheet1", address: "F1:G1" })).values).toEqual([[4, 26]]);
    expect(book.view("Sheet1", 3, 2).input).toBe("=Rates[@Hours]/12");
  });

  it("leaves the table alone for a cell cleared under it, or typed beside it", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    book.enter("Sheet1", 3, 0, "");
    book.enter("Sheet1", 3, 4, "note");
    book.enter("Sheet1", 4, 0, "two rows down");
    expect((await book.readTable("Rates"))?.address).toBe("A1:C3");
  });

  it("refuses a typed formula Excel refuses, leaving the table as it was", async () => {
    const book = new MemoryWorkbook();
    await book.apply(ratesPlan());
    expect(() => book.enter("Sheet1", 3, 0, "=Rates[Nope]")).toThrow(/Nope/);
    expect((await book.readTable("Rates"))?.address).toBe("A1:C3");
  });
});
