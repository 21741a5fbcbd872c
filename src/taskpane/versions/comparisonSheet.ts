/*
 * The "Budget comparison" sheet (issue 21): by account, rolled up by category and level, each
 * budget's figure, and each one's difference and % change against the base. Every figure is a
 * live formula: every row of a saved version adds up its lines in the version store, of Current
 * its lines in the live budget, and rounds once (categories and totals too: never the accounts
 * rounded, which could be a few cents off the total Save and the Top Sheet give), and the
 * differences and % changes are formulas over those cells, so correcting a line of the budget
 * updates the comparison. The engine's comparison (engine/versions) decides the rows
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
  type CellValue,
  type WritePlan,
} from "../../excel/port";
import type { SheetSignature, SheetTarget } from "../shell/ownedSheet";
import {
  carryBlocks,
  CHECK_NOTE,
  checkColumnOf,
  findCheckColumn,
  KEPT_HEADING,
  YOUR_NOTES,
  placeTypedCells,
  readKeptRows,
  rowChecksBlock,
  valueAt,
  type Carry,
  type OwnRow,
  type SheetCells,
  type TypedCell,
  type WrittenRow,
} from "../shell/userWork";
import { rowNow, tableRows } from "../shell/tableRows";
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
/**
 * What the sheet says of its rounding (engine compare.ts): why a total can be a cent or so off
 * the rows above it, and that it is the total Save and the Top Sheet give.
 */
export const ROUNDING_NOTE =
  "Each figure adds its lines and rounds once to the cent, as Save version and the Top Sheet total a budget, so the rows above a total may add up to a cent or so more or less than it.";
/** The widest header: Account, Description, up to 4 budgets, a difference and % per other, notes. */
const MAX_WIDTH = FIRST_FIGURE + MAX_COMPARED + 2 * (MAX_COMPARED - 1) + 1;
/** The heading of the list of accounts some versions do not have, under the table. */
const PARTIAL_HEADING = "Accounts not in every version (kept above, with 0 where missing)";
/** The list's columns: account, description, which versions have it. */
const PARTIAL_WIDTH = 3;

/**
 * The header row of a comparison as PROD writes it: Account, Description, the budgets compared
 * (one of them "(base)"), then a "Difference: " and a "% change: " heading for each of the others,
 * in pairs, and (since notes are carried) "Your notes". Answers the columns it spans, notes
 * included, or null when the row is not that header. Cells after it are not looked at.
 */
function readHeader(header: readonly string[]): { width: number; notes: number | null } | null {
  let end = FIRST_FIGURE;
  while (
    end < header.length &&
    header[end] !== "" &&
    header[end] !== YOUR_NOTES &&
    !/^(Difference|% change): /.test(header[end])
  )
    end++;
  const names = header.slice(FIRST_FIGURE, end);
  const others = names.filter((n) => !n.endsWith(" (base)"));
  const pairs = others.flatMap((n) => [`Difference: ${n}`, `% change: ${n}`]);
  const ours =
    header[0] === "Account" &&
    header[1] === "Description" &&
    names.length - others.length === 1 &&
    others.length > 0 &&
    pairs.every((text, i) => header[end + i] === text);
  if (!ours) return null;
  end += pairs.length;
  return header[end] === YOUR_NOTES ? { width: end + 1, notes: end } : { width: end, notes: null };
}

/**
 * The header of a comparison whose headings the user retyped (readHeader no longer knows it) on
 * sheet row `row`, by its row check: written right of "Your notes", the table's last column.
 * Null without one.
 */
function headerByCheck(cells: SheetCells, row: number): { width: number; notes: number | null } | null {
  const at = findCheckColumn(cells, row, FIRST_FIGURE + 2);
  return at === null ? null : { width: at, notes: at - 1 };
}

/**
 * A comparison sheet PROD wrote, told by its content when its mark is gone (a user deleted the
 * hidden name): the title in A1 and the header row as PROD writes it ({@link readHeader}).
 */
export const COMPARISON_SIGNATURE: SheetSignature = {
  address: a1Range(0, 0, HEADER_ROW + 1, MAX_WIDTH),
  matches: (values) =>
    values[0]?.[0] === COMPARISON_TITLE &&
    readHeader((values[HEADER_ROW] ?? []).map((v) => String(v ?? ""))) !== null,
};

