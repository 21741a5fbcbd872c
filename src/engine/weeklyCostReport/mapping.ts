/**
 * Reading the cost report's inputs from grids of cells (a sheet range, or a CSV/XLSX file read
 * into rows). Ledger exports differ by system and no column spec is published (reference.md
 * 5.4: "Exact CSV column specs were not found ... column mapping UI required"), so every input
 * is read through a column mapping the user confirms once; the pane remembers it.
 */
import {
  DECIMAL_POINT,
  formatWords,
  ORDER_WORDS,
  parseDate,
  provesOtherOrder,
  RowSorter,
  type ControlTotal,
  type DateOrder,
  type LeftOut,
  type NumberFormat,
  type Vocabulary,
} from "../import";
import { accountKeyOf } from "./accountKeys";
import { isBlankOrSpaces as isEmpty, ZERO, type Decimal } from "../money";
import {
  AmountSum,
  amountFromNumber,
  amountFromText,
  amountToDecimal,
  subtractAmounts,
  type Amount,
} from "./amount";
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

/** How to read a grid: its columns, its headings and its formats (engine/import's layout). */
export interface Mapping<C> {
  columns: C;
  /** Rows at the top that are headings or titles above them, not data. */
  headerRows: number;
  /** The header row's texts: the headings repeated further down (on every page) are left out. */
  headers?: readonly string[];
  /**
   * Day/month order of slash dates. Undefined while it is not decided: a date that reads both
   * ways (04/05/2026) is then left out and listed, never guessed.
   */
  dateOrder?: DateOrder;
  /** How amounts written as text are read. @default 1,234.56 */
  numberFormat?: NumberFormat;
  /**
   * Rows of the file before this grid, when a large file is read in chunks: row numbers in
   * lines and problems count from the file's first row. @default 0
   */
  rowOffset?: number;
}

/** A row that could not be read as it stands, or that is not a line. */
export interface RowProblem {
  /** 1-based row in the grid, as the user sees it in the file or sheet. */
  row: number;
  message: string;
  /** True when the row is left out; false when it is kept. */
  excluded: boolean;
  /**
   * True for a row that is not a line at all (a title, the headings repeated, a total or
   * subtotal of the export): left out on purpose, not for want of reading it.
   */
  notALine?: boolean;
  /** The row's amount, when it could be read. */
  amount?: Decimal;
}

/** The lines read from a grid, and the rows that had problems. */
export interface Mapped<T> {
  lines: T[];
  problems: RowProblem[];
}

/** What the ledger read adds up to, and what it says about itself. */
export interface LedgerCheck {
  /** Sum of every line read, before the cut-off and after. */
  linesTotal: Decimal;
  /** The total the export states for all its lines ("Report total 51,129.48"), if it has one. */
  controlTotal?: ControlTotal;
  /** Lines left out because they could not be read, and the money of those that had some. */
  leftOut: number;
  leftOutAmount: Decimal;
  /** Title, repeated heading, total and subtotal rows of the export, left out. */
  notLines: number;
}

/** The ledger's lines, problems and check. */
export interface MappedLedger extends Mapped<LedgerLine> {
  check: LedgerCheck;
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

const cell = (row: readonly unknown[], col: number | undefined): unknown =>
  col === undefined ? undefined : row[col];

/** Cell content as text: numbers as Excel shows them plainly, blanks as "". */
function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  return String(value);
}

/** An amount cell: "blank", or the amount, or undefined when it is not one in the file's format. */
function amountCell(value: unknown, format: NumberFormat): Amount | "blank" | undefined {
  if (isEmpty(value)) return "blank";
  if (typeof value === "number") return Number.isFinite(value) ? amountFromNumber(value) : undefined;
  if (typeof value === "string") return amountFromText(value, format);
  return undefined;
}

const describe = (v: unknown) =>
  typeof v === "string" ? `"${v.length > 30 ? `${v.slice(0, 27)}...` : v}"` : String(v);

