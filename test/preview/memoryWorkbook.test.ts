import { loadProdFunctions } from "./loadProdFunctions";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { registerProdFunctions } from "../../src/preview/prodFunctionPlugin";
import { translateStructuredRefs, type TableArea } from "../../src/preview/structuredRefs";
import { NUMBER_FORMATS, type WritePlan } from "../../src/excel/port";

beforeAll(async () => registerProdFunctions(await loadProdFunctions()));

/** A small budget: detail lines, a top sheet summing them with SUMIFS over named ranges and PROD. */
const budget = (): WritePlan => ({
  owner: "templates",
  sheets: [
    {
      name: "Budget Detail",
      mode: "create",
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            ["Acct", "Description", "Units", "Rate", "Total"],
            [2501, "Camera package", 10, 2500, { formula: "=C2*D2" }],
            [2502, "Lenses", 10, 750.5, { formula: "=Lines[@Units]*Lines[@Rate]" }],
            [3301, "Editor", 12, 3000, { formula: "=C4*D4" }],
          ],
          columnFormats: [null, null, NUMBER_FORMATS.quantity, NUMBER_FORMATS.money, NUMBER_FORMATS.money],
        },
      ],
      tables: [{ name: "Lines", row: 0, column: 0, rowCount: 4, columnCount: 5 }],
    },
    {
      name: "Top Sheet",
      mode: "create",
      blocks: [
        {
          row: 0,
          column: 0,
          cells: [
            ["Production", { formula: '=SUMIFS(Amounts,Accounts,">=2000",Accounts,"<5000")' }],
            ["Via PROD", { formula: '=PROD.ACCTSUM(Lines[Total],Lines[Acct],"2000-4999")' }],
            ["Contingency", { formula: "=PROD.CONTINGENCY(Amounts,10%)" }],
          ],
          columnFormats: [null, NUMBER_FORMATS.money],
        },
      ],
    },
  ],
  names: [
    { name: "Amounts", sheet: "Budget Detail", address: "$E$2:$E$4" },
    { name: "Accounts", sheet: "Budget Detail", address: "$A$2:$A$4" },
  ],
  activate: "Top Sheet",
});

describe("the in-memory workbook computes like Excel", () => {
  it("computes SUMIFS over named ranges, PROD functions and table references", async () => {
    const book = new MemoryWorkbook();
    await book.apply(budget());
    expect((await book.readRange({ sheet: "Top Sheet", address: "B1:B3" })).values).toEqual([
      [68505],
      [68505],
      [6850.5],
    ]);
    expect(book.activeSheet).toBe("Top Sheet");
  });

  it("recomputes when a person changes a rate", async () => {
    const book = new MemoryWorkbook();
    await book.apply(budget());
    let notified = 0;
    book.subscribe(() => notified++);
    book.enter("Budget Detail", 1, 3, "2,600");
    book.enter("Budget Detail", 1, 3, "2600");
    expect((await book.readRange({ sheet: "Top Sheet", address: "B1:B2" })).values).toEqual([
      [69505],
      [69505],
    ]);
    expect(notified).toBe(2);
  });

  it("keeps table references live when the table grows", async () => {
    const book = new MemoryWorkbook();
    await book.apply(budget());
    await book.replaceTableRows("Lines", [
      [2501, "Camera package", 10, 2500, { formula: "=Lines[@Units]*Lines[@Rate]" }],
      [2502, "Lenses", 10, 750.5, { formula: "=Lines[@Units]*Lines[@Rate]" }],
      [2601, "Dolly", 5, 400, { formula: "=Lines[@Units]*Lines[@Rate]" }],
      [3301, "Editor", 12, 3000, { formula: "=Lines[@Units]*Lines[@Rate]" }],
    ]);
    expect((await book.readRange({ sheet: "Top Sheet", address: "B2" })).values).toEqual([[70505]]);
    expect(book.view("Budget Detail", 3, 4).input).toBe("=Lines[@Units]*Lines[@Rate]");
    await book.replaceTableRows("Lines", [
      [2501, "Camera package", 2, 100, { formula: "=Lines[@Units]*Lines[@Rate]" }],
    ]);
    expect((await book.readRange({ sheet: "Top Sheet", address: "B2" })).values).toEqual([[200]]);
    expect((await book.readUsedRange("Budget Detail"))?.address).toBe("A1:E2");
  });

  it("shows cells formatted, formulas as written and PROD's error messages", async () => {
    const book = new MemoryWorkbook();
    await book.apply(budget());
    expect(book.view("Top Sheet", 0, 1)).toEqual(
      expect.objectContaining({ display: "68,505.00 ", kind: "number" }),
    );
    expect(book.view("Top Sheet", 0, 1).input).toBe('=SUMIFS(Amounts,Accounts,">=2000",Accounts,"<5000")');
    book.enter("Top Sheet", 5, 0, "=PROD.DAYPAY(50, -1)");
    expect(book.view("Top Sheet", 5, 0)).toEqual(
      expect.objectContaining({
        display: "#VALUE!",
        kind: "error",
        error: "hours must be 0 or more, got -1",
      }),
    );
  });

  it("spills a PROD column and re-sizes it when its inputs grow", async () => {
    const book = new MemoryWorkbook();
    book.enter("Sheet1", 0, 0, "10");
    book.enter("Sheet1", 1, 0, "12");
    book.enter("Sheet1", 0, 1, "=PROD.PAIDHOURS(A1:A2)");
    expect((await book.readUsedRange("Sheet1"))?.values).toEqual([
      [10, 11],
      [12, 14],
    ]);
    expect(book.view("Sheet1", 1, 1).spilled).toBe(true);
  });

  it("reads typed text, numbers, percents and dates as Excel does", async () => {
    const book = new MemoryWorkbook();
    for (const [column, input] of ["'00123", "00123", "10%", "01/02/2026", "Camera"].entries())
      book.enter("Sheet1", 0, column, input);
    expect((await book.readRange({ sheet: "Sheet1", address: "A1:E1" })).values).toEqual([
      ["00123", 123, 0.1, 46024, "Camera"],
    ]);
  });

  it("reports the grid's selection to the pane", async () => {
    const book = new MemoryWorkbook();
    await book.apply(budget());
    book.select("Budget Detail", 1, 0, 3, 5);
    expect(await book.getSelection()).toEqual({ sheet: "Budget Detail", address: "A2:E4" });
  });
});

