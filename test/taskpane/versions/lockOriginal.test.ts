/*
 * "Lock original totals" against a version saved from the same Top Sheet, and from another
 * layout of it (a row added, removed or moved since): matched row for row, else by the rows'
 * names when each name is on one row only, else refused naming the rows that differ.
 */
import { Decimal } from "../../../src/engine/money";
import type { BudgetVersion, TopSheetFigure } from "../../../src/engine/versions";
import { lockOriginalPlan } from "../../../src/taskpane/versions/lockOriginal";

const figure = (row: number, label: string, total = 100): TopSheetFigure => ({
  row,
  label,
  total: new Decimal(total),
});

const version = (topSheet: TopSheetFigure[]): BudgetVersion => ({
  id: 3,
  name: "Studio approved",
  savedOn: "2026-12-04 16:40",
  layout: "FEATURE",
  lines: [],
  topSheet,
});

/** The Original formula written beside each Top Sheet row (1-based), by row. */
function originals(current: TopSheetFigure[], saved: TopSheetFigure[]) {
  const { plan, missing, dropped } = lockOriginalPlan("Top Sheet", version(saved), current);
  const [, rows] = plan.sheets[0].blocks;
  const written = new Map<number, string | null>();
  rows.cells.forEach((cells, i) => {
    const cell = cells[0];
    written.set(
      rows.row + 1 + i,
      cell && typeof cell === "object" && "formula" in cell ? cell.formula : null,
    );
  });
  return { written, missing, dropped };
}

const rowOf = (formula: string | null | undefined) => /,(\d+)\)$/.exec(formula ?? "")?.[1];

describe("Lock original totals: which saved row each Top Sheet row shows", () => {
  const saved = [figure(5, "Story & Other Rights"), figure(6, "Producer"), figure(7, "Total Above-the-line")];

  it("matches a version saved from this Top Sheet row for row", () => {
    const { written, missing, dropped } = originals(saved, saved);
    expect([5, 6, 7].map((r) => rowOf(written.get(r)))).toEqual(["5", "6", "7"]);
    expect(written.get(5)).toBe(
      "=SUMIFS(PROD_Versions[Total],PROD_Versions[Number],3,PROD_Versions[Top sheet row],5)",
    );
    expect([missing, dropped]).toEqual([[], []]);
  });

  it("matches a version saved from another layout by the rows' names, and says which rows differ", () => {
    // Since the save: a Writers row was added above Producer, and Story & Other Rights removed.
    const current = [figure(5, "Writers"), figure(6, "producer "), figure(7, "Total  Above-the-line")];
    const { written, missing, dropped } = originals(current, saved);
    expect([5, 6, 7].map((r) => rowOf(written.get(r)))).toEqual([undefined, "6", "7"]);
    expect(written.get(5)).toBeNull();
    expect(missing.map((f) => f.label)).toEqual(["Writers"]);
    expect(dropped.map((f) => f.label)).toEqual(["Story & Other Rights"]);

    // Rows moved down by one: each shows its own saved row.
    const moved = [figure(5, "Writers"), ...saved.map((f) => figure(f.row + 1, f.label))];
    expect([6, 7, 8].map((r) => rowOf(originals(moved, saved).written.get(r)))).toEqual(["5", "6", "7"]);
  });

  it("refuses, naming the rows, when a name is on more than one row", () => {
    const twice = [figure(5, "Fringes"), figure(6, "Producer"), figure(7, "Fringes")];
    const current = [figure(5, "Producer"), figure(6, "Fringes"), figure(7, "Fringes"), figure(8, "Camera")];
    expect(() => lockOriginalPlan("Top Sheet", version(twice), current)).toThrow(
      /"Studio approved" was saved from another Top Sheet layout and the rows cannot be matched by name: "Fringes" is on more than one row\. Row 5 was "Fringes", here "Producer"; Row 6 was "Producer", here "Fringes"; Rows of this Top Sheet it does not have: row 8 "Camera"\. Pick a version saved from this budget\./,
    );
  });

  it("refuses a version with none of this Top Sheet's rows, and one saved from a range", () => {
    expect(() => lockOriginalPlan("Top Sheet", version(saved), [figure(5, "Camera")])).toThrow(
      /none of its rows has a name this Top Sheet has\. Row 5 was "Story & Other Rights", here "Camera"/,
    );
    expect(() => lockOriginalPlan("Top Sheet", version([]), saved)).toThrow(/saved from a budget range/);
  });
});
