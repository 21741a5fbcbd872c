/**
 * From a vendor's sheet or file to bid lines: which column holds what (mapped once per file
 * layout, spec/taskpane.md section 3), and the reading of each row, with a plain-words problem for
 * every row that cannot be used instead of a crash.
 */
import {
  Decimal,
  ONE,
  ZERO,
  isBlank,
  isBlankOrSpaces,
  parseNumericText,
  readNumericText,
  toDecimal,
} from "../money";
import { toRentalDays, type RentalDays } from "../rental";
import { ProdError, describeValue, errors } from "../errors";
import type { BidLine, VendorTerms } from "./types";
import { guessColumns, normalizeHeader, type Vocabulary } from "../import/headers";
import { DECIMAL_POINT, readAmount, type NumberFormat } from "../import/numbers";
import { readLayout, type Answers, type Layout } from "../import/table";

/** What a column of a bid can hold. */
export type ColumnRole = "item" | "qty" | "days" | "dayRate" | "taxable" | "notes";

/** Which column (0-based index) holds each role; a role left out is not in the file. */
export type ColumnMapping = Partial<Record<ColumnRole, number>> & {
  /**
   * The days used in each week, one column per week in week order ("Week 1 days", "Week 2
   * days", ...), in place of a Days column (issue 17: vendors send schedules this way).
   */
  readonly weekColumns?: readonly number[];
};

/** The roles in the order the mapping step shows them, with their labels and header synonyms. */
export const COLUMN_ROLES: ReadonlyArray<{
  readonly role: ColumnRole;
  readonly label: string;
  readonly required: boolean;
  /** Normalized header texts that mean this role, best first. */
  readonly headers: readonly string[];
}> = [
  {
    role: "item",
    label: "Item",
    required: true,
    headers: ["item", "items", "description", "item description", "equipment", "name", "product", "article"],
  },
  { role: "qty", label: "Qty", required: false, headers: ["qty", "quantity", "units", "count", "#"] },
  {
    role: "days",
    label: "Days",
    required: false,
    headers: ["days", "rental days", "no of days", "number of days", "shoot days", "duration"],
  },
  {
    role: "dayRate",
    label: "Day rate",
    required: true,
    headers: [
      "day rate",
      "daily rate",
      "rate",
      "daily",
      "per day",
      "rate day",
      "price per day",
      "unit price",
      "price",
    ],
  },
  {
    role: "taxable",
    label: "Taxable",
    required: false,
    headers: ["taxable", "tax", "taxable y n", "tax y n", "taxed"],
  },
  {
    role: "notes",
    label: "Notes",
    required: false,
    headers: ["notes", "note", "comments", "comment", "remarks"],
  },
];

// Header words and layouts are compared by the import module, the one reader of tables.
export { normalizeHeader, headerSignature } from "../import/headers";

/** The bid's roles as the import module's vocabulary. */
const BID_VOCABULARY: Vocabulary<ColumnRole> = {
  fields: COLUMN_ROLES.map((r) => ({
    field: r.role,
    headers: r.headers,
    kind: r.role === "dayRate" ? "money" : "text",
    key: r.role === "item",
  })),
  headerNeeds: COLUMN_ROLES.filter((r) => r.required).map((r) => [r.role]),
};

/**
 * A header that names the days of one week: "Week 1 days", "Wk 2", "W3 days", "Days (week 4)"
 * (as {@link normalizeHeader} writes them), with the week's number.
 */
const WEEK_DAYS_HEADER = /^(?:days?\s+)?(?:week|wk|w)\s*(\d{1,2})(?:\s+days?)?$/;

/**
 * The columns that give the days of each week, in week order, or undefined when the headers have
 * none, or a week is missing or named twice (then nothing is guessed: the user maps the days).
 *
 * @param headers - the header row's cells
 */
export function weekDayColumns(headers: readonly unknown[]): number[] | undefined {
  const byWeek = new Map<number, number>();
  let twice = false;
  headers.forEach((header, col) => {
    const week = WEEK_DAYS_HEADER.exec(normalizeHeader(header))?.[1];
    if (week === undefined) return;
    twice ||= byWeek.has(Number(week));
    byWeek.set(Number(week), col);
  });
  if (byWeek.size === 0 || twice) return undefined;
  const columns: number[] = [];
  for (let week = 1; week <= byWeek.size; week++) {
    const col = byWeek.get(week);
    if (col === undefined) return undefined;
    columns.push(col);
  }
  return columns;
}