describe("table references become the ranges they stand for", () => {
  const fringes: TableArea = {
    name: "Fringes",
    sheet: "Fringes",
    row: 2,
    column: 1,
    rowCount: 5,
    columnCount: 4,
    headers: ["Name", "Type", "Rate", "Cutoff"],
  };
  const tables = (name: string) => (name.toLowerCase() === "fringes" ? fringes : undefined);
  const inTable = () => fringes;
  it.each([
    ["=PROD.FRINGE(A1,Fringes[#All])", "=PROD.FRINGE(A1,'Fringes'!$B$3:$E$7)"],
    ["=SUM(Fringes[Rate])", "=SUM('Fringes'!$D$4:$D$7)"],
    ["=SUM(Fringes[[#Data],[Rate]:[Cutoff]])", "=SUM('Fringes'!$D$4:$E$7)"],
    ["=COUNTA(Fringes[#Headers])", "=COUNTA('Fringes'!$B$3:$E$3)"],
    ["=ROWS(Fringes)", "=ROWS('Fringes'!$B$4:$E$7)"],
    ['=[@Rate]*2&"Fringes[Rate]"', "='Fringes'!$D$5*2&\"Fringes[Rate]\""],
  ])("%s", (formula, translated) => {
    expect(translateStructuredRefs(formula, { sheet: "Fringes", row: 4, column: 6 }, tables, inTable)).toBe(
      translated,
    );
  });

  it("refuses a column the table does not have, naming it", () => {
    expect(() =>
      translateStructuredRefs(
        "=SUM(Fringes[Wage])",
        { sheet: "X", row: 0, column: 0 },
        tables,
        () => undefined,
      ),
    ).toThrow('Fringes has no column "Wage".');
  });
});

describe("the grid's view of conditional formats", () => {
  it("marks the cells where the rule holds, its references moving with each cell", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "bids",
      sheets: [
        {
          name: "Bids",
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                ["Item", "A", "B"],
                ["Camera", 100, 90],
                ["Grip", 50, 60],
              ],
            },
          ],
          conditionalFormats: [
            { address: "B2:C3", formula: "=AND(ISNUMBER(B2),B2=MIN($B2:$C2))", fill: "#C6EFCE", bold: true },
          ],
        },
      ],
    });
    const marked = [
      [1, 1],
      [1, 2],
      [2, 1],
      [2, 2],
    ].map(([r, c]) => book.view("Bids", r, c).fill ?? null);
    expect(marked).toEqual([null, "#C6EFCE", "#C6EFCE", null]);
    expect(book.view("Bids", 1, 2).bold).toBe(true);
  });
});

