/**
 * Amounts as other programs write them: 1,234.56 (US, UK) or 1.234,56 (most of Europe, Latin
 * America), with spaces or apostrophes as thousands separators (1 234,56; 1'234.56), a currency
 * sign or code before or after ($12, 12 €, USD 12), and a negative as -12, (12) or 12- (SAP and
 * other ledgers write a trailing minus). This is the one place that reads such text; the plain
 * number it produces goes through money.ts (parseNumericText), the engine's one number parser.
 *
 * Which separator is the decimal is a property of the file: "1.234,56" or "12.5" proves it, but
 * "1.000" reads as one thousand or as one, so a file with no other evidence is ambiguous and the
 * user is asked (issue 16: decimal-comma amounts were dropped; never guess).
 */
import { fromNumber, isBlankOrSpaces, parseNumericText, type Decimal } from "../money";
import type { Sample } from "./dates";

/** Which character separates the decimals; the other one (or a space, or ') groups thousands. */
export interface NumberFormat {
  decimal: "." | ",";
}

/** 1,234.56 */
export const DECIMAL_POINT: NumberFormat = { decimal: "." };
/** 1.234,56 */
export const DECIMAL_COMMA: NumberFormat = { decimal: "," };

/** A format as the user knows it: "1,234.56" or "1.234,56". */
export function formatWords(format: NumberFormat): string {
  return format.decimal === "." ? "1,234.56" : "1.234,56";
}

/** Characters that group thousands in either format (besides the other of . and ,). */
const SPACES = new Set([" ", "\u00a0", "\u202f", "'", "\u2019"]);
// ISO 4217 codes of the currencies productions are budgeted in; any other letters next to a
// number ("INV123") make it text, not an amount.
const CODES =
  "USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|SEK|NOK|DKK|ISK|MXN|BRL|ARS|CLP|COP|ZAR|INR|CNY|HKD|SGD|KRW|PLN|CZK|HUF|RON|TRY|ILS|AED|THB|MYR|PHP|IDR";
const CURRENCY_BEFORE = new RegExp(`^(?:${CODES}|(?:US|C|A|NZ|HK|S|R)?[$€£¥])`);
const CURRENCY_AFTER = new RegExp(`(?:${CODES}|[$€£¥])$`);
/** Longer text is a description, not an amount (and keeps every step here short). */
const MAX_LENGTH = 64;

/** Amount text taken apart: its sign, its currency, and the digits with their separators. */
interface Parts {
  negative: boolean;
  currency?: string;
  core: string;
}

function split(text: string): Parts | undefined {
  let s = text.trim();
  if (s === "" || s.length > MAX_LENGTH) return undefined;
  let negatives = 0;
  let currency: string | undefined;
  if (s.startsWith("(") && s.endsWith(")")) {
    negatives++;
    s = s.slice(1, -1).trim();
  }
  // A trailing minus, before or after a currency written after the number ("12.50- EUR").
  const trailingMinus = () => {
    if (s.endsWith("-")) {
      negatives++;
      s = s.slice(0, -1).trimEnd();
    }
  };
  trailingMinus();
  const after = CURRENCY_AFTER.exec(s);
  if (after) {
    currency = after[0];
    s = s.slice(0, -after[0].length).trimEnd();
    trailingMinus();
  }
  // A sign and a currency before the number, in either order ("-$12", "$-12", "USD -12").
  let signs = 0;
  for (let k = 0; k < 2; k++) {
    if (s.startsWith("-") || s.startsWith("+")) {
      if (s.startsWith("-")) negatives++;
      signs++;
      s = s.slice(1).trimStart();
    }
    const before = currency === undefined ? CURRENCY_BEFORE.exec(s) : null;
    if (before) {
      currency = before[0];
      s = s.slice(before[0].length).trimStart();
    }
  }
  if (negatives > 1 || signs > 1 || s === "") return undefined;
  return { negative: negatives === 1, currency, core: s };
}

const isDigits = (s: string) => /^\d+$/.test(s);

/**
 * The whole-number part with its thousands separators removed, or undefined when they do not
 * group by three ("1,23" is not a number in either format) or group a leading 0 ("0,500").
 */
function ungroup(whole: string, format: NumberFormat): string | undefined {
  if (isDigits(whole)) return whole;
  let group: string | undefined;
  for (const ch of whole) {
    if (ch >= "0" && ch <= "9") continue;
    group = ch;
    break;
  }
  const allowed =
    group !== undefined && (SPACES.has(group) || (group !== format.decimal && /[.,]/.test(group)));
  if (!allowed || group === undefined) return undefined;
  const parts = whole.split(group);
  if (!/^[1-9]\d{0,2}$/.test(parts[0])) return undefined;
  for (let i = 1; i < parts.length; i++) if (!/^\d{3}$/.test(parts[i])) return undefined;
  return parts.join("");
}

