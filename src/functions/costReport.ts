/* The cost-report functions. Their JSDoc is what Excel shows as each function's help. */
import { estimatedFinalCost } from "../engine/costReport";
import { toDecimalOr, toMoney, ZERO } from "../engine/money";
import { elementwise, guard } from "./runtime";

/**
 * Estimated final cost of an account: actual to date + open commitments (POs) + estimate to
 * complete. Give single cells or same-size columns (one row per account); columns spill.
 * Blank cells count as 0 (no actuals, no open POs, nothing left to spend).
 * @customfunction EFC
 * @param actual_to_date Costs posted to date.
 * @param commitments Open purchase orders and accruals not yet posted.
 * @param etc Estimate to complete: what you still expect to spend beyond the commitments.
 * @returns The estimated final cost, to the cent.
 */
export function efc(actual_to_date: any[][], commitments: any[][], etc: any[][]): number[][] {
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
