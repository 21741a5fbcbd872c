/**
 * The money core: the one configured decimal constructor, the parsing of values that come
 * from Excel cells, and the single rounding rule.
 *
 * Rules (spec/functions.md, "Conventions for every function"):
 * - all money arithmetic is decimal, never binary floating point;
 * - a money result is rounded once, at the end, to cents, half away from zero
 *   (2.345 -> 2.35, -2.345 -> -2.35); rates and hours are not rounded.
 */
import DecimalBase from "decimal.js";
import { errors } from "./errors";

/**
 * The engine's decimal constructor. `Decimal.clone` gives an independent constructor, so
 * nothing else on the page (or a global `Decimal.set`) can change its precision or rounding.
 * 34 significant digits (IEEE decimal128) is far beyond any budget; ROUND_HALF_UP in decimal.js
 * rounds ties away from zero, which is the accounting rule we want.
 */
export const Decimal = DecimalBase.clone({
  precision: 34,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -20,
  toExpPos: 30,
});
/** A decimal value made by the engine's constructor. */
export type Decimal = InstanceType<typeof Decimal>;

/** Zero and one, made once: the hot paths add to these instead of building new ones. */
export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/**
 * Excel keeps 15 significant digits. A cell that shows 0.3 can hold the double
 * 0.30000000000000004 (=0.1+0.2); reading doubles at 15 digits gives the value the user sees.
 */
const EXCEL_DIGITS = 15;

/** A number from Excel as the decimal the user sees in the cell. */
export function fromNumber(n: number): Decimal {
  if (Number.isInteger(n)) return new Decimal(n);
  // decimal.js reads a number through its shortest string form, so 0.145 stays exactly 0.145.
  // A shortest form of 15 significant digits or fewer is what the cell shows; a longer one
  // (0.30000000000000004 from =0.1+0.2) carries binary noise, which toPrecision(15) drops.
  const shortest = String(n);
  return new Decimal(
    significantDigits(shortest) <= EXCEL_DIGITS ? shortest : Number(n.toPrecision(EXCEL_DIGITS)),
  );
}

/**
 * Significant digits of a number's shortest string form ("0.00123" -> 3, "1.5e-7" -> 2): a
 * count, not a regular expression, because every number from a cell goes through it.
 */
function significantDigits(text: string): number {
  let count = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) break; // e, E: the exponent follows
    if (c < 48 || c > 57) continue; // sign, decimal point
    if (leading && c === 48) continue;
    leading = false;
    count++;
  }
  return count;
}

/** Character codes the numeric-text scanner reads. */
const Char = {
  Plus: 43,
  Minus: 45,
  Comma: 44,
  Dot: 46,
  Dollar: 36,
  Percent: 37,
  Open: 40,
  Close: 41,
  Zero: 48,
  Nine: 57,
  LowerE: 101,
  UpperE: 69,
} as const;

/** True for the characters JavaScript's `\s` and `trim()` treat as white space. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** True for the character code of a digit 0-9. */
export function isDigitCode(c: number): boolean {
  return c >= Char.Zero && c <= Char.Nine;
}

/**
 * Excel's number range (Microsoft, "Excel specifications and limits": largest number
 * 1.79769313486232E+308, smallest positive 2.2250738585072E-308; =VALUE("1e400") is #VALUE! and
 * =VALUE("1e-400") is 0). A value beyond it is not a number Excel can hold; a smaller one is 0.
 * The decimal exponents below are where a value may leave that range, so the exact test (through
 * a double) runs only for those.
 */
const LARGEST_EXPONENT = 308;
const SMALLEST_EXPONENT = -308;
/** The smallest positive normal double, Excel's smallest number. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** What {@link readNumericText} found in a text. */
export type NumericText =
  | { kind: "number"; value: Decimal }
  /** Not numeric text at all ("abc", "1,2"). */
  | { kind: "text" }
  /** Numeric text beyond Excel's number range ("1e400"). */
  | { kind: "outOfRange" };

const NOT_NUMERIC: NumericText = { kind: "text" };
const OUT_OF_RANGE: NumericText = { kind: "outOfRange" };

/**
 * Keeps a decimal read from text inside Excel's number range: beyond about 1.8E+308 it is out of
 * range, below about 2.2E-308 in size it is 0, as Excel's VALUE reads such text.
 */
