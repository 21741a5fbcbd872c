/**
 * Cost-report arithmetic (domain/reference.md section 5.1, after the PSL3 manual's
 * "Estimated Final Cost" report): EFC = actual to date + open commitments + estimate to complete,
 * and the variance against budget in either sign convention.
 */
import { describeValue, errors } from "./errors";
import { type Decimal, Decimal as D, isBlank, isOmitted, ONE, toDecimal, ZERO } from "./money";

/**
 * Estimated final cost: what has been spent, plus what is committed on open POs, plus what is
 * still expected to be spent beyond them (reference.md 5.1, column 10 = 8 + 9).
 */
export function estimatedFinalCost(actualToDate: Decimal, commitments: Decimal, etc: Decimal): Decimal {
  return actualToDate.plus(commitments).plus(etc);
}

/**
 * Reads a percent complete: a fraction (0.8) or a percent (80%), from 0 to 100%.
 * A blank cell or 0% means "no run rate": with nothing done there is nothing to extrapolate
 * from, so the estimate falls back to the remaining budget (undefined). Excel desktop also passes
 * an empty cell of a range as 0, so a column with gaps reads the same on every host.
 *
 * @param value - the cell as Excel gave it
 * @param arg - the argument's name for messages
 * @throws ProdError (invalid) below 0% or above 100%
 */
export function toPercentComplete(value: unknown, arg: string): Decimal | undefined {
  if (isBlank(value)) return undefined;
  const percent = toDecimal(value, arg);
  if (percent.isNeg() || percent.gt(ONE)) {
    throw errors.invalid(
      arg,
      `must be from 0% to 100% (a fraction such as 0.8 or a percent such as 80%), got ${describeValue(value)}`,
    );
  }
  return percent.isZero() ? undefined : percent;
}

/**
 * Estimate to complete (reference.md 5.1, column 9: the remaining spend beyond commitments).
 * - Without a percent complete: what is left of the budget, never below 0 (an account already
 *   over budget is not expected to spend less than it has committed).
 * - With one: the run rate, committed / percent complete − committed: 45,000 committed at 75%
 *   complete projects 60,000 in all, so 15,000 to go.
 * Not rounded: the caller rounds the final money result once.
 *
 * @param budget - the current budget of the line
 * @param committed - total committed: actual to date plus open POs
 * @param percentComplete - the share of the work done (0 < p <= 1), or undefined for none
 */
export function estimateToComplete(budget: Decimal, committed: Decimal, percentComplete?: Decimal): Decimal {
  if (percentComplete === undefined) return D.max(budget.minus(committed), ZERO);
  return committed.div(percentComplete).minus(committed);
}

/**
 * How a variance is signed (reference.md 5.1: "sign conventions differ, so make this a setting").
 * - `UNDER`: budget − EFC, positive = under budget (the studio "Under/(Over)" report);
 * - `OVER`: EFC − budget, positive = over budget (the "Over/(Under)" report, as Wrapbook shows).
 */
export type VarianceConvention = "UNDER" | "OVER";

/** The conventions by the names users type, in the order the help lists them. */
export const VARIANCE_CONVENTIONS: readonly VarianceConvention[] = ["UNDER", "OVER"];

// The report headings people also write for the same two conventions.
const CONVENTION_ALIASES: Readonly<Record<string, VarianceConvention>> = {
  UNDER: "UNDER",
  "UNDER/(OVER)": "UNDER",
  OVER: "OVER",
  "OVER/(UNDER)": "OVER",
};

/**
 * Reads a variance convention by name, case and spaces ignored; blank (or 0, an empty cell on
 * desktop Excel) means `UNDER`.
 * "Under/(Over)" and "Over/(Under)" are read as UNDER and OVER.
 *
 * @throws ProdError (notFound) for any other name, listing the known ones
 */
export function toVarianceConvention(value: unknown, arg: string): VarianceConvention {
  if (isOmitted(value)) return "UNDER";
  const name = String(value).replace(/\s+/g, "").toUpperCase();
  const convention = CONVENTION_ALIASES[name];
  if (!convention) throw errors.unknownName(`${arg}`, String(value).trim(), VARIANCE_CONVENTIONS);
  return convention;
}

/**
 * Variance of a line against its budget (reference.md 5.1, column 11 = 4 − 10), signed by
 * `convention`. Budget 100,000, EFC 105,000: −5,000 under UNDER, +5,000 under OVER.
 */
export function variance(budget: Decimal, efc: Decimal, convention: VarianceConvention): Decimal {
  return convention === "UNDER" ? budget.minus(efc) : efc.minus(budget);
}
