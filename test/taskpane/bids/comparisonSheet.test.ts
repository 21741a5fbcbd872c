import { Decimal } from "../../../src/engine/money";
import type { BidLine, VendorBid, VendorTerms } from "../../../src/engine/bids";
import { compareAll, PLAIN_TERMS } from "../../engine/bids/compareAll";
import { a1, type Cell, type WritePlan } from "../../../src/excel/port";
import {
  NONE_SUPPLIED,
  NOTE_KEPT,
  NOT_BID,
  YOUR_NOTES,
  comparisonSheetPlan,
  readUserNotes,
  formatLinks,
  incompleteText,
  parseLinks,
} from "../../../src/taskpane/bids/comparisonSheet";

const d = (v: string | number) => new Decimal(v);
const line = (item: string, dayRate: number | string): BidLine => ({ item, qty: d(1), dayRate: d(dayRate) });
const vendor = (id: string, name: string, lines: BidLine[], t: Partial<VendorTerms>): VendorBid => ({
  id,
  name,
  terms: { ...PLAIN_TERMS, ...t },
  lines,
});
const schedule = { byWeek: [d(5), d(5), d(2)] };
const reference = () =>
  compareAll({
    schedule,
    vendors: [
      vendor("A", "Vendor A", [line("Camera package", 2500), line("Dolly", 300)], {
        weekDays: 3,
        discount: d("0.1"),
        delivery: d(600),
        taxRate: d("0.095"),
      }),
      vendor("B", "Vendor B", [line("Camera package", 2200)], {
        weekDays: 4,
        discount: d("0.15"),
        taxRate: d("0.095"),
      }),
    ],
  });

/** The plan's cells by A1 address (later blocks win, as in Excel). */
function grid(plan: WritePlan): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const block of plan.sheets[0].blocks) {
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => cells.set(a1(block.row + r, block.column + c), cell)),
    );
  }
  return cells;
}

/** The row (as cells) whose column A holds `label`. */
function rowOf(cells: Map<string, Cell>, label: string): Cell[] {
  for (const [address, cell] of cells) {
    if (address.startsWith("A") && cell === label) {
      const row = Number(address.slice(1));
      return ["A", "B", "C", "D"].map((col) => cells.get(`${col}${row}`) ?? null);
    }
  }
  throw new Error(`no row labelled ${label}`);
}

