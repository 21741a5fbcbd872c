/**
 * Ledger amounts at ledger scale. A general-ledger export can hold hundreds of thousands of
 * lines; building a decimal per line and adding decimals is the slow part of a cost report.
 * Posted amounts have whole cents, so a line's amount is kept as an integer number of cents
 * (exact in a double up to 2^53 cents, about $90 trillion) and only an amount with more than two
 * decimals falls back to the engine's decimal. Sums stay exact either way: integer cents add
 * exactly, and the decimal remainder is added separately.
 */
import { Decimal, fromNumber, parseNumericText, ZERO } from "../money";
import { canonicalAmount, DECIMAL_POINT, type NumberFormat } from "../import/numbers";

/** A money amount: an integer number of cents (the fast, common case) or an exact decimal. */
export type Amount = number | Decimal;

/** Largest cents total the accumulator keeps in a double before folding it into a decimal. */
const FOLD_AT = 2 ** 52;
/** Amounts above this many dollars skip the cents fast path (their cents would near 2^53). */
const FAST_LIMIT = 1e13;

/**
 * A number from a cell as an {@link Amount}. A double that shows at most two decimals in Excel
 * (15 significant digits, as {@link fromNumber} reads it) becomes integer cents: for such a
 * value, x*100 lies within a few parts in 10^16 of an integer, while a value with a third
 * significant decimal lies at least one part in 10^14 away, so the 1e-15 tolerance separates them.
 */
export function amountFromNumber(n: number): Amount {
  if (Math.abs(n) < FAST_LIMIT) {
    const scaled = n * 100;
    const cents = Math.round(scaled);
    if (Math.abs(scaled - cents) <= Math.abs(cents) * 1e-15) return cents === 0 ? 0 : cents;
  }
  return fromNumber(n);
}

/** A plain number as {@link canonicalAmount} writes it, with at most two decimals. */
const CENTS = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/;

/**
 * Numeric text from a file as an {@link Amount}, read in the file's number format (the import
 * module's one reader: "1,234.56", "1.234,56", "(12)", "12-", "$12", "12 €"), or undefined when
 * it is not an amount in that format.
 */
export function amountFromText(text: string, format: NumberFormat = DECIMAL_POINT): Amount | undefined {
  const plain = canonicalAmount(text, format);
  if (plain === undefined) {
    // An exponent ("1.5E+05", as some programs write large numbers) in a decimal-point file.
    if (format.decimal !== "." || !/e/i.test(text)) return undefined;
    const d = parseNumericText(text);
    return d === undefined ? undefined : decimalAmount(d);
  }
  const m = CENTS.exec(plain);
  if (m) {
    const cents = Number(m[2]) * 100 + (m[3] === undefined ? 0 : Number(m[3].padEnd(2, "0")));
    return m[1] && cents !== 0 ? -cents : cents;
  }
  const d = parseNumericText(plain);
  return d === undefined ? undefined : decimalAmount(d);
}

/** A decimal as integer cents when it has whole cents, else as it is. */
function decimalAmount(d: Decimal): Amount {
  return d.decimalPlaces() <= 2 && d.abs().lt(FAST_LIMIT) ? d.times(100).toNumber() : d;
}

/** An amount as a decimal in currency units. */
export function amountToDecimal(a: Amount): Decimal {
  return typeof a === "number" ? new Decimal(a).div(100) : a;
}

/** Debit minus credit, the signed cost of a line. */
export function subtractAmounts(a: Amount, b: Amount): Amount {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return amountToDecimal(a).minus(amountToDecimal(b));
}

/** An exact running total of {@link Amount}s: integer cents plus a decimal remainder. */
export class AmountSum {
  private cents = 0;
  private extra: Decimal = ZERO;

  /** Adds one amount. */
  add(a: Amount): void {
    if (typeof a === "number") {
      this.cents += a;
      if (this.cents > FOLD_AT || this.cents < -FOLD_AT) this.fold();
    } else {
      this.extra = this.extra.plus(a);
    }
  }

  /** Adds another running total. */
  addSum(other: AmountSum): void {
    this.extra = this.extra.plus(other.total());
  }

  /** The exact total in currency units. */
  total(): Decimal {
    return this.cents === 0 ? this.extra : this.extra.plus(new Decimal(this.cents).div(100));
  }

  private fold(): void {
    this.extra = this.extra.plus(new Decimal(this.cents).div(100));
    this.cents = 0;
  }
}