/**
 * A guessed mapping with the week columns as the days, when the headers have them and no Days
 * column of their own ("Days wk 1" is guessed as a Days column by its first word: it is a week).
 */
function withWeekColumns(columns: ColumnMapping, headers: readonly unknown[]): ColumnMapping {
  const weekColumns = weekDayColumns(headers);
  const { days, ...rest } = columns;
  if (!weekColumns || (days !== undefined && !weekColumns.includes(days))) return columns;
  return { ...rest, weekColumns };
}

/**
 * Guesses the mapping from the header texts (the import module's guess: an exact synonym first,
 * then a header that starts with one, "Day Rate (USD)"), and per-week day columns as the days.
 * Each column is used for one role at most.
 */
export function guessMapping(headers: readonly unknown[]): ColumnMapping {
  return withWeekColumns(guessColumns(headers, BID_VOCABULARY), headers);
}

/** The required roles a mapping leaves out, by label ("Day rate"). */
export function missingRoles(mapping: ColumnMapping): string[] {
  return COLUMN_ROLES.filter((r) => r.required && mapping[r.role] === undefined).map((r) => r.label);
}

/** A row that could not be read, in words for the user. */
export interface RowProblem {
  /** The 1-based row number as the user sees it in the file or sheet. */
  readonly row: number;
  readonly message: string;
}

/** The lines read from a bid, and the rows left out. */
export interface ReadBid {
  readonly lines: BidLine[];
  readonly problems: RowProblem[];
}

/** Words rental houses write for "no charge" in a price column (read as 0). */
const NO_CHARGE = new Set(["n c", "nc", "no charge", "incl", "included", "inc", "free", "n a c"]);

/** True for a price cell that says "N/C", "included" and the like. */
function isNoCharge(value: unknown): boolean {
  return typeof value === "string" && NO_CHARGE.has(normalizeHeader(value));
}

/**
 * A cell of a bid row that cannot be read, in words a production manager reads (issue 20): what
 * the cell is, what it holds, and what is wrong ("the day rate "call" is not a number"), shaped
 * like the cost report's row problems (weeklyCostReport/mapping.ts), not the functions' "Day rate
 * must be a number, got "call"". The row reader puts the row and the item in front.
 */
function unreadable(words: string): ProdError {
  return new ProdError("invalid", words);
}

/**
 * A number cell of a bid row (a quantity or a day rate): a number, or text in the file's number
 * format (the import module's one reader of amounts: "1.000" is one thousand in a 1.234,56 file,
 * one in a 1,234.56 file; issue 17), else text as Excel's VALUE reads it ("10%", "(1,200)") in a
 * 1,234.56 file; 0 or more.
 *
 * @param what - the cell in words: "the quantity", "the day rate"
 */
function readNumber(value: unknown, what: string, format: NumberFormat): Decimal {
  if (isBlank(value)) throw unreadable(`${what} is blank`);
  const shown = describeValue(value);
  const text = typeof value === "string" ? readNumericText(value) : undefined;
  let amount = readAmount(value, format);
  if (amount === undefined && text?.kind === "number") {
    // Not a number in the file's format: say so, rather than read it in the other format.
    if (format.decimal === ",")
      throw unreadable(`${what} ${shown} is not written 1.234,56 like the file's other numbers`);
    amount = text.value;
  }
  if (amount === undefined)
    throw unreadable(
      text?.kind === "outOfRange"
        ? `${what} ${shown} is too large a number`
        : `${what} ${shown} is not a number`,
    );
  if (amount.isNeg() && !amount.isZero()) throw unreadable(`${what} ${shown} is less than 0`);
  return amount;
}

/** A money cell of a bid row: {@link readNumber}, or "N/C" / "included" (0). */
function readMoney(value: unknown, what: string, format: NumberFormat): Decimal {
  return isNoCharge(value) ? ZERO : readNumber(value, what, format);
}

/**
 * Reads a days cell (or the schedule the user typed): the days held in a row ("12") or the days used in each week ("5+5+2", "5,5,2",
 * "5 5 2"), read by the rental rule's own reader (each week 0 to 7 days).
 */