describe("the comparison sheet", () => {
  const comparison = reference();
  const { plan, layout } = comparisonSheetPlan(comparison, { mode: "create", scheduleText: "5+5+2" });
  const cells = grid(plan);

  it("is one sheet owned by the Bids panel, created or replaced, never written into a user's sheet", () => {
    expect(plan.owner).toBe("bids");
    expect(plan.sheets).toHaveLength(1);
    expect(plan.sheets[0]).toMatchObject({ name: "Bid comparison", mode: "create", markKey: "comparison" });
    expect(
      comparisonSheetPlan(comparison, { mode: "replaceOwned", sheetName: "Bids 2" }).plan.sheets[0],
    ).toMatchObject({
      name: "Bids 2",
      mode: "replaceOwned",
    });
  });

  it("writes each vendor's landed cost per item, and 'not bid' where a vendor did not bid", () => {
    expect(["A5", "B5", "C5", "D5", "E5", "F5"].map((a) => cells.get(a))).toEqual([
      "Item",
      { text: "Vendor A" },
      { text: "Vendor B" },
      "Lowest",
      "Split award",
      "Check",
    ]);
    // Camera: A 18,000 + 1,710 tax; B 18,700 + 1,776.50. Dolly: 8 billed days x 300 x 0.9 x 1.095.
    expect(["A6", "B6", "C6", "D6", "E6"].map((a) => cells.get(a))).toEqual([
      { text: "Camera package" },
      19710,
      20476.5,
      { text: "Vendor A" },
      { text: "Vendor A" },
    ]);
    expect(["A7", "B7", "C7", "D7", "F7"].map((a) => cells.get(a))).toEqual([
      { text: "Dolly" },
      2365.2,
      NOT_BID,
      { text: "Vendor A" },
      { text: "not bid by Vendor B" },
    ]);
  });

  it("marks the lowest per item with a conditional format that a missing bid can never meet", () => {
    expect(plan.sheets[0].conditionalFormats).toEqual([
      expect.objectContaining({ address: "B6:C7", formula: "=AND(ISNUMBER(B6),B6=MIN($B6:$C6))" }),
    ]);
  });

  it("totals each vendor with delivery, and gives the awards and the saving", () => {
    expect(rowOf(cells, "Vendor total")).toEqual(["Vendor total", 22675.2, 20476.5, null]);
    expect(rowOf(cells, "Delivery and pickup")).toEqual(["Delivery and pickup", 600, 0, null]);
    expect(rowOf(cells, "Items bid")).toEqual(["Items bid", "all 2", "1 of 2", null]);
    expect(rowOf(cells, "Best single vendor")).toEqual([
      "Best single vendor",
      { text: "Vendor A" },
      22675.2,
      null,
    ]);
    expect(rowOf(cells, "Best split award")).toEqual([
      "Best split award",
      { text: "Vendor A" },
      22675.2,
      null,
    ]);
    expect(rowOf(cells, "Saving of the split award")).toEqual(["Saving of the split award", null, 0, null]);
    // The totals a budget links to stay in row 4 whatever the item count, following the awards.
    expect(layout).toEqual({ singleTotal: "$E$4", splitTotal: "$C$4" });
    const rowNumber = (label: string) =>
      [...cells].find(([address, v]) => v === label && address.startsWith("A"))?.[0].slice(1);
    expect(["A4", "B4", "C4", "D4", "E4"].map((a) => cells.get(a))).toEqual([
      "Award totals",
      "Best split",
      { formula: `=$C$${rowNumber("Best split award")}` },
      "Best single",
      { formula: `=$C$${rowNumber("Best single vendor")}` },
    ]);
  });

  it("writes every vendor's name, item and note as text cells", () => {
    const evil = "=cmd|' /C calc'!A0";
    const c = compareAll({
      schedule,
      vendors: [
        vendor("A", "@SUM(1+1)", [line(evil, 10)], {}),
        vendor(
          "B",
          "+Vendor",
          [
            { ...line("-2+3", 10), row: 4 },
            { ...line("-2+3", 10), row: 5 },
          ],
          {},
        ),
      ],
    });
    const out = grid(
      comparisonSheetPlan(c, { mode: "create", problems: ['Row 9 ("=HYPERLINK(x)"): bad'] }).plan,
    );
    const strings = [...out.values()].filter((cell): cell is string => typeof cell === "string");
    // Plain strings are PROD's own labels only; nothing from a bid is among them.
    for (const s of strings) expect(s).not.toMatch(/cmd|SUM|HYPERLINK|\+Vendor|-2\+3/);
    const texts = [...out.values()].flatMap((cell) =>
      cell && typeof cell === "object" && "text" in cell ? [cell.text] : [],
    );
    expect(texts).toEqual(
      expect.arrayContaining([evil, "@SUM(1+1)", "+Vendor", "-2+3", 'Row 9 ("=HYPERLINK(x)"): bad']),
    );
  });
});

describe("incomplete bids and links on the comparison sheet", () => {
  const c = compareAll({
    schedule,
    vendors: [
      vendor("A", "Vendor A", [line("Camera", 2000), line("Dolly", 300)], {}),
      vendor(
        "B",
        "Vendor B",
        [
          { ...line("Camera", 1800), qty: d(0) },
          { ...line("Dolly", 250), dayRate: d(0) },
        ],
        {},
      ),
    ],
  });
  const cells = grid(comparisonSheetPlan(c, { mode: "create" }).plan);

  it("shows an incomplete bid as text in its vendor's column, so it is never marked lowest", () => {
    expect(["B6", "C6", "D6", "E6", "F6"].map((a) => cells.get(a))).toEqual([
      24000,
      incompleteText("quantity 0"),
      { text: "Vendor A" },
      { text: "Vendor A" },
      { text: "incomplete bid from Vendor B (quantity 0)" },
    ]);
    expect(cells.get("C7")).toBe("incomplete: day rate $0.00");
    expect(rowOf(cells, "Items bid")).toEqual(["Items bid", "all 2", "0 of 2, 2 incomplete", null]);
  });

  it("says 'none supplied' where no vendor supplied an item", () => {
    const none = compareAll({
      schedule,
      vendors: [
        vendor("A", "Vendor A", [{ ...line("Camera", 2000), qty: d(0) }, line("Dolly", 300)], {}),
        vendor("B", "Vendor B", [line("Dolly", 250)], {}),
      ],
    });
    const out = grid(comparisonSheetPlan(none, { mode: "create" }).plan);
    expect(["D6", "E6"].map((a) => out.get(a))).toEqual([NONE_SUPPLIED, NONE_SUPPLIED]);
  });

  it("lists the budget cells linked to its totals in G4, and reads them back", () => {
    const links = [
      { cell: "'Budget detail'!$J$12", award: "single" as const },
      { cell: "'It''s; here'!$B$2", award: "split" as const },
    ];
    const out = grid(comparisonSheetPlan(c, { mode: "create", links }).plan);
    expect(out.get("F4")).toBe("Linked from");
    expect(out.get("G4")).toEqual({ text: "'Budget detail'!$J$12 (single); 'It''s; here'!$B$2 (split)" });
    expect(parseLinks(formatLinks(links))).toEqual(links);
    expect(parseLinks("my own note")).toEqual([]);
  });
});

