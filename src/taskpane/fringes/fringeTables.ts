/*
 * The workbook side of the Fringes panel: find the fringe tables PROD.FRINGE can read, copy
 * library fringes into one (asking before replacing the user's rows), or create a Fringes sheet
 * when there is none, and write a fringe set into the selected detail lines.
 */
import { ProdError } from "../../engine/errors";
import { missingRatesWords } from "../../engine/fringes/fringe";
import {
  fringeTableRows,
  hasFringeTableColumns,
  headerKey,
  isEmptyCell,
  parseFringeTable,
} from "../../engine/fringes/table";
import { dateSerial, serialToIso } from "../../engine/import/dates";
import { GUILD_FILL_INS } from "../../engine/templates";
import { isBlank } from "../../engine/money";
import type { FringeDefinition } from "../../engine/fringes/library";
import {
  type Cell,
  type CellValue,
  type RangeData,
  type RangeRef,
  type RunOptions,
  type TableData,
  type WorkbookPort,
  PortError,
  parseA1,
} from "../../excel/port";
import { firstFreeCopy } from "../shell/freeCopy";
import { showsSignature } from "../shell/ownedSheet";
import type { Question } from "../shell/PaneContext";
import {
  DETAIL_COLUMNS,
  DETAIL_MARK_KEY,
  DETAIL_SIGNATURE,
  TEMPLATES_OWNER,
  budgetFringeRows,
  budgetGlobalName,
  presetRows,
} from "../templates/buildPlan";
import { FRINGE_TABLE_WIDTHS, fringeTableFormats, newFringeTable } from "./newFringeTable";
import { count } from "../shell/words";

/** The workbook's tables that PROD.FRINGE can read, with their rows. */
export async function findFringeTables(port: WorkbookPort): Promise<TableData[]> {
  const tables = await port.listTables();
  const read = await Promise.all(tables.map((t) => port.readTable(t.name)));
  return read.filter((t): t is TableData => t !== null && hasFringeTableColumns(t.headers));
}

/** The table's rows that hold anything (an empty table still has one blank row). */
export function userRows(table: TableData): CellValue[][] {
  return table.rows.filter((row) => row.some((v) => !isBlank(v)));
}

/**
 * What a workbook fringe table would make PROD.FRINGE answer #VALUE! for, in words: a rate the
 * user has yet to fill in (workers' comp, the payroll fee) or a row PROD cannot read. Null when
 * the table is ready, or empty (a new table waiting for rows).
 */
export function tableWarning(table: TableData): string | null {
  if (userRows(table).length === 0) return null;
  const where = `Table ${table.name} on ${table.sheet}`;
  try {
    const missing = missingRatesWords(parseFringeTable([table.headers, ...table.rows]));
    if (missing === null) return null;
    return `${where}: ${missing}. Until you type it, a budget made from a PROD template leaves it out of its totals (its Top Sheet says so), and PROD.FRINGE cells of your own that read the whole table show #VALUE!.`;
  } catch (error) {
    if (!(error instanceof ProdError)) throw error;
    return `${where}: ${error.message}. PROD.FRINGE cells that read this table show #VALUE! until it is fixed.`;
  }
}

/** What the copy needs from the shell. */
export interface CopyHost {
  port: WorkbookPort;
  ask(question: Question): Promise<boolean>;
}

/**
 * A rate the user filled in is carried into the new rows: a library fringe shipped without a rate
 * (workers' comp, the payroll fee) takes the Rate and Cutoff of the table's row of the same name,
 * so copying another year never blanks what only the user could type (spec/taskpane.md: what the
 * user typed is carried into the new output).
 */
function carryFilledRates(
  table: TableData,
  definitions: readonly FringeDefinition[],
  rows: Cell[][],
): Cell[][] {
  const column = (name: string) => table.headers.findIndex((h) => headerKey(h) === name);
  const [nameAt, rateAt, cutoffAt] = ["name", "rate", "cutoff"].map(column);
  if (nameAt < 0 || rateAt < 0) return rows;
  return rows.map((row, i) => {
    if (definitions[i].rate !== null) return row;
    const typed = table.rows.find(
      (old) => String(old[nameAt]).trim().toUpperCase() === definitions[i].name && !isEmptyCell(old[rateAt]),
    );
    if (!typed) return row;
    const carried = [...row];
    carried[rateAt] = typed[rateAt];
    if (cutoffAt >= 0) carried[cutoffAt] = isEmptyCell(typed[cutoffAt]) ? null : typed[cutoffAt];
    return carried;
  });
}

