/**
 * @jest-environment jsdom
 */
/*
 * The Bids panel's comparison sheet in the preview: the in-memory workbook evaluates the sheet's
 * lowest-cost conditional format and the grid paints it, as Excel would (spec/taskpane.md
 * section 5: the bids produce their sheets in the preview too).
 */
import { createElement } from "react";
import { render, screen, within } from "@testing-library/react";
import { Decimal } from "../../src/engine/money";
import type { BidLine, VendorBid } from "../../src/engine/bids";
import { compareAll, PLAIN_TERMS } from "../engine/bids/compareAll";
import { comparisonSheetPlan } from "../../src/taskpane/bids/comparisonSheet";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";
import { awardWritePlan, comparisonAwardLink } from "../../src/taskpane/bids/workbookBids";
import { parseA1 } from "../../src/excel/port";

const d = (v: number) => new Decimal(v);
const line = (item: string, rate: number): BidLine => ({
  item,
  qty: d(1),
  days: { held: d(1) },
  dayRate: d(rate),
});
const vendor = (id: string, lines: BidLine[]): VendorBid => ({
  id,
  name: `Vendor ${id}`,
  terms: PLAIN_TERMS,
  lines,
});

// Rows 6-8 (Excel): Dolly A 300 / B 250 / C 250 (a tie), Crane A 1,000 / B 1,100 / C not bid,
// Slider A 90 only (B and C did not bid it).
const comparison = compareAll({
  vendors: [
    vendor("A", [line("Dolly", 300), line("Crane", 1000), line("Slider", 90)]),
    vendor("B", [line("Dolly", 250), line("Crane", 1100)]),
    vendor("C", [line("Dolly", 250)]),
  ],
});

async function bookWithComparison(): Promise<MemoryWorkbook> {
  const book = new MemoryWorkbook();
  await book.apply(comparisonSheetPlan(comparison, { mode: "create" }).plan);
  return book;
}

/** Fill of each vendor cell of an item row (B..D), null where none. */
const fills = (book: MemoryWorkbook, row: number) =>
  [1, 2, 3].map((c) => book.view("Bid comparison", row, c).fill ?? null);

const GREEN = "#C6EFCE";

// jsdom lays nothing out, so elements have no scrollTo; the grid scrolls a new sheet to A1.
beforeAll(() => {
  Element.prototype.scrollTo = () => undefined;
});

describe("the lowest landed cost in the preview", () => {
  it("marks each item's lowest bid, every vendor tied to the cent, and never a 'not bid' cell", async () => {
    const book = await bookWithComparison();
    expect(book.view("Bid comparison", 5, 0).display).toBe("Dolly");
    expect(fills(book, 5)).toEqual([null, GREEN, GREEN]);
    expect(fills(book, 6)).toEqual([GREEN, null, null]);
    expect(book.view("Bid comparison", 6, 3).display).toBe("not bid");
    expect(fills(book, 7)).toEqual([GREEN, null, null]);
    expect(book.view("Bid comparison", 5, 2)).toMatchObject({ bold: true, fontColor: "#006100" });
  });

  it("follows an edit: a lower figure typed in moves the mark", async () => {
    const book = await bookWithComparison();
    book.enter("Bid comparison", 6, 2, "900");
    expect(fills(book, 6)).toEqual([null, GREEN, null]);
  });

  it("is painted by the grid on the cells the rule marks", async () => {
    const book = await bookWithComparison();
    book.select("Bid comparison", 0, 0);
    render(createElement(WorkbookGrid, { book }));
    const grid = screen.getByRole("grid", { name: "Bid comparison" });
    const cell = (address: string) => grid.querySelector(`td[data-address="${address}"]`) as HTMLElement;
    expect(within(grid).getAllByText("not bid").length).toBeGreaterThan(0);
    expect(cell("C6").style.backgroundColor).toBe("rgb(198, 239, 206)");
    expect(cell("D6").style.backgroundColor).toBe("rgb(198, 239, 206)");
    expect(cell("B6").style.backgroundColor).toBe("");
    expect(cell("D7").style.backgroundColor).toBe("");
  });
});

