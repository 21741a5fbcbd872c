/*
 * The "Budget comparison" sheet (issue 21): by account, rolled up by category and level, each
 * budget's figure, and each one's difference and % change against the base. Every figure is a
 * live formula: saved versions add up the version store, Current adds up the live budget, and
 * the roll-ups, differences and % changes are formulas over those cells, so correcting a line of
 * the budget updates the comparison. The engine's comparison (engine/versions) decides the rows
 * and gives the same figures to the cent; the pane shows them and the tests hold the two equal.
 */
import { accountCell, MAX_COMPARED, type Comparison } from "../../engine/versions";
import {
  a1,
  a1Range,
  mergeRowBlocks,
  NUMBER_FORMATS,
  type Cell,
  type CellBlock,
  type WritePlan,
} from "../../excel/port";
import type { SheetSignature, SheetTarget } from "../shell/ownedSheet";
import { budgetSum, storeSum, type BudgetRefs, type TextSpellings } from "./formulas";
import { VERSIONS_OWNER } from "./versionStore";

/** The comparison's sheet ("Budget comparison 2", ... when a sheet of the user's has that name). */
export const COMPARISON_SHEET = "Budget comparison";
/** The mark key of the comparison sheet. */
export const COMPARISON_KEY = "comparison";
/** The sheet's title, in A1. */
const COMPARISON_TITLE = "Budget comparison";
/** The header row (0-based): under the title and two notes. */
const HEADER_ROW = 3;
const FIRST_FIGURE = 2;
/** The widest header: Account, Description, up to 4 budgets, a difference and % per other. */
const MAX_WIDTH = FIRST_FIGURE + MAX_COMPARED + 2 * (MAX_COMPARED - 1);

/**
 * A comparison sheet PROD wrote, told by its content when its mark is gone (a user deleted the
 * hidden name): the title in A1 and the header row as PROD writes it: Account, Description, the
 * budgets compared (one of them "(base)"), then a "Difference: " and a "% change: " heading for
 * each of the others, in pairs.
 */
export const COMPARISON_SIGNATURE: SheetSignature = {
  address: a1Range(0, 0, HEADER_ROW + 1, MAX_WIDTH),
  matches: (values) => {
    const header = (values[HEADER_ROW] ?? []).map((v) => String(v ?? ""));
    const names = header.slice(FIRST_FIGURE).filter((h) => h !== "" && !/^(Difference|% change): /.test(h));
    const others = names.filter((n) => !n.endsWith(" (base)"));
    const pairs = others.flatMap((n) => [`Difference: ${n}`, `% change: ${n}`]);
    return (
      values[0]?.[0] === COMPARISON_TITLE &&
      header[0] === "Account" &&
      header[1] === "Description" &&
      names.length - others.length === 1 &&
      others.length > 0 &&
      pairs.every((text, i) => header[FIRST_FIGURE + names.length + i] === text)
    );
  },
};

/** Where each compared budget's figures come from, in the comparison's order. */
export type ComparedSource =
  { kind: "store"; id: number } | { kind: "live"; refs: BudgetRefs; spellings: TextSpellings };

/** What the sheet says above its rows. */
export interface ComparisonNotes {
  /** "Current is the budget on Budget detail." */
  source: string;
  /** The chart note (engine chartNote). */
  chart: string;
  /** The account filter as typed, or null for every account. */
  filter: string | null;
  topSheetOnly: boolean;
}

/**
 * The comparison sheet's write plan.
 *
 * @param sources - per budget of `comparison.names`, the store's version or the live budget
 * @param allKeys - every account key the compared budgets have, filtered out or not (formulas
 *   select runs of accounts and must stop at the ones left out)
 * @param target - the sheet (sheetTarget): "create", "replaceOwned" for the pane's own earlier
 *   comparison, or "reclaim" for one whose mark is gone ({@link COMPARISON_SIGNATURE}) once the
 *   user said yes
 */
