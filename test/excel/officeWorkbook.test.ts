import { INJECTION_PAYLOADS } from "./injectionCorpus";
import { OfficeWorkbook, blockPieces, jsonBytes, linkedCells } from "../../src/excel/officeWorkbook";
import {
  type Cell,
  type WritePlan,
  PROD_HIDDEN_NAME,
  PortError,
  a1,
  a1Range,
  columnLetter,
  ownershipMarkName,
  parseA1,
  parseOwnershipMark,
  splitAddress,
} from "../../src/excel/port";
import { MockBook, cellKey, mockExcel } from "./mockExcel";

function setup(
  options: {
    maxPayloadBytes?: number;
    maxReadCells?: number;
    maxReadBytes?: number;
    isSetSupported?: (set: string, version: string) => boolean;
  } = {},
) {
  const book = new MockBook();
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({ run: excel.run, ...options });
  return { book, excel, port };
}

const smallPlan = (): WritePlan => ({
  owner: "test",
  sheets: [
    {
      name: "Budget",
      mode: "create",
      blocks: [
        { row: 0, column: 0, cells: [["Acct", "Description", "Total"]], bold: true },
        {
          row: 1,
          column: 0,
          cells: [
            [1101, "Story purchase", 1000],
            [1201, "Producer", 2500.5],
            [null, "Total", { formula: "=SUM(C2:C3)" }],
          ],
          columnFormats: [null, null, "#,##0.00"],
        },
      ],
      tables: [{ name: "BudgetLines", row: 0, column: 0, rowCount: 3, columnCount: 3 }],
      freeze: { rows: 1 },
      printArea: "A1:C4",
      columnWidths: [40, 200, 80],
    },
  ],
  names: [{ name: "BudgetTotal", sheet: "Budget", address: "$C$4", comment: "grand total" }],
  activate: "Budget",
});

describe("A1 helpers", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("names column %i as %s", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
    expect(parseA1(`${letters}1`).column).toBe(column);
  });

  it("round-trips addresses", () => {
    expect(a1(0, 0)).toBe("A1");
    expect(a1(4, 2, true)).toBe("$C$5");
    expect(a1Range(1, 1, 3, 2)).toBe("B2:C4");
    expect(parseA1("$B$2:$C$4")).toEqual({ row: 1, column: 1, rowCount: 3, columnCount: 2 });
    expect(splitAddress("'Top Sheet'!A1:B2")).toEqual({ sheet: "Top Sheet", address: "A1:B2" });
    expect(splitAddress("=Fringes!$A$1")).toEqual({ sheet: "Fringes", address: "A1" });
  });

  it.each(["Top Sheet", "Budget detail", "a_b.c", "Bids (2)"])("reads back the ownership key %s", (k) => {
    const mark = ownershipMarkName("templates", k);
    expect(mark).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    expect(parseOwnershipMark(mark)).toEqual({ owner: "templates", key: k, copy: "" });
  });

  it.each(["_2", "2", "a b"])("reads back a later copy's mark (%s), the key unchanged", (copy) => {
    const mark = ownershipMarkName("templates", "detail", copy);
    expect(mark).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    expect(mark).not.toBe(ownershipMarkName("templates", "detail"));
    expect(parseOwnershipMark(mark)).toEqual({ owner: "templates", key: "detail", copy });
  });
});