/**
 * Replace a fringe table's rows with library fringes. Asks before replacing rows that are there,
 * and again before the table grows over cells below it. Resolves false if the user said no.
 */
export async function copyIntoTable(
  host: CopyHost,
  table: TableData,
  definitions: readonly FringeDefinition[],
  options: RunOptions,
): Promise<boolean> {
  const existing = userRows(table);
  if (existing.length > 0) {
    const yes = await host.ask({
      title: `Replace the rows of ${table.name}?`,
      message: `The table ${table.name} on ${table.sheet} has ${count(existing.length, "row")}. They will be replaced by ${count(definitions.length, "fringe")} from the library. Formulas that read the table will use the new rates.`,
      confirmLabel: "Replace rows",
      destructive: true,
    });
    if (!yes) return false;
  }
  const rows = carryFilledRates(table, definitions, fringeTableRows(definitions, table.headers));
  // Each row's rate formatted for its fringe (percent or money), as a new table's are.
  const write = { ...options, cellFormats: fringeTableFormats(definitions, table.headers) };
  try {
    await host.port.replaceTableRows(table.name, rows, write);
  } catch (error) {
    if (!(error instanceof PortError) || error.kind !== "wouldOverwrite") throw error;
    const yes = await host.ask({
      title: "Write over cells below the table?",
      message: `${table.name} needs more rows, and cells below it (${error.subjects.join(", ")}) are not empty. Writing would replace them.`,
      confirmLabel: "Write over them",
      destructive: true,
    });
    if (!yes) return false;
    await host.port.replaceTableRows(table.name, rows, { ...write, allowOverwrite: true });
  }
  return true;
}

/**
 * The globals of the budget a Fringes table belongs to: its Rates_Date (a budget made before the
 * rates date has only its typed Fringe_Year), and its Fringe_Preset.
 */
interface BudgetGlobals {
  /** The global the rates year is typed in: Rates_Date, or an older budget's Fringe_Year. */
  name: string;
  ref: RangeData;
  dated: boolean;
  preset: RangeRef | null;
}

/**
 * The globals of the budget the Templates panel made around `table`, or null when the table
 * belongs to no budget.
 */
async function budgetGlobals(port: WorkbookPort, table: string): Promise<BudgetGlobals | null> {
  const dateName = budgetGlobalName("Rates_Date", table);
  const yearName = budgetGlobalName("Fringe_Year", table);
  const presetName = budgetGlobalName("Fringe_Preset", table);
  if (dateName === null || yearName === null || presetName === null) return null;
  const [date, year, preset] = await Promise.all(
    [dateName, yearName, presetName].map((name) => port.readNamedRange(name)),
  );
  if (date) return { name: dateName, ref: date, dated: true, preset };
  return year ? { name: yearName, ref: year, dated: false, preset } : null;
}

/**
 * A rates date (an Excel date serial) moved into `year`, the same day of the year (29 February
 * into a year without one is the 28th), or 1 January when the cell holds no date.
 */
export function ratesDateIn(year: number, current: CellValue | undefined): number {
  const [month, day] =
    typeof current === "number" && current >= 1
      ? serialToIso(current).split("-").slice(1).map(Number)
      : [1, 1];
  return dateSerial(year, month, day) ?? dateSerial(year, month, day - 1)!;
}

/** The year of a budget's rates date (or an older budget's typed rates year), or null. */
export function budgetYearOf(value: CellValue | undefined, dated: boolean): number | null {
  if (typeof value !== "number") return null;
  return dated ? Number(serialToIso(value).slice(0, 4)) : value;
}

/** What copying a preset did: whether the rows were written, and the budget's rates moved with them. */
export interface CopiedPreset {
  copied: boolean;
  /**
   * What moved with the rows, in words ("The budget's rates date (Rates_Date) is now
   * 2026-08-15."), or null for a table that is no budget's.
   */
  moved: string | null;
}

