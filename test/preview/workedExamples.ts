/*
 * Worked examples of every PROD function, as argument lists the way Excel passes them (a range
 * as rows of cells, a blank as null). The preview's engine must answer each exactly as the
 * function does when called directly; `expected`, where given, is the figure from the contract
 * (shared/spec/functions.md) or reference.md, so a wrong function is caught here too.
 */

/** One worked example: what it shows, the arguments, and (where published) the answer. */
export interface WorkedExample {
  says: string;
  args: unknown[];
  expected?: unknown[][] | { error: string; message?: string };
}

export const workedExamples: Record<string, WorkedExample[]> = {
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
};
