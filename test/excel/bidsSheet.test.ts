/*
 * The Bids panel's writes through the real Office.js adapter over the office-addin-mock Excel:
 * CSV-injection payloads from bid files reach Excel as text, the lowest-cost rule is a
 * conditional format, and a re-run replaces only the pane's own sheet.
 */
import Papa from "papaparse";
import { Decimal } from "../../src/engine/money";
import { guessMapping, readBidRows, type BidLine, type VendorBid } from "../../src/engine/bids";
import { compareAll, PLAIN_TERMS } from "../engine/bids/compareAll";
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { comparisonSheetPlan } from "../../src/taskpane/bids/comparisonSheet";
import { parseCsv } from "../../src/taskpane/files/readFile";
import {
  awardWritePlan,
  comparisonAwardLink,
  comparisonTarget,
  earlierComparison,
  readBudgetCell,
} from "../../src/taskpane/bids/workbookBids";
import { MockBook, mockExcel } from "./mockExcel";
import { INJECTION_PAYLOADS } from "./injectionCorpus";

const d = (v: number | string) => new Decimal(v);
const schedule = { held: d(1) };

function setup() {
  const book = new MockBook();
  const excel = mockExcel(book);
  // Every raw value the adapter hands to `range.formulas`, in order.
  const written: { sheet: string; row: number; column: number; input: unknown }[] = [];
  const write = book.write.bind(book);
  book.write = (sheet, row, column, input) => {
    written.push({ sheet, row, column, input });
    write(sheet, row, column, input);
  };
  return { book, excel, written, port: new OfficeWorkbook({ run: excel.run }) };
}

const vendor = (id: string, name: string, lines: BidLine[]): VendorBid => ({
  id,
  name,
  terms: PLAIN_TERMS,
  lines,
});

it(`has a corpus of ${INJECTION_PAYLOADS.length} payloads (at least 30), each distinct`, () => {
  expect(INJECTION_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(INJECTION_PAYLOADS).size).toBe(INJECTION_PAYLOADS.length);
});

describe("bid files with CSV-injection payloads", () => {
  it.each(INJECTION_PAYLOADS.map((p) => [JSON.stringify(p), p]))(
    "writes the item %s from a CSV file as the same text, behind the apostrophe that keeps it text",
    async (_shown, payload) => {
      const { book, written, port } = setup();
      // Quoted, so tabs, CRs, commas and quotes reach the parser inside the field.
      const csv = Papa.unparse(
        [
          ["Item", "Day rate", "Notes"],
          [payload, "100", payload],
        ],
        { quotes: true },
      );
      const rows = parseCsv(csv);
      const read = readBidRows(rows.slice(1), guessMapping(rows[0]));
      expect(read.problems).toEqual([]);
      const comparison = compareAll({
        schedule,
        vendors: [vendor("A", "Acme", read.lines), vendor("B", "Beta", read.lines)],
      });
      await port.apply(comparisonSheetPlan(comparison, { mode: "create" }).plan);
      // The item is written exactly as in the file (a leading space, tab or carriage return
      // kept: issue 17), behind an apostrophe, and Excel stores it as that text; so are the
      // vendor's own wording and notes in the line detail.
      const raw = written.find((w) => w.row === 5 && w.column === 0);
      expect(raw?.input).toBe(`'${payload}`);
      expect(book.cell("Bid comparison", "A6")).toMatchObject({ kind: "value", content: payload });
      const detail = written.filter((w) => w.column === 1 && w.input === `'${payload}`);
      expect(detail.length).toBe(2); // one line per vendor
      for (const w of detail) {
        const address = `B${w.row + 1}`;
        expect(book.cell("Bid comparison", address)).toMatchObject({ kind: "value", content: payload });
        expect(book.cell("Bid comparison", `O${w.row + 1}`)).toMatchObject({
          kind: "value",
          content: payload,
        });
      }
      // The only formulas are PROD's own: the award totals in row 4 pointing at the awards block.
      const formulas = [...book.sheet("Bid comparison").cells.values()].filter((c) => c.kind === "formula");
      expect(formulas.map((c) => c.content)).toEqual([
        expect.stringMatching(/^=\$C\$\d+$/),
        expect.stringMatching(/^=\$C\$\d+$/),
      ]);
    },
  );

  it.each(INJECTION_PAYLOADS.map((p) => [JSON.stringify(p), p]))(
    "writes the vendor name %s exactly as typed, as text",
    async (_shown, payload) => {
      const { book, written, port } = setup();
      const dolly: BidLine = { item: "Dolly", qty: d(1), dayRate: d(300) };
      const comparison = compareAll({
        schedule,
        vendors: [vendor("A", payload, [dolly]), vendor("B", "Beta", [dolly])],
      });
      await port.apply(comparisonSheetPlan(comparison, { mode: "create" }).plan);
      // B5 is the first vendor's column header.
      const raw = written.find((w) => w.row === 4 && w.column === 1);
      expect(raw?.input).toBe(`'${payload}`);
      expect(book.cell("Bid comparison", "B5")).toMatchObject({ kind: "value", content: payload });
    },
  );
});

