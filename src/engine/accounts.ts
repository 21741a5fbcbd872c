/**
 * Account codes and the one account-filter grammar of PROD.
 *
 * Account codes (spec/functions.md "Charges and roll-ups", spec/taskpane.md section 4):
 * - numbers are compared as numbers: 2501 is account 2501, and a decimal sub-account such as
 *   2501.01 counts as 2501;
 * - codes with separators are read by their leading digits on a 4-digit chart (the classic
 *   "Hollywood" top sheet, domain/reference.md 2.1): "25-01", "2501-00" and "2501.00" are all
 *   account 2501, the studio "xx-xx" variant of the same chart (reference.md 2.1, variants);
 * - AICP bid-form accounts are section letters, alone or with a line number: "D", "D114",
 *   "D-114" (reference.md 2.3);
 * - a blank cell, or 0 (what Excel desktop passes for an empty cell in a range,
 *   shared/engineering.md), is no account.
 *
 * Filters: account numbers, ranges and section letters joined by commas, `!` to exclude:
 * `"2000-4999"`, `"1100-7999,!6700"`, `"A-K"`. ACCTSUM, CONTINGENCY and the task pane all read
 * filters through {@link parseAccountFilter}, so there is one grammar.
 */
import { describeValue, errors } from "./errors";
import { isDigitCode, isOmitted, isSpaceCode } from "./money";

/** An account number on a numeric chart: a whole number, 1 or more. */
export interface NumberAccount {
  kind: "number";
  /** The account number (2501). */
  value: number;
}

/** An AICP-style account: a section letter with an optional line number ("D114"). */
export interface SectionAccount {
  kind: "section";
  /** The section letter, upper case ("D"). */
  letter: string;
  /** The line number inside the section (114), if the code has one. */
  line?: number;
}

/** A parsed account code. */
export type Account = NumberAccount | SectionAccount;

/** The classic 4-digit chart (reference.md 2.1): "25-01" and "2501-00" are account 2501. */
const CHART_DIGITS = 4;

const DIGITS_ONLY = /^\d+$/;

/**
 * The longest account number, in significant digits: Excel keeps 15, so a longer number (1E+21)
 * cannot be told from its neighbours and is not an account code.
 */
const MAX_ACCOUNT_DIGITS = 15;
const LARGEST_ACCOUNT = 10 ** MAX_ACCOUNT_DIGITS - 1;

/** The separators people put in codes: 25-01, 2501.00, 25/01, 25_01, 25:01 (and spaces). */
const SEPARATOR_CODES: ReadonlySet<number> = new Set([..."-./_:"].map((c) => c.charCodeAt(0)));

/** True for the character code of a letter A-Z or a-z. */
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Index of the first character at or after `from` that is not a digit. */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** Index of the first character at or after `from` that is not a space. */
function spacesEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** A run of digits as a whole number, or undefined past {@link MAX_ACCOUNT_DIGITS} digits. */
function wholeNumber(digits: string): number | undefined {
  let first = 0;
  while (first < digits.length - 1 && digits.charCodeAt(first) === 48) first++;
  return digits.length - first > MAX_ACCOUNT_DIGITS ? undefined : Number(digits);
}

/**
 * A numeric code: one run of digits (2501), or runs split by separators (25-01, 2501-00, 25 01:
 * spaces with at most one of - . / _ : between two runs). Read in one pass over the text, no
 * regular expression: a code, however long, costs its length (spec/functions.md).
 */
function readNumberCode(text: string): Account | undefined | typeof NOT_AN_ACCOUNT {
  let i = digitsEnd(text, 0);
  if (i === text.length) {
    const n = wholeNumber(text);
    if (n === undefined) return NOT_AN_ACCOUNT;
    return n === 0 ? undefined : { kind: "number", value: n };
  }
  // "25-01" and "2501-00" are the same account: its leading digits on the chart's width.
  let leading = text.slice(0, Math.min(i, CHART_DIGITS));
  while (i < text.length) {
    let separators = 0;
    const from = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (SEPARATOR_CODES.has(c)) separators++;
      else if (!isSpaceCode(c)) break;
      i++;
    }
    if (i === from || separators > 1) return NOT_AN_ACCOUNT;
    const runEnd = digitsEnd(text, i);
    if (runEnd === i) return NOT_AN_ACCOUNT;
    if (leading.length < CHART_DIGITS)
      leading += text.slice(i, Math.min(runEnd, i + CHART_DIGITS - leading.length));
    i = runEnd;
  }
  const n = Number(leading);
  return n === 0 ? NOT_AN_ACCOUNT : { kind: "number", value: n };
}

