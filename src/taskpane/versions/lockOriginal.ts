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

/** A Top Sheet row as the pane names it: `row 12 "Camera"`. */
const rowWords = (f: TopSheetFigure) => `row ${f.row} "${f.label}"`;

/** A row's label as rows are matched across Top Sheet layouts: case and spaces do not count. */
const labelKey = (label: string) => label.trim().replace(/\s+/g, " ").toUpperCase();

/** Labels shown on more than one row of `figures`. */
function repeated(figures: readonly TopSheetFigure[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const f of figures) (seen.has(labelKey(f.label)) ? twice : seen).add(labelKey(f.label));
  return twice;
}

/**
 * Which saved row each row of the Top Sheet shows as Original. A version saved from this Top
 * Sheet matches row for row. One saved from another layout (a row added, moved or renamed since)
 * is matched by the rows' labels when every label is on one row only, in the version and here;
 * otherwise it is refused, naming the rows that differ and the labels that repeat.
 */
function matchRows(
  version: BudgetVersion,
  current: readonly TopSheetFigure[],
): { saved: Map<number, TopSheetFigure>; missing: TopSheetFigure[]; dropped: TopSheetFigure[] } {
  const byRow = new Map(version.topSheet.map((f) => [f.row, f]));
  if (current.every((f) => byRow.get(f.row)?.label === f.label)) {
    const dropped = version.topSheet.filter((f) => !current.some((c) => c.row === f.row));
    return { saved: byRow, missing: [], dropped };
  }
  const byLabel = new Map(version.topSheet.map((f) => [labelKey(f.label), f]));
  const missing = current.filter((f) => !byLabel.has(labelKey(f.label)));
  const here = new Set(current.map((f) => labelKey(f.label)));
  const dropped = version.topSheet.filter((f) => !here.has(labelKey(f.label)));
  const differ = [
    missing.length > 0 ? `Rows of this Top Sheet it does not have: ${missing.map(rowWords).join(", ")}` : "",
    dropped.length > 0 ? `Its rows this Top Sheet does not have: ${dropped.map(rowWords).join(", ")}` : "",
  ].filter((d) => d !== "");
  const twice = [...new Set([...repeated(version.topSheet), ...repeated(current)])];
  if (twice.length > 0 || missing.length === current.length) {
    const moved = current.filter((f) => byRow.has(f.row) && byRow.get(f.row)!.label !== f.label);
    const why =
      twice.length > 0
        ? `the rows cannot be matched by name: ${twice.map((t) => `"${[...version.topSheet, ...current].find((f) => labelKey(f.label) === t)!.label}"`).join(", ")} ${twice.length === 1 ? "is" : "are"} on more than one row`
        : "none of its rows has a name this Top Sheet has";
    const rows = [
      ...moved.slice(0, 5).map((f) => `Row ${f.row} was "${byRow.get(f.row)!.label}", here "${f.label}"`),
      ...(moved.length > 5 ? [`and ${moved.length - 5} more rows moved`] : []),
    ];
    throw new ProdError(
      "invalid",
      `"${version.name}" was saved from another Top Sheet layout and ${why}. ${[...rows, ...differ].join("; ")}. Pick a version saved from this budget.`,
    );
  }
  const saved = new Map<number, TopSheetFigure>();
  for (const f of current) {
    const from = byLabel.get(labelKey(f.label));
    if (from) saved.set(f.row, from);
  }
  return { saved, missing, dropped };
}

/** What locking writes, and how the version's Top Sheet differed from this one. */
export interface LockPlan {
  plan: WritePlan;
  /** The cells written (to check for the user's own content first). */
  target: RangeRef;
  /** Rows of this Top Sheet the version does not have: their Original is left blank. */
  missing: TopSheetFigure[];
  /** The version's rows this Top Sheet does not have: not shown. */
  dropped: TopSheetFigure[];
}

/**
 * The plan that writes Original and Variance beside the Top Sheet's figures, and the cells it
 * writes (to check for the user's own content first).
 *
 * @param current - the Top Sheet's rows with a figure, as it is now
 * @throws ProdError when the version has no Top Sheet (saved from a range), or was saved from a
 *   Top Sheet whose rows cannot be matched with these by name (matchRows)
 */
export function lockOriginalPlan(
  topSheet: string,
  version: BudgetVersion,
  current: readonly TopSheetFigure[],
): LockPlan {
  if (version.topSheet.length === 0) {
    throw new ProdError(
      "invalid",
      `"${version.name}" was saved from a budget range, without a Top Sheet. Pick a version saved from this template budget.`,
    );
  }
  const { saved, missing, dropped } = matchRows(version, current);
  const last = Math.max(...current.map((f) => f.row));
  const rows: Cell[][] = [];
  for (let r = TOP_HEADER + 2; r <= last; r++) {
    const from = current.some((f) => f.row === r) ? saved.get(r) : undefined;
    if (!from) {
      rows.push([null, null]);
      continue;
    }
    const original = a1(r - 1, ORIGINAL_COLUMN);
    rows.push([
      {
        formula: `=SUMIFS(${storeColumn("Total")},${storeColumn("Number")},${version.id},${storeColumn("Top sheet row")},${from.row})`,
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
    missing,
    dropped,
  };
}