describe("the comparison sheet in Excel", () => {
  const lines = (rate: (i: number) => number): BidLine[] =>
    Array.from({ length: 1000 }, (_, i) => ({ item: `Item ${i}`, qty: d(1), dayRate: d(rate(i)) }));
  const comparison = compareAll({
    schedule,
    vendors: [
      vendor(
        "A",
        "Acme",
        lines((i) => 100 + (i % 2)),
      ),
      vendor(
        "B",
        "Beta",
        lines((i) => 101 - (i % 2)),
      ),
    ],
  });

  it("writes a 1,000-item comparison in two syncs, with the lowest marked by one conditional format", async () => {
    const { book, excel, port } = setup();
    await port.apply(comparisonSheetPlan(comparison, { mode: "create" }).plan);
    expect(excel.state.syncs).toBe(2);
    expect(book.cell("Bid comparison", "A1005")).toMatchObject({ content: "Item 999" });
    expect(book.cell("Bid comparison", "C1005")).toMatchObject({
      content: 100,
      format: "#,##0.00_);(#,##0.00)",
    });
    expect(book.sheet("Bid comparison").conditionalFormats).toEqual([
      {
        address: "B6:C1005",
        formula: "=AND(ISNUMBER(B6),B6=MIN($B6:$C6))",
        fill: "#C6EFCE",
        fontColor: "#006100",
        bold: true,
      },
    ]);
  });

  it("replaces its own sheet on a re-run without stacking rules, and never touches a user's sheet", async () => {
    const { book, port } = setup();
    book.addSheet("Budget", [["Acct", "Rate"]]);
    const { plan } = comparisonSheetPlan(comparison, { mode: "create" });
    await port.apply(plan);
    await port.apply(comparisonSheetPlan(comparison, { mode: "replaceOwned" }).plan);
    expect(book.sheet("Bid comparison").conditionalFormats).toHaveLength(1);
    expect(book.cell("Budget", "A1")).toMatchObject({ content: "Acct" });
    await expect(
      port.apply(comparisonSheetPlan(comparison, { mode: "replaceOwned", sheetName: "Budget" }).plan),
    ).rejects.toMatchObject({
      kind: "notOwned",
    });
    expect(book.cell("Budget", "A1")).toMatchObject({ content: "Acct" });
  });
});

describe("a comparison sheet whose hidden mark a user deleted (issue 19)", () => {
  const comparison = compareAll({
    schedule,
    vendors: [
      vendor("A", "Lowest", [{ item: "Dolly", qty: d(1), dayRate: d(300) }]),
      vendor("B", "Beta", [{ item: "Dolly", qty: d(1), dayRate: d(250) }]),
    ],
  });
  const unmarked = async (sheetName?: string) => {
    const { book, port } = setup();
    await port.apply(comparisonSheetPlan(comparison, { mode: "create", sheetName }).plan);
    book.names = [];
    return { book, port };
  };

  it("is told by its content and taken back only by a reclaim: rewritten, the user's notes kept, marked again", async () => {
    const { book, port } = await unmarked();
    // The user retitled the notes column and typed a note; a vendor is even called "Lowest".
    book.write("Bid comparison", 4, 7, "Mine");
    book.write("Bid comparison", 5, 7, "Call Beta");
    const target = await comparisonTarget(port);
    expect(target).toEqual({ sheetName: "Bid comparison", mode: "reclaim" });
    const earlier = await earlierComparison(port, target.sheetName);
    expect(earlier.userNotes).toEqual([{ item: "Dolly", note: "Call Beta" }]);
    await port.apply(comparisonSheetPlan(comparison, { mode: "reclaim", userNotes: earlier.userNotes }).plan);
    expect(["H5", "H6"].map((a) => book.cell("Bid comparison", a)?.content)).toEqual([
      "Your notes (kept when run again)",
      "Call Beta",
    ]);
    expect(book.names).toEqual([
      expect.objectContaining({
        name: "PROD_OWN.bids.comparison",
        formula: "='Bid comparison'!$A$1",
        visible: false,
      }),
    ]);
    expect(await comparisonTarget(port)).toEqual({ sheetName: "Bid comparison", mode: "replaceOwned" });
  });

  it("looks past a look-alike of the user's to PROD's own under the next name, and makes a new sheet when neither is PROD's", async () => {
    const { book, port } = await unmarked("Bid comparison 2");
    book.addSheet("Bid comparison", [
      ["Vendor bid comparison"],
      [],
      [],
      ["Award totals"],
      ["Item", "Acme", "Lowest"],
    ]);
    expect(await comparisonTarget(port)).toEqual({ sheetName: "Bid comparison 2", mode: "reclaim" });
    book.write("Bid comparison 2", 0, 0, "Our comparison");
    expect(await comparisonTarget(port)).toEqual({ sheetName: "Bid comparison 3", mode: "create" });
  });
});

