/**
 * Cost-report arithmetic (domain/reference.md section 5.1, after the PSL3 manual's
 * "Estimated Final Cost" report): EFC = actual to date + open commitments + estimate to complete.
 */
import type { Decimal } from "./money";

/**
 * Estimated final cost: what has been spent, plus what is committed on open POs, plus what is
 * still expected to be spent beyond them (reference.md 5.1, column 10 = 8 + 9).
 */
export function estimatedFinalCost(actualToDate: Decimal, commitments: Decimal, etc: Decimal): Decimal {
  return actualToDate.plus(commitments).plus(etc);
}