describe("the award linked into a budget cell in the preview", () => {
  it("shows the comparison sheet's split total, follows it when the sheet's figures change, and still after a re-run with more items", async () => {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "templates",
      sheets: [
        { name: "Budget", mode: "create", blocks: [{ row: 0, column: 0, cells: [["Acct", "Rate"]] }] },
      ],
    });
    const { plan, layout } = comparisonSheetPlan(comparison, { mode: "create" });
    await book.apply(plan);
    const link = await comparisonAwardLink(book, { sheetName: "Bid comparison", layout }, "split");
    expect(link).not.toBeNull();
    await book.apply(awardWritePlan({ sheet: "Budget", row: 1, column: 1 }, { formula: link!.formula }));
    // Split: dolly from B (250), crane and slider from A (1,000 + 90) = 1,340.00 (the money
    // format pads positives by a ")" width, as Excel does).
    expect(book.view("Budget", 1, 1)).toMatchObject({ display: "1,340.00 ", input: link!.formula });
    const { row, column } = parseA1(layout.splitTotal);
    book.enter("Bid comparison", row, column, "1400");
    expect(book.view("Budget", 1, 1).display).toBe("1,400.00 ");

    // A re-run with more items moves the awards block down; the linked total follows it.
    const more = compareAll({
      vendors: [
        vendor("A", [line("Dolly", 300), line("Crane", 1000), line("Slider", 90), line("Jib", 400)]),
        vendor("B", [line("Dolly", 250), line("Crane", 1100), line("Jib", 380)]),
      ],
    });
    await book.apply(comparisonSheetPlan(more, { mode: "replaceOwned" }).plan);
    // Split: dolly 250 + jib 380 from B, crane 1,000 + slider 90 from A = 1,720.00.
    expect(book.view("Budget", 1, 1).display).toBe("1,720.00 ");
  });
});

describe("a budget linked to the single award, through a re-run where no vendor bid every item", () => {
  const full = compareAll({
    vendors: [
      vendor("A", [line("Dolly", 300), line("Crane", 1000)]),
      vendor("B", [line("Dolly", 250), line("Crane", 1100)]),
    ],
  });
  // A drops the crane, B the dolly: nobody bids both items now.
  const partial = compareAll({
    vendors: [vendor("A", [line("Dolly", 300)]), vendor("B", [line("Crane", 1100)])],
  });

  async function linkedBudget() {
    const book = new MemoryWorkbook();
    await book.apply({
      owner: "templates",
      sheets: [
        {
          name: "Budget",
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [
                ["Acct", "Rate", "Total"],
                ["5100", null, { formula: "=B2*1" }],
              ],
            },
          ],
        },
      ],
    });
    const { plan, layout } = comparisonSheetPlan(full, { mode: "create" });
    await book.apply(plan);
    const link = await comparisonAwardLink(book, { sheetName: "Bid comparison", layout }, "single");
    await book.apply(awardWritePlan({ sheet: "Budget", row: 1, column: 1 }, { formula: link!.formula }));
    // Single award: A, 300 + 1,000.
    expect(book.view("Budget", 1, 2).display).toBe("1300");
    return book;
  }

  it("breaks the budget (#VALUE!) when the single award's cell becomes 'none': the bug of issue 17", async () => {
    const book = await linkedBudget();
    await book.apply(comparisonSheetPlan(partial, { mode: "replaceOwned" }).plan);
    expect(book.view("Budget", 1, 2).display).toBe("#VALUE!");
  });

  it("keeps the linked cells numeric when the user lets the split award stand in", async () => {
    const book = await linkedBudget();
    await book.apply(comparisonSheetPlan(partial, { mode: "replaceOwned", splitForSingle: true }).plan);
    // Split: dolly 300 from A, crane 1,100 from B.
    expect(book.view("Budget", 1, 1).display).toBe("1,400.00 ");
    expect(book.view("Budget", 1, 2).display).toBe("1400");
  });
});