describe("what a person types and what panels write keep the workbook whole", () => {
  it("refuses a typed formula naming a table that is not there, and the next plan still writes", async () => {
    const book = new MemoryWorkbook();
    expect(() => book.enter("Sheet1", 0, 0, "=SUM(Nope[Rate])")).toThrow(/Nope/);
    expect(book.view("Sheet1", 0, 0).input).toBe("");
    await book.apply(budget());
    expect(book.view("Top Sheet", 0, 1).display).not.toBe("");
  });

  it("hides the plan's hidden columns, and a replace shows again a column an earlier run hid", async () => {
    const book = new MemoryWorkbook();
    const plan = (hiddenColumns: number[], mode: "create" | "replaceOwned") => ({
      owner: "versions",
      sheets: [
        {
          name: "Checked",
          mode,
          blocks: [{ row: 0, column: 0, cells: [["a", "b", "check"]] }],
          hiddenColumns,
        },
      ],
    });
    await book.apply(plan([2], "create"));
    expect(book.layout("Checked").hiddenColumns).toEqual([2]);
    expect((await book.readUsedRange("Checked"))?.values).toEqual([["a", "b", "check"]]);
    await book.apply(plan([1], "replaceOwned"));
    expect(book.layout("Checked").hiddenColumns).toEqual([1]);
  });

  it("deletes columns as Excel does: cells, formats and hidden state move left, formulas, names and marks follow", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "versions",
      sheets: [
        {
          name: "Checked",
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [[1, 2, 3, { formula: "=A1+C1" }, { formula: "=B1" }]],
              columnFormats: [null, null, NUMBER_FORMATS.money, null, null],
            },
          ],
          hiddenColumns: [3],
        },
      ],
      names: [{ name: "Third", sheet: "Checked", address: "$C$1" }],
    });
    await book.apply({
      owner: "user",
      sheets: [
        {
          name: "Other",
          mode: "create",
          blocks: [{ row: 0, column: 0, cells: [[{ formula: "=Checked!C1*2" }]] }],
        },
      ],
    });
    book.deleteColumns("Checked", 1, 1);
    expect(book.view("Checked", 0, 1)).toMatchObject({ display: "3.00 ", input: "3" });
    expect(book.view("Checked", 0, 2).input).toBe("=A1+B1");
    expect(book.view("Checked", 0, 3).display).toBe("#REF!");
    expect(book.view("Other", 0, 0)).toMatchObject({ input: "=Checked!B1*2", display: "6" });
    expect(book.layout("Checked").hiddenColumns).toEqual([2]);
    expect(await book.listNames()).toEqual([{ name: "Third", formula: "=Checked!$B$1" }]);
    expect(await book.readUsedRange("Checked")).toEqual(expect.objectContaining({ hiddenByProd: [2] }));
    // Column A, where PROD's mark is: Excel makes the mark #REF!, and it owns nothing.
    book.deleteColumns("Checked", 0, 1);
    expect(await book.findOwned("versions")).toEqual([]);
  });

  it("inserts and deletes rows as Excel does: cells, formats and bold move, formulas widen or shrink, the frozen pane and print area follow", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "versions",
      sheets: [
        {
          name: "Rows",
          mode: "create",
          blocks: [
            { row: 0, column: 0, cells: [["Account", "Amount"]], bold: true },
            {
              row: 1,
              column: 0,
              cells: [
                ["a", 100.5],
                ["b", 250.25],
                ["Total", { formula: "=ROUND(SUM(B2:B3),2)" }],
              ],
              columnFormats: [null, NUMBER_FORMATS.money],
            },
          ],
          freeze: { rows: 1 },
          printArea: "A1:B4",
        },
      ],
    });
    book.insertRows("Rows", 2, 2);
    expect([2, 3, 4, 5].map((r) => book.view("Rows", r, 1).display)).toEqual(["", "", "250.25 ", "350.75 "]);
    expect(book.view("Rows", 5, 1).input).toBe("=ROUND(SUM(B2:B5),2)");
    expect(book.layout("Rows")).toMatchObject({ freeze: { rows: 1 }, printArea: "A1:B6" });
    // A figure typed in an inserted row shows in the format of the row above, and is in the total.
    book.enter("Rows", 2, 1, "9.25");
    expect(book.view("Rows", 2, 1).display).toBe("9.25 ");
    expect(book.view("Rows", 5, 1).display).toBe("360.00 ");
    // One row inserted above the header moves it, in the frozen pane, which grows; formatted as
    // the row under it (none above), bold.
    book.insertRows("Rows", 0, 1);
    expect(book.view("Rows", 1, 0)).toMatchObject({ display: "Account", bold: true });
    expect(book.view("Rows", 0, 0).bold).toBe(true);
    expect(book.layout("Rows")).toMatchObject({ freeze: { rows: 2 }, printArea: "A2:B7" });
    book.deleteRows("Rows", 0, 1);
    book.deleteRows("Rows", 2, 2);
    expect(book.view("Rows", 3, 1)).toMatchObject({ input: "=ROUND(SUM(B2:B3),2)", display: "350.75 " });
    book.deleteRows("Rows", 1, 2);
    expect(book.view("Rows", 1, 1)).toMatchObject({ input: "=ROUND(SUM(#REF!),2)", display: "#REF!" });
    expect(book.layout("Rows")).toMatchObject({ freeze: { rows: 1 }, printArea: "A1:B2" });
  });

  it("refuses to delete columns a table would move with (a limit of the preview), and on a protected sheet", async () => {
    const book = new MemoryWorkbook();
    await book.apply(budget());
    const [table] = await book.listTables();
    expect(() => book.deleteColumns(table.sheet, 0, 1)).toThrow(
      /cannot delete these columns: they would move/,
    );
    expect(() => book.insertRows(table.sheet, 0, 1)).toThrow(/cannot insert these rows: they would move/);
    await book.apply({
      owner: "versions",
      sheets: [
        {
          name: "Locked",
          mode: "create",
          blocks: [{ row: 0, column: 0, cells: [["a", "b"]] }],
          protect: true,
        },
      ],
    });
    expect(() => book.deleteColumns("Locked", 0, 1)).toThrow(/protected sheet/);
    expect(() => book.deleteRows("Locked", 0, 1)).toThrow(/protected sheet/);
    expect(() => book.setColumnsHidden("Locked", 0, 1, true)).toThrow(/protected sheet/);
    expect(book.view("Locked", 0, 0).display).toBe("a");
  });

  it("writing into an existing sheet keeps its frozen rows, widths and conditional formats", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "templates",
      sheets: [
        {
          name: "Budget Detail",
          mode: "create",
          blocks: [{ row: 0, column: 0, cells: [["Acct", "Total"]] }],
          freeze: { rows: 1 },
          columnWidths: [60, 90],
          conditionalFormats: [{ address: "B2:B9", formula: "=B2<0", fill: "#FFC7CE" }],
        },
      ],
    });
    await book.apply({
      owner: "fringes",
      sheets: [{ name: "Budget Detail", mode: "existing", blocks: [{ row: 1, column: 1, cells: [[100]] }] }],
    });
    expect(book.layout("Budget Detail")).toMatchObject({
      freeze: { rows: 1 },
      columnWidths: [60, 90],
      conditionalFormats: [{ address: "B2:B9", formula: "=B2<0", fill: "#FFC7CE" }],
    });
  });
});