describe("vendors' own words and line detail on the comparison sheet (issue 17)", () => {
  const c = compareAll({
    schedule,
    overrides: [{ vendorId: "B", itemKey: "alexa 35 package", matchTo: "camera package" }],
    vendors: [
      vendor("A", "Vendor A", [{ ...line("Camera package", 2500), notes: "Avail. 3/4", row: 2 }], {
        weekDays: 3,
        discount: d("0.1"),
        delivery: d(600),
        taxRate: d("0.095"),
      }),
      vendor(
        "B",
        "Vendor B",
        [
          { ...line("\tAlexa 35 pkg", 2200), notes: "\r=needs 2 days prep", row: 3 },
          { ...line("C-Stands", "33.33"), qty: d(3), days: { held: d(5) }, row: 4 },
        ],
        { weekDays: 4, discount: d("0.15"), lossDamage: d("0.025"), taxRate: d("0.095") },
      ),
    ],
  });
  const cells = grid(comparisonSheetPlan(c, { mode: "create" }).plan);
  /** Cells A..O of the row whose column B holds `text` as a text cell. */
  const detailRow = (text: string): Cell[] => {
    const hit = [...cells].find(
      ([address, v]) =>
        address.startsWith("B") &&
        v !== null &&
        typeof v === "object" &&
        "text" in v &&
        v.text === text &&
        Number(address.slice(1)) > 20,
    );
    if (!hit) throw new Error(`no detail row for ${text}`);
    const row = Number(hit[0].slice(1));
    return "ABCDEFGHIJKLMNO".split("").map((col) => cells.get(`${col}${row}`) ?? null);
  };

  it("shows each vendor's notes per item, and a notes column of the user's own, empty", () => {
    expect(["F5", "G5", "H5"].map((a) => cells.get(a))).toEqual(["Check", "Vendors' notes", YOUR_NOTES]);
    expect(cells.get("G6")).toEqual({ text: "Vendor A: Avail. 3/4; Vendor B: \r=needs 2 days prep" });
    expect(cells.get("G7") ?? null).toBeNull();
    expect(["H6", "H7"].map((a) => cells.get(a) ?? null)).toEqual([null, null]);
  });

  it("carries a note typed on a vendor's own wording to the row that item was matched to", () => {
    const out = grid(
      comparisonSheetPlan(c, { mode: "create", userNotes: [{ item: "Alexa 35 pkg", note: "Beta's" }] }).plan,
    );
    expect(out.get("H6")).toEqual({ text: "Beta's" });
  });

  it("lists every line as the vendor wrote it, matched or not, with the figures that make its cost", () => {
    expect(detailRow("Camera package")).toEqual([
      { text: "Vendor A" },
      { text: "Camera package" },
      { text: "Camera package" },
      2,
      1,
      2500,
      { text: "5+5+2 (schedule)" },
      8,
      20000,
      -2000,
      18000,
      0,
      1710,
      19710,
      { text: "Avail. 3/4" },
    ]);
    // Matched to the camera package, yet kept in the vendor's words, tab and all.
    expect(detailRow("\tAlexa 35 pkg").slice(0, 8)).toEqual([
      { text: "Vendor B" },
      { text: "\tAlexa 35 pkg" },
      { text: "Camera package" },
      3,
      1,
      2200,
      { text: "5+5+2 (schedule)" },
      10,
    ]);
    expect(detailRow("\tAlexa 35 pkg")[14]).toEqual({ text: "\r=needs 2 days prep" });
    // Rounded alone, the tax (32.29677) would be 32.30 and the row 380.77: it foots at 380.76.
    expect(detailRow("C-Stands").slice(3)).toEqual([
      4,
      3,
      33.33,
      { text: "5" },
      4,
      399.96,
      -59.99,
      339.97,
      8.5,
      32.29,
      380.76,
      null,
    ]);
  });

  it("adds each vendor's lines, delivery and pickup to its total, as the totals above show it", () => {
    const totals = [...cells].filter(([address, v]) => address.startsWith("B") && v === "Vendor total");
    const at = (address: string, col: string) => cells.get(`${col}${address.slice(1)}`);
    expect(totals.map(([address]) => [at(address, "A"), at(address, "N")])).toEqual([
      [{ text: "Vendor A" }, 20310],
      [{ text: "Vendor B" }, rowOf(cells, "Vendor total")[2]],
    ]);
    // Vendor B: camera 22,000 - 15% = 18,700 + 467.50 L&D + 1,776.50 tax = 20,944, + stands 380.76.
    expect(rowOf(cells, "Vendor total")[2]).toBe(21324.76);
  });
});

