/*
 * "Lock original totals" (issue 21, as Movie Magic's top sheet does): beside the template Top
 * Sheet's live Total, an "Original" column showing a saved version's figure of each row and a
 * "Variance" column, the live total less the original. The Original cells are formulas over the
 * version store (a saved version never changes, so neither do they); the Variance follows the
 * live total. They go in columns H and I, clear of the Top Sheet's own columns (A-F, A-G on the
 * AICP form), and only after the pane has checked those cells are empty or the user said yes.
 */
import { ProdError } from "../../engine/errors";
import type { BudgetVersion, TopSheetFigure } from "../../engine/versions";
import { a1, a1Range, NUMBER_FORMATS, type Cell, type RangeRef, type WritePlan } from "../../excel/port";
import { storeColumn } from "./formulas";
import { VERSIONS_OWNER } from "./versionStore";

/** The Original column (0-based: H); Variance is the next. */
const ORIGINAL_COLUMN = 7;
/** The Top Sheet's header row, 0-based, and its Total column (C). */
const TOP_HEADER = 3;
const TOTAL_COLUMN = 2;

/**
 * The plan that writes Original and Variance beside the Top Sheet's figures, and the cells it
 * writes (to check for the user's own content first).
 *
 * @param current - the Top Sheet's rows with a figure, as it is now
 * @throws ProdError when the version has no Top Sheet (saved from a range) or was saved from a
 *   Top Sheet whose rows are not these
 */
export function lockOriginalPlan(
  topSheet: string,
  version: BudgetVersion,
  current: readonly TopSheetFigure[],
): { plan: WritePlan; target: RangeRef } {
  if (version.topSheet.length === 0) {
    throw new ProdError(
      "invalid",
      `"${version.name}" was saved from a budget range, without a Top Sheet. Pick a version saved from this template budget.`,
    );
  }
  const saved = new Map(version.topSheet.map((f) => [f.row, f]));
  const moved = current.filter((f) => saved.has(f.row) && saved.get(f.row)!.label !== f.label);
  if (moved.length > 0 || !current.some((f) => saved.has(f.row))) {
    const at = moved[0];
    throw new ProdError(
      "invalid",
      at
        ? `"${version.name}" was saved from another Top Sheet: its row ${at.row} is "${saved.get(at.row)!.label}", here it is "${at.label}". Pick a version saved from this budget.`
        : `"${version.name}" was saved from another Top Sheet. Pick a version saved from this budget.`,
    );
  }
  const last = Math.max(...current.map((f) => f.row));
  const rows: Cell[][] = [];
  for (let r = TOP_HEADER + 2; r <= last; r++) {
    if (!saved.has(r) || !current.some((f) => f.row === r)) {
      rows.push([null, null]);
      continue;
    }
    const original = a1(r - 1, ORIGINAL_COLUMN);
    rows.push([
      {
        formula: `=SUMIFS(${storeColumn("Total")},${storeColumn("Number")},${version.id},${storeColumn("Top sheet row")},${r})`,
      },
      { formula: `=ROUND(${a1(r - 1, TOTAL_COLUMN)}-${original},2)` },
    ]);
  }
  const M = NUMBER_FORMATS.money;
  const plan: WritePlan = {
    owner: VERSIONS_OWNER,
    sheets: [
      {
        name: topSheet,
        mode: "existing",
        blocks: [
          {
            row: TOP_HEADER,
            column: ORIGINAL_COLUMN,
            cells: [[{ text: `Original: ${version.name}` }, "Variance"]],
            bold: true,
          },
          { row: TOP_HEADER + 1, column: ORIGINAL_COLUMN, cells: rows, columnFormats: [M, M] },
        ],
      },
    ],
    activate: topSheet,
  };
  return {
    plan,
    target: { sheet: topSheet, address: a1Range(TOP_HEADER, ORIGINAL_COLUMN, last - TOP_HEADER, 2) },
  };
}