describe("the award written into a budget cell", () => {
  const comparison = compareAll({
    schedule,
    vendors: [
      vendor("A", "Acme", [{ item: "Dolly", qty: d(1), dayRate: d(300) }]),
      vendor("B", "Beta", [{ item: "Dolly", qty: d(1), dayRate: d(250) }]),
    ],
  });

  it("links the cell to the comparison sheet's split total with one formula: one sync to check, one to write", async () => {
    const { book, excel, port, written } = setup();
    book.addSheet("Budget", [["Acct", "Rate"]]);
    const { plan, layout } = comparisonSheetPlan(comparison, { mode: "create" });
    await port.apply(plan);
    const link = await comparisonAwardLink(port, { sheetName: "Bid comparison", layout }, "split");
    expect(link).toEqual({ sheetName: "Bid comparison", formula: `='Bid comparison'!${layout.splitTotal}` });
    const before = excel.state.syncs;
    written.length = 0;
    await port.apply(awardWritePlan({ sheet: "Budget", row: 1, column: 1 }, { formula: link!.formula }));
    // The formula reaches Excel as a formula (no apostrophe), and the cell is formatted as money.
    expect(written).toEqual([{ sheet: "Budget", row: 1, column: 1, input: link!.formula }]);
    expect(book.cell("Budget", "B2")).toMatchObject({ kind: "formula", format: "#,##0.00_);(#,##0.00)" });
    expect(excel.state.syncs - before).toBe(2);
  });

  it.each([
    [
      "the sheet was deleted",
      (book: MockBook) => (book.sheets = book.sheets.filter((s) => s.name === "Budget")),
    ],
    ["the mark was removed", (book: MockBook) => (book.names = [])],
  ])("offers no link when %s", async (_why, change) => {
    const { book, port } = setup();
    book.addSheet("Budget", [["Acct", "Rate"]]);
    const { plan, layout } = comparisonSheetPlan(comparison, { mode: "create" });
    await port.apply(plan);
    change(book);
    expect(await comparisonAwardLink(port, { sheetName: "Bid comparison", layout }, "split")).toBeNull();
  });

  it("offers no single-award link when no vendor bid every item", async () => {
    const { port } = setup();
    const { plan, layout } = comparisonSheetPlan(comparison, { mode: "create" });
    await port.apply(plan);
    expect(
      await comparisonAwardLink(
        port,
        { sheetName: "Bid comparison", layout: { splitTotal: layout.splitTotal } },
        "single",
      ),
    ).toBeNull();
  });

  it("writes an award into a line's Rate with its Amount and X set to 1, and lists the link on the comparison sheet, in one write sync", async () => {
    const { book, excel, port } = setup();
    book.addSheet("Budget", [
      ["Acct", "Description", "Amount", "Units", "X", "Rate"],
      ["5100", "Camera package", 6, "Week", 2, 3000],
    ]);
    const { plan, layout } = comparisonSheetPlan(comparison, { mode: "create" });
    await port.apply(plan);
    const cell = await readBudgetCell(port, { sheet: "Budget", address: "F2" });
    expect(cell.meaning).toMatchObject({ role: "rate", offer: { rateColumn: 5, factorColumns: [2, 4] } });
    expect(cell.meaning?.multiplier?.toString()).toBe("12");
    const link = await comparisonAwardLink(port, { sheetName: "Bid comparison", layout }, "split");
    const before = excel.state.syncs;
    await port.apply(
      awardWritePlan(
        { sheet: "Budget", row: 1, column: 5, ones: [2, 4] },
        { formula: link!.formula },
        { sheetName: "Bid comparison", links: [{ cell: "'Budget'!$F$2", award: "split" }] },
      ),
    );
    expect(excel.state.syncs - before).toBe(2);
    expect(["C2", "E2"].map((a) => book.cell("Budget", a)?.content)).toEqual([1, 1]);
    expect(book.cell("Budget", "F2")).toMatchObject({ kind: "formula", content: "='Bid comparison'!$C$4" });
    expect(book.cell("Bid comparison", "G4")?.content).toBe("'Budget'!$F$2 (split)");
    const earlier = await earlierComparison(port, "Bid comparison");
    expect(earlier.links).toEqual([{ cell: "'Budget'!$F$2", award: "split" }]);
    // Both vendors bid the dolly: there is a single award a budget cell may link to.
    expect(earlier.hadSingle).toBe(true);
  });
});