describe("the user's own notes on the comparison sheet (issue 17: a re-run keeps them)", () => {
  const c = compareAll({
    schedule,
    // Vendor B's dolly kept apart: two rows named "Dolly".
    overrides: [{ vendorId: "B", itemKey: "dolly", matchTo: null }],
    vendors: [
      vendor("A", "Vendor A", [line("Camera", 2000), line("Dolly", 300)], {}),
      vendor("B", "Vendor B", [line("Camera", 1900), line("Dolly", 280)], {}),
    ],
  });
  const values = (plan: WritePlan): unknown[][] => {
    const cells = grid(plan);
    return Array.from({ length: 40 }, (_, r) =>
      "ABCDEFGHIJKLMNO".split("").map((col) => {
        const cell = cells.get(`${col}${r + 1}`) ?? "";
        return cell !== null && typeof cell === "object" ? ("text" in cell ? cell.text : 0) : cell;
      }),
    );
  };

  it("puts each note back on the row of the same item, and keeps a note whose item is gone", () => {
    const userNotes = [
      { item: "Dolly", note: "ask for track" },
      { item: "Camera", note: 42 },
      { item: "Jib arm", note: "=not a formula" },
    ];
    const cells = grid(comparisonSheetPlan(c, { mode: "create", userNotes }).plan);
    expect(["A6", "H6"].map((a) => cells.get(a))).toEqual([{ text: "Camera" }, 42]);
    expect(["A7", "H7"].map((a) => cells.get(a))).toEqual([{ text: "Dolly" }, { text: "ask for track" }]);
    expect(["A8", "H8"].map((a) => cells.get(a) ?? null)).toEqual([{ text: "Dolly" }, null]);
    expect(["A9", "F9", "H9"].map((a) => cells.get(a))).toEqual([
      { text: "Jib arm" },
      NOTE_KEPT,
      { text: "=not a formula" },
    ]);
    // The lowest-cost format covers the compared items only.
    expect(
      comparisonSheetPlan(c, { mode: "create", userNotes }).plan.sheets[0].conditionalFormats?.[0].address,
    ).toBe("B6:C8");
  });

  it("puts a note whose wording no row has on the row of the same item in other words", () => {
    const userNotes = [
      { item: "Cameras", note: "by the item's name as matching reads it" },
      { item: "Dolly", note: "first" },
      { item: "dolly", note: "second" },
      { item: "DOLLY", note: "third: no Dolly row left" },
    ];
    const cells = grid(comparisonSheetPlan(c, { mode: "create", userNotes }).plan);
    expect(["H6", "H7", "H8", "A9", "H9"].map((a) => cells.get(a))).toEqual([
      { text: "by the item's name as matching reads it" },
      { text: "first" },
      { text: "second" },
      { text: "DOLLY" },
      { text: "third: no Dolly row left" },
    ]);
  });

  it("reads the notes back from the sheet as written: a round trip loses none", () => {
    const userNotes = [
      { item: "Dolly", note: "first dolly" },
      { item: "Dolly", note: "second dolly" },
      { item: "Jib arm", note: "gone" },
    ];
    const written = values(comparisonSheetPlan(c, { mode: "create", userNotes }).plan);
    expect(readUserNotes(written)).toEqual(userNotes);
    expect(readUserNotes(values(comparisonSheetPlan(c, { mode: "create" }).plan))).toEqual([]);
    // The user retyped the notes column's heading: it is still the column after the vendors' notes.
    const retitled = written.map((row) => row.map((cell) => (cell === YOUR_NOTES ? "My notes" : cell)));
    expect(readUserNotes(retitled)).toEqual(userNotes);
    // A sheet from before the notes column: nothing to carry.
    expect(
      readUserNotes([
        ["Item", "Vendor A"],
        ["Camera", 1],
      ]),
    ).toEqual([]);
  });
});
