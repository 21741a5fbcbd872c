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
import {
  findTypedCells,
  KEPT_HEADING,
  keptKey,
  placeTypedCells,
  YOUR_NOTES,
  type OwnRow,
  type SheetCells,
} from "../../src/taskpane/shell/userWork";
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
    // A total has no code: back to the total of its name (placeTypedCells takes the key there is).
    expect(rows.find((r) => r.label === "Total Below-the-line" && r.back)?.back).toEqual([
      "code Total",
      "row Total Below-the-line",
    ]);
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

/** Where the user's notes and cells beside rows on an earlier sheet (`rows` its PROD rows) go in a new output of `keys`. */
function placedOn(cells: SheetCells, rows: OwnRow[], keys: string[]) {
  const fresh: OwnRow[] = keys.map((key, i) => ({ row: 4 + i, key, label: key, width: 3, notes: 2 }));
  const carry = placeTypedCells(findTypedCells(cells, rows, "Sheet"), fresh, "Sheet", {
    start: 4 + keys.length + 1,
    width: 3,
    notes: 2,
    heading: KEPT_HEADING,
  });
  // The table's figures are values here, read as typed over PROD's formulas: only notes are asked.
  return carry.cells
    .filter((p) => p.from.kind !== "over")
    .map((p) => [p.from.on?.label, fresh.find((r) => r.row === p.row)?.key ?? p.where]);
}

describe("a kept row goes back only to a row of its own kind and code", () => {
  const header = ["Account", "Description", "Current", "Approved (base)", "Difference: Current"];
  const budget = (kept: CellValue[][]) =>
    sheet([
      ["Budget comparison"],
      [],
      [],
      [...header, "% change: Current", YOUR_NOTES],
      [1100, "Story", 1, 1, 0, 0],
      [],
      ...kept,
    ]);

  it("Budget comparison: a row of the accounts not in every version says so, and goes back to that list", () => {
    const cells = sheet([
      ["Budget comparison"],
      [],
      [],
      [...header, "% change: Current", YOUR_NOTES],
      [1100, "Story", 1, 0, 1, 0],
      [],
      ["Accounts not in every version (kept above, with 0 where missing)"],
      [1100, "Story", "Only in Current", "asked the studio"],
    ]);
    const rows = budgetRows(cells);
    expect(keyOf(rows, "Not in every version: 1100 Story")).toBe("partial code 1100");
    // Kept (the new comparison has 1100 in every version), then back only to that list.
    expect(placedOn(cells, rows, ["code 1100"])).toEqual([["Not in every version: 1100 Story", "kept"]]);
    const kept = budget([
      [KEPT_HEADING],
      ["Not in every version: 1100 Story", "", "", "", "", "", "", "note"],
    ]);
    const again = budgetRows(kept);
    expect(placedOn(kept, again, ["code 1100"])).toEqual([["Not in every version: 1100 Story", "kept"]]);
    expect(placedOn(kept, again, ["code 1100", "partial code 1100"])).toEqual([
      ["Not in every version: 1100 Story", "partial code 1100"],
    ]);
  });

  it("Budget comparison: an account code with a space (11 03) goes back to its row", () => {
    const kept = budget([[KEPT_HEADING], ["11 03 Story", "", "", "", "", "", "", "note"]]);
    const rows = budgetRows(kept);
    expect(placedOn(kept, rows, ["code 1100", "code 11 03"])).toEqual([["11 03 Story", "code 11 03"]]);
    // "11 03 Story" may be 11 "03 Story" or 11 03 "Story": with both back, it is not guessed.
    expect(placedOn(kept, rows, ["code 11", "code 11 03"])).toEqual([["11 03 Story", "kept"]]);
    expect(placedOn(kept, rows, ["code 11"])).toEqual([["11 03 Story", "code 11"]]);
  });

  it("Scenario comparison: a global that differed says so, and goes back only to the globals", () => {
    const cells = sheet([
      ["Scenario comparison: Top Sheet"],
      [],
      [],
      ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES],
      ["Days", 1, 2, 1],
      [],
      [],
      ["Globals that differ"],
      ["Days", 30, 35, "", "", "why 35?"],
    ]);
    const rows = earlierComparisonRows(cells, { topSheet: "Top Sheet" } as Budget);
    expect(keyOf(rows, "Globals that differ: Days")).toBe("global Days");
    expect(placedOn(cells, rows, ["line Days"])).toEqual([["Globals that differ: Days", "kept"]]);
    const kept = sheet([
      ["Scenario comparison: Top Sheet"],
      [],
      [],
      ["Figure", "30 days", "35 days", "35 days - 30 days", YOUR_NOTES],
      ["Days", 1, 2, 1],
      [],
      [KEPT_HEADING],
      ["Globals that differ: Days", "", "", "", "", "why 35?"],
    ]);
    const again = earlierComparisonRows(kept, { topSheet: "Top Sheet" } as Budget);
    expect(placedOn(kept, again, ["line Days"])).toEqual([["Globals that differ: Days", "kept"]]);
    expect(placedOn(kept, again, ["line Days", "global Days"])).toEqual([
      ["Globals that differ: Days", "global Days"],
    ]);
  });
});