describe("a re-run of the comparison in Excel (issue 17)", () => {
  const dolly: BidLine = { item: "Dolly", qty: d(1), dayRate: d(300) };
  const camera: BidLine = { item: "Camera", qty: d(1), dayRate: d(2000) };
  const first = compareAll({
    schedule,
    vendors: [
      vendor("A", "Acme", [camera, dolly]),
      vendor("B", "Beta", [camera, { ...dolly, dayRate: d(250) }]),
    ],
  });
  // The re-run has a new item first, so the dolly moves down a row, and no more camera.
  const again = compareAll({
    schedule,
    vendors: [
      vendor("A", "Acme", [{ item: "Apple box", qty: d(4), dayRate: d(5) }, dolly]),
      vendor("B", "Beta", [
        { item: "Apple box", qty: d(4), dayRate: d(4) },
        { ...dolly, dayRate: d(250) },
      ]),
    ],
  });

  it("keeps the notes typed in its notes column on their items, and the budget cells linked to it", async () => {
    const { book, excel, port } = setup();
    book.addSheet("Budget", [["Acct", "Total"]]);
    const { plan, layout } = comparisonSheetPlan(first, { mode: "create" });
    await port.apply(plan);
    const link = await comparisonAwardLink(port, { sheetName: "Bid comparison", layout }, "single");
    await port.apply(
      awardWritePlan(
        { sheet: "Budget", row: 1, column: 1 },
        { formula: link!.formula },
        {
          sheetName: "Bid comparison",
          links: [{ cell: "'Budget'!$B$2", award: "single" }],
        },
      ),
    );
    // The user types in the notes column (H: after two vendors' columns), as in Excel.
    expect(book.cell("Bid comparison", "H5")?.content).toBe("Your notes (kept when run again)");
    book.write("Bid comparison", 6, 7, "Beta's dolly has a flat wheel");
    book.write("Bid comparison", 5, 7, 2);
    const before = excel.state.syncs;
    const earlier = await earlierComparison(port, "Bid comparison");
    expect(excel.state.syncs - before).toBeLessThanOrEqual(2);
    // (The mock does not compute formulas, so the single total's value is not read back here.)
    expect(earlier).toEqual({
      hadSingle: true,
      links: [{ cell: "'Budget'!$B$2", award: "single" }],
      userNotes: [
        { item: "Camera", note: 2 },
        { item: "Dolly", note: "Beta's dolly has a flat wheel" },
      ],
    });
    await port.apply(
      comparisonSheetPlan(again, { mode: "replaceOwned", links: earlier.links, userNotes: earlier.userNotes })
        .plan,
    );
    expect(["A6", "A7", "H7"].map((a) => book.cell("Bid comparison", a)?.content)).toEqual([
      "Apple box",
      "Dolly",
      "Beta's dolly has a flat wheel",
    ]);
    // The camera is gone from the bids: its note keeps a row of its own, after the items.
    expect(["A8", "F8", "H8"].map((a) => book.cell("Bid comparison", a)?.content)).toEqual([
      "Camera",
      "no longer in the bids; your note is kept",
      2,
    ]);
    // The linked budget cell still reads a number from the fixed cell, and is still listed.
    expect(book.cell("Bid comparison", "E4")).toMatchObject({ kind: "formula" });
    expect(book.cell("Budget", "B2")).toMatchObject({ kind: "formula", content: "='Bid comparison'!$E$4" });
    expect((await earlierComparison(port, "Bid comparison")).links).toEqual(earlier.links);
    // A second re-run still has both notes.
    expect((await earlierComparison(port, "Bid comparison")).userNotes).toEqual([
      { item: "Dolly", note: "Beta's dolly has a flat wheel" },
      { item: "Camera", note: 2 },
    ]);
  });
});