describe("OfficeWorkbook.apply", () => {
  it("creates the sheet with values, formulas, formats, table, names and panes in two syncs", async () => {
    const { book, excel, port } = setup();
    await port.apply(smallPlan());

    expect(excel.state.syncs).toBe(2);
    expect(book.cell("Budget", "A2")).toMatchObject({ kind: "value", content: 1101 });
    expect(book.cell("Budget", "B3")).toMatchObject({ kind: "value", content: "Producer" });
    expect(book.cell("Budget", "C4")).toMatchObject({
      kind: "formula",
      content: "=SUM(C2:C3)",
      format: "#,##0.00",
    });
    expect(book.cell("Budget", "A1")?.bold).toBe(true);
    expect(book.tables).toEqual([
      { name: "BudgetLines", sheet: "Budget", address: "A1:C3", style: "TableStyleLight9" },
    ]);
    const sheet = book.sheet("Budget");
    expect(sheet.freezeRows).toBe(1);
    expect(sheet.printArea).toBe("A1:C4");
    expect([...sheet.columnWidths.values()]).toEqual([40, 200, 80]);
    expect(book.names.find((n) => n.name === "BudgetTotal")).toMatchObject({ formula: "=Budget!$C$4" });
    const mark = book.names.find((n) => n.name === ownershipMarkName("test", "Budget"));
    expect(mark).toMatchObject({ formula: "=Budget!$A$1", visible: false });
    expect(book.active).toBe("Budget");
  });

  it("hides the plan's hidden columns with the rest of the structure (no sync of its own), and shows again on a replace what an earlier run hid", async () => {
    const { book, excel, port } = setup();
    const plan = (hiddenColumns: number[], mode: "create" | "replaceOwned" = "create"): WritePlan => ({
      owner: "test",
      sheets: [
        {
          name: "Checked",
          mode,
          blocks: [{ row: 0, column: 0, cells: [["Account", "Notes", "check"]] }],
          hiddenColumns,
        },
      ],
    });
    await port.apply(plan([2]));
    expect(excel.state.syncs).toBe(2);
    expect([...book.sheet("Checked").hiddenColumns]).toEqual([2]);
    // Hidden, still there: read as any other cell.
    expect(book.values("Checked", 0, 0, 1, 3)).toEqual([["Account", "Notes", "check"]]);
    // Named, hidden, on the sheet: where Excel keeps the column, read with the sheet's cells.
    expect(book.sheet("Checked").names).toEqual([
      expect.objectContaining({ name: PROD_HIDDEN_NAME, formula: "=Checked!$C:$C", visible: false }),
    ]);
    // A narrower output hides another column: the one hidden before is shown again, one the
    // user hid stays hidden; the name is read in the sync that reads the sheet's charts.
    book.sheet("Checked").hiddenColumns.add(4);
    const before = excel.state.syncs;
    await port.apply(plan([1], "replaceOwned"));
    expect(excel.state.syncs - before).toBe(3);
    expect([...book.sheet("Checked").hiddenColumns].sort()).toEqual([1, 4]);
    expect(book.sheet("Checked").names).toEqual([
      expect.objectContaining({ name: PROD_HIDDEN_NAME, formula: "=Checked!$B:$B", visible: false }),
    ]);
  });

  it("reads the columns PROD hid with the used range, in its first sync: where they are, none once deleted", async () => {
    const { book, excel, port } = setup();
    await port.apply({
      owner: "test",
      sheets: [
        {
          name: "Checked",
          mode: "create",
          blocks: [{ row: 0, column: 0, cells: [["Account", "Notes", "check"]] }],
          hiddenColumns: [2],
        },
      ],
    });
    let syncs = excel.state.syncs;
    expect(await port.readUsedRange("Checked")).toEqual({
      sheet: "Checked",
      address: "A1:C1",
      values: [["Account", "Notes", "check"]],
      hiddenByProd: [2],
    });
    // The used range and the name, then the values: as a sheet without the name.
    expect(excel.state.syncs - syncs).toBe(2);
    book.deleteColumns("Checked", 2, 1);
    syncs = excel.state.syncs;
    expect(await port.readUsedRange("Checked")).toEqual(expect.objectContaining({ hiddenByProd: [] }));
    expect(excel.state.syncs - syncs).toBe(2);
    book.addSheet("Mine", [["a"]]);
    expect(await port.readUsedRange("Mine")).toEqual({ sheet: "Mine", address: "A1", values: [["a"]] });
  });

  it("shows every column again on a replace of a sheet that hid columns before PROD named them, as it did then", async () => {
    const { book, port } = setup();
    const plan = (mode: "create" | "replaceOwned"): WritePlan => ({
      owner: "test",
      sheets: [
        {
          name: "Checked",
          mode,
          blocks: [{ row: 0, column: 0, cells: [["Account", "Notes", "check", "more"]] }],
          hiddenColumns: [mode === "create" ? 2 : 3],
        },
      ],
    });
    await port.apply(plan("create"));
    // Written before PROD named them: no name, and C hidden (PROD's check of then).
    book.sheet("Checked").names = [];
    await port.apply(plan("replaceOwned"));
    expect([...book.sheet("Checked").hiddenColumns]).toEqual([3]);
  });

  it("never touches an existing sheet of the same name: refuses before writing anything", async () => {
    const { book, excel, port } = setup();
    book.addSheet("Budget", [["mine", 42]]);
    const error = await port.apply(smallPlan()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortError);
    expect(error).toMatchObject({ kind: "sheetExists", subjects: ["Budget"] });
    expect(excel.state.syncs).toBe(1);
    expect(excel.state.requestsWithWrites).toEqual([]);
    expect(book.values("Budget", 0, 0, 1, 3)).toEqual([["mine", 42, ""]]);
    expect(book.names).toEqual([]);
  });

  it("refuses a name or table name the workbook already uses", async () => {
    const { book, port } = setup();
    book.addSheet("Other");
    book.names.push({ name: "BudgetTotal", formula: "=Other!$A$1", visible: true });
    await expect(port.apply(smallPlan())).rejects.toMatchObject({
      kind: "nameExists",
      subjects: ["BudgetTotal"],
    });
    expect(book.hasSheet("Budget")).toBe(false);
  });

  it("replaces a sheet it made, and refuses one of the same name it did not make", async () => {
    const { book, excel, port } = setup();
    await port.apply(smallPlan());
    book.write("Budget", 10, 0, "stale");
    const again: WritePlan = {
      ...smallPlan(),
      sheets: smallPlan().sheets.map((s) => ({ ...s, mode: "replaceOwned" })),
    };
    const before = excel.state.syncs;
    await port.apply(again);
    expect(excel.state.syncs - before).toBe(3);
    expect(book.cell("Budget", "A11")).toBeUndefined();
    expect(book.cell("Budget", "C4")?.content).toBe("=SUM(C2:C3)");
    expect(book.tables.map((t) => t.name)).toEqual(["BudgetLines"]);

    const other = setup();
    other.book.addSheet("Budget", [["user data"]]);
    await expect(other.port.apply(again)).rejects.toMatchObject({ kind: "notOwned" });
    expect(other.book.values("Budget", 0, 0, 1, 1)).toEqual([["user data"]]);
  });

  it("draws a chart over the plan's cells, and a re-run replaces it without extra syncs", async () => {
    const { book, excel, port } = setup();
    const charted = (mode: "create" | "replaceOwned"): WritePlan => ({
      owner: "test",
      sheets: [
        {
          name: "Report",
          mode,
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                ["Category", "Variance"],
                ["Camera", -5000],
                ["Grip", 1200],
              ],
            },
          ],
          charts: [
            {
              name: "Variances",
              kind: "BarClustered",
              source: "A1:B3",
              title: "Largest variances",
              topLeft: "D2",
              bottomRight: "K20",
            },
          ],
        },
      ],
    });
    await port.apply(charted("create"));
    expect(excel.state.syncs).toBe(2);
    const expected = {
      name: "Variances",
      kind: "BarClustered",
      source: "A1:B3",
      seriesBy: "Columns",
      title: "Largest variances",
      legend: false,
      topLeft: "D2",
      bottomRight: "K20",
    };
    expect(book.sheet("Report").charts).toEqual([expected]);

    const before = excel.state.syncs;
    await port.apply(charted("replaceOwned"));
    expect(excel.state.syncs - before).toBe(3);
    expect(book.sheet("Report").charts).toEqual([expected]);
  });

  describe.each(["apostrophe", "format"] as const)("text from files (%s mode)", (textMode) => {
    it("stores every injection payload as the exact text, never a formula", async () => {
      const { book, port } = setup();
      const cells: Cell[][] = INJECTION_PAYLOADS.map((text) => [{ text }]);
      await port.apply({
        owner: "t",
        sheets: [{ name: "Csv", mode: "create", blocks: [{ row: 0, column: 0, cells, textMode }] }],
      });
      INJECTION_PAYLOADS.forEach((text, i) => {
        const cell = book.cell("Csv", `A${i + 1}`);
        expect(cell?.kind ?? "value").toBe("value");
        expect(cell?.content ?? "").toBe(text);
        if (textMode === "format") expect(cell?.format).toBe("@");
      });
    });
  });

  it("protects PROD's own labels that happen to start like a formula", () => {
    const [piece] = blockPieces(
      "S",
      { row: 0, column: 0, cells: [["-- notes", "ok", { formula: "SUM(A1)" }]] },
      1e6,
    );
    expect(piece.formulas).toEqual([["'-- notes", "ok", "=SUM(A1)"]]);
  });

  it("adds a table before any formula that names it, even across chunks and sheets", async () => {
    // Excel refuses Fringes[#All] while there is no table Fringes; the detail comes first in the
    // plan and is big enough to fill chunks of its own.
    const { book, excel, port } = setup({ maxPayloadBytes: 1_000 });
    const detail: Cell[][] = Array.from({ length: 200 }, (_, i) => [
      { formula: `=ROWS(Fringes[#All])+${i}` },
    ]);
    await port.apply({
      owner: "t",
      sheets: [
        { name: "Detail", mode: "create", blocks: [{ row: 0, column: 0, cells: detail }] },
        {
          name: "Fringes",
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                ["Name", "Rate"],
                ["FICA", 0.062],
              ],
            },
          ],
          tables: [{ name: "Fringes", row: 0, column: 0, rowCount: 2, columnCount: 2 }],
        },
      ],
    });
    expect(excel.state.syncs).toBeGreaterThan(3);
    expect(book.cell("Detail", "A200")?.content).toBe("=ROWS(Fringes[#All])+199");
    expect(book.tables.map((t) => t.name)).toEqual(["Fringes"]);
  });

  it("chunks a large write under the payload limit, reporting progress between syncs", async () => {
    const { book, excel, port } = setup({ maxPayloadBytes: 1_000 });
    const rows: Cell[][] = Array.from({ length: 300 }, (_, i) => [
      i + 1,
      `Line ${i + 1}`,
      { formula: `=A${i + 1}*2` },
    ]);
    const progress: number[] = [];
    await port.apply(
      { owner: "t", sheets: [{ name: "Big", mode: "create", blocks: [{ row: 0, column: 0, cells: rows }] }] },
      { onProgress: (p) => progress.push(p.done) },
    );
    const chunks = excel.state.syncs - 1;
    expect(chunks).toBeGreaterThan(5);
    expect(progress).toEqual(Array.from({ length: chunks }, (_, i) => i + 1));
    expect(book.cell("Big", "C300")?.content).toBe("=A300*2");
    expect(book.used("Big")).toEqual({ row: 0, column: 0, rowCount: 300, columnCount: 3 });
  });

  it.each(["plain", "Équipe caméra", "撮影 班", "🎬 clap", ["a", 1, null, true], { t: "\u00e9\u0000" }])(
    "measures JSON in UTF-8 bytes as TextEncoder does (%j)",
    (value) => {
      expect(jsonBytes(value)).toBe(new TextEncoder().encode(JSON.stringify(value)).length);
    },
  );

  it("sizes every chunk under the limit in UTF-8 bytes, whatever language the text is in", () => {
    const rows: Cell[][] = Array.from({ length: 200 }, (_, i) => [
      i,
      { text: "Équipe caméra 撮影 ".repeat(4) },
    ]);
    const pieces = blockPieces("S", { row: 0, column: 0, cells: rows }, 4_000);
    const sent = (p: (typeof pieces)[number]) => new TextEncoder().encode(JSON.stringify(p.formulas)).length;
    expect(pieces.map(sent)).toEqual(pieces.map((p) => p.bytes));
    expect(pieces.every((p) => sent(p) <= 4_000)).toBe(true);
    expect(pieces.reduce((n, p) => n + p.formulas.length, 0)).toBe(200);
  });

  it("gives the thread back while it turns a large plan into writes, and writes every cell (issue 16)", async () => {
    const book = new MockBook();
    const excel = mockExcel(book);
    // Whether a timer set before the write ran before its first write reached Excel.
    let ticked = false;
    let tickedBeforeWrites: boolean | undefined;
    const port = new OfficeWorkbook({
      run: (batch) =>
        excel.run((context) => {
          const sync = context.sync.bind(context);
          context.sync = <T>(value?: T) => {
            if (excel.state.syncs >= 1 && tickedBeforeWrites === undefined) tickedBeforeWrites = ticked;
            return sync(value) as Promise<T>;
          };
          return batch(context);
        }),
    });
    // 40 blocks of 5,000 rows: turning them into writes takes far longer than 20 ms anywhere.
    const blocks = Array.from({ length: 40 }, (_, b) => ({
      row: b * 5_000,
      column: 0,
      cells: Array.from({ length: 5_000 }, (_, r): Cell[] => [b * 5_000 + r, { text: `Line ${r}` }]),
    }));
    setTimeout(() => (ticked = true), 0);
    await port.apply({ owner: "test", sheets: [{ name: "Long", mode: "create", blocks }] });
    expect(tickedBeforeWrites).toBe(true);
    expect(book.cell("Long", "A200000")).toMatchObject({ content: 199_999 });
    expect(book.cell("Long", "B200000")).toMatchObject({ content: "Line 4999" });
  });

  it("sizes every chunk under the limit", () => {
    const rows: Cell[][] = Array.from({ length: 500 }, (_, i) => [i, "x".repeat(50)]);
    const pieces = blockPieces("S", { row: 0, column: 0, cells: rows }, 4_000);
    expect(pieces.every((p) => p.bytes <= 4_000)).toBe(true);
    expect(pieces.reduce((n, p) => n + p.formulas.length, 0)).toBe(500);
  });

  it("when Excel refuses part of the write, takes out the sheets, names and marks it made", async () => {
    const { book, excel, port } = setup({ maxPayloadBytes: 2_000 });
    book.addSheet("Mine", [["keep me"]]);
    book.refuseAtSync = 3; // step 1 reads; the second chunk of writes fails half-way
    const rows: Cell[][] = Array.from({ length: 300 }, (_, i) => [i, `Line ${i}`]);
    const plan: WritePlan = {
      owner: "t",
      sheets: [
        { name: "Big", mode: "create", blocks: [{ row: 0, column: 0, cells: rows }] },
        { name: "Small", mode: "create", blocks: [{ row: 0, column: 0, cells: [[1]] }] },
      ],
      names: [{ name: "BigTotal", sheet: "Big", address: "$A$1" }],
    };
    const result = port.apply(plan);
    await expect(result).rejects.toMatchObject({ kind: "host" });
    await expect(result).rejects.toThrow(
      /Excel could not complete the change: The request failed\. The new sheets "Big", "Small" PROD had started were removed, so you can run it again\./,
    );
    expect(book.sheets.map((s) => s.name)).toEqual(["Mine"]);
    expect(book.names).toEqual([]);
    expect(book.cell("Mine", "A1")).toMatchObject({ content: "keep me" });
    // Undo is a batch of its own: what is there, then the deletes.
    const failedAt = excel.state.syncs;
    expect(failedAt).toBe(5);

    // Nothing is left to refuse a re-run.
    book.refuseAtSync = undefined;
    await port.apply(plan);
    expect(book.hasSheet("Big") && book.hasSheet("Small")).toBe(true);
    expect(book.names.map((n) => n.name).sort()).toEqual(
      ["BigTotal", ownershipMarkName("t", "Big"), ownershipMarkName("t", "Small")].sort(),
    );
  });

  it("when the last step (names and marks) is refused, a re-run is not blocked by what was left", async () => {
    const { book, port } = setup();
    book.refuseAtSync = 2; // the one write step: cells, table, names and marks
    await expect(port.apply(smallPlan())).rejects.toMatchObject({ kind: "host" });
    expect(book.hasSheet("Budget")).toBe(false);
    expect(book.names).toEqual([]);
    book.refuseAtSync = undefined;
    await port.apply(smallPlan());
    expect(book.cell("Budget", "B3")).toMatchObject({ content: "Producer" });
  });

  it("when nothing was written yet, the refusal is reported and nothing is undone", async () => {
    const { book, excel, port } = setup();
    book.addSheet("Budget", [["the user's"]]);
    await expect(port.apply(smallPlan())).rejects.toMatchObject({ kind: "sheetExists" });
    expect(excel.state.syncs).toBe(1);
    expect(book.cell("Budget", "A1")).toMatchObject({ content: "the user's" });
  });

  describe("a sheet PROD keeps protected (protect)", () => {
    const rows: Cell[][] = Array.from({ length: 300 }, (_, i) => [i, `Line ${i}`]);
    const store = (mode: "create" | "replaceOwned"): WritePlan => ({
      owner: "t",
      sheets: [{ name: "Store", mode, protect: true, blocks: [{ row: 0, column: 0, cells: rows }] }],
    });

    it("is protected in the last chunk's request, and lifted in the first one's when replaced", async () => {
      const { book, excel, port } = setup({ maxPayloadBytes: 2_000 });
      await port.apply(store("create"));
      const created = excel.state.syncs;
      expect(excel.state.protection).toEqual([`protect Store (sync ${created})`]);
      await port.apply(store("replaceOwned"));
      // Step 1 reads (the protection with the sheets), step 2 the charts of the replaced sheet,
      // then the chunks: the same syncs as an unprotected sheet.
      const chunks = excel.state.syncs - created - 2;
      expect(chunks).toBeGreaterThan(2);
      expect(excel.state.protection.slice(1)).toEqual([
        `unprotect Store (sync ${created + 3})`,
        `protect Store (sync ${excel.state.syncs})`,
      ]);
      expect(book.sheet("Store").protected).toBe(true);
      expect(book.cell("Store", "B300")).toMatchObject({ content: "Line 299" });
    });

    it("is protected again when a chunk is refused or the user cancels, in a batch of its own", async () => {
      const { book, excel, port } = setup({ maxPayloadBytes: 2_000 });
      await port.apply(store("create"));
      book.refuseAtSync = excel.state.syncs + 4; // the second chunk of the replacement
      await expect(port.apply(store("replaceOwned"))).rejects.toThrow(
        /^Excel could not complete the change: The request failed\.$/,
      );
      expect(excel.state.protection.slice(-1)).toEqual([`protect Store (sync ${excel.state.syncs})`]);
      expect(book.sheet("Store").protected).toBe(true);

      book.refuseAtSync = undefined;
      const controller = new AbortController();
      const result = port.apply(store("replaceOwned"), {
        signal: controller.signal,
        onProgress: (p) => p.done === 1 && controller.abort(),
      });
      await expect(result).rejects.toMatchObject({ kind: "cancelled" });
      expect(book.sheet("Store").protected).toBe(true);
    });

    it("says so when it cannot protect the sheet again", async () => {
      const { book, excel } = setup();
      await new OfficeWorkbook({ run: excel.run }).apply(store("create"));
      // The write fails after lifting the protection, and so does the batch that would put it back.
      book.refuseAtSync = excel.state.syncs + 3;
      let batches = 0;
      const port = new OfficeWorkbook({
        run: (batch) => (++batches === 2 ? Promise.reject(new Error("Excel is busy")) : excel.run(batch)),
      });
      await expect(port.apply(store("replaceOwned"))).rejects.toThrow(
        /The request failed\. PROD could not protect "Store" again: protect it in Excel \(Review > Protect Sheet, no password\)\.$/,
      );
      expect(book.sheet("Store").protected).toBe(false);
    });

    /** The words for a sheet of PROD's the user protected again with a password. */
    const PASSWORD_WORDS =
      /^"Store" is protected with a password, so PROD wrote nothing there: PROD never asks for or keeps passwords\. After you unprotect it, PROD protects it again when it writes, without a password\.$/;

    it("refuses its sheet the user protected again with a password before writing anything, where Excel tells (ExcelApiOnline 1.1)", async () => {
      const web = (set: string, version: string) => set === "ExcelApiOnline" && version === "1.1";
      const { book, excel, port } = setup({ maxPayloadBytes: 2_000, isSetSupported: web });
      await port.apply(store("create"));
      book.sheet("Store").password = "secret";
      const cells = new Map(book.sheet("Store").cells);
      const [syncs, writes, lifts] = [
        excel.state.syncs,
        excel.state.requestsWithWrites.length,
        excel.state.protection.length,
      ];
      const refusal = port.apply(store("replaceOwned"));
      await expect(refusal).rejects.toMatchObject({ kind: "protected", subjects: ["Store"] });
      await expect(refusal).rejects.toThrow(PASSWORD_WORDS);
      // Told by the first read (the sheets with their protection): no request wrote anything.
      expect(excel.state.syncs - syncs).toBe(1);
      expect(excel.state.requestsWithWrites.length).toBe(writes);
      expect(excel.state.protection.length).toBe(lifts);
      expect(book.sheet("Store")).toMatchObject({ protected: true, password: "secret" });
      expect(book.sheet("Store").cells).toEqual(cells);
    });

    it("elsewhere stops at the unprotect Excel refuses: nothing written, the sheet protected with its password still", async () => {
      const { book, excel, port } = setup({ maxPayloadBytes: 2_000, isSetSupported: () => false });
      await port.apply(store("create"));
      book.sheet("Store").password = "secret";
      const cells = new Map(book.sheet("Store").cells);
      const [syncs, lifts] = [excel.state.syncs, excel.state.protection.length];
      const refusal = port.apply(store("replaceOwned"));
      await expect(refusal).rejects.toMatchObject({ kind: "protected", subjects: ["Store"] });
      await expect(refusal).rejects.toThrow(PASSWORD_WORDS);
      // The reads (2), the first chunk's request, refused at its first command (the unprotect),
      // and one read of which sheets are protected now: nothing to protect again, no sync for it.
      expect(excel.state.syncs - syncs).toBe(4);
      expect(excel.state.protection.length).toBe(lifts);
      expect(book.sheet("Store")).toMatchObject({ protected: true, password: "secret" });
      expect(book.sheet("Store").cells).toEqual(cells);
    });

    it("refuses a sheet the user protected, before writing anything", async () => {
      const { book, excel, port } = setup();
      book.addSheet("Top Sheet", [["mine"]]).protected = true;
      const plan: WritePlan = {
        owner: "t",
        sheets: [{ name: "Top Sheet", mode: "existing", blocks: [{ row: 1, column: 0, cells: [[1]] }] }],
      };
      await expect(port.apply(plan)).rejects.toMatchObject({ kind: "protected", subjects: ["Top Sheet"] });
      expect(excel.state.syncs).toBe(1);
      expect(excel.state.requestsWithWrites).toEqual([]);
    });
  });

  it("on cancel between chunks, removes the sheets it created and says so", async () => {
    const { book, port } = setup({ maxPayloadBytes: 2_000 });
    const controller = new AbortController();
    const rows: Cell[][] = Array.from({ length: 300 }, (_, i) => [i, `Line ${i}`]);
    const result = port.apply(
      { owner: "t", sheets: [{ name: "Big", mode: "create", blocks: [{ row: 0, column: 0, cells: rows }] }] },
      { signal: controller.signal, onProgress: (p) => p.done === 2 && controller.abort() },
    );
    await expect(result).rejects.toMatchObject({ kind: "cancelled" });
    expect(book.hasSheet("Big")).toBe(false);
  });
});