export function readDays(value: unknown): RentalDays | undefined {
  if (isBlankOrSpaces(value)) return undefined;
  if (typeof value !== "string" || parseNumericText(value) !== undefined)
    return toRentalDays([value], "Days");
  const text = value.trim();
  const weeks = text.split(/[+,;/\s]+/).filter((p) => p !== "");
  if (weeks.length < 2 || weeks.some((w) => parseNumericText(w) === undefined)) {
    throw errors.invalid(
      "Days",
      `must be a number of days or the days in each week ("5+5+2"), got "${text}"`,
    );
  }
  return toRentalDays(weeks, "Days");
}

/**
 * The days of a row given one column per week: each week's days (a blank week is 0 days, each 0
 * to 7), billed week by week under the vendor's week convention like "5+5+2" (rental.ts). A row
 * with every week blank gives no days: the comparison's schedule applies.
 */
function readWeekDays(row: readonly unknown[], weekColumns: readonly number[]): RentalDays | undefined {
  const cells = weekColumns.map((col) => (isBlankOrSpaces(row[col]) ? undefined : row[col]));
  if (cells.every((c) => c === undefined)) return undefined;
  try {
    return toRentalDays(cells, "Days");
  } catch (e) {
    if (!(e instanceof ProdError)) throw e;
    const shown = cells.map((c) => (c === undefined ? "blank" : describeValue(c))).join(", ");
    throw unreadable(`the days of each week (${shown}) are not 0 to 7 days each`);
  }
}

/** A days cell of a bid row: {@link readDays}, its problem in words. */
function readDaysCell(value: unknown): RentalDays | undefined {
  try {
    return readDays(value);
  } catch (e) {
    if (!(e instanceof ProdError)) throw e;
    throw unreadable(
      `the days ${describeValue(value)} are not a number of days, like 12, or the days of each week, 0 to 7 each, like 5+5+2`,
    );
  }
}

const YES = new Set(["y", "yes", "true", "t", "x", "1", "taxable", "tax"]);
const NO = new Set(["n", "no", "false", "f", "0", "non taxable", "nontaxable", "exempt", "nt", "no tax"]);

/** A taxable cell: yes/no words, TRUE/FALSE, 1/0, "x"; blank = the vendor's default. */
function readTaxable(value: unknown): boolean | undefined {
  if (isBlank(value)) return undefined;
  if (typeof value === "boolean") return value;
  const word = normalizeHeader(value);
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  throw unreadable(`the Taxable cell ${describeValue(value)} is not yes or no`);
}

/**
 * Text of a cell for the item and notes: numbers as written, blanks as "". Text is kept exactly
 * as the vendor wrote it, spaces, a leading tab or carriage return included (issue 17); matching
 * ignores them (matching.ts normalizeItemName).
 */
function readText(value: unknown): string {
  if (isBlank(value)) return "";
  return String(value);
}

/**
 * Reads the rows of a bid under a column mapping. Blank rows are skipped; a row whose item is
 * blank but has a rate, or whose numbers cannot be read, is left out with a problem saying why;
 * the other rows become {@link BidLine}s.
 *
 * @param rows - the data rows (without the header row), as cells
 * @param mapping - which column holds what
 * @param firstRowNumber - the row number the user sees for `rows[0]` (default 2: after a header)
 * @param numberFormat - how the file writes numbers as text ({@link bidLayout} finds it or asks)
 * @throws ProdError (invalid) when the mapping leaves out the Item or Day rate column
 */
