/**
 * Hostile input for every PROD function (issue 15; spec/functions.md conventions): arguments a
 * workbook, an add-in or a test can hand a function, and the check that each answer is one the
 * contract allows. One definition, three users: the property suite in `npm test`
 * (test/functions/hostileProperty.test.ts, a few thousand calls), `npm run fuzz` (bench/fuzz.ts,
 * 100,000 calls) and the "hostile input" section of `npm run bench`.
 *
 * An allowed answer is a finite number, a non-empty rectangle of finite numbers and text (a
 * spill), or an Excel error (thrown, or in a cell of a spill): #VALUE! and #N/A with a message
 * that is not "PROD internal error", #DIV/0!, or #NUM! with its message. Anything else thrown, a
 * NaN or Infinity, an empty or ragged spill, a promise, is a violation.
 */
import fc from "fast-check";
import type { ParameterMetadata, ProdFunction } from "../src/preview/prodFunctionPlugin";

/** Numbers at and past the edges of Excel's range, and the doubles Excel never passes. */
const EDGE_NUMBERS = [
  0,
  -0,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  1e21,
  5e-324,
  1e-300,
  2 ** 53 + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** Numeric text past Excel's range or almost numeric (the issue's crash and NaN cases). */
const EDGE_TEXT = [
  "1e400",
  "1e1000000000",
  "-1e1000000000",
  "1e-1000000000",
  "1e99999999999999999",
  "(1e309)",
  "1e308%",
  "NaN",
  "Infinity",
  "0x10",
  "1,2",
  "$-",
  "--5",
  " ",
  "",
  "2500-2599",
  "25-01",
  "D-114",
  "!6700",
];

/**
 * Long text built to make a backtracking parser take seconds: a start, a piece repeated up to
 * 3,000 times, an end that fails the match last ("-"&REPT(" ",n)&"x", "1"&REPT("  1",n)&"x").
 */
const LONG_TEXT = fc
  .tuple(
    fc.constantFrom("-", "(", "1", "D", "$", "1e", "8:1.5", ""),
    fc.constantFrom(" ", "  1", " - 1", ",234", "0", ",8:1.5", "9", ".", "1,"),
    fc.integer({ min: 1, max: 3000 }),
    fc.constantFrom("x", "", ")", "%", "e", ":", "-"),
  )
  .map(([start, piece, times, end]) => start + piece.repeat(times) + end);

/** A rule or schedule of many pairs or amounts (the per-cell cost of item 5). */
const LONG_LIST = fc
  .tuple(fc.integer({ min: 1, max: 1500 }), fc.boolean())
  .map(([n, pairs]) =>
    Array.from({ length: n }, (_, i) => (pairs ? `${i + 1}:${1 + i / n}` : String(i + 1))).join(","),
  );

/** Any cell value at all: numbers of every kind, text, booleans, blanks, and the edges above. */
const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(...EDGE_NUMBERS),
  fc.constantFrom(...EDGE_TEXT),
  LONG_TEXT,
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);

/** Plausible values for a parameter by its name, so calls also reach the arithmetic past the checks. */
function plausible(name: string): fc.Arbitrary<unknown> {
  const numbers = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
  switch (name) {
    case "rule":
      return fc.oneof(
        fc.constantFrom("CA", "CA-7TH", "SAG-DAY", "STRAIGHT", "10:1.5,14:2", "0:1", "ca"),
        LONG_LIST,
      );
    case "schedule":
      return fc.oneof(fc.constantFrom("SAG", "IATSE-1996", "7.5,10,12.5", "$25,$25,$50", 25), LONG_LIST);
    case "layout":
      return fc.constantFrom("FEATURE", "TV", "AICP", "DOC", "feature");
    case "convention":
      return fc.constantFrom("UNDER", "OVER", "Over/(Under)");
    case "fringes":
      return fc.constantFrom("PAYROLL-US", "SS,MEDICARE", "PAYROLL-CA", "SS-2025", "FUTA-CA", [
        ["Name", "Type", "Rate", "Cutoff"],
        ["SUI", "%", 0.034, 7000],
        ["MPI", "HOUR", 1.5, ""],
      ]);
    case "filter":
    case "exclude":
      return fc.constantFrom("2000-4999", "1100-7999,!6700", "A-K", "!6700", 6700, "2500");
    case "accounts":
      return fc.oneof(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom("25-01", "2501-00", "D114", "A"));
    case "rate":
    case "percent_complete":
      return fc.double({ min: 0, max: 1, noNaN: true });
    case "week_days":
    case "days_per_week":
      return fc.integer({ min: 0, max: 7 });
    default:
      return numbers;
  }
}

/** A cell for a parameter: mostly plausible, often hostile. */
function cellFor(parameter: ParameterMetadata): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: plausible(parameter.name), weight: 2 }, { arbitrary: hostileCell, weight: 3 });
}

/** A range that is not a rectangle Excel would pass: empty, a row missing, rows of two lengths. */
function oddRange(cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[][]> {
  return fc.oneof(
    fc.constant<unknown[][]>([]),
    fc.constant<unknown[][]>([[]]),
    fc.tuple(cell, cell, cell).map(([a, b, c]) => [[a, b], [c]]),
    cell.map((a) => {
      const sparse: unknown[][] = [[a]];
      sparse.length = 3;
      return sparse;
    }),
  );
}

/** A rectangle of 1-8 rows and 1-3 columns of cells, or (rarely) an odd range. */
function rangeOf(cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[][]> {
  const rectangle = fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }))
    .chain(([rows, columns]) =>
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    );
  return fc.oneof({ arbitrary: rectangle, weight: 9 }, { arbitrary: oddRange(cell), weight: 1 });
}