/** What tells a row of the table, old or new: its account or category code, else its name. */
function rowKey(code: CellValue, name: CellValue): { key: string; label: string } {
  const text = String(code).trim();
  if (text === "") return { key: `row ${String(name)}`, label: String(name) };
  // 0100 is written as the number 100 (accountCell) and read back so.
  const key = /^\d+$/.test(text) ? String(Number(text)) : text;
  return { key: `code ${key}`, label: `${text} ${String(name)}` };
}

/**
 * A row of the accounts not in every version, told by its account; its label says it is one, so
 * that kept under KEPT_HEADING it goes back to that list, not to the account's row of the table.
 */
const PARTIAL_LABEL = "Not in every version: ";
function partialRow(row: number, code: CellValue, name: CellValue): OwnRow {
  const { key, label } = rowKey(code, name);
  return { row, key: `partial ${key}`, label: `${PARTIAL_LABEL}${label}`, width: PARTIAL_WIDTH, notes: null };
}

/**
 * The keys a row kept under KEPT_HEADING may have had, by its label as {@link rowKey} and
 * {@link partialRow} make it: a name alone (the totals: "Total Above-the-line"), or a code and the
 * name after it ("2300 Sets", "100 Development": 0100 read back as a number), where a code may
 * have spaces ("11 03 Story" is 11 or 11 03): placeTypedCells takes the one the new output has.
 */
function keysOfLabel(label: string): string[] {
  if (label.startsWith(PARTIAL_LABEL))
    return keysOfLabel(label.slice(PARTIAL_LABEL.length)).map((key) => `partial ${key}`);
  const words = label.split(" ");
  const codes = words.slice(1).map((_, i) => rowKey(words.slice(0, i + 1).join(" "), "").key);
  return [...new Set([...codes, rowKey("", label).key])];
}

/**
 * PROD's fixed rows above the table: the title, two notes and the header, each where PROD wrote
 * it, or on an earlier sheet where `now` finds it (rows the user inserted above: tableRows.ts).
 */
function topRows(width: number, check: number | null | undefined, now = (row: number) => row): OwnRow[] {
  return [
    { row: now(0), key: "#title", label: COMPARISON_TITLE, width: 1, notes: null, check },
    { row: now(1), key: "#source", label: "", width: 1, notes: null, check },
    { row: now(2), key: "#chart", label: "", width: 1, notes: null, check },
    { row: now(HEADER_ROW), key: "#header", label: "the header", width, notes: null, check },
  ];
}

/** The headings of the table's label columns, for the words about a label retyped. */
const LABEL_HEADINGS: ReadonlyMap<number, string> = new Map([
  [0, "Account"],
  [1, "Description"],
]);

/**
 * The rows PROD wrote on an earlier comparison (`cells`: its used range as read), by label, for
 * userWork's findTypedCells: the title and notes, the header, the table's rows with their figure
 * columns' formulas, the list of accounts not in every version, and the kept part of an earlier
 * carry, each with the column of its hidden row check (checkColumnOf; a header whose headings
 * the user retyped is read by its check). Where rows the user inserted or deleted moved them,
 * PROD's rows are found by their checks (tableRows.ts): a row the user inserted in the table is
 * the user's, and the table goes on under it; on a comparison written before checks, the table
 * ends at the first row with neither code nor name, as then. An older comparison without the
 * notes column is read as it was written: what is right of its table is beside its rows.
 */