/** Rows with nothing in any mapped column are blank lines of the file, not data. */
function blankRow(row: readonly unknown[], cols: readonly (number | undefined)[]): boolean {
  for (const c of cols) if (c !== undefined && !isEmpty(row[c])) return false;
  return true;
}

/** The ledger's amount of a row from its money cells: the signed amount, or debit − credit. */
function ledgerAmountOf(a: Partial<Record<Field, Decimal>>): Decimal | undefined {
  if (a.amount !== undefined) return a.amount;
  if (a.debit === undefined && a.credit === undefined) return undefined;
  return (a.debit ?? ZERO).minus(a.credit ?? ZERO);
}

/**
 * The problems of the rows a sorter left out because they are not lines (headings repeated,
 * totals and subtotals), as rows to list. Title lines above the headings hold no money and are
 * not worth a line of the list.
 */
function notLineProblems(items: readonly LeftOut[]): RowProblem[] {
  return items
    .filter((l) => l.kind !== "title")
    .map((l) => ({
      row: l.row,
      message: `${l.reason}: ${describe(l.text)}`,
      excluded: true,
      notALine: true,
      amount: l.amount,
    }));
}

/**
 * Reads a ledger in order, a chunk at a time (a large file), through a mapping. Each row is a
 * line or is left out and listed (engine/import sorts out blank, title, heading, total and
 * subtotal rows):
 * - a line's amount is the signed amount, or debit − credit (a blank debit or credit is 0);
 *   an amount that is blank, or not a number in the file's format, leaves the line out;
 * - a date that is not a date, or that reads only in the other day/month order, or both ways
 *   while the order is undecided, leaves the line out: it is never counted "to date" quietly.
 *   A line with no date at all is kept (the report lists it as undated).
 */
