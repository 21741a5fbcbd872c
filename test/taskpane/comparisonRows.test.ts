/*
 * How each comparison panel describes the rows of its earlier sheet (earlierRows): a row kept
 * under the kept heading has the key of the row it was kept from, the same key the panel's table
 * rows have, so what the user typed on it goes back to that row when the new comparison has it
 * again (userWork.ts placeTypedCells): Budget comparison by account code, Incentive comparison by
 * program, Scenario comparison by top-sheet line.
 */
import type { CellValue } from "../../src/excel/port";
import {
  COMPARISON_HEADINGS,
  KEPT_HEADING as INCENTIVES_KEPT,
  earlierRows as incentiveRows,
} from "../../src/taskpane/incentives/comparisonSheet";
import { KEPT_HEADING, keptKey, YOUR_NOTES, type SheetCells } from "../../src/taskpane/shell/userWork";
import { earlierRows as budgetRows } from "../../src/taskpane/versions/comparisonSheet";
import { earlierComparisonRows, type Budget } from "../../src/taskpane/whatif/whatifWorkbook";

/** A sheet's cells from A1 as read: rows padded with blanks, no formulas, General formats. */
function sheet(rows: CellValue[][]): SheetCells {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
  return {
    row: 0,
    column: 0,
    values,
    formulas: values,
    numberFormats: values.map((r) => r.map(() => "General")),
  };
}

/** The key of the row whose label is `label` and whose key starts with `start`. */
const keyOf = (rows: { key: string; label: string }[], label: string, start = "") =>
  rows.find((r) => r.label === label && r.key.startsWith(start))?.key;

describe("a row kept from an earlier comparison has the key of the row it was kept from", () => {
  it("Budget comparison: by account code (0100 read back as 100), totals by name", () => {
    const header = ["Account", "Description", "Current", "Approved (base)", "Difference: Current"];
    const rows = budgetRows(
      sheet([
        ["Budget comparison"],
        [],
        [],
        [...header, "% change: Current", YOUR_NOTES],
        [100, "Development", 1, 1, 0, 0],
        [2300, "Sets", 1, 1, 0, 0],
        ["", "Total Below-the-line", 1, 1, 0, 0],
        [],
        [KEPT_HEADING],
        ["100 Development"],
        ["2300 Sets and Dressing"],
        ["Total Below-the-line"],
        ["A1 Crew"],
      ]),
    );
    expect(keyOf(rows, "100 Development")).toBe("code 100");
    expect(keyOf(rows, "100 Development", "kept")).toBe(keptKey("code 100"));
    // The account's description changed since: still its code.
    expect(keyOf(rows, "2300 Sets and Dressing")).toBe(keptKey("code 2300"));
    expect(keyOf(rows, "2300 Sets")).toBe("code 2300");
    expect(keyOf(rows, "Total Below-the-line", "kept")).toBe(keptKey("row Total Below-the-line"));
    expect(keyOf(rows, "Total Below-the-line", "row")).toBe("row Total Below-the-line");
    expect(keyOf(rows, "A1 Crew")).toBe(keptKey("code A1"));
  });

  it("Incentive comparison: by program", () => {
    const rows = incentiveRows(
      sheet([
        ["Incentive comparison"],
        [],
        ["Budget total", 1000],
        [],
        [...COMPARISON_HEADINGS, YOUR_NOTES],
        ["US-GA", "Georgia"],
        [],
        [INCENTIVES_KEPT],
        ["CAN-BC"],
      ]),
    );
    expect(keyOf(rows, "US-GA")).toBe("program US-GA");
    expect(keyOf(rows, "CAN-BC")).toBe(keptKey("program CAN-BC"));
  });

  it("Scenario comparison: by top-sheet line", () => {
    const budget = { topSheet: "Top Sheet" } as Budget;
    const rows = earlierComparisonRows(
      sheet([
        ["Scenario comparison: Top Sheet"],
        [],
        [],
        ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES],
        ["Grand total", 1, 2, 1],
        [],
        [KEPT_HEADING],
        ["Total Above-the-line"],
      ]),
      budget,
    );
    expect(keyOf(rows, "Grand total")).toBe("line Grand total");
    expect(keyOf(rows, "Total Above-the-line")).toBe(keptKey("line Total Above-the-line"));
  });
});