export function earlierRows(cells: SheetCells): OwnRow[] {
  const headerRow = rowNow(cells, HEADER_ROW, FIRST_FIGURE + 2);
  const header =
    readHeader(Array.from({ length: MAX_WIDTH }, (_, c) => String(valueAt(cells, headerRow, c)))) ??
    headerByCheck(cells, headerRow);
  if (header === null) return [];
  const { width, notes } = header;
  // Its chart note (row 3) ends with CHECK_NOTE when it was written with checks.
  const check = checkColumnOf(cells, width, headerRow - 1);
  const formulas = new Map<number, string>();
  for (let c = FIRST_FIGURE; c < (notes ?? width); c++) formulas.set(c, String(valueAt(cells, headerRow, c)));
  const rows = topRows(width, check, (row) => (typeof check === "number" ? rowNow(cells, row, check) : row));
  const last = cells.row + cells.values.length;
  const heading = (r: number) =>
    valueAt(cells, r, 0) === PARTIAL_HEADING || valueAt(cells, r, 0) === KEPT_HEADING;
  const table = tableRows(cells, {
    heading: headerRow,
    layout: { width, notes, check },
    labelled: (r) => valueAt(cells, r, 0) !== "" || valueAt(cells, r, 1) !== "",
    after: heading,
  });
  for (const r of table) {
    const { key, label } = rowKey(valueAt(cells, r, 0), valueAt(cells, r, 1));
    rows.push({ row: r, key, label, width, notes, formulas, headings: LABEL_HEADINGS, check });
  }
  let r = (table.at(-1) ?? headerRow) + 1;
  while (r < last && !heading(r)) r++;
  if (valueAt(cells, r, 0) === PARTIAL_HEADING) {
    rows.push({ row: r, key: "#partial", label: PARTIAL_HEADING, width: 1, notes: null, check });
    const list = tableRows(cells, {
      heading: r,
      layout: { width: PARTIAL_WIDTH, notes: null, check },
      labelled: (at) => valueAt(cells, at, 0) !== "",
      after: (at) => valueAt(cells, at, 0) === KEPT_HEADING,
    });
    for (const at of list)
      rows.push({ ...partialRow(at, valueAt(cells, at, 0), valueAt(cells, at, 1)), check });
  }
  return [...rows, ...readKeptRows(cells, KEPT_HEADING, width, notes, keysOfLabel)];
}

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
 * The comparison sheet's write plan, and where what the user typed on the earlier one goes.
 *
 * @param sources - per budget of `comparison.names`, the store's version or the live budget
 * @param allKeys - every account key the compared budgets have, filtered out or not (formulas
 *   select runs of accounts and must stop at the ones left out)
 * @param target - the sheet (sheetTarget): "create", "replaceOwned" for the pane's own earlier
 *   comparison, or "reclaim" for one whose mark is gone ({@link COMPARISON_SIGNATURE}) once the
 *   user said yes
 * @param typed - what the user typed on the sheet it replaces (findTypedCells over earlierRows)
 */
