import { Decimal } from "../../../src/engine/money";
import type { BidLine, VendorBid, VendorTerms } from "../../../src/engine/bids";
import { compareAll, PLAIN_TERMS } from "../../engine/bids/compareAll";
import { a1, type Cell, type WritePlan } from "../../../src/excel/port";
import {
  NONE_SUPPLIED,
  NOT_BID,
  comparisonSheetPlan,
  formatLinks,
  incompleteText,
  parseLinks,
} from "../../../src/taskpane/bids/comparisonSheet";

const d = (v: string | number) => new Decimal(v);
const line = (item: string, dayRate: number): BidLine => ({ item, qty: d(1), dayRate: d(dayRate) });
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
