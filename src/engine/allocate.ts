/**
 * Allocation of a money total in proportion to weights, to the cent, by the largest-remainder
 * method (Hamilton's method; the rule dinero.js `allocate` uses): every part gets the whole cents
 * of its exact share, then the cents left over go one each to the parts with the largest
 * fractions of a cent. The parts always add up exactly to the total — what a production
 * accountant needs when amortizing a season's costs across episodes (reference.md 2.2: the amort
 * total is divided among the episodes and carried in each pattern budget).
 *
 * Rules for unusual weights, chosen so that no allocation is ever a guess:
 * - a weight of 0 (or a blank cell) gets exactly 0.00, never a leftover cent;
 * - a negative weight is refused: a negative share of a cost is not an amortization (to hand
 *   back a credit, allocate a negative total instead, and every part is a credit);
 * - weights that add up to 0 cannot be shared by: #DIV/0!;
 * - ties for a leftover cent go to the earlier part (the first episode).
 */
import { errors } from "./errors";
import { BLANK_IS_ZERO, type Decimal, roundCents, sum, toNonNegative } from "./money";

/**
 * Reads weights: numbers 0 or more, blank cells as 0.
 *
 * @param values - the weight cells, in order
 * @param arg - the argument's name for messages; a cell is named "weights (cell 3)"
 */
export function toWeights(values: readonly unknown[], arg: string): Decimal[] {
  return values.map((value, i) => {
    const name = values.length > 1 ? `${arg} (cell ${i + 1})` : arg;
    return toNonNegative(value, name, BLANK_IS_ZERO, "to share out a credit, make the total negative");
  });
}

/**
 * Splits `total` in proportion to `weights`, to the cent; the parts add up exactly to the total
 * rounded to the cent. 100.00 by 1, 1, 1 = 33.34, 33.33, 33.33.
 *
 * @param total - the amount to share out (rounded to the cent first)
 * @param weights - one weight per part, each 0 or more (see {@link toWeights})
 * @param arg - the weights' name for messages
 * @returns the parts, in cents exactly, in the order of the weights
 * @throws ProdError (divZero) when the weights add up to 0
 */
export function allocate(total: Decimal, weights: readonly Decimal[], arg = "weights"): Decimal[] {
  const totalWeight = sum(weights);
  if (totalWeight.isZero()) throw errors.divideByZero(arg, "add up to 0");
  const cents = roundCents(total).times(100);
  // Share out the size of the total; the sign goes back on at the end, so a credit is split
  // exactly like a cost.
  const size = cents.abs();
  const shares = weights.map((weight, index) => {
    const exact = size.times(weight);
    return { index, whole: exact.divToInt(totalWeight), remainder: exact.mod(totalWeight) };
  });
  let left = size.minus(sum(shares.map((s) => s.whole))).toNumber();
  const byRemainder = [...shares].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  for (const share of byRemainder) {
    if (left <= 0) break;
    share.whole = share.whole.plus(1);
    left--;
  }
  return shares.map(({ whole }) => {
    const part = whole.div(100);
    return cents.isNeg() && !part.isZero() ? part.neg() : part;
  });
}