/** One argument as Excel passes it for the parameter (a 2-D array for `any[][]`), or odd. */
function argumentFor(parameter: ParameterMetadata): fc.Arbitrary<unknown> {
  const cell = cellFor(parameter);
  const asExcel = parameter.dimensionality === "matrix" ? rangeOf(cell) : cell;
  const shapes = [{ arbitrary: asExcel, weight: 8 }];
  // A range where Excel passes a single value: an add-in or a test can.
  if (parameter.dimensionality !== "matrix") shapes.push({ arbitrary: rangeOf(cell), weight: 1 });
  // An optional argument left out arrives as null.
  if (parameter.optional) shapes.push({ arbitrary: fc.constant(null), weight: 3 });
  return fc.oneof(...shapes);
}

/** The arguments of one hostile call of `fn`, one per parameter in order. */
export function hostileArgs(fn: ProdFunction): fc.Arbitrary<unknown[]> {
  return fc.tuple(...fn.metadata.parameters.map(argumentFor));
}

/** A problem with one value an answer holds, or undefined when the contract allows it. */
function cellProblem(value: unknown, inSpill: boolean): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `the number ${value}`;
  if (value instanceof CustomFunctions.Error) {
    const { code, message } = value;
    if (code === CustomFunctions.ErrorCode.divisionByZero) return undefined;
    if (
      code !== CustomFunctions.ErrorCode.invalidValue &&
      code !== CustomFunctions.ErrorCode.notAvailable &&
      code !== CustomFunctions.ErrorCode.invalidNumber
    )
      return `the error ${code}`;
    if (!message) return `${code} without a message`;
    if (message.startsWith("PROD internal error")) return `an internal error: ${message}`;
    return undefined;
  }
  if (inSpill && typeof value === "string") return undefined;
  return `the value ${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
}

/** What the contract says is wrong with an answer (returned or thrown), or undefined. */
export function answerProblem(answer: { returned: unknown } | { thrown: unknown }): string | undefined {
  if ("thrown" in answer) {
    const { thrown } = answer;
    if (thrown instanceof CustomFunctions.Error) {
      const problem = cellProblem(thrown, false);
      return problem && `threw ${problem}`;
    }
    return `threw ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)}`;
  }
  const { returned } = answer;
  if (!Array.isArray(returned)) {
    const problem = cellProblem(returned, false);
    return problem && `returned ${problem}`;
  }
  if (returned.length === 0) return "returned an empty spill";
  const width = Array.isArray(returned[0]) ? returned[0].length : -1;
  for (let r = 0; r < returned.length; r++) {
    const row: unknown = returned[r];
    if (!Array.isArray(row) || row.length === 0 || row.length !== width) return "returned a ragged spill";
    for (const cell of row) {
      const problem = cellProblem(cell, true);
      if (problem) return `returned ${problem} in row ${r + 1}`;
    }
  }
  return undefined;
}

/** One call: how long it took and what, if anything, was wrong with its answer. */
export interface HostileCall {
  ms: number;
  problem: string | undefined;
}

/** Calls `fn` with `args` as Excel would and judges the answer. */
export function callHostile(fn: ProdFunction, args: readonly unknown[]): HostileCall {
  const started = performance.now();
  let answer: { returned: unknown } | { thrown: unknown };
  try {
    answer = { returned: fn.implementation(...args) };
  } catch (thrown) {
    answer = { thrown };
  }
  const ms = performance.now() - started;
  if ("returned" in answer && answer.returned instanceof Promise)
    return { ms, problem: "returned a promise" };
  return { ms, problem: answerProblem(answer) };
}

/** Arguments for a message: long text cut, odd arrays shown as such. */
export function describeArgs(args: readonly unknown[]): string {
  const text = JSON.stringify(args, (_key, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (typeof v === "string" && v.length > 40) return `${v.slice(0, 20)}...(${v.length} chars)`;
    return v;
  });
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
}

/** What a run of hostile calls found: counts, the longest call, and the violations. */
export interface FuzzReport {
  calls: number;
  longest: { id: string; ms: number; args: string };
  /** Calls by function id. */
  byFunction: Map<string, number>;
  /** Each violation: the function, the arguments and what was wrong. */
  problems: string[];
}

/**
 * Runs `calls` hostile calls spread over `functions` (seeded, so a run can be repeated), each
 * judged by {@link callHostile}; a call over `budgetMs` is a violation too.
 */
export function fuzz(
  functions: readonly ProdFunction[],
  calls: number,
  seed: number,
  budgetMs: number,
): FuzzReport {
  const report: FuzzReport = {
    calls: 0,
    longest: { id: "", ms: 0, args: "" },
    byFunction: new Map(),
    problems: [],
  };
  const call = fc.constantFrom(...functions).chain((fn) => hostileArgs(fn).map((args) => ({ fn, args })));
  for (const { fn, args } of fc.sample(call, { numRuns: calls, seed })) {
    const { id } = fn.metadata;
    const { ms, problem } = callHostile(fn, args);
    report.calls++;
    report.byFunction.set(id, (report.byFunction.get(id) ?? 0) + 1);
    if (ms > report.longest.ms) report.longest = { id, ms, args: describeArgs(args) };
    const slow = ms > budgetMs ? `took ${ms.toFixed(0)} ms, over ${budgetMs} ms` : undefined;
    if (problem ?? slow) report.problems.push(`${id}(${describeArgs(args)}): ${problem ?? slow}`);
  }
  return report;
}
