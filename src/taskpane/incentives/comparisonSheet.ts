/*
 * The "Incentive comparison" sheet (issue 22): the same budget under 2 to 4 programs, one row
 * each: gross credit, net cash, net cost of the budget, expected timing, and the figures the
 * answer rests on that the reference could not confirm. Gross and net are live PROD.INCENTIVE /
 * PROD.INCENTIVENET formulas over the budget's amount and tag columns (when the tags sit side by
 * side in the functions' order), reading the program, settings and exchange rate from the row's
 * own cells, so editing the budget or a setting updates the sheet. The budget total and the net
 * cost are formulas too. A last column, "Your notes", is the user's: comparing again carries what
 * the user typed on the earlier sheet to the row of the same program (shell/userWork.ts). The
 * Settings and Exchange rate cells the user changed are read back too (earlierInputs) and kept
 * (runIncentives.ts keepSheetInputs).
 */
import type { IncentiveResult } from "../../engine/incentives/calculate";
import { TAG_COLUMNS } from "../../engine/incentives/tags";
import { storedCell } from "../../engine/whatif/scenarios";
import {
  a1,
  a1Range,
  NUMBER_FORMATS,
  type Cell,
  type CellBlock,
  type CellValue,
  type SheetPlan,
  type WritePlan,
} from "../../excel/port";
import type { SheetSignature, SheetTarget } from "../shell/ownedSheet";
import {
  CHECK_NOTE,
  carryBlocks,
  changedSinceWritten,
  checkColumnOf,
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

/** The owner of the sheets the Incentives panel writes. */
export const INCENTIVES_OWNER = "incentives";
/** The comparison's sheet name (copies: "Incentive comparison 2", ...). */
export const COMPARISON_SHEET = "Incentive comparison";
/** Its mark key. */
export const COMPARISON_KEY = "comparison";
const TITLE = "Incentive comparison";
/** The programs' heading row (0-based). */
const HEADER_ROW = 4;
const TOTAL_ROW = 2;

/** The columns, as PROD writes them (the sheet is told by them when its mark is gone). */
export const COMPARISON_HEADINGS = [
  "Program",
  "Name",
  "Currency",
  "Settings",
  "Exchange rate",
  "Gross credit",
  "Net cash",
  "Net cost of the budget",
  "Expected timing",
  "Not confirmed (when written)",
] as const;

/** The program's Settings and Exchange rate columns, 0-based: the inputs the user may change here. */
const SETTINGS_COLUMN = 3;
const RATE_COLUMN = 4;
/** The "Net cost of the budget" column and the two before it (gross, net), 0-based. */
const NET_COST_COLUMN = 7;
/** The heading of the part under the comparison that keeps what the user typed on rows now gone. */
export const KEPT_HEADING =
  "From the earlier comparison (kept by PROD: programs this comparison does not have)";
/** The start of the sheet's note when gross and net are figures, not formulas. */
const FIGURES_WORDS = "Gross and net are figures as written, not formulas";

/** A comparison PROD wrote, told by its title and headings when its mark is gone. */
export const COMPARISON_SIGNATURE: SheetSignature = {
  address: a1Range(0, 0, HEADER_ROW + 1, COMPARISON_HEADINGS.length),
  matches: (values) =>
    values[0]?.[0] === TITLE && COMPARISON_HEADINGS.every((h, i) => values[HEADER_ROW]?.[i] === h),
};

/**
 * PROD's rows above the programs: the title, the note, the budget total and the header, each
 * where PROD wrote it, or on an earlier sheet where `now` finds it (rows the user inserted above).
 */
function topRows(width: number, check: number | null | undefined, now = (row: number) => row): OwnRow[] {
  return [
    { row: now(0), key: "#title", label: TITLE, width: 1, notes: null, check },
    { row: now(1), key: "#note", label: "", width: 1, notes: null, check },
    {
      row: now(TOTAL_ROW),
      key: "#total",
      label: "Budget total",
      width: 2,
      notes: null,
      formulas: new Map([[1, "Budget total"]]),
      check,
    },
    { row: now(HEADER_ROW), key: "#header", label: "the header", width, notes: null, check },
  ];
}

/** What tells a program's row across comparisons: the program's name ("US-GA"), its label. */
const programKey = (name: string) => `program ${name}`;

/** A program's row, told across comparisons by the program's name. */
function programRow(
  row: number,
  name: string,
  layout: Pick<OwnRow, "width" | "notes" | "formulas" | "headings" | "check">,
): OwnRow {
  return { row, key: programKey(name), label: name, ...layout };
}

/** The columns where PROD writes a live formula on a program's row, with their headings. */
function formulaColumns(live: boolean): Map<number, string> {
  const columns = live ? [NET_COST_COLUMN - 2, NET_COST_COLUMN - 1, NET_COST_COLUMN] : [NET_COST_COLUMN];
  return new Map(columns.map((c) => [c, COMPARISON_HEADINGS[c]]));
}

/** The headings of a program row's other columns, for the words about a cell retyped there. */
const LABEL_HEADINGS: ReadonlyMap<number, string> = new Map(COMPARISON_HEADINGS.map((h, c) => [c, h]));

/**
 * The rows PROD wrote on an earlier comparison (`cells`: its used range as read), for userWork's
 * findTypedCells: the title, note, budget total and header, a row per program with its formula
 * columns (gross and net only when the note says they were formulas), and the kept part of an
 * earlier carry. Each row's check (the hidden column right of "Your notes", userWork's rowCheck)
 * tells a label retyped and a formula of the user's over PROD's, and where rows the user inserted
 * or deleted moved PROD's (tableRows.ts): a row the user inserted among the programs is the
 * user's, and the programs under it are still PROD's. An older comparison without the notes
 * column is read as it was written: what is right of its headings is beside its rows; one
 * without checks, as before checks (the programs end at the first row with no program).
 */
export function earlierRows(cells: SheetCells): OwnRow[] {
  const headerRow = rowNow(cells, HEADER_ROW, COMPARISON_HEADINGS.length);
  const notes = valueAt(cells, headerRow, COMPARISON_HEADINGS.length) === YOUR_NOTES;
  const width = COMPARISON_HEADINGS.length + (notes ? 1 : 0);
  const notesColumn = notes ? COMPARISON_HEADINGS.length : null;
  const check = checkColumnOf(cells, width, headerRow - 3);
  const now = (row: number) => (typeof check === "number" ? rowNow(cells, row, check) : row);
  const formulas = formulaColumns(!String(valueAt(cells, now(1), 0)).startsWith(FIGURES_WORDS));
  const rows = topRows(width, check, now);
  const layout = { width, notes: notesColumn, formulas, headings: LABEL_HEADINGS, check };
  const programs = tableRows(cells, {
    heading: headerRow,
    layout,
    labelled: (r) => valueAt(cells, r, 0) !== "",
    after: (r) => valueAt(cells, r, 0) === KEPT_HEADING,
  });
  for (const r of programs) rows.push(programRow(r, String(valueAt(cells, r, 0)), layout));
  return [...rows, ...readKeptRows(cells, KEPT_HEADING, width, notesColumn, (name) => [programKey(name)])];
}

/**
 * What the user typed on the earlier comparison, less the Settings and Exchange rate cells of
 * the programs compared again (`names`): those stay where they are, kept by keepSheetInputs
 * (runIncentives.ts), not carried as notes. A program the new comparison drops keeps them as
 * any cell of its row is kept: under the kept part's heading.
 */
export function typedElsewhere(typed: readonly TypedCell[], names: readonly string[]): TypedCell[] {
  const compared = new Set(names.map(programKey));
  return typed.filter(
    (t) =>
      !(
        t.on !== null &&
        compared.has(t.on.key) &&
        (t.column === SETTINGS_COLUMN || t.column === RATE_COLUMN)
      ),
  );
}

/** A cell as read from an earlier comparison: its value, and the user's formula when it holds one. */
export interface ReadInput {
  /** Its address on the earlier sheet ("E8"). */
  address: string;
  value: CellValue;
  /** The formula written there, or null for a constant (text that begins with "=" is text). */
  formula: string | null;
  /**
   * Whether the user changed it since PROD wrote it, by its row's check (userWork
   * changedSinceWritten): false when it is as PROD wrote it; absent where that cannot be told
   * (a sheet from before checks, a row whose check is gone).
   */
  changed?: boolean;
}

/** A program's row on an earlier comparison: its Settings and Exchange rate cells as read. */
export interface EarlierInputs {
  settings: ReadInput;
  exchangeRate: ReadInput;
}

/**
 * The Settings and Exchange rate cells of each program's row on an earlier comparison (`cells`,
 * as read by earlierWork; `sheet` its name), by program name: the cells the sheet invites the user to change, each
 * with whether the user changed it since PROD wrote it (the row's check). The first row of a
 * name counts (a second is a copy of the user's, carried as typed cells are).
 */
export function earlierInputs(cells: SheetCells, sheet: string): Map<string, EarlierInputs> {
  const read = (own: OwnRow, column: number): ReadInput => {
    const value = valueAt(cells, own.row, column);
    const formula = cells.formulas[own.row - cells.row]?.[column - cells.column] ?? value;
    const kind = storedCell(value, formula).kind;
    const changed = changedSinceWritten(cells, own, column, sheet);
    return {
      address: a1(own.row, column),
      value,
      formula: kind === "formula" ? String(formula) : null,
      ...(changed === undefined ? {} : { changed }),
    };
  };
  const inputs = new Map<string, EarlierInputs>();
  for (const own of earlierRows(cells))
    if (own.key === programKey(own.label) && !inputs.has(own.label))
      inputs.set(own.label, { settings: read(own, SETTINGS_COLUMN), exchangeRate: read(own, RATE_COLUMN) });
  return inputs;
}

/** The budget's cells the formulas read, as absolute references with their sheet. */
export interface BudgetCells {
  /** How the pane names the budget: "Sheet1!A1:I18". */
  label: string;
  /** The line amounts (no heading). */
  amounts: string;
  /** The tags, side by side in the functions' order (no heading); null when they are not. */
  tags: string | null;
}

/** A program's row inputs: what its Settings and Exchange rate cells hold. */
export interface ProgramInputs {
  /** The program name as typed in formulas ("US-GA"). */
  name: string;
  /** Settings text ("SALE=0.88"), or "" for the program's defaults. */
  settings: string;
  /** Program currency per unit of the budget's, or null when the budget is in its currency. */
  exchangeRate: number | null;
  /**
   * A formula of the user's the earlier comparison had in the cell (`=Globals!$B$9`), written
   * again as it is; `settings` and `exchangeRate` are then its value.
   */
  formulas?: { settings?: string; exchangeRate?: string };
}

/** One program compared: its row's inputs and the engine's answer when written. */
export interface ComparedProgram extends ProgramInputs {
  result: IncentiveResult;
}

/**
 * The comparison sheet's write plan, and where what the user typed on the earlier one goes.
 *
 * @param target - the sheet (sheetTarget): "create", "replaceOwned" (the pane's own earlier
 *   comparison), or "reclaim" (one it wrote whose mark is gone, once the user said yes)
 * @param typed - what the user typed on the sheet it replaces (findTypedCells over earlierRows)
 */
export function comparisonPlan(
  target: SheetTarget,
  budget: BudgetCells,
  programs: readonly ComparedProgram[],
  typed: readonly TypedCell[] = [],
): { plan: WritePlan; carry: Carry } {
  const sheetName = target.sheetName;
  const M = NUMBER_FORMATS.money;
  const total = a1(TOTAL_ROW, 1, true);
  const rows: Cell[][] = programs.map((p, i) => {
    const r = HEADER_ROW + 1 + i;
    const cell = (c: number) => a1(r, c).replace(/^([A-Z]+)/, "$$$1");
    const call = (fn: string, withRate: boolean) =>
      `PROD.${fn}(${cell(0)},${budget.amounts},${budget.tags},${cell(SETTINGS_COLUMN)}${withRate ? `,${cell(RATE_COLUMN)}` : ""})`;
    // A blank rate cell means "the budget is in the program's currency": the argument is left out,
    // as desktop Excel would pass a blank cell as 0, which is no rate.
    const live = (fn: string) => ({
      formula: `=IF(${cell(RATE_COLUMN)}="",${call(fn, false)},${call(fn, true)})`,
    });
    const r0 = p.result;
    const notConfirmed = [
      ...r0.unconfirmed,
      ...r0.notes.map((n) => `assumed: ${n}`),
      ...(r0.failed === null ? [] : [`not eligible: ${r0.failed}`]),
    ];
    return [
      { text: p.name },
      r0.program.title,
      r0.program.currency,
      p.formulas?.settings !== undefined
        ? { formula: p.formulas.settings }
        : p.settings === ""
          ? null
          : { text: p.settings },
      p.formulas?.exchangeRate !== undefined ? { formula: p.formulas.exchangeRate } : p.exchangeRate,
      budget.tags === null ? r0.gross.toNumber() : live("INCENTIVE"),
      budget.tags === null ? r0.net.toNumber() : live("INCENTIVENET"),
      { formula: `=ROUND(${total}-${a1(r, 6)},2)` },
      { text: r0.timing },
      { text: notConfirmed.length === 0 ? "none" : notConfirmed.join("; ") },
    ];
  });
  const width = COMPARISON_HEADINGS.length + 1;
  // PROD's check of each row it writes (userWork.ts rowCheck), hidden, right of the notes.
  const check = width;
  const liveWords =
    budget.tags === null
      ? `${FIGURES_WORDS}: the tag columns of ${budget.label} are not side by side in the order ${TAG_COLUMNS.join(", ")}; put them so and compare again to get live formulas.`
      : `Gross and net are PROD.INCENTIVE and PROD.INCENTIVENET formulas over ${budget.label}: change the budget, a program's settings or its exchange rate here and they follow (comparing again keeps what you change here).`;
  const note = `${liveWords} Exchange rate: the program's currency per unit of the budget's (blank: the budget is in the program's currency). Confirm these rules with the film office before the budget locks. ${CHECK_NOTE}`;
  const totalRow: Cell[] = ["Budget total", { formula: `=ROUND(SUM(${budget.amounts}),2)` }];
  const header: Cell[] = [...COMPARISON_HEADINGS, YOUR_NOTES];
  const notes = COMPARISON_HEADINGS.length;
  const written: WrittenRow[] = [
    { row: 0, cells: [TITLE], notes: null },
    { row: 1, cells: [note], notes: null },
    { row: TOTAL_ROW, cells: totalRow, notes: null },
    { row: HEADER_ROW, cells: header, notes: null },
    ...rows.map((cells, i) => ({ row: HEADER_ROW + 1 + i, cells, notes })),
  ];
  const blocks: CellBlock[] = [
    { row: 0, column: 0, cells: [[TITLE]], bold: true },
    { row: 1, column: 0, cells: [[note]] },
    { row: TOTAL_ROW, column: 0, cells: [totalRow], columnFormats: [null, M], bold: true },
    { row: HEADER_ROW, column: 0, cells: [header], bold: true },
    {
      row: HEADER_ROW + 1,
      column: 0,
      cells: rows,
      columnFormats: [null, null, null, null, NUMBER_FORMATS.general, M, M, M, null, null],
    },
    rowChecksBlock(written, check, sheetName),
  ];
  const formulas = formulaColumns(budget.tags !== null);
  const layout = { width, notes, formulas, check };
  const ownRows = [
    ...topRows(width, check),
    ...programs.map((p, i) => programRow(HEADER_ROW + 1 + i, p.name, layout)),
  ];
  const end = HEADER_ROW + 1 + programs.length;
  const carry = placeTypedCells(typed, ownRows, sheetName, {
    start: end + 1,
    width,
    notes,
    heading: KEPT_HEADING,
    check,
  });
  // What the user typed on the earlier comparison, and PROD's headings of what is kept.
  blocks.push(...carryBlocks(carry));
  const sheet: SheetPlan = {
    name: sheetName,
    mode: target.mode,
    markKey: COMPARISON_KEY,
    blocks,
    freeze: { rows: HEADER_ROW + 1, columns: 1 },
    hiddenColumns: [check],
    columnWidths: [80, 220, 60, 120, 80, 110, 110, 130, 260, 360, 220],
    printArea: a1Range(0, 0, end, width),
  };
  return { plan: { owner: INCENTIVES_OWNER, activate: sheetName, sheets: [sheet] }, carry };
}