export function comparisonPlan(
  comparison: Comparison,
  sources: readonly ComparedSource[],
  allKeys: readonly string[],
  notes: ComparisonNotes,
  target: SheetTarget,
  typed: readonly TypedCell[] = [],
): { plan: WritePlan; carry: Carry } {
  const n = comparison.names.length;
  const others = comparison.names.map((_, i) => i).filter((i) => i !== comparison.base);
  const figureColumn = (i: number) => FIRST_FIGURE + i;
  const differenceColumn = (k: number) => FIRST_FIGURE + n + 2 * k;
  const notesColumn = FIRST_FIGURE + n + 2 * others.length;
  const width = notesColumn + 1;
  // PROD's check of each row it writes (userWork.ts rowCheck), hidden, right of the notes.
  const checkColumn = width;
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
    YOUR_NOTES,
  ];
  const formats = [null, null, ...comparison.names.map(() => M), ...others.flatMap(() => [M, P]), null];
  const rows = topRows(width, checkColumn);
  const filterWords = notes.filter === null ? "every account" : `the accounts ${notes.filter}`;
  const sourceNote: Cell = {
    text: `${notes.source} Differences and % changes are against ${comparison.names[comparison.base]}. Showing ${filterWords}${notes.topSheetOnly ? ", categories only" : ""}.`,
  };
  const chartNote = `${notes.chart} Every figure is a formula: correct a line of the budget and Current follows; saved versions are on "PROD versions". ${ROUNDING_NOTE} ${CHECK_NOTE}`;
  const written: WrittenRow[] = [
    { row: 0, cells: [COMPARISON_TITLE], notes: null },
    { row: 1, cells: [sourceNote], notes: null },
    { row: 2, cells: [chartNote], notes: null },
    { row: HEADER_ROW, cells: header, notes: null },
  ];

  const sum = (i: number, keys: readonly string[]) => {
    const source = sources[i];
    return source.kind === "store"
      ? storeSum(source.id, keys, allKeys)
      : budgetSum(source.refs, keys, source.spellings, allKeys);
  };

  const blocks: CellBlock[] = [];
  let r = HEADER_ROW + 1;
  for (const row of comparison.rows) {
    const cells: Cell[] = Array.from({ length: width }, () => null);
    // Every figure adds its lines and rounds once, as the engine's (compare.ts), Save's total
    // and the Top Sheet's: a category never adds its accounts rounded, nor a total its levels.
    comparison.names.forEach(
      (_, i) => (cells[figureColumn(i)] = { formula: `=ROUND(${sum(i, row.accounts)},2)` }),
    );
    switch (row.kind) {
      case "account":
        cells[0] = accountCell(row.code);
        cells[1] = { text: row.name };
        break;
      case "category":
        cells[0] = accountCell(row.code);
        cells[1] = row.name;
        break;
      default:
        cells[1] = row.name;
    }
    const base = a1(r, figureColumn(comparison.base));
    others.forEach((i, k) => {
      const difference = a1(r, differenceColumn(k));
      cells[differenceColumn(k)] = { formula: `=ROUND(${a1(r, figureColumn(i))}-${base},2)` };
      cells[differenceColumn(k) + 1] = { formula: `=IF(${base}=0,"",${difference}/${base})` };
    });
    blocks.push({ row: r, column: 0, cells: [cells], columnFormats: formats, bold: row.kind !== "account" });
    written.push({ row: r, cells, notes: notesColumn });
    rows.push({ row: r, ...rowKey(row.code, row.name), width, notes: notesColumn, check: checkColumn });
    r++;
  }

  const listRow = r + 1;
  const partial: Cell[][] = comparison.partial.map((p) => [
    accountCell(p.account),
    { text: p.description },
    { text: `Only in ${p.in.join(", ")}` },
  ]);
  if (partial.length > 0) {
    const check = checkColumn;
    rows.push({ row: listRow, key: "#partial", label: PARTIAL_HEADING, width: 1, notes: null, check });
    written.push({ row: listRow, cells: [PARTIAL_HEADING], notes: null });
    comparison.partial.forEach((p, i) => {
      const at = listRow + 1 + i;
      rows.push({ ...partialRow(at, p.account, p.description), check });
      written.push({ row: at, cells: partial[i], notes: null });
    });
  }
  const end = partial.length === 0 ? r : listRow + 1 + partial.length;
  const carry = placeTypedCells(typed, rows, target.sheetName, {
    start: end + 1,
    width,
    notes: notesColumn,
    heading: KEPT_HEADING,
    check: checkColumn,
  });
  const plan: WritePlan = {
    owner: VERSIONS_OWNER,
    activate: target.sheetName,
    sheets: [
      {
        name: target.sheetName,
        mode: target.mode,
        markKey: COMPARISON_KEY,
        blocks: [
          { row: 0, column: 0, cells: [[COMPARISON_TITLE]], bold: true },
          { row: 1, column: 0, cells: [[sourceNote], [chartNote]] },
          { row: HEADER_ROW, column: 0, cells: [header], bold: true },
          // Consecutive rows of the same weight merge into one 2-D write each.
          ...mergeRowBlocks(blocks),
          ...(partial.length === 0
            ? []
            : [
                {
                  row: listRow,
                  column: 0,
                  cells: [[PARTIAL_HEADING]],
                  bold: true,
                },
                { row: listRow + 1, column: 0, cells: partial },
              ]),
          // What the user typed on the earlier comparison, and PROD's headings of what is kept.
          ...carryBlocks(carry),
          rowChecksBlock(written, checkColumn, target.sheetName),
        ],
        hiddenColumns: [checkColumn],
        freeze: { rows: HEADER_ROW + 1, columns: FIRST_FIGURE },
        columnWidths: [60, 220, ...comparison.names.map(() => 110), ...others.flatMap(() => [110, 90]), 220],
        printArea: a1Range(0, 0, r, width),
      },
    ],
  };
  return { plan, carry };
}
