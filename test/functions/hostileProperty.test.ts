/**
 * Issue 15, "keep it true": every PROD function, called with hostile input (bench/hostile.ts),
 * answers as the contract allows (a finite number, a spill of finite numbers and text, or an
 * Excel error with a message), never throws anything else, and answers within a time box. A few
 * thousand calls here; `npm run fuzz` makes 100,000.
 *
 * The functions are found as the add-in registers them (functions.json from the JSDoc), so a
 * function added or renamed is covered without touching this file.
 */
import fc from "fast-check";
import { answerProblem, callHostile, describeArgs, hostileArgs } from "../../bench/hostile";
import type { ProdFunction } from "../../src/preview/prodFunctionPlugin";
import { loadProdFunctions } from "../preview/loadProdFunctions";

/** Calls per function: 18 functions x 150 = 2,700 calls, a few seconds. */
const RUNS_PER_FUNCTION = 150;
/** The time box of one call (hostile input only; spec: a few milliseconds per cell). */
const BUDGET_MS = 1000;

let functions: ProdFunction[] = [];

beforeAll(async () => {
  functions = await loadProdFunctions();
}, 60_000);

it("finds every PROD function", () => {
  expect(functions.length).toBeGreaterThanOrEqual(18);
});

describe("the judge of an answer", () => {
  const error = (code: CustomFunctions.ErrorCode, message?: string) =>
    new CustomFunctions.Error(code, message);
  const VALUE = CustomFunctions.ErrorCode.invalidValue;

  it.each<[string, { returned: unknown } | { thrown: unknown }]>([
    ["a number", { returned: 12.5 }],
    [
      "a spill of numbers, text and row errors",
      {
        returned: [
          ["Total", 1],
          [error(VALUE, "hours (row 2) ..."), 2],
        ],
      },
    ],
    ["#DIV/0! without a message", { thrown: error(CustomFunctions.ErrorCode.divisionByZero) }],
    ["#NUM! with its message", { thrown: error(CustomFunctions.ErrorCode.invalidNumber, "too large") }],
  ])("accepts %s", (_what, answer) => {
    expect(answerProblem(answer)).toBeUndefined();
  });

  it.each<[string, { returned: unknown } | { thrown: unknown }, string]>([
    ["Infinity", { returned: Number.POSITIVE_INFINITY }, "returned the number Infinity"],
    ["NaN in a spill", { returned: [[1], [Number.NaN]] }, "returned the number NaN in row 2"],
    ["a TypeError", { thrown: new TypeError("x is undefined") }, "threw TypeError: x is undefined"],
    ["#VALUE! without a message", { thrown: error(VALUE) }, "threw #VALUE! without a message"],
    [
      "an internal error",
      { thrown: error(VALUE, "PROD internal error, please report it: x") },
      "threw an internal error",
    ],
    ["an empty spill", { returned: [] }, "returned an empty spill"],
    ["a ragged spill", { returned: [[1, 2], [3]] }, "returned a ragged spill"],
    ["text where a number belongs", { returned: "12" }, "returned the value 12"],
  ])("refuses %s", (_what, answer, problem) => {
    expect(answerProblem(answer)).toMatch(problem);
  });
});

it("answers hostile input within the contract, every function", () => {
  for (const fn of functions) {
    fc.assert(
      fc.property(hostileArgs(fn), (args) => {
        const { ms, problem } = callHostile(fn, args);
        if (problem) throw new Error(`${fn.metadata.id}(${describeArgs(args)}) ${problem}`);
        if (ms > BUDGET_MS)
          throw new Error(`${fn.metadata.id}(${describeArgs(args)}) took ${ms.toFixed(0)} ms`);
      }),
      { numRuns: RUNS_PER_FUNCTION, seed: 15 },
    );
  }
}, 120_000);