/**
 * An AICP code: a section letter, then optionally spaces, at most one separator, spaces and a
 * line number: D, D114, D-114, D.114, D 114. One pass, as {@link readNumberCode}.
 */
function readSectionCode(text: string): Account | typeof NOT_AN_ACCOUNT {
  const letter = text.charAt(0).toUpperCase();
  if (text.length === 1) return { kind: "section", letter };
  let i = spacesEnd(text, 1);
  if (SEPARATOR_CODES.has(text.charCodeAt(i))) i = spacesEnd(text, i + 1);
  if (i === text.length || digitsEnd(text, i) !== text.length) return NOT_AN_ACCOUNT;
  const line = wholeNumber(text.slice(i));
  return line === undefined ? NOT_AN_ACCOUNT : { kind: "section", letter, line };
}

function notAnAccount(arg: string, value: unknown) {
  return errors.invalid(
    arg,
    `must be an account code such as 2501, 25-01 or D114, got ${describeValue(value)}`,
  );
}

/**
 * Reads one account code from a cell.
 *
 * @param value - the cell as Excel gave it: a number, text, or blank
 * @param arg - how the message names the cell ("accounts (cell 3)")
 * @returns the account, or undefined for a blank cell (or 0, an empty cell on Excel desktop)
 * @throws ProdError (invalid) for anything that is not an account code: "Total", -5, TRUE
 */
export function parseAccount(value: unknown, arg: string): Account | undefined {
  const account = readAccount(value);
  if (account === NOT_AN_ACCOUNT) throw notAnAccount(arg, value);
  return account;
}

/**
 * Reads one account code from a cell without throwing, for inputs read in bulk (a ledger, a
 * budget table) where a cell that is not an account is listed or reported, not an error of the
 * whole input. Same reading as {@link parseAccount}.
 *
 * @param value - the cell as Excel gave it
 * @returns the account, or undefined for a blank cell and for anything that is not an account
 *   code ("Misc", "2501A"); test the cell for blank first to tell the two apart
 */
export function tryParseAccount(value: unknown): Account | undefined {
  const account = readAccount(value);
  return account === NOT_AN_ACCOUNT ? undefined : account;
}

/** What {@link readAccount} gives for a cell that holds something other than an account. */
const NOT_AN_ACCOUNT = null;

/** The one account reader: an account, undefined for a blank cell, or NOT_AN_ACCOUNT. */
function readAccount(value: unknown): Account | undefined | typeof NOT_AN_ACCOUNT {
  if (isOmitted(value)) return undefined;
  if (typeof value === "number") {
    // Numbers as numbers; a decimal sub-account (2501.01) belongs to its whole account.
    if (!Number.isFinite(value) || value < 1 || value >= LARGEST_ACCOUNT + 1) return NOT_AN_ACCOUNT;
    return { kind: "number", value: Math.trunc(value) };
  }
  if (typeof value !== "string") return NOT_AN_ACCOUNT;
  const text = value.trim();
  if (text === "") return undefined;
  const first = text.charCodeAt(0);
  if (isDigitCode(first)) return readNumberCode(text);
  if (isLetterCode(first)) return readSectionCode(text);
  return NOT_AN_ACCOUNT;
}

/**
 * The account as one canonical text, for showing it and for equality: "2501", "D", "D114".
 * Two cells hold the same account exactly when their keys are equal ("25-01" and 2501).
 */
export function accountKey(account: Account): string {
  if (account.kind === "number") return String(account.value);
  return account.line === undefined ? account.letter : `${account.letter}${account.line}`;
}

/**
 * The category code of a canonical account key ({@link accountKey}): the hundred of a numeric
 * account (2501 -> "2500", as TOPSHEET rolls up, spec/functions.md), or the section letter of an
 * AICP account ("D114" -> "D"). The top sheet, the cost report and the budget templates all
 * place an account in its chart category by it.
 */
export function categoryCode(account: string): string {
  if (DIGITS_ONLY.test(account)) return String(Math.floor(Number(account) / 100) * 100);
  return account.charAt(0);
}

/** One item of a filter: an inclusive range of account numbers or of section letters. */
type FilterItem =
  { kind: "number"; from: number; to: number } | { kind: "section"; from: string; to: string };