/**
 * Copy a payroll preset of one year into a workbook fringe table (asking before replacing rows).
 * When the table is the Fringes table of a budget the Templates panel made, it gets the rows a
 * budget's table holds (the preset, workers' comp and the payroll fee, their filled-in rates
 * carried over), and that budget's rates date moves into the copied year (the same day) and its
 * Fringe_Preset says the copied preset (an older budget's typed Fringe_Year takes the year), so
 * the table, the globals, the Fringes title and the fringe names typed on the detail all read the
 * same year (issue 18: one workbook, one set of rates).
 */
export async function copyPreset(
  host: CopyHost,
  table: TableData,
  preset: string,
  year: number,
  options: RunOptions,
): Promise<CopiedPreset> {
  const budget = await budgetGlobals(host.port, table.name);
  // A budget's table keeps the guild rows it holds (DGA health, the Teamsters' IAP).
  const nameAt = table.headers.findIndex((h) => headerKey(h) === "name");
  const guild = GUILD_FILL_INS.filter((g) =>
    table.rows.some((row) => String(row[nameAt] ?? "").toUpperCase() === g),
  );
  const definitions = budget ? budgetFringeRows(preset, year, guild) : presetRows(preset, year);
  if (!(await copyIntoTable(host, table, definitions, options))) return { copied: false, moved: null };
  if (!budget) return { copied: true, moved: null };
  const date = budget.dated ? ratesDateIn(year, budget.ref.values[0]?.[0]) : null;
  const cells: { ref: RangeRef; value: number | string }[] = [{ ref: budget.ref, value: date ?? year }];
  if (budget.preset) cells.push({ ref: budget.preset, value: preset });
  const sheets = [...new Set(cells.map((c) => c.ref.sheet))];
  await host.port.apply({
    owner: TEMPLATES_OWNER,
    sheets: sheets.map((sheet) => ({
      name: sheet,
      mode: "existing" as const,
      blocks: cells
        .filter((c) => c.ref.sheet === sheet)
        .map(({ ref, value }) => {
          const at = parseA1(ref.address);
          return { row: at.row, column: at.column, cells: [[value]] };
        }),
    })),
  });
  return {
    copied: true,
    moved:
      date === null
        ? `The budget's rates year (${budget.name}) is now ${year}.`
        : `The budget's rates date (${budget.name}) is now ${serialToIso(date)}.`,
  };
}

/**
 * Create a Fringes sheet (or "Fringes 2", ...) holding a new table with the library fringes.
 * Resolves the sheet and table names used.
 */
export async function createFringeSheet(
  port: WorkbookPort,
  definitions: readonly FringeDefinition[],
  options: RunOptions,
): Promise<{ sheet: string; table: string }> {
  const copy = await firstFreeCopy(port, (n) => (n === 1 ? ["Fringes"] : [`Fringes ${n}`, `Fringes_${n}`]));
  const sheet = copy === 1 ? "Fringes" : `Fringes ${copy}`;
  const table = copy === 1 ? "Fringes" : `Fringes_${copy}`;
  const header = 2;
  const fringes = newFringeTable(table, header, definitions);
  await port.apply(
    {
      owner: "fringes",
      sheets: [
        {
          name: sheet,
          mode: "create",
          blocks: [
            {
              row: 0,
              column: 0,
              cells: [[`Fringes: PROD.FRINGE reads the table ${table} (Name | Type | Rate | Cutoff).`]],
              bold: true,
            },
            fringes.block,
          ],
          tables: [fringes.table],
          freeze: { rows: header + 1 },
          columnWidths: FRINGE_TABLE_WIDTHS,
        },
      ],
      activate: sheet,
    },
    options,
  );
  return { sheet, table };
}

/** Workbook names of the detail's account column: `Detail_Acct`, `Detail_Acct_2`, ... (buildPlan.ts). */
const DETAIL_ACCT_NAME = /^Detail_Acct(_\d+)?$/i;

/** A detail sheet the Templates panel made, as `detailLines` finds it. */
interface DetailLines {
  /** 0-based row of the first budget line. */
  row: number;
  /** The Acct column of every line, down to the last spare line. */
  accounts: CellValue[];
  /** Which copy of the budget it is (the plan's `copy`: "" for the first, "_2" for the second). */
  copy: string;
  /** Whether it carries PROD's mark; if not, it was told by its content and the name on it. */
  marked: boolean;
}