export function readBidRows(
  rows: readonly (readonly unknown[])[],
  mapping: ColumnMapping,
  firstRowNumber = 2,
  numberFormat: NumberFormat = DECIMAL_POINT,
): ReadBid {
  const missing = missingRoles(mapping);
  if (missing.length > 0) {
    throw errors.invalid(
      "Column mapping",
      `has no ${missing.join(" or ")} column: pick which column holds it`,
    );
  }
  const lines: BidLine[] = [];
  const problems: RowProblem[] = [];
  const weekColumns = mapping.weekColumns?.length ? mapping.weekColumns : undefined;
  // A cell of spaces in a vendor's file is an empty cell: no Qty is 1, no Days is the schedule.
  const cell = (row: readonly unknown[], role: ColumnRole) => {
    const col = mapping[role];
    const value = col === undefined ? undefined : row[col];
    return isBlankOrSpaces(value) ? undefined : value;
  };
  rows.forEach((row, i) => {
    const rowNumber = firstRowNumber + i;
    if (row.every(isBlankOrSpaces)) return;
    const item = readText(cell(row, "item"));
    try {
      if (item === "") throw unreadable("the item is blank, so the line cannot be matched to the other bids");
      const qtyCell = cell(row, "qty");
      const qty = qtyCell === undefined ? ONE : readNumber(qtyCell, "the quantity", numberFormat);
      const notes = readText(cell(row, "notes"));
      lines.push({
        item,
        qty,
        days: weekColumns ? readWeekDays(row, weekColumns) : readDaysCell(cell(row, "days")),
        dayRate: readMoney(cell(row, "dayRate"), "the day rate", numberFormat),
        ...(isNoCharge(cell(row, "dayRate")) ? { noCharge: true } : {}),
        taxable: readTaxable(cell(row, "taxable")),
        ...(notes !== "" ? { notes } : {}),
        row: rowNumber,
      });
    } catch (e) {
      if (!(e instanceof ProdError)) throw e;
      problems.push({
        row: rowNumber,
        message: `Row ${rowNumber}${item ? `, "${item}"` : ""}: ${e.message}.`,
      });
    }
  });
  return { lines, problems };
}

/**
 * The layout of a bid (the import module's reader, the one for every panel): the header row
 * (under any title lines), the columns guessed, and the file's number format, or a question when
 * the amounts could be read two ways ("1.000": one thousand or one?), never a guess.
 *
 * @param answers - what the user settled (the number format), or a remembered mapping
 */
export function bidLayout(
  rows: readonly (readonly unknown[])[],
  answers: Answers<ColumnRole> = {},
): Layout<ColumnRole> & { readonly columns: ColumnMapping } {
  const layout = readLayout(rows, BID_VOCABULARY, answers);
  return answers.columns ? layout : { ...layout, columns: withWeekColumns(layout.columns, layout.headers) };
}

/** The terms of a vendor as typed in the pane's fields. */
export interface TermsText {
  /** "7", "4" or "3" (any whole number 1–7). */
  readonly weekDays: string;
  /** Percent fields: "10" or "10%" both mean 10%. */
  readonly discount: string;
  readonly lossDamage: string;
  readonly taxRate: string;
  /** Money fields: "600", "$600.00", blank = 0. */
  readonly delivery: string;
  readonly pickup: string;
  readonly taxableByDefault: boolean;
}

/** A percent field: "10" and "10%" are both 10% (the field is labelled in percent); blank = 0. */
function readPercentField(text: string, arg: string): Decimal {
  const trimmed = text.trim();
  if (trimmed === "") return ZERO;
  const value = toDecimal(trimmed, arg);
  return trimmed.endsWith("%") ? value : value.div(100);
}

/** A money field: "$600.00", "600", "N/C"; blank = 0. */
function readMoneyField(text: string, arg: string): Decimal {
  return text.trim() === "" || isNoCharge(text) ? ZERO : toDecimal(text, arg);
}

/**
 * Reads a vendor's terms from the pane's fields, naming the vendor and the field in any message.
 * It only reads: whether the figures make sense (a week of 1 to 7 days, no negative charge) is
 * {@link checkTerms}' one rule, which every comparison applies before it starts.
 *
 * @throws ProdError (invalid) for text that is not a number
 */
export function readTerms(text: TermsText, vendor: string): VendorTerms {
  const field = (name: string) => `${vendor}: ${name}`;
  return {
    weekDays: toDecimal(text.weekDays, field("days billed per week")).toNumber(),
    discount: readPercentField(text.discount, field("discount")),
    lossDamage: readPercentField(text.lossDamage, field("loss & damage")),
    taxRate: readPercentField(text.taxRate, field("sales tax rate")),
    delivery: readMoneyField(text.delivery, field("delivery")),
    pickup: readMoneyField(text.pickup, field("pickup")),
    taxableByDefault: text.taxableByDefault,
  };
}
