/**
 * Reading the cost report's inputs from grids of cells (a sheet range, or a CSV/XLSX file read
 * into rows). Ledger exports differ by system and no column spec is published (reference.md
 * 5.4: "Exact CSV column specs were not found ... column mapping UI required"), so every input
 * is read through a column mapping the user confirms once; the pane remembers it.
 */
import {
  findHeaderRow as findHeadings,
  guessColumns as guessHeaderColumns,
  type Vocabulary,
} from "../import";
import { accountKeyOf } from "./accountKeys";
import { isBlankOrSpaces as isEmpty, type Decimal } from "../money";
import { amountFromNumber, amountFromText, amountToDecimal, subtractAmounts, type Amount } from "./amount";
import { parseDate, type DateOrder } from "./cutoff";
import type { BudgetLine, LedgerLine, OpenPo } from "./types";

/** Which column (0-based) holds each ledger field. */
export interface LedgerColumns {
  account: number;
  date?: number;
  period?: number;
  vendor?: number;
  description?: number;
  /** A signed amount column (debits positive)... */
  amount?: number;
  /** ...or separate debit and credit columns (cost = debit − credit). */
  debit?: number;
  credit?: number;
  po?: number;
  reference?: number;
}

/** Which column holds each budget field. */
export interface BudgetColumns {
  account: number;
  description?: number;
  amount: number;
}

/** Which column holds each open-PO field. */
export interface PoColumns {
  account: number;
  po?: number;
  vendor?: number;
  description?: number;
  /** The PO's open (unbilled) balance. */
  amount: number;
}

/** How to read a grid: its columns and how many header rows to skip. */
export interface Mapping<C> {
  columns: C;
  /** Rows at the top that are headings, not data. */
  headerRows: number;
  /** Day/month order of slash dates. */
  dateOrder?: DateOrder;
  /**
   * Rows of the file before this grid, when a large file is read in chunks: row numbers in
   * lines and problems count from the file's first row. @default 0
   */
  rowOffset?: number;
}

/** A row that could not be read as it stands. */
export interface RowProblem {
  /** 1-based row in the grid, as the user sees it in the file or sheet. */
  row: number;
  message: string;
  /** True when the row is left out (its amount is unreadable); false when it is kept. */
  excluded: boolean;
}

/** The lines read from a grid, and the rows that had problems. */
export interface Mapped<T> {
  lines: T[];
  problems: RowProblem[];
}

/** The fields a user maps, for each kind of input, with the header words that suggest them. */
export const FIELD_HINTS = {
  account: [
    "account",
    "acct",
    "acct #",
    "account #",
    "account number",
    "gl account",
    "gl",
    "code",
    "cost code",
  ],
  date: ["date", "trans date", "transaction date", "posting date", "post date", "invoice date", "gl date"],
  period: ["period", "per", "accounting period", "fiscal period"],
  vendor: ["vendor", "payee", "vendor name", "supplier", "name"],
  description: ["description", "desc", "memo", "line description", "detail", "item"],
  amount: [
    "amount",
    "amt",
    "net amount",
    "total",
    "cost",
    "open amount",
    "balance",
    "open balance",
    "remaining",
  ],
  debit: ["debit", "debits", "dr"],
  credit: ["credit", "credits", "cr"],
  po: ["po", "po #", "po#", "po number", "purchase order", "p o", "p o #"],
  reference: ["reference", "ref", "ref #", "transaction #", "trans #", "document #", "doc #", "invoice #"],
} as const;

/** A field that can be mapped to a column. */
export type Field = keyof typeof FIELD_HINTS;

/** Header words of a budget's money column, best first: a budget detail sheet's "Total" is the
 * money, while its "Amount" is a quantity (reference.md 2.1: Amount, Units, X, Rate, Total). */
const BUDGET_AMOUNT_HEADERS = ["total", "budget", "current budget", "amount"];

const MONEY: readonly Field[] = ["amount", "debit", "credit"];
/** Fields that identify a ledger line: a row with a total word and none of them is a total line. */
const KEYS: readonly Field[] = ["account", "date", "period"];