function inExcelRange(value: Decimal): NumericText {
  if (!value.isFinite()) return OUT_OF_RANGE;
  if (value.isZero() || (value.e < LARGEST_EXPONENT && value.e > SMALLEST_EXPONENT))
    return { kind: "number", value };
  const n = value.toNumber();
  if (!Number.isFinite(n)) return OUT_OF_RANGE;
  return { kind: "number", value: Math.abs(n) < MIN_NORMAL ? ZERO : value };
}

/**
 * Reads numeric text as people type it or as files hold it: "1,250.50", "$2,500.00", "(1,200)",
 * "-$45", "10%", " 12 ", "1e3". The thousands separator must be a real grouping ("1,2" is not a
 * number). One pass over the text, character by character: no regular expression, so no text,
 * however long or odd, costs more than its length (spec/functions.md: linear-time parsing).
 *
 * The shape, in order, spaces allowed between the parts: an optional sign, an optional "(", an
 * optional "-", an optional "$", an optional "-", the digits (grouped by commas in threes, or
 * not), an optional fraction, an optional exponent, an optional "%", and the ")" that closes the
 * "(". At most one of the signs and the parentheses may say negative.
 */
export function readNumericText(text: string): NumericText {
  const end = text.length;
  let i = 0;
  const skipSpaces = () => {
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  };
  const take = (c: number): boolean => {
    if (text.charCodeAt(i) !== c) return false;
    i++;
    skipSpaces();
    return true;
  };
  const digitsFrom = (from: number): number => {
    let j = from;
    while (j < end && isDigitCode(text.charCodeAt(j))) j++;
    return j;
  };

  skipSpaces();
  let negatives = 0;
  if (take(Char.Minus)) negatives++;
  else take(Char.Plus);
  const open = take(Char.Open);
  if (open) negatives++;
  if (take(Char.Minus)) negatives++;
  take(Char.Dollar);
  if (take(Char.Minus)) negatives++;
  if (negatives > 1) return NOT_NUMERIC;

  // The whole part: plain digits, or 1-3 digits then groups of exactly three after commas.
  let mantissa = "";
  const wholeStart = i;
  i = digitsFrom(i);
  const firstGroup = i - wholeStart;
  if (firstGroup > 0 && text.charCodeAt(i) === Char.Comma) {
    if (firstGroup > 3) return NOT_NUMERIC;
    mantissa = text.slice(wholeStart, i);
    while (text.charCodeAt(i) === Char.Comma) {
      const groupEnd = digitsFrom(i + 1);
      if (groupEnd - (i + 1) !== 3) return NOT_NUMERIC;
      mantissa += text.slice(i + 1, groupEnd);
      i = groupEnd;
    }
  } else {
    mantissa = text.slice(wholeStart, i);
  }
  if (text.charCodeAt(i) === Char.Dot) {
    const fractionEnd = digitsFrom(i + 1);
    if (mantissa === "" && fractionEnd === i + 1) return NOT_NUMERIC;
    mantissa += text.slice(i, fractionEnd);
    i = fractionEnd;
  } else if (mantissa === "") {
    return NOT_NUMERIC;
  }
  let exponent = "";
  const e = text.charCodeAt(i);
  if (e === Char.LowerE || e === Char.UpperE) {
    let from = i + 1;
    const sign = text.charCodeAt(from);
    if (sign === Char.Plus || sign === Char.Minus) from++;
    const exponentEnd = digitsFrom(from);
    if (exponentEnd === from) return NOT_NUMERIC;
    exponent = `e${text.slice(i + 1, exponentEnd)}`;
    i = exponentEnd;
  }
  skipSpaces();
  const percent = take(Char.Percent);
  if (open !== take(Char.Close)) return NOT_NUMERIC;
  if (i !== end) return NOT_NUMERIC;

  let value = new Decimal(mantissa + exponent);
  if (percent) value = value.div(100);
  return inExcelRange(negatives === 1 ? value.neg() : value);
}

/**
 * Parses numeric text ("$2,500.00", "10%", "(1,200)") to a decimal, or returns undefined when
 * the text is not a number Excel can hold ({@link readNumericText}). Percent text is divided by
 * 100; parentheses mean negative, as in accounting exports.
 */
export function parseNumericText(text: string): Decimal | undefined {
  const read = readNumericText(text);
  return read.kind === "number" ? read.value : undefined;
}