/** A parsed account filter: ask it whether an account is in. Parse once, match many. */
export interface AccountFilter {
  /** The filter as the user wrote it. */
  readonly text: string;
  /**
   * True when the account is selected: it matches an included item (or the filter has only
   * exclusions) and no excluded item. A line with no account is selected only by a filter made
   * of exclusions alone ("!6700" = everything but insurance, unaccounted lines included).
   */
  matches(account: Account | undefined): boolean;
}

const NUMBER_ITEM = /^\d+$/;
const LETTER_ITEM = /^[A-Za-z]$/;
// Category codes on the 4-digit chart are whole hundreds (reference.md 2.1: 6700 Insurance).
const CATEGORY_CODE = /^[1-9]\d00$/;

function itemMatches(item: FilterItem, account: Account): boolean {
  if (item.kind === "number") {
    return account.kind === "number" && account.value >= item.from && account.value <= item.to;
  }
  return account.kind === "section" && account.letter >= item.from && account.letter <= item.to;
}

/**
 * Reads an account filter: items joined by commas, each one of
 * - an account number: `2501` (that account); a 4-digit category code `6700` means the whole
 *   category, 6700-6799, as on the top sheet (reference.md 2.1), so `"!6700"` leaves out all of
 *   Insurance;
 * - a range of numbers, both ends included: `2000-4999`;
 * - a section letter or a range of them: `D`, `A-K` (the AICP markup base, reference.md 7);
 * - any of these after `!` to exclude it.
 * With no included item, the filter starts from every account: `"!6700"` is everything but 6700s.
 *
 * @param text - the filter; a number cell (6700) is read as its digits
 * @param arg - the argument's name for messages ("filter", "exclude")
 * @throws ProdError (invalid) naming `arg` and the part that is wrong, e.g. for `"20x0-"`
 */
export function parseAccountFilter(text: string, arg: string): AccountFilter {
  const includes: FilterItem[] = [];
  const excludes: FilterItem[] = [];
  const bad = (part: string, why: string) =>
    errors.invalid(
      arg,
      `is not an account filter: ${why} in ${describeValue(part)}. Write account numbers and ranges joined by commas, ! to exclude, e.g. "2000-4999" or "1100-7999,!6700"`,
    );
  if (text.trim() === "") throw errors.required(arg);
  for (const raw of text.split(",")) {
    let part = raw.trim();
    if (part === "") throw bad(text, "an empty item");
    const exclude = part.startsWith("!");
    if (exclude) part = part.slice(1).trim();
    const ends = part.split("-").map((e) => e.trim());
    if (ends.length > 2 || ends.some((e) => e === "")) throw bad(raw.trim(), "an incomplete range or item");
    let item: FilterItem;
    if (ends.every((e) => NUMBER_ITEM.test(e))) {
      const from = Number(ends[0]);
      let to = Number(ends[ends.length - 1]);
      if (ends.length === 1 && CATEGORY_CODE.test(ends[0])) to = from + 99;
      if (from > to) throw bad(raw.trim(), "a range that runs backwards");
      item = { kind: "number", from, to };
    } else if (ends.every((e) => LETTER_ITEM.test(e))) {
      const from = ends[0].toUpperCase();
      const to = ends[ends.length - 1].toUpperCase();
      if (from > to) throw bad(raw.trim(), "a range that runs backwards");
      item = { kind: "section", from, to };
    } else {
      throw bad(raw.trim(), "not an account number or section letter");
    }
    (exclude ? excludes : includes).push(item);
  }
  return {
    text,
    matches(account) {
      if (account === undefined) return includes.length === 0;
      const included = includes.length === 0 || includes.some((item) => itemMatches(item, account));
      return included && !excludes.some((item) => itemMatches(item, account));
    },
  };
}

/**
 * A filter argument as Excel passed it: text, a number cell (6700), or a range of cells whose
 * items are joined with commas (a column of excluded accounts). Blank cells in a range are skipped.
 *
 * @param value - the argument's cells, in reading order
 * @param arg - the argument's name for messages
 */
export function filterFromCells(value: readonly unknown[], arg: string): AccountFilter {
  // 0 is how Excel desktop passes an empty cell in a range: not an account, skipped like a blank.
  const items = value
    .filter((v) => !isOmitted(v))
    .map((v) => {
      if (typeof v === "number" && Number.isFinite(v)) return String(v);
      if (typeof v === "string") return v;
      throw errors.invalid(arg, `must be an account filter such as "2000-4999", got ${describeValue(v)}`);
    });
  return parseAccountFilter(items.join(","), arg);
}
