/* Charges and roll-ups. Their JSDoc is what Excel shows as each function's help. */
import { filterFromCells } from "../engine/accounts";
import { allocate, toWeights } from "../engine/allocate";
import { percentCharge, readAccountLines, sumMatching, toChargeRate } from "../engine/charges";
import { toLayoutId, unconfirmedNote } from "../engine/chart";
import { errors } from "../engine/errors";
import { BLANK_IS_ZERO, isOmitted, toDecimal, toMoney, toNonNegative } from "../engine/money";
import { cells, isRange } from "../engine/ranges";
import { rentalCost, toRentalDays, toWeekDays } from "../engine/rental";
import { topSheet } from "../engine/topsheet";
import { elementwise, guard, omitted } from "./runtime";

/**
 * Adds the amounts whose account matches a filter: account numbers and ranges joined by commas,
 * ! to exclude, e.g. "2000-4999" or "1100-7999,!6700". A category code (6700) means the whole
 * category; 25-01 counts as account 2501. Blank amounts count as 0.
 * @remarks AICP sections work the same way ("A-K"). Codes with separators count by their leading
 * digits: 25-01 and 2501-00 are both account 2501.
 * @customfunction ACCTSUM
 * @param amounts The amounts, one per budget or ledger line; blank = 0.
 * @param accounts The account of each line, same size as amounts (2501, 25-01, D114); blank (or 0) = no account.
 * @param filter Which accounts to add, e.g. "2000-4999", "1100-7999,!6700", or AICP sections "A-K". 6700 alone means the whole 6700s. Required: blank (or 0) is #VALUE!.
 * @returns The sum, to the cent.
 */
export function acctsum(amounts: any[][], accounts: any[][], filter: any[][]): number {
  return guard(() => {
    const lines = readAccountLines(cells(amounts), cells(accounts));
    return toMoney(sumMatching(lines, filterFromCells(cells(filter), "filter")));
  });
}

/**
 * A percentage charge on the budget (contingency, insurance, bond, overhead): rate x the sum of
 * amounts, leaving out the accounts matching exclude, e.g.
 * =PROD.CONTINGENCY(amounts, 0.7%, accounts, "1100,5000-5999").
 * @remarks The example is insurance at 0.70% of the budget without story (1100s) and post.
 * @customfunction CONTINGENCY
 * @param amounts The budget amounts the charge is on; blank = 0.
 * @param rate The rate, as a fraction (0.1) or a percent (10%); 0% to 100%; blank = 0.
 * @param [accounts] The account of each amount, same size; needed only with exclude.
 * @param [exclude] Accounts left out of the base, e.g. "1100,5000-5999" or "!2000-4999" (only production).
 * @returns The charge, to the cent.
 */
export function contingency(amounts: any[][], rate: any, accounts?: any[][], exclude?: any[][]): number {
  return guard(() => {
    const chargeRate = toChargeRate(rate, "rate");
    const amountCells = cells(amounts);
    // 0 is no account and no filter: desktop Excel's empty cell, left out like a blank one.
    const withAccounts = !omitted(accounts, isOmitted);
    const excluding = !omitted(exclude, isOmitted);
    if (excluding && !withAccounts) {
      throw errors.invalid("accounts", "is required when exclude is given: give the account of each amount");
    }
    const lines = readAccountLines(amountCells, withAccounts ? cells(accounts) : amountCells.map(() => null));
    const excluded = excluding ? filterFromCells(cells(exclude), "exclude") : undefined;
    return toMoney(percentCharge(lines, chargeRate, excluded));
  });
}

/**
 * Rental cost on an "N-day week": 7 days held are billed as week_days (12 days on a 3-day week =
 * 3 + 3 = 6 days billed). A range of days bills each week as min(days, week_days). A column of
 * day rates spills, to price vendors side by side.
 * @remarks The days past the last full week are billed at the day rate but never more than one
 * more week. $2,500/day, 3-day week, weeks of 5, 5, 2 days = $20,000.
 * @customfunction RENTAL
 * @param day_rate The daily rental rate (a column for several items or vendors); blank = 0.
 * @param days Days held in a row (the days past the full weeks bill at most one more week), or a range with the days used in each week (0 to 7 each); blank = 0.
 * @param [week_days] Days billed for a week held, e.g. 3 or 4; default 7 (no weekly deal), also for blank or 0.
 * @returns The rental cost, to the cent.
 */