/**
 * True for the values Excel passes for an empty cell or an omitted argument. A cell of spaces is
 * not blank here: Excel counts it as text (ISBLANK is FALSE, =A1+1 is #VALUE!), so an argument of
 * spaces is answered as text that is not a number rather than quietly taking a default.
 */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * True for a blank cell or for text of nothing but spaces: the empty cell of a table or an
 * imported file (a vendor's quote, a fringe table), where stray spaces are layout, not data.
 */
export function isBlankOrSpaces(value: unknown): boolean {
  return isBlank(value) || (typeof value === "string" && value.trim() === "");
}

/**
 * True when an OPTIONAL argument holds nothing: a blank ({@link isBlank}), or the 0 that desktop
 * Excel passes for an empty cell where the web passes "" or null (shared/engineering.md). Use it
 * only where 0 cannot be meant as a value: a rule or schedule name, a layout, a convention, a
 * count of days in a week, an account. Never for money, hours or rates, where 0 is an answer.
 */
export function isOmitted(value: unknown): boolean {
  return value === 0 || isBlank(value);
}

/** What a blank cell means for one argument. */
export type BlankRule =
  /** A blank is an error ("hours is required"). */
  | { blank: "error" }
  /** A blank counts as this value (an optional argument's default). */
  | { blank: "default"; value: Decimal };

const BLANK_IS_ERROR: BlankRule = { blank: "error" };

/** A blank cell counts as 0: an empty amount, wage, weight or day on a line charges nothing. */
export const BLANK_IS_ZERO: BlankRule = { blank: "default", value: ZERO };

/**
 * Reads one value that came from Excel as a decimal.
 * - numbers: as the user sees them (15 significant digits);
 * - numeric text: "$2,500.00", "10%", "(1,200)"; beyond Excel's number range (about ±1E+308,
 *   as =VALUE("1e400") refuses) it is an error naming `arg`;
 * - blank (null, undefined, ""): per `rule` — an error, or a default;
 * - booleans, other text, errors: an error that names `arg`. Excel's arithmetic would treat
 *   TRUE as 1, but a TRUE where wages belong is a mistake the user wants to hear about.
 *
 * @param value - the cell value as Excel gave it
 * @param arg - the argument's name, as the function's help shows it
 * @param rule - what a blank means (default: an error)
 */
export function toDecimal(value: unknown, arg: string, rule: BlankRule = BLANK_IS_ERROR): Decimal {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw errors.notANumber(arg, value);
    return fromNumber(value);
  }
  if (isBlank(value)) {
    if (rule.blank === "default") return rule.value;
    throw errors.required(arg);
  }
  if (typeof value === "string") {
    const read = readNumericText(value);
    if (read.kind === "number") return read.value;
    if (read.kind === "outOfRange") throw errors.outOfRange(arg, value);
  }
  throw errors.notANumber(arg, value);
}

/** {@link toDecimal} with a default for blanks: the reading of an optional argument. */
export function toDecimalOr(value: unknown, arg: string, fallback: Decimal | number): Decimal {
  return toDecimal(value, arg, {
    blank: "default",
    value: typeof fallback === "number" ? new Decimal(fallback) : fallback,
  });
}

/**
 * Reads an optional setting where 0 means nothing (a week of 0 days, a weekly threshold of 0
 * hours): blank or 0 ({@link isOmitted}) takes `fallback`, so an empty cell gives the same
 * answer on desktop Excel (0) as on the web (null).
 */
export function toSettingOr(value: unknown, arg: string, fallback: Decimal | number): Decimal {
  return toDecimalOr(isOmitted(value) ? null : value, arg, fallback);
}

/**
 * The one "0 or more" check: throws "<arg> must be 0 or more, got <got>" for a value below 0
 * (-0 is 0).
 *
 * @param got - what the message shows (default: the value itself)
 * @param hint - what to do instead, added to the message
 */
export function requireNonNegative(
  value: Decimal,
  arg: string,
  got: unknown = value.toNumber(),
  hint?: string,
): Decimal {
  if (value.isNeg() && !value.isZero()) throw errors.belowMinimum(arg, 0, got, hint);
  return value;
}

/** {@link toDecimal}, then {@link requireNonNegative}; the message shows the cell as it was. */
export function toNonNegative(
  value: unknown,
  arg: string,
  rule: BlankRule = BLANK_IS_ERROR,
  hint?: string,
): Decimal {
  return requireNonNegative(toDecimal(value, arg, rule), arg, value, hint);
}

/**
 * Rounds a money amount to cents, half away from zero: the one rounding rule of PROD.
 * Call it once, on a final result, never on intermediate amounts.
 */
export function roundCents(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** A final money result as the number Excel gets: rounded to cents, then converted. */
export function toMoney(amount: Decimal): number {
  return roundCents(amount).toNumber();
}

/** Sum of decimals. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
