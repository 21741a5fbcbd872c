/*
 * What every workbook port must do, seen only through the port: the Office adapter (on the
 * office-addin-mock Excel) and the preview's in-memory workbook both pass these, so the pane
 * behaves the same in Excel and in the browser preview.
 */
import { type Cell, type WorkbookPort, type WritePlan } from "../../src/excel/port";
import { INJECTION_PAYLOADS } from "../excel/injectionCorpus";

const budgetPlan = (owner = "templates", name = "Budget"): WritePlan => ({
  owner,
  sheets: [
    {
      name,
      mode: "create",
      blocks: [
        { row: 0, column: 0, cells: [["Acct", "Description", "Total"]], bold: true },
        {
          row: 1,
          column: 0,
          cells: [
            [1101, "Story purchase", 1000],
            [1201, "Producer", 2500.5],
          ],
          columnFormats: [null, null, "#,##0.00"],
        },
      ],
      tables: [{ name: `${name}Lines`, row: 0, column: 0, rowCount: 3, columnCount: 3 }],
      freeze: { rows: 1 },
    },
  ],
  names: [{ name: `${name}Producer`, sheet: name, address: "$C$3" }],
  activate: name,
});

/** A sheet someone else made, with the given cells from A1. */
const userSheet = (name: string, cells: Cell[][]): WritePlan => ({
  owner: "user",
  sheets: [{ name, mode: "create", blocks: [{ row: 0, column: 0, cells }] }],
});

const refusal = (kind: string) => expect.objectContaining({ kind, name: "PortError" });