/**
 * The budget lines of a detail sheet the Templates panel made: the range named Detail_Acct on
 * that sheet (every line row from the first under the header to the last spare line; Excel
 * grows it when the user inserts rows inside it). The sheet is the panel's by its mark or, once
 * a user deleted the hidden mark, by its title and header row ({@link DETAIL_SIGNATURE}). Null if
 * the sheet is not such a detail.
 */
async function detailLines(port: WorkbookPort, sheet: string): Promise<DetailLines | null> {
  const [owned, names] = await Promise.all([port.findOwned(TEMPLATES_OWNER), port.listNames()]);
  const accountNames = names.filter((n) => DETAIL_ACCT_NAME.test(n.name));
  const ranges = await Promise.all(accountNames.map((n) => port.readNamedRange(n.name)));
  const at = ranges.findIndex((r) => r !== null && r.sheet === sheet);
  const range = ranges[at];
  if (!range) return null;
  const marked = owned.some((o) => o.sheet === sheet);
  if (!marked && !(await showsSignature(port, sheet, DETAIL_SIGNATURE))) return null;
  return {
    row: parseA1(range.address).row,
    accounts: range.values.map((r) => r[0]),
    copy: DETAIL_ACCT_NAME.exec(accountNames[at].name)?.[1] ?? "",
    marked,
  };
}

/** The selection's rows, or a ProdError in words when it is not one block (several areas). */
function selectedRows(address: string): { row: number; rowCount: number } {
  try {
    return parseA1(address);
  } catch {
    throw new ProdError(
      "invalid",
      `The selection (${address}) is not one block of cells: select the lines in one piece, for example A10:N20, or whole rows.`,
    );
  }
}

/** What applying a fringe set did. */
export interface AppliedSet {
  sheet: string;
  /** Budget lines whose Fringes set was written. */
  lines: number;
  /** Selected rows left as they were: headings, empty lines, rows outside the budget lines. */
  leftAlone: number;
}

/**
 * Write a fringe set into the Fringes set column of the selected lines of a budget detail sheet
 * PROD made. Only the detail's budget lines with an account are changed: never the title, note
 * or header above them, category headings, spare lines or the user's rows below the detail.
 *
 * A detail whose hidden mark a user deleted is written only after `confirmRemark(sheet)` says
 * yes: then it is marked as PROD's again in the same write, and nothing else on it changes. A no
 * writes nothing (PortError "cancelled").
 */
export async function applySetToSelection(
  port: WorkbookPort,
  fringeSet: string,
  confirmRemark: (sheet: string) => Promise<boolean>,
): Promise<AppliedSet> {
  const selection = await port.getSelection();
  const detail = await detailLines(port, selection.sheet);
  if (!detail) {
    throw new PortError(
      "notOwned",
      `Select lines on a budget detail sheet made by the Templates panel (the selection is on "${selection.sheet}").`,
      [selection.sheet],
    );
  }
  const { row, rowCount } = selectedRows(selection.address);
  // Rows without an account (headings, spare lines) are left as they are: the write is split
  // into runs of consecutive account rows.
  const runs: { row: number; count: number }[] = [];
  let lines = 0;
  const from = Math.max(row, detail.row);
  const to = Math.min(row + rowCount, detail.row + detail.accounts.length);
  for (let r = from; r < to; r++) {
    if (isBlank(detail.accounts[r - detail.row])) continue;
    lines++;
    const last = runs[runs.length - 1];
    if (last && last.row + last.count === r) last.count++;
    else runs.push({ row: r, count: 1 });
  }
  const result = { sheet: selection.sheet, lines, leftAlone: rowCount - lines };
  if (lines === 0) return result;
  if (!detail.marked && !(await confirmRemark(selection.sheet)))
    throw new PortError("cancelled", `"${selection.sheet}" was left as it is.`, [selection.sheet]);
  await port.apply({
    owner: TEMPLATES_OWNER,
    copy: detail.copy,
    sheets: [
      {
        name: selection.sheet,
        // Taken back without rewriting: the user's budget stays as it is, the mark is added.
        mode: detail.marked ? "existing" : "remark",
        markKey: DETAIL_MARK_KEY,
        blocks: runs.map((run) => ({
          row: run.row,
          column: DETAIL_COLUMNS.fringeSet,
          // The user's text: written as text, never parsed as a formula.
          cells: Array.from({ length: run.count }, () => [
            fringeSet.trim() === "" ? null : { text: fringeSet.trim() },
          ]),
        })),
      },
    ],
  });
  return result;
}