function vocabulary(
  fields: readonly Field[],
  headerNeeds: Field[][],
  headers: Partial<Record<Field, readonly string[]>> = {},
): Vocabulary<Field> {
  return {
    fields: fields.map((field) => ({
      field,
      headers: headers[field] ?? FIELD_HINTS[field],
      kind: MONEY.includes(field) ? "money" : field === "date" ? "date" : "text",
      key: KEYS.includes(field),
    })),
    headerNeeds,
  };
}

/** What each input of the cost report is read with (engine/import): its fields and header words. */
export const VOCABULARIES = {
  ledger: vocabulary(
    ["account", "date", "period", "vendor", "description", "amount", "debit", "credit", "po", "reference"],
    [["account"], ["amount", "debit"]],
  ),
  budget: vocabulary(["account", "description", "amount"], [["account"], ["amount"]], {
    amount: BUDGET_AMOUNT_HEADERS,
  }),
  pos: vocabulary(["account", "po", "vendor", "description", "amount"], [["account"], ["amount"]]),
} as const;

/** Guesses which column holds which of the given fields from a header row (engine/import). */
export function guessColumns(
  header: readonly unknown[],
  fields: readonly Field[],
): Partial<Record<Field, number>> {
  return guessHeaderColumns(header, vocabulary(fields, []));
}

/** Guesses a budget table's columns (account, description, and its money column). */
export function guessBudgetColumns(header: readonly unknown[]): Partial<BudgetColumns> {
  return guessHeaderColumns(header, VOCABULARIES.budget);
}

/**
 * The row that holds the headings: the first of the top rows in which an account column and a
 * money column can be recognised (exports often start with a title or report-date line).
 * Undefined when none of them looks like a header row.
 */
export function findHeaderRow(
  rows: readonly (readonly unknown[])[],
  money: readonly Field[] = ["amount", "debit"],
): number | undefined {
  return findHeadings(rows, vocabulary(["account", ...money], [["account"], [...money]]));
}

const cell = (row: readonly unknown[], col: number | undefined): unknown =>
  col === undefined ? undefined : row[col];

/** Cell content as text: numbers as Excel shows them plainly, blanks as "". */
function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  return String(value);
}

/** An amount cell: blank is 0 (memo lines), unreadable is undefined. */
function amountCell(value: unknown): Amount | undefined {
  if (isEmpty(value)) return 0;
  if (typeof value === "number") return Number.isFinite(value) ? amountFromNumber(value) : undefined;
  if (typeof value === "string") return amountFromText(value);
  return undefined;
}

const describe = (v: unknown) =>
  typeof v === "string" ? `"${v.length > 30 ? `${v.slice(0, 27)}...` : v}"` : String(v);

/** Rows with nothing in any mapped column are blank lines of the file, not data. */
function blankRow(row: readonly unknown[], cols: readonly (number | undefined)[]): boolean {
  for (const c of cols) if (c !== undefined && !isEmpty(row[c])) return false;
  return true;
}

/**
 * Reads ledger lines. A debit/credit ledger gives debit − credit; a signed-amount ledger gives
 * the amount. A line whose amount cannot be read is left out and reported; a line whose date
 * cannot be read is kept (counted to date, listed as undated) and reported.
 */