/** Runs the contract against ports made by `make` (each test gets a fresh, empty workbook). */
export function describeWorkbookPortContract(label: string, make: () => WorkbookPort): void {
  describe(`${label} keeps the workbook port's contract`, () => {
    let port: WorkbookPort;
    beforeEach(() => {
      port = make();
    });

    it("creates a sheet with its values, table and name, and reads them back", async () => {
      await port.apply(budgetPlan());
      expect(await port.listSheets()).toContain("Budget");
      expect((await port.readRange({ sheet: "Budget", address: "A2:C3" })).values).toEqual([
        [1101, "Story purchase", 1000],
        [1201, "Producer", 2500.5],
      ]);
      expect(await port.readUsedRange("Budget")).toEqual(
        expect.objectContaining({ sheet: "Budget", address: "A1:C3" }),
      );
      expect(await port.listTables()).toContainEqual({ name: "BudgetLines", sheet: "Budget" });
      expect(await port.readTable("BudgetLines")).toEqual(
        expect.objectContaining({
          headers: ["Acct", "Description", "Total"],
          rows: [
            [1101, "Story purchase", 1000],
            [1201, "Producer", 2500.5],
          ],
        }),
      );
      expect((await port.readNamedRange("BudgetProducer"))?.values).toEqual([[2500.5]]);
      expect((await port.listNames()).map((n) => n.name)).toEqual(["BudgetProducer"]);
    });

    it("never touches an existing sheet of the same name: refuses before writing anything", async () => {
      await port.apply(userSheet("Budget", [["mine"]]));
      const plan = budgetPlan();
      plan.sheets.unshift({ name: "Other", mode: "create", blocks: [{ row: 0, column: 0, cells: [[1]] }] });
      await expect(port.apply(plan)).rejects.toEqual(refusal("sheetExists"));
      expect((await port.readRange({ sheet: "Budget", address: "A1" })).values).toEqual([["mine"]]);
      expect(await port.listSheets()).not.toContain("Other");
    });

    it('treats sheet names as Excel does, without regard to case: never creates "Fringes" beside "fringes"', async () => {
      await port.apply(userSheet("fringes", [["mine"]]));
      await expect(port.apply(userSheet("Fringes", [["theirs"]]))).rejects.toEqual(refusal("sheetExists"));
      expect((await port.readRange({ sheet: "fringes", address: "A1" })).values).toEqual([["mine"]]);
      expect(await port.listSheets()).toEqual(expect.not.arrayContaining(["Fringes"]));
    });

    it("replaces a sheet it made, and leaves alone one of the same name it did not make", async () => {
      await port.apply(budgetPlan());
      const again = budgetPlan();
      again.sheets[0].mode = "replaceOwned";
      again.sheets[0].blocks = [
        {
          row: 0,
          column: 0,
          cells: [
            ["Acct", "Description", "Total"],
            [2501, "Camera", 9],
          ],
        },
      ];
      again.sheets[0].tables = [{ name: "BudgetLines", row: 0, column: 0, rowCount: 2, columnCount: 3 }];
      await port.apply(again);
      expect((await port.readUsedRange("Budget"))?.values).toEqual([
        ["Acct", "Description", "Total"],
        [2501, "Camera", 9],
      ]);
      expect(await port.findOwned("templates")).toEqual([
        expect.objectContaining({ sheet: "Budget", owner: "templates", key: "Budget" }),
      ]);

      await port.apply(userSheet("Cost Report", [["mine"]]));
      const theirs: WritePlan = {
        owner: "costReport",
        sheets: [
          { name: "Cost Report", mode: "replaceOwned", blocks: [{ row: 0, column: 0, cells: [[1]] }] },
        ],
      };
      await expect(port.apply(theirs)).rejects.toEqual(refusal("notOwned"));
      expect((await port.readRange({ sheet: "Cost Report", address: "A1" })).values).toEqual([["mine"]]);
    });

    it("reclaims a sheet without its mark when asked to: rewritten, re-marked, the mark hidden", async () => {
      // A sheet without the templates' mark: the pane recognised it as its own, and the user said yes.
      await port.apply(
        userSheet("Budget", [
          ["Acct", "Description", "Total"],
          [1101, "Old line", 5],
        ]),
      );
      const reclaim = budgetPlan();
      reclaim.sheets[0].mode = "reclaim";
      await port.apply(reclaim);
      expect((await port.readUsedRange("Budget"))?.values).toEqual([
        ["Acct", "Description", "Total"],
        [1101, "Story purchase", 1000],
        [1201, "Producer", 2500.5],
      ]);
      expect(await port.findOwned("templates")).toEqual([
        expect.objectContaining({ sheet: "Budget", owner: "templates", key: "Budget" }),
      ]);
      // Marks are hidden: never listed with the user's names.
      expect((await port.listNames()).map((n) => n.name)).toEqual(["BudgetProducer"]);
      // Taken back, it is replaced by its mark from then on.
      const again = budgetPlan();
      again.sheets[0].mode = "replaceOwned";
      again.names = [];
      await port.apply(again);
      expect((await port.readRange({ sheet: "Budget", address: "B2" })).values).toEqual([["Story purchase"]]);
    });

    it("takes back a sheet without its mark, rewriting nothing, when asked to re-mark it", async () => {
      // A budget the user works in, whose mark a macro deleted: the pane told it by its content.
      await port.apply(
        userSheet("Budget", [
          ["Acct", "Description", "Fringes set"],
          [1101, "Story purchase", null],
          [1201, "Producer", "typed"],
        ]),
      );
      const remark: WritePlan = {
        owner: "templates",
        sheets: [
          {
            name: "Budget",
            mode: "remark",
            markKey: "detail",
            blocks: [{ row: 1, column: 2, cells: [[{ text: "SAG-AFTRA" }]] }],
          },
        ],
      };
      await port.apply(remark);
      expect((await port.readUsedRange("Budget"))?.values).toEqual([
        ["Acct", "Description", "Fringes set"],
        [1101, "Story purchase", "SAG-AFTRA"],
        [1201, "Producer", "typed"],
      ]);
      expect(await port.findOwned("templates")).toEqual([
        expect.objectContaining({ sheet: "Budget", owner: "templates", key: "detail" }),
      ]);
      expect(await port.listNames()).toEqual([]);
      // Marked already (the pane asked twice), it is marked again, not refused.
      await port.apply(remark);
      expect(await port.findOwned("templates")).toHaveLength(1);
      // Never a sheet that is not there.
      remark.sheets[0].name = "Nowhere";
      await expect(port.apply(remark)).rejects.toEqual(refusal("notFound"));
    });

    it("refuses a name or table name the workbook already uses, writing nothing", async () => {
      await port.apply(budgetPlan());
      const clash = budgetPlan("bids", "Bids");
      clash.names = [{ name: "BudgetProducer", sheet: "Bids", address: "A1" }];
      await expect(port.apply(clash)).rejects.toEqual(refusal("nameExists"));
      expect(await port.listSheets()).not.toContain("Bids");
      const tableClash = budgetPlan("bids", "Bids");
      tableClash.sheets[0].tables = [{ name: "BudgetLines", row: 0, column: 0, rowCount: 3, columnCount: 3 }];
      await expect(port.apply(tableClash)).rejects.toEqual(refusal("nameExists"));
    });

    it("fails, as Excel's names.add does, on a plan that adds the same name twice", async () => {
      const plan = budgetPlan();
      plan.names = [...plan.names!, { name: "budgetproducer", sheet: "Budget", address: "$C$2" }];
      await expect(port.apply(plan)).rejects.toEqual(refusal("host"));
    });

    it("refuses to write into a sheet that is not there", async () => {
      const plan: WritePlan = { owner: "bids", sheets: [{ name: "Nowhere", mode: "existing", blocks: [] }] };
      await expect(port.apply(plan)).rejects.toEqual(refusal("notFound"));
      await expect(port.readRange({ sheet: "Nowhere", address: "A1" })).rejects.toEqual(refusal("notFound"));
    });

    it.each(["apostrophe", "format"] as const)(
      "keeps text from outside as the exact text (%s mode)",
      async (textMode) => {
        const plan: WritePlan = {
          owner: "bids",
          sheets: [
            {
              name: "Bids",
              mode: "create",
              blocks: [{ row: 0, column: 0, cells: INJECTION_PAYLOADS.map((text) => [{ text }]), textMode }],
            },
          ],
        };
        await port.apply(plan);
        const values = (await port.readRange({ sheet: "Bids", address: `A1:A${INJECTION_PAYLOADS.length}` }))
          .values;
        expect(values.map((row) => row[0])).toEqual(INJECTION_PAYLOADS);
      },
    );

    it.each(["apostrophe", "format"] as const)(
      "writes empty outside text as a blank cell, not an empty-text one (%s mode)",
      async (textMode) => {
        await port.apply({
          owner: "bids",
          sheets: [
            {
              name: "Bids",
              mode: "create",
              blocks: [{ row: 0, column: 0, cells: [[{ text: "Vendor" }, { text: "" }]], textMode }],
            },
          ],
        });
        expect(await port.findNonEmpty([{ sheet: "Bids", address: "B1" }])).toEqual([]);
        expect(await port.readUsedRange("Bids")).toEqual(expect.objectContaining({ address: "A1" }));
      },
    );

    it("writes and reads a hidden column's cells as any other (a row's check is read with the sheet)", async () => {
      await port.apply({
        owner: "versions",
        sheets: [
          {
            name: "Checked",
            mode: "create",
            blocks: [{ row: 0, column: 0, cells: [["Account", null, { text: "PROD check: 1a2b3c4d" }]] }],
            hiddenColumns: [2],
          },
        ],
      });
      expect(await port.readUsedRange("Checked")).toEqual(
        expect.objectContaining({ address: "A1:C1", values: [["Account", "", "PROD check: 1a2b3c4d"]] }),
      );
    });

    it("keeps PROD's own labels that start like a formula as text", async () => {
      await port.apply(userSheet("Labels", [["- Less: discount", "=== Totals ==="]]));
      expect((await port.readRange({ sheet: "Labels", address: "A1:B1" })).values).toEqual([
        ["- Less: discount", "=== Totals ==="],
      ]);
    });

    it("reads values, formulas and number formats together (readCells): General where none was set", async () => {
      await port.apply({
        owner: "user",
        sheets: [
          {
            name: "Notes",
            mode: "create",
            blocks: [
              {
                row: 0,
                column: 0,
                cells: [[46000, 0.12, 1250.5, { formula: "=A1+1" }, { text: "00123" }, 7]],
                columnFormats: [null, null, null, "m/d/yyyy", null, null],
                cellFormats: [["m/d/yyyy", "0%", "#,##0.00_);(#,##0.00)", null, "@", null]],
              },
            ],
          },
        ],
      });
      const [cells] = await port.readCells([{ sheet: "Notes", address: "A1:G1" }]);
      expect(cells.formulas).toEqual([[46000, 0.12, 1250.5, "=A1+1", "00123", 7, ""]]);
      expect(cells.numberFormats).toEqual([
        ["m/d/yyyy", "0%", "#,##0.00_);(#,##0.00)", "m/d/yyyy", "@", "General", "General"],
      ]);
    });

    it("reads each value's type with them when asked (readCells): #N/A written as a value is the error, as text it is text", async () => {
      // Excel reads a string written to `values` as typed ("#N/A" is the error value), and
      // Range.valueTypes tells the error from text that reads the same (Excel.RangeValueType).
      await port.apply({
        owner: "user",
        sheets: [
          {
            name: "Notes",
            mode: "create",
            blocks: [{ row: 0, column: 0, cells: [["#N/A", { text: "#N/A" }, 5, null, true, "Crew"]] }],
          },
        ],
      });
      const notes = { sheet: "Notes", address: "A1:F1" };
      const [cells] = await port.readCells([notes], { valueTypes: true });
      expect(cells.values).toEqual([["#N/A", "#N/A", 5, "", true, "Crew"]]);
      expect(cells.valueTypes).toEqual([["Error", "String", "Double", "Empty", "Boolean", "String"]]);
      // Only when asked: a sheet read in bands stays under Excel on the web's 5 MB response.
      expect((await port.readCells([notes]))[0].valueTypes).toBeUndefined();
    });

    it("finds which ranges hold something", async () => {
      await port.apply(
        userSheet("Notes", [
          [null, null],
          [null, "note"],
        ]),
      );
      const found = await port.findNonEmpty([
        { sheet: "Notes", address: "A1:A5" },
        { sheet: "Notes", address: "B1:B5" },
        { sheet: "Missing", address: "A1" },
      ]);
      expect(found).toEqual([{ sheet: "Notes", address: "B1:B5" }]);
    });

    it("replaces a table's rows and resizes it, keeping the header", async () => {
      await port.apply(budgetPlan());
      await port.replaceTableRows("BudgetLines", [
        [2501, { text: "=Camera" }, 10],
        [2502, "Grip", 20],
        [2503, "Electric", 30],
      ]);
      const table = await port.readTable("BudgetLines");
      expect(table?.address).toBe("A1:C4");
      expect(table?.rows).toEqual([
        [2501, "=Camera", 10],
        [2502, "Grip", 20],
        [2503, "Electric", 30],
      ]);
    });

    it("refuses to grow a table over the user's cells unless allowed", async () => {
      await port.apply(budgetPlan());
      await port.apply({
        owner: "user",
        sheets: [{ name: "Budget", mode: "existing", blocks: [{ row: 4, column: 1, cells: [["mine"]] }] }],
      });
      const rows: Cell[][] = [1, 2, 3, 4].map((n) => [n, "x", n]);
      await expect(port.replaceTableRows("BudgetLines", rows)).rejects.toEqual(refusal("wouldOverwrite"));
      expect((await port.readRange({ sheet: "Budget", address: "B5" })).values).toEqual([["mine"]]);
      await port.replaceTableRows("BudgetLines", rows, { allowOverwrite: true });
      expect((await port.readTable("BudgetLines"))?.rows).toHaveLength(4);
      await expect(port.replaceTableRows("NoSuchTable", rows)).rejects.toEqual(refusal("notFound"));
    });

    it("protects a sheet when asked, lifts its protection only for its own writes, and refuses writes that do not protect it again", async () => {
      const plan = budgetPlan();
      plan.sheets[0].protect = true;
      await port.apply(plan);
      const into = (protect?: boolean): WritePlan => ({
        owner: "templates",
        sheets: [
          { name: "Budget", mode: "existing", protect, blocks: [{ row: 5, column: 0, cells: [["x"]] }] },
        ],
      });
      // A write that would leave it unprotected is refused before anything is written.
      await expect(port.apply(into())).rejects.toEqual(refusal("protected"));
      await expect(port.replaceTableRows("BudgetLines", [[1, "a", 1]])).rejects.toEqual(refusal("protected"));
      expect((await port.readTable("BudgetLines"))?.rows).toHaveLength(2);
      expect(await port.findNonEmpty([{ sheet: "Budget", address: "A6" }])).toEqual([]);
      // PROD's own writes lift it, write, and protect it again: the next unprotected write is refused.
      await port.apply(into(true));
      await port.replaceTableRows("BudgetLines", [[1, "a", 1]], { protect: true });
      expect((await port.readTable("BudgetLines"))?.rows).toEqual([[1, "a", 1]]);
      expect((await port.readRange({ sheet: "Budget", address: "A6" })).values).toEqual([["x"]]);
      await expect(port.apply(into())).rejects.toEqual(refusal("protected"));
      // Replacing it (cleared and rewritten) also works, and it stays protected.
      await port.apply({ ...budgetPlan(), sheets: [{ ...plan.sheets[0], mode: "replaceOwned" }] });
      expect((await port.readTable("BudgetLines"))?.rows).toHaveLength(2);
      await expect(port.replaceTableRows("BudgetLines", [])).rejects.toEqual(refusal("protected"));
    });

    describe("finds where the workbook refers to a sheet from outside it (findLinksTo)", () => {
      /** "Budget comparison" (figures in row 12, a formula of its own) and a sheet named like it. */
      const comparisons = async () => {
        const row12 = (sheet: string): Cell[] => [
          "Total",
          1,
          2,
          3,
          4,
          { formula: "=E12*2" },
          { formula: `='${sheet}'!E12` },
        ];
        await port.apply({
          owner: "user",
          sheets: ["Budget comparison", "Budget comparison 2"].map((name) => ({
            name,
            mode: "create",
            blocks: [{ row: 11, column: 0, cells: [row12(name)] }],
          })),
        });
      };
      const links = (sheet: string, address: string) => ({ sheet, address });

      it("reports the cells of other sheets that refer to it, merged into areas, not its own", async () => {
        await comparisons();
        await port.apply(
          userSheet("Top Sheet", [
            ["Top sheet"],
            [{ formula: "='Budget comparison'!E12" }, { formula: "='Budget comparison 2'!E12" }],
            [{ formula: "='Budget comparison'!E12*2" }],
            [{ formula: "=SUM('Budget comparison'!B12:D12)" }],
          ]),
        );
        expect(await port.findLinksTo("Budget comparison")).toEqual({
          cells: [links("Top Sheet", "A2:A4")],
          names: [],
        });
        // A sheet whose name begins with the other's is a sheet of its own.
        expect(await port.findLinksTo("budget comparison 2")).toEqual({
          cells: [links("Top Sheet", "B2")],
          names: [],
        });
      });

      it("reports nothing when only the sheet's own cells refer to it", async () => {
        await comparisons();
        expect(await port.findLinksTo("Budget comparison")).toEqual({ cells: [], names: [] });
      });

      it("reports a name that refers to it, and the cells that use the name", async () => {
        await comparisons();
        await port.apply({
          owner: "user",
          sheets: [],
          names: [{ name: "ComparisonTotal", sheet: "Budget comparison", address: "$E$12" }],
        });
        await port.apply(userSheet("Notes", [["Agreed", { formula: "=ComparisonTotal" }]]));
        expect(await port.findLinksTo("Budget comparison")).toEqual({
          cells: [links("Notes", "B1")],
          names: ["ComparisonTotal"],
        });
        expect(await port.findLinksTo("Budget comparison 2")).toEqual({ cells: [], names: [] });
      });

      it("reports a cell that refers to a table on it, and still after PROD replaced the sheet", async () => {
        await port.apply(budgetPlan());
        await port.apply(userSheet("Summary", [[{ formula: "=SUM(BudgetLines[Total])" }]]));
        const found = { cells: [links("Summary", "A1")], names: ["BudgetProducer"] };
        expect(await port.findLinksTo("Budget")).toEqual(found);
        await port.apply({ ...budgetPlan(), sheets: [{ ...budgetPlan().sheets[0], mode: "replaceOwned" }] });
        expect(await port.findLinksTo("Budget")).toEqual(found);
      });

      it("reads a sheet name with apostrophes, quoted as Excel quotes it", async () => {
        await port.apply(userSheet("O'Brien's sheet", [["Fee", 1500]]));
        await port.apply(userSheet("Top Sheet", [[null, { formula: "='O''Brien''s sheet'!B1" }]]));
        expect(await port.findLinksTo("O'Brien's sheet")).toEqual({
          cells: [links("Top Sheet", "B1")],
          names: [],
        });
      });

      it("answers no links for a sheet nothing refers to, and refuses a sheet that is not there", async () => {
        await port.apply(userSheet("Alone", [["x"]]));
        expect(await port.findLinksTo("Alone")).toEqual({ cells: [], names: [] });
        await expect(port.findLinksTo("Missing")).rejects.toEqual(refusal("notFound"));
      });
    });

    it("stops before writing when cancelled", async () => {
      const controller = new AbortController();
      controller.abort();
      await expect(port.apply(budgetPlan(), { signal: controller.signal })).rejects.toEqual(
        refusal("cancelled"),
      );
      expect(await port.listSheets()).not.toContain("Budget");
    });
  });
}

