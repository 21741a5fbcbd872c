/**
 * Charges on a budget: sums over accounts and percentage charges (contingency, insurance,
 * completion bond, overhead, markup) on a base that leaves some accounts out.
 *
 * Source: domain/reference.md section 7 — each charge takes a rate on a base that is "ATL, BTL,
 * ATL+BTL, A-K, or a custom set of accounts"; e.g. production insurance is 0.70% of the net
 * insurable budget, the budget less story and post: $1,750,000 x 0.70% = $12,250.
 */
import { type Account, type AccountFilter, parseAccount } from "./accounts";
import { describeValue, errors } from "./errors";
import { BLANK_IS_ZERO, type Decimal, ONE, toDecimal, toNonNegative, ZERO } from "./money";

/** One budget or ledger line: its account (undefined when the cell is blank) and its amount. */
export interface AccountLine {
  account: Account | undefined;
  amount: Decimal;
}

/**
 * Pairs a range of amounts with the same-size range of their accounts.
 * A blank amount counts as 0 (an unpriced line); text amounts must be numbers ("$2,500" is read,
 * "TBD" is an error naming the cell).
 *
 * @param amounts - the amount cells, in reading order
 * @param accounts - the account cells, in the same order
 * @throws ProdError (invalid) when the ranges differ in size or a cell cannot be read
 */
export function readAccountLines(amounts: readonly unknown[], accounts: readonly unknown[]): AccountLine[] {
  if (amounts.length !== accounts.length) {
    throw errors.sizeMismatch("accounts", accounts.length, "amounts", amounts.length);
  }
  const many = amounts.length > 1;
  const at = (name: string, i: number) => (many ? `${name} (cell ${i + 1})` : name);
  return amounts.map((amount, i) => ({
    account: parseAccount(accounts[i], at("accounts", i)),
    amount: toDecimal(amount, at("amounts", i), BLANK_IS_ZERO),
  }));
}

/** Sum of the amounts of the lines whose account the filter selects. */
export function sumMatching(lines: readonly AccountLine[], filter: AccountFilter): Decimal {
  let total = ZERO;
  for (const line of lines) if (filter.matches(line.account)) total = total.plus(line.amount);
  return total;
}

/**
 * Reads a charge rate: a fraction (0.10) or a percent cell/text (10%), from 0 to 100%; a blank
 * is 0, as desktop Excel passes an empty cell (spec/functions.md: one rule on every host).
 * A rate above 100% is refused rather than charged: 10 typed for 10% would be a 1,000% charge.
 *
 * @param value - the cell as Excel gave it
 * @param arg - the argument's name for messages
 */
export function toChargeRate(value: unknown, arg: string): Decimal {
  const rate = toNonNegative(value, arg, BLANK_IS_ZERO);
  if (rate.gt(ONE)) {
    throw errors.invalid(
      arg,
      `must be a fraction such as 0.1 or a percent such as 10% (100% at most), got ${describeValue(value)}`,
    );
  }
  return rate;
}

/**
 * A percentage charge: rate x the sum of the lines, leaving out the lines whose account
 * `exclude` selects (reference.md 7: insurance on the net insurable budget). Not rounded: the
 * caller rounds the final money result once.
 *
 * @param lines - the budget lines
 * @param rate - the charge rate as a fraction (0.007 for 0.70%)
 * @param exclude - accounts left out of the base; none when undefined
 */
export function percentCharge(
  lines: readonly AccountLine[],
  rate: Decimal,
  exclude?: AccountFilter,
): Decimal {
  let base = ZERO;
  for (const line of lines) if (!exclude?.matches(line.account)) base = base.plus(line.amount);
  return base.times(rate);
}