describe("a ledger opened as a sheet and read back (issue 16)", () => {
  it("opens a CSV as Excel reads one: numbers and dates as numbers, text as text, named after the file", async () => {
    const book = new MemoryWorkbook();
    const name = book.openCsv("GL detail.csv", [
      ["Account", "Date", "Vendor", "Amount"],
      ["2501", "2026-11-18", "Grip Co", "1,250.50"],
      ["25-01", "2026-11-02", "00123", "-75"],
    ]);
    expect(name).toBe("GL detail");
    expect(book.activeSheet).toBe("GL detail");
    expect(book.openCsv("GL detail.csv", [["x"]])).toBe("GL detail (2)");
    const read = await book.readUsedRange("GL detail");
    expect(read?.values).toEqual([
      ["Account", "Date", "Vendor", "Amount"],
      [2501, 46344, "Grip Co", 1250.5],
      ["25-01", 46328, 123, -75],
    ]);
    expect(book.view("GL detail", 1, 1).display).toBe("11/18/2026");
  });

  it("reads a long sheet in slices, with progress between them, and stops there on Cancel", async () => {
    const book = new MemoryWorkbook();
    const rows = [
      ["Account", "Amount"],
      ...Array.from({ length: 12_000 }, (_, i) => [`${2501 + (i % 7)}`, `${i}`]),
    ];
    book.openCsv("GL.csv", rows);
    const progress: number[] = [];
    const read = await book.readUsedRange("GL", { onProgress: (p) => progress.push(p.done) });
    expect(read?.values).toHaveLength(12_001);
    expect(read?.values[12_000]).toEqual([2501 + (11_999 % 7), 11_999]);
    expect(progress).toEqual([5_000, 10_000, 12_001]);

    const controller = new AbortController();
    const cancelled = book.readUsedRange("GL", {
      signal: controller.signal,
      onProgress: (p) => (p.done === 5_000 ? controller.abort() : undefined),
    });
    await expect(cancelled).rejects.toMatchObject({ kind: "cancelled" });
  });
});