/** What the user does to a sheet's columns in Excel, for the contract below: each workbook does it as Excel does. */
export interface ColumnUser {
  /** Home > Format > Hide & Unhide > Hide Columns, on `count` columns from `column`. */
  hideColumns(sheet: string, column: number, count: number): void;
  /** Home > Delete > Delete Sheet Columns: the cells right of them move left, formulas and names follow. */
  deleteColumns(sheet: string, column: number, count: number): void;
  /** The sheet's hidden columns, whoever hid them, in order. */
  hiddenColumns(sheet: string): number[];
}

/**
 * The columns PROD hides (SheetPlan.hiddenColumns, its row checks) and the user's own, through
 * the port and the user's column commands: every workbook port keeps this too.
 */
export function describeHiddenColumnsContract(
  label: string,
  make: () => { port: WorkbookPort; user: ColumnUser },
): void {
  describe(`${label} keeps the contract of the columns PROD hides`, () => {
    const checked = (mode: "create" | "replaceOwned", hiddenColumns: number[]): WritePlan => ({
      owner: "versions",
      sheets: [
        {
          name: "Checked",
          mode,
          blocks: [{ row: 0, column: 0, cells: [["Account", "Notes", "check", "mine"]] }],
          hiddenColumns,
        },
      ],
    });

    it("names the columns it hid, so a read of the sheet finds them where Excel moved them, or none once deleted", async () => {
      const { port, user } = make();
      await port.apply(checked("create", [2]));
      expect(user.hiddenColumns("Checked")).toEqual([2]);
      expect(await port.readUsedRange("Checked")).toEqual(expect.objectContaining({ hiddenByProd: [2] }));
      // The name is PROD's, hidden and on the sheet: not one of the workbook's names, nor a link.
      expect(await port.listNames()).toEqual([]);
      expect(await port.findLinksTo("Checked")).toEqual({ cells: [], names: [] });
      // The user deletes column A: the hidden column moves to B, and so does the name.
      user.deleteColumns("Checked", 0, 1);
      expect(user.hiddenColumns("Checked")).toEqual([1]);
      expect(await port.readUsedRange("Checked")).toEqual({
        sheet: "Checked",
        address: "A1:C1",
        values: [["Notes", "check", "mine"]],
        hiddenByProd: [1],
      });
      // Then the hidden column itself: the name stays, holding none.
      user.deleteColumns("Checked", 1, 1);
      expect(await port.readUsedRange("Checked")).toEqual({
        sheet: "Checked",
        address: "A1:B1",
        values: [["Notes", "mine"]],
        hiddenByProd: [],
      });
    });

    it("says nothing of hidden columns on a sheet PROD hid none on", async () => {
      const { port } = make();
      await port.apply(userSheet("Mine", [["a", "b"]]));
      expect(await port.readUsedRange("Mine")).toEqual({
        sheet: "Mine",
        address: "A1:B1",
        values: [["a", "b"]],
      });
    });

    it("on a replace shows again only the column it hid: one the user hid stays hidden, where Excel moved it", async () => {
      const { port, user } = make();
      await port.apply(checked("create", [2]));
      user.hideColumns("Checked", 5, 1);
      // A wider output hides D: C is shown again, F (the user's) stays hidden.
      await port.apply(checked("replaceOwned", [3]));
      expect(user.hiddenColumns("Checked")).toEqual([3, 5]);
      expect(await port.readUsedRange("Checked")).toEqual(expect.objectContaining({ hiddenByProd: [3] }));
      // The user deletes PROD's hidden column: their own moves to E; the next replace hides C only.
      user.deleteColumns("Checked", 3, 1);
      expect(user.hiddenColumns("Checked")).toEqual([4]);
      await port.apply(checked("replaceOwned", [2]));
      expect(user.hiddenColumns("Checked")).toEqual([2, 4]);
      expect(await port.readUsedRange("Checked")).toEqual(expect.objectContaining({ hiddenByProd: [2] }));
      // An output that hides nothing shows PROD's column again, and names none.
      await port.apply(checked("replaceOwned", []));
      expect(user.hiddenColumns("Checked")).toEqual([4]);
      expect(await port.readUsedRange("Checked")).not.toHaveProperty("hiddenByProd");
    });
  });
}