/**
 * Amount text in a format as a plain number ("-1234.56"), or undefined when it is not an amount
 * in that format. The currency is dropped: {@link currencyOf} reports it.
 */
export function canonicalAmount(text: string, format: NumberFormat): string | undefined {
  const parts = split(text);
  if (!parts) return undefined;
  const { core } = parts;
  const at = core.indexOf(format.decimal);
  if (at >= 0 && core.indexOf(format.decimal, at + 1) >= 0) return undefined;
  const wholeText = at < 0 ? core : core.slice(0, at);
  const frac = at < 0 ? "" : core.slice(at + 1);
  if (frac !== "" && !isDigits(frac)) return undefined;
  if (wholeText === "" && frac === "") return undefined;
  const whole = wholeText === "" ? "0" : ungroup(wholeText, format);
  if (whole === undefined) return undefined;
  return `${parts.negative ? "-" : ""}${whole}${frac === "" ? "" : `.${frac}`}`;
}

/** The currency sign or code written with an amount ("$", "EUR"), if any. */
export function currencyOf(text: string): string | undefined {
  return split(text)?.currency;
}

/**
 * An amount cell as a decimal: a number as Excel shows it, text in the given format. Undefined
 * for a blank cell and for anything that is not an amount (the caller says which, and why).
 */
export function readAmount(value: unknown, format: NumberFormat): Decimal | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? fromNumber(value) : undefined;
  if (typeof value !== "string" || isBlankOrSpaces(value)) return undefined;
  const plain = canonicalAmount(value, format);
  return plain === undefined ? undefined : parseNumericText(plain);
}

/**
 * What one cell says about the format: the one format that reads it, "either" when both read it
 * as different amounts ("1.000"), undefined when it says nothing (a number, "1234", "12 €").
 */
export function formatEvidence(value: unknown): NumberFormat | "either" | undefined {
  if (typeof value !== "string") return undefined;
  const point = canonicalAmount(value, DECIMAL_POINT);
  const comma = canonicalAmount(value, DECIMAL_COMMA);
  if (point !== undefined && comma !== undefined) return point === comma ? undefined : "either";
  if (point !== undefined) return DECIMAL_POINT;
  return comma !== undefined ? DECIMAL_COMMA : undefined;
}

/**
 * What the amount cells of a file say about their format:
 * - `proved`: some amount reads in one format only (1,234.56 or 12,5); `format` is that one;
 * - `ambiguous`: amounts that read in both as different numbers (1.000), none that proves one;
 * - `mixed`: some amounts read only one way, others only the other way;
 * - `notNeeded`: numbers, or text whose reading does not depend on it (1234, 12 €).
 * `currencies` are the signs and codes written with the amounts.
 */
export interface NumberFormatFinding {
  status: "proved" | "ambiguous" | "mixed" | "notNeeded";
  format?: NumberFormat;
  examples: Sample[];
  currencies: string[];
}

/** Decides the number format of amount cells (`rows[i]` is the 1-based row of `cells[i]`). */
export function detectNumberFormat(cells: readonly unknown[], rows: readonly number[]): NumberFormatFinding {
  const point: Sample[] = [];
  const comma: Sample[] = [];
  const either: Sample[] = [];
  const currencies = new Set<string>();
  cells.forEach((value, i) => {
    const e = formatEvidence(value);
    if (e === undefined) return;
    const sample = { row: rows[i], text: String(value).trim() };
    (e === "either" ? either : e === DECIMAL_POINT ? point : comma).push(sample);
  });
  for (const value of cells) {
    const c = typeof value === "string" ? currencyOf(value) : undefined;
    if (c !== undefined) currencies.add(c);
  }
  const take = (s: Sample[]) => s.slice(0, 3);
  const found = { currencies: [...currencies] };
  if (point.length > 0 && comma.length > 0)
    return { status: "mixed", examples: [...take(point), ...take(comma)], ...found };
  if (point.length > 0) return { status: "proved", format: DECIMAL_POINT, examples: take(point), ...found };
  if (comma.length > 0) return { status: "proved", format: DECIMAL_COMMA, examples: take(comma), ...found };
  if (either.length > 0) return { status: "ambiguous", examples: take(either), ...found };
  return { status: "notNeeded", examples: [], ...found };
}