export function mapLedgerRows(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<LedgerColumns>,
): Mapped<LedgerLine> {
  const c = mapping.columns;
  const order = mapping.dateOrder ?? "MDY";
  const signed = c.amount !== undefined;
  const allCols = [
    c.account,
    c.date,
    c.period,
    c.vendor,
    c.description,
    c.amount,
    c.debit,
    c.credit,
    c.po,
    c.reference,
  ];
  const lines: LedgerLine[] = [];
  const problems: RowProblem[] = [];
  // Dates repeat across thousands of lines: parse each distinct text once.
  const dates = new Map<string, number | undefined>();
  // Account codes repeat too: sharing one string per code lets the report's account lookup
  // reuse its cached hash instead of hashing a fresh string per line.
  const accounts = new Map<string, string>();
  const offset = (mapping.rowOffset ?? 0) + 1;
  for (let r = mapping.headerRows; r < rows.length; r++) {
    const row = rows[r];
    if (blankRow(row, allCols)) continue;
    let amount: Amount | undefined;
    if (signed) {
      amount = amountCell(row[c.amount as number]);
    } else {
      const debit = amountCell(cell(row, c.debit));
      const credit = amountCell(cell(row, c.credit));
      amount = debit === undefined || credit === undefined ? undefined : subtractAmounts(debit, credit);
    }
    if (amount === undefined) {
      const bad = signed
        ? row[c.amount as number]
        : amountCell(cell(row, c.debit)) === undefined
          ? cell(row, c.debit)
          : cell(row, c.credit);
      problems.push({
        row: r + offset,
        message: `the amount ${describe(bad)} is not a number; the line is left out`,
        excluded: true,
      });
      continue;
    }
    let date: number | undefined;
    if (c.date !== undefined) {
      const v = row[c.date];
      if (typeof v === "string") {
        if (dates.has(v)) date = dates.get(v);
        else {
          date = parseDate(v, order);
          dates.set(v, date);
        }
      } else date = parseDate(v, order);
      if (date === undefined && !isEmpty(v)) {
        problems.push({
          row: r + offset,
          message: `the date ${describe(v)} is not a date; the line counts to date`,
          excluded: false,
        });
      }
    }
    const periodCell = cell(row, c.period);
    lines.push({
      row: r + offset,
      account: intern(accounts, text(row[c.account])),
      date,
      period: isEmpty(periodCell)
        ? undefined
        : typeof periodCell === "number"
          ? periodCell
          : text(periodCell),
      vendor: text(cell(row, c.vendor)),
      description: text(cell(row, c.description)),
      amount,
      po: text(cell(row, c.po)),
      reference: c.reference === undefined ? undefined : text(row[c.reference]),
    });
  }
  return { lines, problems };
}

function intern(pool: Map<string, string>, s: string): string {
  const known = pool.get(s);
  if (known !== undefined) return known;
  pool.set(s, s);
  return s;
}

/** A money cell of a budget or PO table as a decimal, or undefined when unreadable. */
function decimalCell(value: unknown): Decimal | undefined {
  const a = amountCell(value);
  return a === undefined ? undefined : amountToDecimal(a);
}

/**
 * Reads budget lines. Rows without an account (headings, blank lines, subtotals of a detail
 * sheet) are not budget lines and are skipped; an account whose amount cannot be read is reported.
 * A row with money on it whose account is not an account code ("Misc", "2501A") is reported and
 * left out, so a budget total that comes up short says why; text in the account column of a row
 * without money (a heading such as "ABOVE THE LINE") loses nothing and is skipped.
 */
export function mapBudgetRows(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<BudgetColumns>,
): Mapped<BudgetLine> {
  const c = mapping.columns;
  const lines: BudgetLine[] = [];
  const problems: RowProblem[] = [];
  for (let r = mapping.headerRows; r < rows.length; r++) {
    const row = rows[r];
    if (isEmpty(row[c.account])) continue;
    const amount = decimalCell(row[c.amount]);
    if (amount === undefined) {
      problems.push({
        row: r + 1,
        message: `the amount ${describe(row[c.amount])} is not a number; the line is left out`,
        excluded: true,
      });
      continue;
    }
    if (accountKeyOf(row[c.account]) === undefined) {
      if (!amount.isZero()) {
        problems.push({
          row: r + 1,
          message: `the account ${describe(row[c.account])} is not an account code; the line is left out`,
          excluded: true,
        });
      }
      continue;
    }
    lines.push({ account: text(row[c.account]), description: text(cell(row, c.description)), amount });
  }
  return { lines, problems };
}

/** Reads open purchase orders (their open balances). */
export function mapPoRows(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<PoColumns>,
): Mapped<OpenPo> {
  const c = mapping.columns;
  const lines: OpenPo[] = [];
  const problems: RowProblem[] = [];
  for (let r = mapping.headerRows; r < rows.length; r++) {
    const row = rows[r];
    if (blankRow(row, [c.account, c.po, c.vendor, c.description, c.amount])) continue;
    const amount = decimalCell(row[c.amount]);
    if (amount === undefined) {
      problems.push({
        row: r + 1,
        message: `the open amount ${describe(row[c.amount])} is not a number; the PO is left out`,
        excluded: true,
      });
      continue;
    }
    lines.push({
      row: r + 1,
      account: text(row[c.account]),
      po: text(cell(row, c.po)),
      vendor: text(cell(row, c.vendor)),
      description: text(cell(row, c.description)),
      amount,
    });
  }
  return { lines, problems };
}