/** What the user does to a sheet's rows in Excel, for the contract below: each workbook does it as Excel does. */
export interface RowUser {
  /** Home > Insert > Insert Sheet Rows: `count` blank rows at `row`, the rows from it moving down. */
  insertRows(sheet: string, row: number, count: number): void;
  /** Home > Delete > Delete Sheet Rows: `count` rows from `row` go, the rows under them move up. */
  deleteRows(sheet: string, row: number, count: number): void;
}

/**
 * Rows the user inserts into or deletes from a sheet PROD wrote: its cells, the formulas on it
 * and on other sheets, the workbook's names and PROD's mark move as Excel moves them, through
 * every workbook port alike (the comparison readers rely on it, userWork.ts and tableRows.ts).
 */
export function describeRowsContract(label: string, make: () => { port: WorkbookPort; user: RowUser }): void {
  describe(`${label} moves rows as Excel does`, () => {
    const write = async (port: WorkbookPort) => {
      await port.apply({
        owner: "versions",
        sheets: [
          {
            name: "Rows",
            mode: "create",
            markKey: "rows",
            blocks: [
              {
                row: 0,
                column: 0,
                cells: [
                  ["Item", "Amount"],
                  ["a", 100],
                  ["b", 250],
                  ["Total", { formula: "=SUM(B2:B3)" }],
                ],
              },
            ],
          },
        ],
        names: [{ name: "Amounts", sheet: "Rows", address: "$B$2:$B$3" }],
      });
      await port.apply({
        owner: "user",
        sheets: [
          {
            name: "Other",
            mode: "create",
            blocks: [{ row: 0, column: 0, cells: [[{ formula: "=Rows!B4*2" }]] }],
          },
        ],
      });
    };
    const formulas = async (port: WorkbookPort) => {
      const [rows, other] = await port.readCells([
        { sheet: "Rows", address: "A1:B6" },
        { sheet: "Other", address: "A1" },
      ]);
      return { rows: rows.formulas, other: other.formulas[0][0] };
    };

    it("inserts rows: the rows below move down, a SUM across them widens, names, links and the mark follow", async () => {
      const { port, user } = make();
      await write(port);
      user.insertRows("Rows", 2, 1);
      expect(await formulas(port)).toEqual({
        rows: [
          ["Item", "Amount"],
          ["a", 100],
          ["", ""],
          ["b", 250],
          ["Total", "=SUM(B2:B4)"],
          ["", ""],
        ],
        other: "=Rows!B5*2",
      });
      expect(await port.listNames()).toEqual([{ name: "Amounts", formula: "=Rows!$B$2:$B$4" }]);
      expect((await port.findOwned("versions")).map((o) => [o.sheet, o.key])).toEqual([["Rows", "rows"]]);
    });

    it("deletes rows: the rows below move up, a SUM across them shrinks, a reference into them is #REF!", async () => {
      const { port, user } = make();
      await write(port);
      user.deleteRows("Rows", 2, 1);
      expect((await formulas(port)).rows.slice(0, 4)).toEqual([
        ["Item", "Amount"],
        ["a", 100],
        ["Total", "=SUM(B2:B2)"],
        ["", ""],
      ]);
      expect((await formulas(port)).other).toBe("=Rows!B3*2");
      expect(await port.listNames()).toEqual([{ name: "Amounts", formula: "=Rows!$B$2:$B$2" }]);
      // The total's row: the link is #REF! (Excel writes it `=Rows!#REF!*2`; the preview's
      // formula engine, which cannot read that back, `=#REF!*2`).
      user.deleteRows("Rows", 2, 1);
      expect((await formulas(port)).other).toMatch(/^=(Rows!)?#REF!\*2$/);
    });
  });
}