export function ledgerReader(mapping: Omit<Mapping<LedgerColumns>, "rowOffset">) {
  const c = mapping.columns;
  const order = mapping.dateOrder;
  const format = mapping.numberFormat ?? DECIMAL_POINT;
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
  const sorter = new RowSorter<Field>(
    {
      headerRow: mapping.headerRows - 1,
      headers: mapping.headers ?? [],
      columns: c as Partial<Record<Field, number>>,
      fields: VOCABULARIES.ledger.fields,
      numberFormat: format,
    },
    ledgerAmountOf,
  );
  const lines: LedgerLine[] = [];
  const problems: RowProblem[] = [];
  const sum = new AmountSum();
  const leftOutSum = new AmountSum();
  let leftOut = 0;
  // Dates repeat across thousands of lines: parse each distinct text once.
  const dates = new Map<string, number | string | undefined>();
  // Account codes repeat too: sharing one string per code lets the report's account lookup
  // reuse its cached hash instead of hashing a fresh string per line.
  const accounts = new Map<string, string>();

  const leave = (r: number, message: string, amount?: Amount) => {
    leftOut++;
    if (amount !== undefined) leftOutSum.add(amount);
    problems.push({
      row: r + 1,
      message,
      excluded: true,
      amount: amount === undefined ? undefined : amountToDecimal(amount),
    });
  };

  /** A date cell as a serial, or why it cannot be read. */
  const readDate = (v: unknown): number | string | undefined => {
    const serial = order === undefined ? undefined : parseDate(v, order);
    if (serial !== undefined) return serial;
    if (order !== undefined && provesOtherOrder(v, order))
      return `the date ${describe(v)} can only be ${ORDER_WORDS[order === "MDY" ? "DMY" : "MDY"]}, but the file's dates are read as ${ORDER_WORDS[order]}`;
    if (order === undefined) {
      const mdy = parseDate(v, "MDY");
      const dmy = parseDate(v, "DMY");
      if (mdy !== undefined && (mdy === dmy || dmy === undefined)) return mdy;
      if (dmy !== undefined && mdy === undefined) return dmy;
      if (mdy !== undefined)
        return `the date ${describe(v)} can be day/month/year or month/day/year: pick the order of the file's dates`;
    }
    return `the date ${describe(v)} is not a date`;
  };

  /** Reads the rows of one chunk; `rowOffset` rows of the file come before it. */
  const take = (rows: readonly (readonly unknown[])[], rowOffset = 0) => {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const r = i + rowOffset;
      if (sorter.sort(row, r) !== "data" || blankRow(row, allCols)) continue;
      let amount: Amount | "blank" | undefined;
      let bad: unknown;
      if (signed) {
        amount = amountCell(row[c.amount as number], format);
        bad = row[c.amount as number];
      } else {
        const debit = amountCell(cell(row, c.debit), format);
        const credit = amountCell(cell(row, c.credit), format);
        bad = debit === undefined ? cell(row, c.debit) : cell(row, c.credit);
        if (debit === undefined || credit === undefined) amount = undefined;
        else if (debit === "blank" && credit === "blank") amount = "blank";
        else subtractAmounts(debit === "blank" ? 0 : debit, credit === "blank" ? 0 : credit);
        if (debit !== undefined && credit !== undefined && amount !== "blank")
          amount = subtractAmounts(debit === "blank" ? 0 : debit, credit === "blank" ? 0 : credit);
      }
      if (amount === "blank") {
        leave(r, "the amount is blank; the line is left out");
        continue;
      }
      if (amount === undefined) {
        leave(
          r,
          `the amount ${describe(bad)} is not a number written ${formatWords(format)}; the line is left out`,
        );
        continue;
      }
      let date: number | undefined;
      if (c.date !== undefined) {
        const v = row[c.date];
        if (!isEmpty(v)) {
          let read: number | string | undefined;
          if (typeof v === "string") {
            read = dates.get(v);
            if (read === undefined) {
              read = readDate(v);
              dates.set(v, read);
            }
          } else read = readDate(v);
          if (typeof read === "string") {
            leave(r, `${read}; the line is left out`, amount);
            continue;
          }
          date = read;
        }
      }
      const periodCell = cell(row, c.period);
      sum.add(amount);
      lines.push({
        row: r + 1,
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
  };

  /** Everything read, with the rows that are not lines listed in file order. */
  const finish = (): MappedLedger => {
    const { leftOut: sorted, controlTotal } = sorter.finish();
    const notLines = notLineProblems(sorted);
    return {
      lines,
      problems: [...problems, ...notLines].sort((x, y) => x.row - y.row),
      check: {
        linesTotal: sum.total(),
        controlTotal,
        leftOut,
        leftOutAmount: leftOutSum.total(),
        notLines: notLines.length,
      },
    };
  };
  return { take, finish };
}

/** Reads a whole ledger grid at once ({@link ledgerReader}). */
export function mapLedgerRows(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<LedgerColumns>,
): MappedLedger {
  const reader = ledgerReader(mapping);
  reader.take(rows, mapping.rowOffset ?? 0);
  return reader.finish();
}

function intern(pool: Map<string, string>, s: string): string {
  const known = pool.get(s);
  if (known !== undefined) return known;
  pool.set(s, s);
  return s;
}

/** A money cell of a budget or PO table as a decimal: "blank", or undefined when unreadable. */
function decimalCell(value: unknown, format: NumberFormat): Decimal | "blank" | undefined {
  const a = amountCell(value, format);
  return a === undefined || a === "blank" ? a : amountToDecimal(a);
}

/**
 * Sorts the rows of a budget or PO grid (engine/import): the rows that are lines, and the
 * problems of total, subtotal and repeated heading rows.
 */
function sortGrid(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<BudgetColumns | PoColumns>,
  kind: "budget" | "pos",
): { data: number[]; problems: RowProblem[] } {
  const sorter = new RowSorter<Field>({
    headerRow: mapping.headerRows - 1,
    headers: mapping.headers ?? [],
    columns: mapping.columns as Partial<Record<Field, number>>,
    fields: VOCABULARIES[kind].fields,
    numberFormat: mapping.numberFormat ?? DECIMAL_POINT,
  });
  const data: number[] = [];
  rows.forEach((row, r) => {
    if (sorter.sort(row, r) === "data") data.push(r);
  });
  return { data, problems: notLineProblems(sorter.finish().leftOut) };
}

/**
 * Reads budget lines. Rows without an account and without money (headings, blank lines) are
 * not budget lines and are skipped; a row with money and no account is reported and left out (a
 * line whose account was never typed, or a subtotal), and so is a row whose amount cannot be
 * read, with an account or without.
 * A row with money on it whose account is not an account code ("Misc", "2501A") is reported and
 * left out, so a budget total that comes up short says why; text in the account column of a row
 * without money (a heading such as "ABOVE THE LINE") loses nothing and is skipped. A blank
 * amount on an account is a budget of 0 (a budget sheet lists accounts not yet budgeted).
 */
export function mapBudgetRows(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<BudgetColumns>,
): Mapped<BudgetLine> {
  const c = mapping.columns;
  const format = mapping.numberFormat ?? DECIMAL_POINT;
  const lines: BudgetLine[] = [];
  const { data, problems } = sortGrid(rows, mapping, "budget");
  for (const r of data) {
    const row = rows[r];
    const read = decimalCell(row[c.amount], format);
    if (isEmpty(row[c.account])) {
      // A heading or a blank line has no money. A row with money and no account is a line (an
      // export's fringes, a contingency) or a subtotal without the word: either way its money
      // is named, never dropped quietly. So is an amount that cannot be read ("TBD", 1.234,56
      // in a budget written 1,234.56): it may be money, and only the user can say.
      if (read === undefined) {
        problems.push({
          row: r + 1,
          message: `the amount ${describe(row[c.amount])} has no account and is not a number written ${formatWords(format)}; the line is left out`,
          excluded: true,
        });
      } else if (read !== "blank" && !read.isZero()) {
        problems.push({
          row: r + 1,
          message: `the amount ${describe(row[c.amount])} has no account; the line is left out`,
          excluded: true,
          amount: read,
        });
      }
      continue;
    }
    if (read === undefined) {
      problems.push({
        row: r + 1,
        message: `the amount ${describe(row[c.amount])} is not a number written ${formatWords(format)}; the line is left out`,
        excluded: true,
      });
      continue;
    }
    const amount = read === "blank" ? ZERO : read;
    if (accountKeyOf(row[c.account]) === undefined) {
      if (!amount.isZero()) {
        problems.push({
          row: r + 1,
          message: `the account ${describe(row[c.account])} is not an account code; the line is left out`,
          excluded: true,
          amount,
        });
      }
      continue;
    }
    lines.push({
      account: text(row[c.account]),
      description: text(cell(row, c.description)),
      amount,
      row: r + 1,
    });
  }
  return { lines, problems: problems.sort((x, y) => x.row - y.row) };
}

/** Reads open purchase orders (their open balances). A blank open amount is listed, not taken as 0. */
export function mapPoRows(
  rows: readonly (readonly unknown[])[],
  mapping: Mapping<PoColumns>,
): Mapped<OpenPo> {
  const c = mapping.columns;
  const format = mapping.numberFormat ?? DECIMAL_POINT;
  const lines: OpenPo[] = [];
  const { data, problems } = sortGrid(rows, mapping, "pos");
  for (const r of data) {
    const row = rows[r];
    if (blankRow(row, [c.account, c.po, c.vendor, c.description, c.amount])) continue;
    const amount = decimalCell(row[c.amount], format);
    if (amount === undefined || amount === "blank") {
      problems.push({
        row: r + 1,
        message:
          amount === "blank"
            ? "the open amount is blank; the PO is left out"
            : `the open amount ${describe(row[c.amount])} is not a number written ${formatWords(format)}; the PO is left out`,
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
  return { lines, problems: problems.sort((x, y) => x.row - y.row) };
}
