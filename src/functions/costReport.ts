/* The cost-report functions. Their JSDoc is what Excel shows as each function's help. */
import {
  estimatedFinalCost,
  estimateToComplete,
  toPercentComplete,
  toVarianceConvention,
  variance,
} from "../engine/costReport";
import { toDecimalOr, toMoney, ZERO } from "../engine/money";
import { elementwise, guard } from "./runtime";

/**
 * Estimated final cost of an account: actual to date + open commitments (POs) + estimate to
 * complete. Give single cells or same-size columns (one row per account); columns spill.
 * Blank cells count as 0 (no actuals, no open POs, nothing left to spend).
 * @customfunction EFC
 * @param actual_to_date Costs posted to date; blank = 0.
 * @param commitments Open purchase orders and accruals not yet posted; blank = 0.
 * @param etc Estimate to complete: what you still expect to spend beyond the commitments; blank = 0.
 * @returns The estimated final cost, to the cent.
 */
export function efc(
  actual_to_date: any[][],
  commitments: any[][],
  etc: any[][],
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() =>
    elementwise(
      [
        { name: "actual_to_date", value: actual_to_date },
        { name: "commitments", value: commitments },
        { name: "etc", value: etc },
      ],
      ([a, c, e]) =>
        toMoney(
          estimatedFinalCost(
            toDecimalOr(a, "actual_to_date", ZERO),
            toDecimalOr(c, "commitments", ZERO),
            toDecimalOr(e, "etc", ZERO),
          ),
        ),
    ),
  );
}

/**
 * Estimate to complete. Without percent_complete: what is left of the budget, never below 0.
 * With it, the run rate: committed / percent_complete − committed (45,000 at 75% = 15,000).
 * Columns spill; blank cells count as 0.
 * @remarks Extension of the spec: a 0% percent_complete in a row uses what is left of that row's
 * budget, as a blank does, instead of dividing by zero. Budget 100,000, committed 80,000 = 20,000.
 * @customfunction ETC
 * @param budget The current budget of the account; blank = 0.
 * @param committed Total committed: actual to date plus open POs; blank = 0.
 * @param [percent_complete] Share of the work done, as 0.8 or 80% (0% to 100%; blank or 0% = use the remaining budget).
 * @returns The estimate to complete, to the cent.
 */
export function etcFunction(
  budget: any[][],
  committed: any[][],
  percent_complete?: any[][],
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() =>
    elementwise(
      [
        { name: "budget", value: budget },
        { name: "committed", value: committed },
        { name: "percent_complete", value: percent_complete },
      ],
      ([b, c, p]) =>
        toMoney(
          estimateToComplete(
            toDecimalOr(b, "budget", ZERO),
            toDecimalOr(c, "committed", ZERO),
            toPercentComplete(p, "percent_complete"),
          ),
        ),
    ),
  );
}

/**
 * Variance against budget. "UNDER" (default): budget − EFC, positive = under budget. "OVER":
 * EFC − budget, positive = over budget. Columns spill one variance per account; blank cells
 * count as 0.
 * @remarks Budget 100,000, EFC 105,000: "UNDER" gives −5,000, "OVER" gives +5,000.
 * @customfunction VARIANCE
 * @param budget The current budget of the account; blank = 0.
 * @param efc The estimated final cost of the account; blank = 0.
 * @param [convention] "UNDER" (default: positive = under budget) or "OVER" (positive = over budget).
 * @returns The variance, to the cent.
 */
export function varianceFunction(
  budget: any[][],
  efc: any[][],
  convention?: any[][],
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() =>
    elementwise(
      [
        { name: "budget", value: budget },
        { name: "efc", value: efc },
        { name: "convention", value: convention },
      ],
      ([b, e, c]) =>
        toMoney(
          variance(
            toDecimalOr(b, "budget", ZERO),
            toDecimalOr(e, "efc", ZERO),
            toVarianceConvention(c, "convention"),
          ),
        ),
    ),
  );
}