describe("OfficeWorkbook reads", () => {
  it("lists sheets, reads a range and the used range (chunked), in few syncs", async () => {
    const { book, excel, port } = setup({ maxReadCells: 20 });
    book.addSheet(
      "Ledger",
      Array.from({ length: 30 }, (_, i) => [`25-0${i % 10}`, i * 10]),
    );
    book.addSheet("Empty");
    expect(await port.listSheets()).toEqual(["Ledger", "Empty"]);
    expect((await port.readRange({ sheet: "Ledger", address: "A2:B3" })).values).toEqual([
      ["25-01", 10],
      ["25-02", 20],
    ]);
    const before = excel.state.syncs;
    const used = await port.readUsedRange("Ledger");
    expect(used?.values).toHaveLength(30);
    expect(used?.address).toBe("A1:B30");
    expect(excel.state.syncs - before).toBe(1 + 3);
    expect(await port.readUsedRange("Empty")).toBeNull();
  });

  it("reports a missing sheet as not found", async () => {
    const { port } = setup();
    await expect(port.readRange({ sheet: "Nope", address: "A1" })).rejects.toMatchObject({
      kind: "notFound",
    });
  });

  describe("findLinksTo", () => {
    /** "Budget comparison" with figures in A1:E12, and "Top Sheet" beside it. */
    const linkedBook = () => {
      const { book, excel, port } = setup();
      book.addSheet(
        "Budget comparison",
        Array.from({ length: 12 }, (_, r) => [`Line ${r + 1}`, r, r, r, r]),
      );
      book.addSheet("Top Sheet", [["Top sheet"]]);
      book.setCell("Budget comparison", "F12", { kind: "formula", content: "='Budget comparison'!E12*2" });
      book.names.push(
        {
          name: ownershipMarkName("versions", "comparison"),
          formula: "='Budget comparison'!$A$1",
          visible: false,
        },
        { name: "ComparisonTotal", formula: "='Budget comparison'!$E$12", visible: true },
        { name: "Comparison_total_2", formula: "='Budget comparison 2'!$E$12", visible: true },
      );
      return { book, excel, port };
    };

    it("reads Excel's direct dependents and the names in one sync when there are links", async () => {
      const { book, excel, port } = linkedBook();
      book.setCell("Top Sheet", "H5", { kind: "formula", content: "='Budget comparison'!E12" });
      book.setCell("Top Sheet", "H6", { kind: "formula", content: "=ComparisonTotal/2" });
      book.setCell("Top Sheet", "J9", { kind: "formula", content: "=SUM('Budget comparison'!B1:B3)" });
      const before = excel.state.syncs;
      expect(await port.findLinksTo("Budget comparison")).toEqual({
        cells: [{ sheet: "Top Sheet", address: "H5:H6,J9" }],
        names: ["ComparisonTotal"],
      });
      expect(excel.state.syncs - before).toBe(1);
    });

    it("takes Excel's ItemNotFound for no dependents: a second sync reads the names and checks the sheet", async () => {
      const { book, excel, port } = linkedBook();
      const none = { cells: [], names: ["ComparisonTotal"] };
      // F12 on the sheet itself is Excel's only dependent: left out, in one sync.
      let before = excel.state.syncs;
      expect(await port.findLinksTo("Budget comparison")).toEqual(none);
      expect(excel.state.syncs - before).toBe(1);
      book.setCell("Budget comparison", "F12", { kind: "value", content: 22 });
      before = excel.state.syncs;
      expect(await port.findLinksTo("Budget comparison")).toEqual(none);
      expect(excel.state.syncs - before).toBe(2);
    });

    it("reports a missing sheet as not found, and passes any other failure on", async () => {
      const { book, port } = linkedBook();
      await expect(port.findLinksTo("Nope")).rejects.toMatchObject({ kind: "notFound" });
      book.refuseAtSync = 1;
      await expect(port.findLinksTo("Budget comparison")).rejects.toMatchObject({ kind: "host" });
    });

    /**
     * Excel finds a sheet by name only when the request runs (getItem is lazy): a sheet that is
     * not there fails the sync with ItemNotFound, the answer Excel also gives for a range without
     * dependents. The mock refuses at getItem, before any sync; this run gives the port Excel's
     * answer for `missing` instead.
     */
    const excelItemNotFound =
      (excel: ReturnType<typeof mockExcel>, missing: string) =>
      <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
        excel.run((context) => {
          let fails = false;
          const nowhere: Record<string, () => unknown> = {};
          for (const call of ["getUsedRange", "getDirectDependents", "load"]) nowhere[call] = () => nowhere;
          const sheets = context.workbook.worksheets;
          const worksheets = Object.create(sheets, {
            getItem: {
              value: (name: string) => {
                if (name !== missing) return sheets.getItem(name);
                fails = true;
                return nowhere;
              },
            },
          }) as Excel.WorksheetCollection;
          const workbook = Object.create(context.workbook, { worksheets: { value: worksheets } });
          const sync = async () => {
            await context.sync();
            if (!fails) return;
            fails = false;
            throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
          };
          return batch({ workbook, sync } as unknown as Excel.RequestContext);
        });

    it("answers a sheet that is not there, which Excel gives as ItemNotFound at the sync, in words after a second sync", async () => {
      const { excel } = linkedBook();
      const port = new OfficeWorkbook({ run: excelItemNotFound(excel, "Nope") });
      const before = excel.state.syncs;
      await expect(port.findLinksTo("Nope")).rejects.toMatchObject({
        name: "PortError",
        kind: "notFound",
        message: 'There is no sheet "Nope".',
        subjects: ["Nope"],
      });
      // The dependents asked for (1), then the names read again and the sheet looked for (1).
      expect(excel.state.syncs - before).toBe(2);
      // A sheet that is there is answered as before through the same run.
      expect(await port.findLinksTo("Budget comparison")).toEqual({ cells: [], names: ["ComparisonTotal"] });
    });

    it("splits Excel's addresses at the commas outside quotes, and leaves out the sheet's own cells", () => {
      expect(
        linkedCells(
          ["'Top, Sheet'!H5,'Top, Sheet'!H7:H9", "'Budget comparison'!F12", "Notes!B1"],
          "budget comparison",
        ),
      ).toEqual([
        { sheet: "Top, Sheet", address: "H5,H7:H9" },
        { sheet: "Notes", address: "B1" },
      ]);
    });
  });

  it("reads tables and named ranges", async () => {
    const { book, port } = setup();
    book.addSheet("Fringes", [
      ["Name", "Type", "Rate", "Cutoff"],
      ["SS", "%", 0.062, 184500],
    ]);
    book.tables.push({ name: "Fringes", sheet: "Fringes", address: "A1:D2" });
    book.names.push({ name: "ShootDays", formula: "=Fringes!$C$2", visible: true });
    expect(await port.listTables()).toEqual([{ name: "Fringes", sheet: "Fringes" }]);
    expect(await port.readTable("Fringes")).toEqual({
      name: "Fringes",
      sheet: "Fringes",
      address: "A1:D2",
      headers: ["Name", "Type", "Rate", "Cutoff"],
      rows: [["SS", "%", 0.062, 184500]],
    });
    expect(await port.readTable("Nope")).toBeNull();
    expect(await port.readNamedRange("ShootDays")).toEqual({
      sheet: "Fringes",
      address: "C2",
      values: [[0.062]],
    });
    expect(await port.readNamedRange("Nope")).toBeNull();
    expect(await port.listNames()).toEqual([{ name: "ShootDays", formula: "=Fringes!$C$2" }]);
  });

  it("reads a ledger table in chunks under the response limit, with progress and cancel between them", async () => {
    const { book, excel, port } = setup({ maxReadCells: 20 });
    const body = Array.from({ length: 30 }, (_, i) => [`25-0${i % 10}`, i * 10]);
    book.addSheet("Ledger", [["Acct", "Amount"], ...body]);
    book.addSheet("Other");
    book.tables.push({ name: "Ledger", sheet: "Ledger", address: "A1:B31" });
    book.tables.push({ name: "Rates", sheet: "Other", address: "A1:B2" });

    let before = excel.state.syncs;
    expect(await port.listTables()).toEqual([
      { name: "Ledger", sheet: "Ledger" },
      { name: "Rates", sheet: "Other" },
    ]);
    expect(excel.state.syncs - before).toBe(1);

    before = excel.state.syncs;
    const progress: number[] = [];
    const table = await port.readTable("Ledger", { onProgress: (p) => progress.push(p.done) });
    expect(table).toEqual({
      name: "Ledger",
      sheet: "Ledger",
      address: "A1:B31",
      headers: ["Acct", "Amount"],
      rows: body,
    });
    // 31 rows of 2 columns, 10 rows a read: the table, its size, then 4 chunks.
    expect(excel.state.syncs - before).toBe(2 + 4);
    expect(progress).toEqual([10, 20, 30, 31]);

    const controller = new AbortController();
    const reading = port.readTable("Ledger", {
      signal: controller.signal,
      onProgress: (p) => p.done === 10 && controller.abort(),
    });
    await expect(reading).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("keeps every read under the response limit in bytes, however long the ledger's descriptions", async () => {
    // 2,000 cells a read would be allowed, but 2,000 cells of 300-character descriptions are far
    // over a 20,000-byte response: chunks are sized by the bytes the first rows took.
    const { book, excel, port } = setup({ maxReadCells: 2_000, maxPayloadBytes: 20_000 });
    book.maxResponseBytes = 20_000;
    const body = Array.from({ length: 400 }, (_, i) => [
      `25-0${i % 10}`,
      `${"Grip truck, fuel ".repeat(18)}${i}`,
      i,
    ]);
    book.addSheet("GL", [["Acct", "Description", "Amount"], ...body]);
    const read = await port.readUsedRange("GL");
    expect(read?.values.slice(1)).toEqual(body);
    expect(Math.max(...excel.state.responseBytes)).toBeLessThanOrEqual(20_000);
  });

  it("reads a ledger in responses of about half maxReadBytes, far under the write limit, as Office.js parses each on the pane's thread (issue 16)", async () => {
    // Writes may send 4 MB a sync; a read's response is parsed in one go, so it is kept small.
    const { book, excel, port } = setup({ maxReadBytes: 20_000 });
    const body = Array.from({ length: 3_000 }, (_, i) => [
      `25-0${i % 10}`,
      "2026-11-18",
      `Line ${i}`,
      i / 100,
    ]);
    book.addSheet("GL", [["Acct", "Date", "Description", "Amount"], ...body]);
    const before = excel.state.syncs;
    const read = await port.readUsedRange("GL");
    expect(read?.values.slice(1)).toEqual(body);
    const responses = excel.state.responseBytes;
    expect(Math.max(...responses)).toBeLessThanOrEqual(20_000);
    // After the first guess, each chunk is sized from the rows read so far: about 10,000 bytes.
    expect(Math.min(...responses.slice(1, -1))).toBeGreaterThan(8_000);
    expect(excel.state.syncs - before).toBe(1 + responses.length);
  });

  it("reads again in halves a first chunk that comes back over the limit", async () => {
    const { book, excel, port } = setup({ maxPayloadBytes: 40_000 });
    book.maxResponseBytes = 40_000;
    // Cells far longer than a ledger's: the first guess of rows is too many.
    const body = Array.from({ length: 60 }, (_, i) => [i, "x".repeat(2_000)]);
    book.addSheet("Notes", body);
    const read = await port.readUsedRange("Notes");
    expect(read?.values).toEqual(body);
    expect(Math.max(...excel.state.responseBytes)).toBeLessThanOrEqual(40_000);
  });

  it("says so when one row alone is over the limit", async () => {
    const { book, port } = setup();
    book.maxResponseBytes = 1_000;
    book.addSheet("Huge", [["y".repeat(2_000)]]);
    await expect(port.readUsedRange("Huge")).rejects.toMatchObject({ kind: "host" });
  });

  it("finds the non-empty ranges among many in two syncs", async () => {
    const { book, excel, port } = setup();
    book.addSheet("S", [
      ["x", null, null],
      [null, null, "y"],
    ]);
    const found = await port.findNonEmpty([
      { sheet: "S", address: "A1" },
      { sheet: "S", address: "B1:B5" },
      { sheet: "S", address: "C2" },
      { sheet: "Missing", address: "A1" },
    ]);
    expect(found).toEqual([
      { sheet: "S", address: "A1" },
      { sheet: "S", address: "C2" },
    ]);
    expect(excel.state.syncs).toBe(2);
  });

  it("finds what an owner made, and the selection", async () => {
    const { book, port } = setup();
    await port.apply(smallPlan());
    expect(await port.findOwned("test")).toEqual([
      { sheet: "Budget", address: "A1", owner: "test", key: "Budget", copy: "" },
    ]);
    expect(await port.findOwned("bids")).toEqual([]);
    book.selection = { sheet: "Budget", address: "B2:B3" };
    expect(await port.getSelection()).toEqual({ sheet: "Budget", address: "B2:B3" });
  });
});

describe("OfficeWorkbook.replaceTableRows", () => {
  function withTable() {
    const env = setup();
    env.book.addSheet("Fringes", [
      ["Name", "Type", "Rate", "Cutoff"],
      ["OLD", "%", 0.1, null],
    ]);
    env.book.tables.push({ name: "Fringes", sheet: "Fringes", address: "A1:D2" });
    return env;
  }

  it("replaces the rows and resizes the table", async () => {
    const { book, port } = withTable();
    await port.replaceTableRows("Fringes", [
      [{ text: "SS" }, { text: "%" }, 0.062, 184500],
      [{ text: "MEDICARE" }, { text: "%" }, 0.0145, null],
    ]);
    expect(book.tables[0].address).toBe("A1:D3");
    expect(book.values("Fringes", 0, 0, 3, 4)).toEqual([
      ["Name", "Type", "Rate", "Cutoff"],
      ["SS", "%", 0.062, 184500],
      ["MEDICARE", "%", 0.0145, ""],
    ]);
  });

  it("writes the rows' number formats in the request that writes their values, new rows included", async () => {
    const { book, excel, port } = withTable();
    book.setFormat("Fringes", 1, 2, "0.00%");
    const before = excel.state.syncs;
    // A % fringe's rate as percent, a flat one's as money (per cell); the cutoff as money (per column).
    await port.replaceTableRows(
      "Fringes",
      [
        [{ text: "FLAT" }, { text: "Flat" }, 45, null],
        [{ text: "SS" }, { text: "%" }, 0.062, 184500],
        [{ text: "FUI" }, { text: "%" }, 0.006, 7000],
      ],
      {
        columnFormats: [null, null, null, "#,##0.00"],
        cellFormats: [
          [null, null, "#,##0.00", null],
          [null, null, "0.00%", null],
          [null, null, "0.00%", null],
        ],
      },
    );
    // The table, its area, the cells it grows over, then the one chunk: as without formats.
    expect(excel.state.syncs - before).toBe(4);
    expect(excel.state.requestsWithWrites).toEqual([before + 4]);
    const formats = [1, 2, 3].map((r) =>
      [0, 1, 2, 3].map((c) => book.sheet("Fringes").cells.get(cellKey(r, c))?.format),
    );
    expect(formats).toEqual([
      [undefined, undefined, "#,##0.00", "#,##0.00"],
      [undefined, undefined, "0.00%", "#,##0.00"],
      [undefined, undefined, "0.00%", "#,##0.00"],
    ]);
  });

  it("refuses a table on PROD's sheet that the user protected again with a password, writing nothing, whether Excel tells or not", async () => {
    for (const web of [true, false]) {
      const { book, excel } = withTable();
      const port = new OfficeWorkbook({ run: excel.run, isSetSupported: () => web });
      Object.assign(book.sheet("Fringes"), { protected: true, password: "secret" });
      const cells = new Map(book.sheet("Fringes").cells);
      const refusal = port.replaceTableRows("Fringes", [["SS", "%", 0.062, null]], { protect: true });
      await expect(refusal).rejects.toMatchObject({ kind: "protected", subjects: ["Fringes"] });
      await expect(refusal).rejects.toThrow(
        /^"Fringes" is protected with a password, so PROD wrote nothing there:/,
      );
      // Told by the read of the sheet's protection (2 syncs); else the table, its area, the
      // refused request and the read of the protection after it (4).
      expect(excel.state.syncs).toBe(web ? 2 : 4);
      expect(excel.state.protection).toEqual([]);
      expect(book.sheet("Fringes").cells).toEqual(cells);
      expect(book.tables[0].address).toBe("A1:D2");
    }
  });

  it("refuses to grow over the user's cells unless allowed", async () => {
    const { book, port } = withTable();
    book.write("Fringes", 3, 1, "note");
    const rows: Cell[][] = [
      ["A", "%", 0.1, null],
      ["B", "%", 0.1, null],
      ["C", "%", 0.1, null],
    ];
    await expect(port.replaceTableRows("Fringes", rows)).rejects.toMatchObject({
      kind: "wouldOverwrite",
      subjects: ["B4"],
    });
    expect(book.values("Fringes", 1, 0, 1, 1)).toEqual([["OLD"]]);
    await port.replaceTableRows("Fringes", rows, { allowOverwrite: true });
    expect(book.values("Fringes", 3, 0, 1, 2)).toEqual([["C", "%"]]);
  });

  it("writes a large replacement one sync per chunk, and stops between chunks when cancelled", async () => {
    const { book, excel } = withTable();
    const rows: Cell[][] = Array.from({ length: 40 }, (_, i) => [
      { text: `F${i}` },
      { text: "%" },
      0.01,
      null,
    ]);
    const before = excel.state.syncs;
    const progress: string[] = [];
    const limited = new OfficeWorkbook({ run: excel.run, maxPayloadBytes: 200 });
    await limited.replaceTableRows("Fringes", rows, {
      onProgress: (p) => progress.push(`${p.done}/${p.total}`),
    });
    const chunks = progress.length;
    expect(chunks).toBeGreaterThan(3);
    // The table, its size, the cells it grows over, then one sync per chunk.
    expect(excel.state.syncs - before).toBe(3 + chunks);
    expect(book.tables[0].address).toBe("A1:D41");
    expect(book.values("Fringes", 40, 0, 1, 1)).toEqual([["F39"]]);

    const controller = new AbortController();
    const again = limited.replaceTableRows("Fringes", rows.slice(0, 20), {
      signal: controller.signal,
      onProgress: (p) => p.done === 1 && controller.abort(),
    });
    await expect(again).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("reports a missing table", async () => {
    const { port } = setup();
    await expect(port.replaceTableRows("Nope", [])).rejects.toMatchObject({ kind: "notFound" });
  });
});