export function comparisonPlan(
  comparison: Comparison,
  sources: readonly ComparedSource[],
  allKeys: readonly string[],
  notes: ComparisonNotes,
  target: SheetTarget,
): WritePlan {
  const n = comparison.names.length;
  const others = comparison.names.map((_, i) => i).filter((i) => i !== comparison.base);
  const figureColumn = (i: number) => FIRST_FIGURE + i;
  const differenceColumn = (k: number) => FIRST_FIGURE + n + 2 * k;
  const width = FIRST_FIGURE + n + 2 * others.length;
  const M = NUMBER_FORMATS.money;
  const P = NUMBER_FORMATS.percent;

  const header: Cell[] = [
    "Account",
    "Description",
    ...comparison.names.map((name, i): Cell => ({ text: i === comparison.base ? `${name} (base)` : name })),
    ...others.flatMap((i): Cell[] => [
      { text: `Difference: ${comparison.names[i]}` },
      { text: `% change: ${comparison.names[i]}` },
    ]),
  ];
  const formats = [null, null, ...comparison.names.map(() => M), ...others.flatMap(() => [M, P])];

  const sum = (i: number, keys: readonly string[]) => {
    const source = sources[i];
    return source.kind === "store"
      ? storeSum(source.id, keys, allKeys)
      : budgetSum(source.refs, keys, source.spellings, allKeys);
  };

  const blocks: CellBlock[] = [];
  let r = HEADER_ROW + 1;
  let accountStart = r;
  const categoryRows: number[] = [];
  const levelRows: { row: number; below: boolean }[] = [];
  for (const row of comparison.rows) {
    const cells: Cell[] = Array.from({ length: width }, () => null);
    let bold = true;
    const figure = (i: number, formula: string) => (cells[figureColumn(i)] = { formula: `=${formula}` });
    const column = (i: number) => a1(r, figureColumn(i)).replace(/\d+$/, "");
    switch (row.kind) {
      case "account":
        bold = false;
        cells[0] = accountCell(row.code);
        cells[1] = { text: row.name };
        comparison.names.forEach((_, i) => figure(i, `ROUND(${sum(i, row.accounts)},2)`));
        break;
      case "category":
        cells[0] = accountCell(row.code);
        cells[1] = row.name;
        comparison.names.forEach((_, i) =>
          figure(
            i,
            notes.topSheetOnly
              ? `ROUND(${sum(i, row.accounts)},2)`
              : `SUM(${column(i)}${accountStart + 1}:${column(i)}${r})`,
          ),
        );
        categoryRows.push(r);
        break;
      case "level":
        cells[1] = row.name;
        comparison.names.forEach((_, i) =>
          figure(i, categoryRows.map((c) => `${column(i)}${c + 1}`).join("+")),
        );
        categoryRows.length = 0;
        levelRows.push({ row: r, below: row.level !== "ATL" });
        break;
      case "belowTheLine":
      case "total": {
        cells[1] = row.name;
        const parts = levelRows.filter((l) => row.kind === "total" || l.below).map((l) => l.row);
        comparison.names.forEach((_, i) =>
          figure(i, parts.length === 0 ? "0" : parts.map((p) => `${column(i)}${p + 1}`).join("+")),
        );
        break;
      }
    }
    const base = a1(r, figureColumn(comparison.base));
    others.forEach((i, k) => {
      const difference = a1(r, differenceColumn(k));
      cells[differenceColumn(k)] = { formula: `=ROUND(${a1(r, figureColumn(i))}-${base},2)` };
      cells[differenceColumn(k) + 1] = { formula: `=IF(${base}=0,"",${difference}/${base})` };
    });
    blocks.push({ row: r, column: 0, cells: [cells], columnFormats: formats, bold });
    r++;
    if (row.kind !== "account") accountStart = r;
  }

  const listRow = r + 1;
  const partial: Cell[][] = comparison.partial.map((p) => [
    accountCell(p.account),
    { text: p.description },
    { text: `Only in ${p.in.join(", ")}` },
  ]);
  const filterWords = notes.filter === null ? "every account" : `the accounts ${notes.filter}`;
  return {
    owner: VERSIONS_OWNER,
    activate: target.sheetName,
    sheets: [
      {
        name: target.sheetName,
        mode: target.mode,
        markKey: COMPARISON_KEY,
        blocks: [
          { row: 0, column: 0, cells: [[COMPARISON_TITLE]], bold: true },
          {
            row: 1,
            column: 0,
            cells: [
              [
                {
                  text: `${notes.source} Differences and % changes are against ${comparison.names[comparison.base]}. Showing ${filterWords}${notes.topSheetOnly ? ", categories only" : ""}.`,
                },
              ],
              [
                `${notes.chart} Every figure is a formula: correct a line of the budget and Current follows; saved versions are on "PROD versions".`,
              ],
            ],
          },
          { row: HEADER_ROW, column: 0, cells: [header], bold: true },
          // Consecutive rows of the same weight merge into one 2-D write each.
          ...mergeRowBlocks(blocks),
          ...(partial.length === 0
            ? []
            : [
                {
                  row: listRow,
                  column: 0,
                  cells: [["Accounts not in every version (kept above, with 0 where missing)"]],
                  bold: true,
                },
                { row: listRow + 1, column: 0, cells: partial },
              ]),
        ],
        freeze: { rows: HEADER_ROW + 1, columns: FIRST_FIGURE },
        columnWidths: [60, 220, ...comparison.names.map(() => 110), ...others.flatMap(() => [110, 90])],
        printArea: a1Range(0, 0, r, width),
      },
    ],
  };
}
