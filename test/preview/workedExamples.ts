/*
 * Worked examples of every PROD function, as argument lists the way Excel passes them (a range
 * as rows of cells, a blank as null). The preview's engine must answer each exactly as the
 * function does when called directly; `expected`, where given, is the figure from the contract
 * (shared/spec/functions.md) or reference.md, so a wrong function is caught here too.
 */

import { budgetRanges } from "../fixtures/incentiveBudget";

/** One worked example: what it shows, the arguments, and (where published) the answer. */
export interface WorkedExample {
  says: string;
  args: unknown[];
  expected?: unknown[][] | { error: string; message?: string };
}

const col = (values: unknown[]) => values.map((v) => [v]);

// domain/incentives.md section 5: the common $10M budget, tagged, with the tags' header row.
const { amounts: incentiveAmounts, tags: incentiveTags } = budgetRanges();
const { tags: ukTags } = budgetRanges({ insurance: "IN" });
const erie = budgetRanges({ flags: "UPSTATE" });

// A small feature budget (reference.md 2.1 accounts), as in test/functions/charges.test.ts.
const accounts = col([1101, "12-01", 2501, "3301-00", 5001, 6701]);
const amounts = col([50000, 60000, 120000, 80000, 40000, 7000]);
// reference.md 7: a $2.0M budget, less story and post = $1.75M insurable.
const budgetAccounts = col([1101, 1201, 2000, 5000, 5200, 6501, 6800]);
const budget = col([50000, 60000, 1_615_000, 150000, 50000, 25000, 50000]);
/** A Fringes table as the templates write it (Name | Type | Rate | Cutoff). */
const fringeTable = [
  ["Name", "Type", "Rate", "Cutoff"],
  ["SUI", "%", "3.4%", 7000],
  ["MPI", "HOUR", 14.63, ""],
];
/** The hourly rate of a "$750/10" deal: 750 / 11, unrounded. */
const RATE_750_10 = 750 / 11;