export function rental(
  day_rate: any[][],
  days: any[][],
  week_days?: any[][],
): Array<Array<number | CustomFunctions.Error>> {
  return guard(() => {
    const schedule = toRentalDays(cells(days), "days");
    return elementwise(
      [
        { name: "day_rate", value: day_rate },
        { name: "week_days", value: week_days },
      ],
      ([rate, weekDays]) =>
        toMoney(
          rentalCost(
            toNonNegative(rate, "day_rate", BLANK_IS_ZERO),
            schedule,
            toWeekDays(weekDays, "week_days"),
          ),
        ),
    );
  });
}

/**
 * Splits a total in proportion to weights, to the cent, the parts adding up exactly to the total
 * (amortizing across episodes): 100.00 over 1, 1, 1 = 33.34, 33.33, 33.33. Spills in the shape of
 * the weights.
 * @remarks Left-over cents go to the largest remainders, ties to the earlier part. A weight of 0
 * or a blank cell gets 0.00; negative weights are refused (to split a credit, make the total
 * negative).
 * @customfunction ALLOCATE
 * @param total The amount to split (rounded to the cent first); blank = 0.
 * @param weights One weight per part, 0 or more (blank = 0): episode lengths, shoot days, percentages. Left-over cents go to the largest remainders.
 * @returns The parts, to the cent, in the shape of weights.
 */
export function allocateFunction(total: any, weights: any[][]): number[][] {
  return guard(() => {
    const amount = toDecimal(total, "total", BLANK_IS_ZERO);
    const parts = allocate(amount, toWeights(cells(weights), "weights")).map((part) => part.toNumber());
    if (!isRange(weights)) return [parts];
    // Give the parts back in the shape of the weights (a row of episodes spills a row).
    let next = 0;
    return weights.map((row) => row.map(() => parts[next++]));
  });
}

/**
 * A live top sheet from budget detail: spills Acct | Description | Total for every category of
 * the chart (2500-2599 roll up to 2500), level subtotals, Below-the-line and Total. Accounts
 * outside the chart get their own row: nothing is dropped.
 * @remarks Levels: Above-the-line, Production, Post, Other; Below-the-line = production + post +
 * other. Every category of the layout is listed, 0 where nothing is budgeted. An account outside
 * the chart gets its own row ("4500 (not in the Feature film chart)"); amounts with no account
 * show as "(no account)" under Other. Category names the chart could not confirm are said once,
 * in a note row under the total. AICP accounts are section letters, alone or with a line
 * number (D, D114).
 * @customfunction TOPSHEET
 * @param accounts The account of each budget line (2501, 25-01, D114); blank (or 0) = no account.
 * @param amounts The amount of each budget line, same size as accounts; blank = 0.
 * @param [layout] The chart of accounts: "FEATURE" (default), "TV", "AICP" or "DOC".
 * @returns The top sheet: Acct | Description | Total.
 */
export function topsheet(accounts: any[][], amounts: any[][], layout?: any): any[][] {
  // Typed any[][]: custom-functions-metadata maps only that to a spill of mixed text and numbers.
  return guard(() => {
    const layoutId = toLayoutId(layout, "layout");
    const rows = topSheet(layoutId, readAccountLines(cells(amounts), cells(accounts)));
    const out: (string | number)[][] = [["Acct", "Description", "Total"]];
    for (const row of rows) {
      const code = /^\d+$/.test(row.code) ? Number(row.code) : row.code;
      out.push([code, row.name, toMoney(row.total)]);
    }
    // Category names the chart could not confirm are said once, in words, under the total.
    const note = unconfirmedNote(layoutId);
    if (note !== null && rows.some((row) => row.kind === "category" && !row.confirmed))
      out.push(["", note, ""]);
    return out;
  });
}