export const workedExamples: Record<string, WorkedExample[]> = {
  WEEKPAY: [
    { says: "$50/hr for five 12-hour days", args: [50, col([12, 12, 12, 12, 12])], expected: [[3500]] },
    { says: "six 12-hour days", args: [50, col([12, 12, 12, 12, 12, 12])], expected: [[4400]] },
    {
      says: "seven 12-hour days, the 7th at CA-7TH",
      args: [50, col([12, 12, 12, 12, 12, 12, 12])],
      expected: [[5400]],
    },
    {
      says: "a week as a row, blanks as days off",
      args: [50, [[12, null, 12, "", 12, 12, 12]]],
      expected: [[3500]],
    },
    {
      says: "a rule and a weekly threshold",
      args: [50, [[10, 10, 10, 10, 10]], "STRAIGHT", 45],
      expected: [[2625]],
    },
    {
      says: "a negative day is #VALUE!",
      args: [50, [[8, -8]]],
      expected: { error: "#VALUE!", message: "daily_hours must be 0 or more, got -8" },
    },
  ],
  OTPROJECT: [
    { says: "$50/hr, 12 days of 12 h in 5-day weeks", args: [50, 12, 12], expected: [[8400]] },
    { says: "14 days of 12 h in 7-day weeks under CA", args: [50, 12, 14, 7, "CA"], expected: [[10800]] },
    {
      says: "fractional shoot days are #VALUE!",
      args: [50, 12, 10.5, 5],
      expected: { error: "#VALUE!", message: "shoot_days must be a whole number of days, got 10.5" },
    },
  ],
  MEALPENALTY: [
    {
      says: "SAG-AFTRA $110 for a meal 90 minutes late (meal periods page; reference.md 4.5)",
      args: [[[90]], "SAG"],
      expected: [[110]],
    },
    {
      says: "a column of meals, blank = on time",
      args: [col([0, null, 1, 31, 61, 180])],
      expected: [[0], [0], [25], [60], [110], [260]],
    },
    { says: "SAG-AFTRA background performers", args: [[[90]], "SAG-BACKGROUND"], expected: [[30]] },
    { says: "a schedule of your own", args: [[[150]], "7.5,10,12.5"], expected: [[55]] },
    { says: "an unknown preset is #N/A listing the known ones", args: [[[30]], "DGA"] },
  ],
  TOPSHEET: [
    {
      says: "a small feature budget rolled up to its categories",
      args: [
        col([1101, "14-01", 2501, "2502-00", "33-01", 5001, 6701]),
        col([50000, 300000, 12000, 8000, 40000, 90000, 15000]),
      ],
    },
    { says: "AICP sections by letter", args: [col(["A", "D", "L"]), col([10, 30, 5]), "AICP"] },
    { says: "an unknown layout is #N/A", args: [col([1101]), col([1]), "SITCOM"] },
  ],
  FRINGE: [
    {
      says: "caps SUI at the first $7,000 across one person's lines (reference.md 3.6)",
      args: [col([8000, 32000, 4000]), [["CA-SUI-2025"]]],
      expected: [[238], [0], [0]],
    },
    {
      says: "SS only up to $184,500 after $180,000 prior wages",
      args: [[[10000]], [["SS"]], 180000],
      expected: [[279]],
    },
    {
      says: "MPI $14.63 x 12 hours from a fringe table",
      args: [[[0]], fringeTable, null, [[12]]],
      expected: [[175.56]],
    },
    {
      says: "hours per line beside the wages column",
      args: [col([3000, 5000]), fringeTable, null, col([50, 60])],
      expected: [[833.5], [1013.8]],
    },
    { says: "an unknown fringe is #N/A naming close ones", args: [[[1000]], [["PAYROL-CA"]]] },
    {
      says: "a line of 5 people caps SUI per person (spec: FRINGE(150000, CA-SUI-2025, , , , 5))",
      args: [[[150000]], [["CA-SUI-2025"]], null, null, null, [[5]]],
      expected: [[1190]],
    },
    {
      says: "4 grips x 25 days x $450 under PAYROLL-CA-2025 (issue 14)",
      args: [[[45000]], [["PAYROLL-CA-2025"]], null, null, null, [[4]]],
      expected: [[4926.5]],
    },
    {
      says: "a people of 0 is #VALUE! naming people",
      args: [[[1000]], [["SS"]], null, null, null, [[0]]],
      expected: {
        error: "#VALUE!",
        message:
          "people must be 1 or more, got 0: give how many people the line pays, a whole number (1 or more), or leave people out for 1",
      },
    },
  ],
  FRINGERATE: [
    { says: "PAYROLL-US adds to 8.25%", args: [[["PAYROLL-US"]]], expected: [[0.0825]] },
    {
      says: "the effective rate at each wage, caps included (reference.md 3.5)",
      args: [[["PAYROLL-CA-2025"]], col([250000, 60000])],
    },
    { says: "$0 wages is #DIV/0!", args: [[["SS"]], [[0]]], expected: { error: "#DIV/0!" } },
  ],
  FRINGEDETAIL: [
    {
      says: "explains SUI across a fringe range with prior wages",
      args: [col([8000, 32000, 4000]), [["CA-SUI-2025"]], 3000],
      expected: [
        ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
        ["CA-SUI-2025", "%", 0.034, 4000, 7000, 136],
        ["Total", "", "", "", "", 136],
      ],
    },
    {
      says: "the $250,000 California example line by line (reference.md 3.5)",
      args: [[[250000]], [["PAYROLL-CA"]]],
    },
    { says: "hours as the base of a per-hour fringe", args: [[[0]], fringeTable, null, [[70]]] },
    {
      says: "each person's base and the headcount",
      args: [[[150000]], [["CA-SUI-2025"]], null, null, null, [[5]]],
      expected: [
        ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
        ["CA-SUI-2025", "%", 0.034, "7,000 x 5 people", 7000, 1190],
        ["Total", "", "", "", "", 1190],
      ],
    },
  ],
  ALLOCATE: [
    { says: "100.00 three ways", args: [100, col([1, 1, 1])], expected: [[33.34], [33.33], [33.33]] },
    {
      says: "a season's 250,000 over 6 episodes, one a double, as a row",
      args: [250000, [[1, 1, 1, 1, 1, 2]]],
    },
    {
      says: "left-over cents to the largest remainders",
      args: [1, col([1, 5, 2])],
      expected: [[0.13], [0.62], [0.25]],
    },
  ],
  ACCTSUM: [
    { says: "production, 2000-4999", args: [amounts, accounts, [["2000-4999"]]], expected: [[200000]] },
    {
      says: "everything but insurance",
      args: [amounts, accounts, [["1100-7999,!6700"]]],
      expected: [[350000]],
    },
    {
      says: "25-01 is within 2500-2599",
      args: [col([100, 200]), col(["25-01", "26-01"]), [["2500-2599"]]],
      expected: [[100]],
    },
    {
      says: "AICP sections by letter",
      args: [col([1000, 2000, 500]), col(["A", "K114", "L"]), [["A-K"]]],
      expected: [[3000]],
    },
    { says: "a malformed filter is #VALUE!", args: [amounts, accounts, [["20x0-"]]] },
  ],
  CONTINGENCY: [
    {
      says: "0.70% insurance on $1,750,000 net of story and post (reference.md 7)",
      args: [budget, 0.007, budgetAccounts, [["1100,5000-5999"]]],
      expected: [[12250]],
    },
    { says: "10% on the whole budget, accounts omitted", args: [budget, 0.1], expected: [[200000]] },
    {
      says: "a rate given as text",
      args: [budget, "10%", budgetAccounts, [["!2000-4999"]]],
      expected: [[161500]],
    },
    { says: "exclude without accounts is #VALUE!", args: [budget, 0.1, null, [["6700"]]] },
  ],
  RENTAL: [
    {
      says: "Vendor A of reference.md 6.5: $2,500/day, 3-day week, weeks of 5, 5, 2 days",
      args: [[[2500]], col([5, 5, 2]), [[3]]],
      expected: [[20000]],
    },
    {
      says: "12 days held on a 3-day week bill as 6 days",
      args: [[[2500]], [[12]], [[3]]],
      expected: [[15000]],
    },
    { says: "without a weekly deal every day is billed", args: [[[2500]], [[12]]], expected: [[30000]] },
    {
      says: "vendors side by side spill one cost each",
      args: [col([2500, 2200]), col([5, 5, 2]), col([3, 4])],
      expected: [[20000], [22000]],
    },
    { says: "a week of 9 days is #VALUE!", args: [[[2500]], col([5, 9]), [[3]]] },
  ],
  PAIDHOURS: [
    { says: "12 hours under California overtime are 14 paid hours", args: [[[12]]], expected: [[14]] },
    { says: "10 hours are 11, 13 hours are 16", args: [col([10, 13])], expected: [[11], [16]] },
    { says: "under SAG-AFTRA day rules", args: [col([10, 11, 12]), "SAG-DAY"], expected: [[11], [13], [15]] },
    { says: "a rule of your own", args: [[[12, 20]], "10:1.5,14:2,18:3"], expected: [[13], [30]] },
    { says: "an unknown rule is #N/A listing the known ones", args: [[[12]], "CX"] },
  ],
  HOURLY: [
    {
      says: "the unrounded hourly rate behind $750/10",
      args: [[[750]], [[10]]],
      expected: [[Number(RATE_750_10.toPrecision(14))]],
    },
    {
      says: "$150/hr for a $1,200 SAG-AFTRA day performer",
      args: [[[1200]], [[8]], "SAG-DAY"],
      expected: [[150]],
    },
    { says: "zero guaranteed hours is #DIV/0!", args: [[[750]], [[0]]], expected: { error: "#DIV/0!" } },
  ],
  DAYPAY: [
    {
      says: "IATSE hourly crew, $50/hr, 12 hours (reference.md 4.5)",
      args: [[[50]], [[12]], "IATSE"],
      expected: [[700]],
    },
    {
      says: "a $750/10 crew member's 12-hour day is $954.55",
      args: [[[RATE_750_10]], [[12]]],
      expected: [[954.55]],
    },
    {
      says: "and the 13- and 15-hour days",
      args: [[[RATE_750_10]], col([13, 15])],
      expected: [[1090.91], [1363.64]],
    },
    {
      says: "$1,950 for the SAG-AFTRA day performer's 11 hours (reference.md 4.5)",
      args: [[[150]], [[11]], "SAG-DAY"],
      expected: [[1950]],
    },
    {
      says: "negative hours are #VALUE!",
      args: [[[50]], [[-1]]],
      expected: { error: "#VALUE!", message: "hours must be 0 or more, got -1" },
    },
  ],
  OVERTIME: [
    { says: "$50/hr for 12 hours: $100 premium", args: [[[50]], [[12]]], expected: [[100]] },
    { says: "no premium on a straight-time rule", args: [[[50]], [[12]], "STRAIGHT"], expected: [[0]] },
    { says: "the $750/10 deal's 12-hour day", args: [[[RATE_750_10]], [[12]]], expected: [[136.36]] },
  ],
  ETC: [
    { says: "what is left of the budget", args: [[[100000]], [[80000]]], expected: [[20000]] },
    { says: "never below 0", args: [[[100000]], [[105000]]], expected: [[0]] },
    {
      says: "the run rate: 45,000 committed at 75%",
      args: [[[60000]], [[45000]], [[0.75]]],
      expected: [[15000]],
    },
    {
      says: "one per account, a blank percent using what is left",
      args: [col([100000, 50000, null]), col([80000, 45000, 0]), col([null, 0.75, ""])],
    },
  ],
  VARIANCE: [
    {
      says: "budget 100,000, EFC 105,000 is -5,000 under the default convention",
      args: [[[100000]], [[105000]]],
      expected: [[-5000]],
    },
    {
      says: "and +5,000 when over is positive",
      args: [[[100000]], [[105000]], [["OVER"]]],
      expected: [[5000]],
    },
    {
      says: "an unknown convention is answered, not guessed",
      args: [[[100000]], [[105000]], [["SIDEWAYS"]]],
    },
  ],
  EFC: [
    {
      says: "62,000 actual + 18,000 committed + 25,000 ETC (reference.md 5.1)",
      args: [[[62000]], [[18000]], [[25000]]],
      expected: [[105000]],
    },
    {
      says: "one EFC per account row, blanks counting as 0",
      args: [
        [[100.1], [200]],
        [[null], [0.2]],
        [[""], [1.005]],
      ],
      expected: [[100.1], [201.21]],
    },
    { says: "single cells as well as ranges", args: [1250.5, 0, 99.5], expected: [[1350]] },
    {
      says: "text is #VALUE! naming the argument",
      args: [[["lots"]], [[0]], [[0]]],
      expected: { error: "#VALUE!", message: 'actual_to_date must be a number, got "lots"' },
    },
    {
      says: "ranges of different sizes are #VALUE!",
      args: [[[1], [2]], [[1], [2], [3]], [[0]]],
    },
  ],
  INCENTIVE: [
    {
      says: "Example 1, Georgia: $2,400,000 gross",
      args: ["US-GA", incentiveAmounts, incentiveTags],
      expected: [[2400000]],
    },
    {
      says: "Example 1, New Mexico: $1,719,750",
      args: ["US-NM", incentiveAmounts, incentiveTags],
      expected: [[1719750]],
    },
    {
      says: "Example 1, UK AVEC: $2,475,200",
      args: ["UK-AVEC", incentiveAmounts, ukTags],
      expected: [[2475200]],
    },
    {
      says: "Example 2, British Columbia with the federal PSTC: $1,294,720",
      args: ["CAN-BC", incentiveAmounts, incentiveTags],
      expected: [[1294720]],
    },
    {
      says: "Example 3, California 4.0: $1,995,000",
      args: ["US-CA", incentiveAmounts, incentiveTags],
      expected: [[1995000]],
    },
    {
      says: "an unknown program is #N/A",
      args: ["GEORGIA", incentiveAmounts, incentiveTags],
      expected: {
        error: "#N/A",
        message:
          'Unknown program "GEORGIA". Known: US-CA, US-GA, US-NM, US-NY, US-LA, US-IL, US-NJ, US-TX, UK-AVEC, UK-IFTC, IE-481, CAN-PSTC, CAN-BC, CAN-ON, CAN-QC, AU-LO, HU-REBATE, CZ-REBATE',
      },
    },
  ],
  INCENTIVENET: [
    {
      says: "Example 1, Georgia sold at $0.90: $2,160,000",
      args: ["US-GA", incentiveAmounts, incentiveTags],
      expected: [[2160000]],
    },
    {
      says: "Example 1, UK AVEC after tax: $1,856,400",
      args: ["UK-AVEC", incentiveAmounts, ukTags],
      expected: [[1856400]],
    },
    {
      says: "Example 3, California with the refund election: $1,795,500",
      args: ["US-CA", incentiveAmounts, incentiveTags, "REFUND=YES"],
      expected: [[1795500]],
    },
  ],
  INCENTIVEDETAIL: [
    {
      says: "Example 2, Ontario with the federal PSTC explained",
      args: ["CAN-ON", incentiveAmounts, incentiveTags],
    },
    {
      says: "Example 3, New York explained",
      args: ["US-NY", erie.amounts, erie.tags],
    },
  ],
};
