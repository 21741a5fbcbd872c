/**
 * Issue 15: inputs a workbook can hold must not crash, hang or fool a PROD function
 * (spec/functions.md, conventions: Excel's number range, #NUM! for results too large, linear-time
 * parsing). Each defect the fuzz found is a test here, in the Excel notation of the report.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { acctsum, allocateFunction, contingency, rental, topsheet } from "../../src/functions/charges";
import { efc, etcFunction, varianceFunction } from "../../src/functions/costReport";
import { fringe, fringeDetail, fringeRate } from "../../src/functions/fringes";
import { Decimal } from "../../src/engine/money";
import { parseRule, projectPaidHours } from "../../src/engine/pay";
import { dayPay, hourly, mealPenalty, otProject, paidHours, weekPay } from "../../src/functions/pay";

/** What a call answered: its value, or the Excel error it gave (thrown or in a spill). */
function answer(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return error;
  }
}

/** The error a call answered with, as code and message; fails when the call gave a value. */
function errorOf(call: () => unknown): { code: string; message: string } {
  let result = answer(call);
  while (Array.isArray(result) && result.length === 1) result = result[0];
  if (!(result instanceof CustomFunctions.Error)) throw new Error(`expected an error, got ${String(result)}`);
  return { code: result.code, message: result.message ?? "" };
}

/** Runs `call` and fails when it took more than `ms` milliseconds (a time box, not a benchmark). */
function withinMs<T>(ms: number, call: () => T): T {
  const started = performance.now();
  const result = call();
  const took = performance.now() - started;
  if (took > ms) throw new Error(`took ${took.toFixed(0)} ms, more than ${ms} ms`);
  return result;
}

const c = (v: unknown) => [[v]];

describe("1. numeric text beyond Excel's range is #VALUE!, as =VALUE() reads it", () => {
  it.each([
    ['=PROD.RENTAL(100,"1e1000000000",3)', () => rental(c(100), c("1e1000000000"), c(3)), "days"],
    [
      '=PROD.ALLOCATE("1e1000000000",{1;1;1})',
      () => allocateFunction("1e1000000000", [[1], [1], [1]]),
      "total",
    ],
    [
      '=PROD.OTPROJECT(50,12,"1e1000000000",7)',
      () => otProject(50, 12, "1e1000000000", 7, null),
      "shoot_days",
    ],
  ])("%s answers #VALUE! naming the argument (it used to abort the process)", (_excel, call, arg) => {
    const { code, message } = errorOf(call);
    expect(code).toBe("#VALUE!");
    expect(message).toBe(
      `${arg} must be a number within Excel's range (about -1E+308 to 1E+308), got "1e1000000000"`,
    );
  });

  const TOO_LARGE = ["1e400", "1e99999999999999999", "-1e1000000000", "(1e309)", "1.8e308"];
  /** Every function, with the numeric argument that gets the hostile text. */
  const CALLS: [string, string, (text: string) => unknown][] = [
    ["FRINGE", "wages", (t) => fringe(c(t), c("PAYROLL-US"))],
    ["FRINGERATE", "wages", (t) => fringeRate(c("PAYROLL-US"), c(t))],
    ["FRINGEDETAIL", "prior_wages", (t) => fringeDetail(c(1000), c("PAYROLL-US"), t)],
    ["PAIDHOURS", "hours", (t) => paidHours(c(t))],
    ["HOURLY", "day_rate", (t) => hourly(c(t), c(10))],
    ["DAYPAY", "hourly_rate", (t) => dayPay(c(t), c(12))],
    ["WEEKPAY", "hourly_rate", (t) => weekPay(t, c(12))],
    ["OTPROJECT", "hours_per_day", (t) => otProject(50, t, 10)],
    ["MEALPENALTY", "minutes_late", (t) => mealPenalty(c(t))],
    ["ACCTSUM", "amounts", (t) => acctsum(c(t), c(2501), c("2000-2999"))],
    ["CONTINGENCY", "amounts", (t) => contingency(c(t), 0.1)],
    ["TOPSHEET", "amounts", (t) => topsheet(c(2501), c(t))],
    ["ALLOCATE", "weights", (t) => allocateFunction(100, [[1], [t]])],
    ["RENTAL", "day_rate", (t) => rental(c(t), c(3))],
    ["EFC", "etc", (t) => efc(c(1), c(2), c(t))],
    ["ETC", "budget", (t) => etcFunction(c(t), c(1))],
    ["VARIANCE", "efc", (t) => varianceFunction(c(1), c(t))],
  ];

  it.each(CALLS.flatMap(([id, arg, call]) => TOO_LARGE.map((t) => [id, t, arg, call] as const)))(
    "%s with %p answers #VALUE! naming its argument",
    (_id, text, arg, call) => {
      const { code, message } = errorOf(() => call(text));
      expect(code).toBe("#VALUE!");
      expect(message).toMatch(
        new RegExp(`^${arg}( \\((cell|week|line) 2\\))? must be a number within Excel's range`),
      );
    },
  );

  it('reads numeric text below Excel\'s smallest number as 0, as =VALUE("1e-400") does', () => {
    expect(paidHours(c("1e-400"))).toEqual([[0]]);
    expect(efc(c("1e-1000000000"), c(1), c(1))).toEqual([[2]]);
  });

  it("still reads the largest numbers Excel holds", () => {
    expect(paidHours(c("1e300"), "STRAIGHT")).toEqual([[1e300]]);
    expect(efc(c("-1.5e308"), c(0), c(0))).toEqual([[-1.5e308]]);
  });
});

describe("2. OTPROJECT counts any number of shoot days arithmetically", () => {
  // 5-day weeks of 12 hours at $50 are $3,500 each (spec/functions.md WEEKPAY).
  it.each([
    ["=PROD.OTPROJECT(50,12,1E+35)", 1e35, 7e37],
    ["=PROD.OTPROJECT(50,12,1E+42)", 1e42, 7e44],
    ["=PROD.OTPROJECT(50,12,1E+43)", 1e43, 7e45],
    ["=PROD.OTPROJECT(50,12,1E+44)", 1e44, 7e46],
  ])("%s is the weeks' pay, at once", (_excel, days, expected) => {
    expect(withinMs(1000, () => otProject(50, 12, days))).toBe(expected);
  });

  it("=PROD.OTPROJECT(50,12,1E+308) is too large for a cell: #NUM!", () => {
    expect(withinMs(1000, () => errorOf(() => otProject(50, 12, 1e308))).code).toBe("#NUM!");
  });

  it("keeps the days of the last week exactly, however many weeks come before", () => {
    // 2E+29 five-day weeks of 70 paid hours, then 3 days of 14: 1.4E+31 + 42 paid hours.
    expect(
      projectPaidHours(
        new Decimal(12),
        new Decimal("1000000000000000000000000000003"),
        parseRule("CA"),
      ).toFixed(),
    ).toBe("14000000000000000000000000000042");
  });
});

describe("4. a result too large for a cell is #NUM!, never Infinity", () => {
  const MAX = 1e308;
  const HOURLY_TABLE = [
    ["Name", "Type", "Rate", "Cutoff"],
    ["MPI", "HOUR", MAX, ""],
  ];
  const TOO_LARGE = { code: "#NUM!", message: "The result is too large for a cell (beyond about 1E+308)" };

  it.each<[string, () => unknown]>([
    ["=PROD.PAIDHOURS(1E+308)", () => paidHours(c(MAX))],
    ["=PROD.EFC(1E+308,1E+308,0)", () => efc(c(MAX), c(MAX), c(0))],
    ["=PROD.ETC(1E+308,-1E+308)", () => etcFunction(c(MAX), c(-MAX))],
    ["=PROD.VARIANCE(1E+308,-1E+308)", () => varianceFunction(c(MAX), c(-MAX))],
    ['=PROD.HOURLY(1E+308,1E-300,"STRAIGHT")', () => hourly(c(MAX), c(1e-300), "STRAIGHT")],
    ["=PROD.DAYPAY(1E+308,12)", () => dayPay(c(MAX), c(12))],
    ["=PROD.WEEKPAY(1E+308,{12,12})", () => weekPay(MAX, [[12, 12]])],
    ["=PROD.OTPROJECT(1E+308,12,10)", () => otProject(MAX, 12, 10)],
    ['=PROD.MEALPENALTY(1E+308,"1000")', () => mealPenalty(c(MAX), "1000")],
    [
      '=PROD.ACCTSUM({1E+308;1E+308},{2501;2502},"2000-2999")',
      () => acctsum([[MAX], [MAX]], [[2501], [2502]], c("2000-2999")),
    ],
    ["=PROD.CONTINGENCY({1E+308;1E+308},100%)", () => contingency([[MAX], [MAX]], 1)],
    ["=PROD.RENTAL(1E+308,12)", () => rental(c(MAX), c(12))],
    ["=PROD.FRINGE(1,MPI table,,1E+308)", () => fringe(c(1), HOURLY_TABLE, null, c(MAX))],
  ])("%s is #NUM! with a message", (_excel, call) => {
    expect(errorOf(call)).toEqual(TOO_LARGE);
  });

  it("marks only the cells of a spill that overflow: the other rows keep their answers", () => {
    expect(answer(() => efc([[1], [MAX]], [[2], [MAX]], c(0)))).toEqual([
      [3],
      [expect.objectContaining(TOO_LARGE)],
    ]);
  });

  it("TOPSHEET's totals too large for a cell are #NUM!, the other rows stay", () => {
    const sheet = topsheet([[2501], [2502], [1101]], [[MAX], [MAX], [5]]) as unknown[][];
    const row = (name: string) => sheet.find((r) => r[1] === name) as unknown[];
    expect(row("Story & Other Rights")[2]).toBe(5);
    for (const name of ["Total Production", "Total Below-the-line", "Total"])
      expect(row(name)[2]).toEqual(expect.objectContaining(TOO_LARGE));
  });

  it("FRINGEDETAIL's overflowing amount and total are #NUM!", () => {
    const table = fringeDetail(c(1), HOURLY_TABLE, null, c(MAX)) as unknown[][];
    expect(table[1][5]).toEqual(expect.objectContaining(TOO_LARGE));
    expect(table[2]).toEqual(["Total", "", "", "", "", expect.objectContaining(TOO_LARGE)]);
  });
});

describe("5. a cell's cost does not grow with the rule's length", () => {
  // The rule and the schedule are parsed once per call; each cell then costs the same as under
  // CA. Walking 1,000 bands per cell took ~10 s for 10,000 cells.
  const LONG_RULE = Array.from({ length: 1000 }, (_, i) => `${i + 1}:${1 + i / 1000}`).join(",");
  const LONG_SCHEDULE = Array.from({ length: 1000 }, (_, i) => String(i + 1)).join(",");
  const column = (n: number, at: (i: number) => unknown) => Array.from({ length: n }, (_, i) => [at(i)]);

  it("PAIDHOURS over 3,000 cells past the last threshold of a 1,000-pair rule", () => {
    const result = withinMs(1000, () =>
      paidHours(
        column(3000, (i) => 2000 + (i % 3)),
        LONG_RULE,
      ),
    );
    // 1 x the first hour, then each band of one hour at 1 + i/1000, then the rest at 1.999.
    const bands = Array.from({ length: 999 }, (_, i) => 1 + i / 1000).reduce((a, b) => a + b, 1);
    expect(result[0][0]).toBeCloseTo(bands + 1000 * 1.999, 6);
    expect(result).toHaveLength(3000);
  });

  it("MEALPENALTY over 5,000 cells with a 1,000-amount schedule", () => {
    const result = withinMs(1000, () =>
      mealPenalty(
        column(5000, () => 30 * 2000),
        LONG_SCHEDULE,
      ),
    );
    // 1 + 2 + ... + 1000, then 1,000 more steps at the last amount.
    expect(result[0][0]).toBe(500500 + 1000 * 1000);
  });
});

describe("6. odd arrays, cache keys and huge account numbers", () => {
  it("a sparse array (a row missing) is #VALUE! naming the argument, not an internal error", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [[1], , [3]] as unknown[][];
    expect(errorOf(() => paidHours(sparse))).toEqual({
      code: "#VALUE!",
      message: "hours must be a number, got a range",
    });
    expect(errorOf(() => allocateFunction(100, sparse))).toEqual({
      code: "#VALUE!",
      message: "weights must be a number, got a range",
    });
  });

  it("an empty range is #VALUE! naming the argument, not an empty spill", () => {
    expect(errorOf(() => efc([], c(1), c(1)))).toEqual({
      code: "#VALUE!",
      message: "actual_to_date is an empty range: give at least one cell",
    });
    expect(errorOf(() => paidHours([[]]))).toEqual({
      code: "#VALUE!",
      message: "hours is an empty range: give at least one cell",
    });
    expect(errorOf(() => fringe([], c("PAYROLL-US")))).toEqual({
      code: "#VALUE!",
      message: "wages is an empty range: give at least one cell",
    });
  });

  it("a jagged range is #VALUE!, not a ragged spill", () => {
    expect(errorOf(() => allocateFunction(100, [[1, 2], [3]]))).toEqual({
      code: "#VALUE!",
      message: "weights must be a number, got a range",
    });
    expect(errorOf(() => efc([[1, 2], [3]], c(1), c(1))).code).toBe("#VALUE!");
  });

  it("a fringe table with NaN or Infinity is not served the answer of the same table with a blank", () => {
    const table = (cutoff: unknown) => [
      ["Name", "Type", "Rate", "Cutoff"],
      ["SUI", "%", 0.034, cutoff],
    ];
    // Blank cutoff = no cap: 3.4% of 10,000.
    expect(fringe(c(10000), table(null))).toEqual([[340]]);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(errorOf(() => fringe(c(10000), table(bad))).message).toMatch(/Cutoff/);
  });

  it("=PROD.TOPSHEET(1E+21,5) refuses the account instead of filing it under 1", () => {
    expect(errorOf(() => topsheet(c(1e21), c(5)))).toEqual({
      code: "#VALUE!",
      message: "accounts must be an account code such as 2501, 25-01 or D114, got 1e+21",
    });
    expect(errorOf(() => acctsum(c(5), c("1000000000000000000001"), c("1-9999"))).code).toBe("#VALUE!");
    // 15 digits, Excel's precision, is still an account.
    expect(acctsum(c(5), c(999999999999999), c("999999999999999"))).toBe(5);
  });
});

describe("7. an empty required cell means the same on every host", () => {
  // Desktop Excel passes an empty cell as 0, the web as null (spec/functions.md): each required
  // argument must answer both alike.
  const REQUIRED: [string, (blank: unknown) => unknown][] = [
    ["FRINGE wages", (b) => fringe(c(b), c("PAYROLL-US"))],
    ["FRINGE fringes", (b) => fringe(c(1000), c(b))],
    ["FRINGERATE fringes", (b) => fringeRate(c(b))],
    ["FRINGEDETAIL wages", (b) => fringeDetail(c(b), c("PAYROLL-US"))],
    ["PAIDHOURS hours", (b) => paidHours(c(b))],
    ["HOURLY day_rate", (b) => hourly(c(b), c(10))],
    ["HOURLY guaranteed_hours", (b) => hourly(c(750), c(b))],
    ["DAYPAY hourly_rate", (b) => dayPay(c(b), c(12))],
    ["DAYPAY hours", (b) => dayPay(c(50), c(b))],
    ["WEEKPAY hourly_rate", (b) => weekPay(b, c(12))],
    ["WEEKPAY daily_hours", (b) => weekPay(50, c(b))],
    ["OTPROJECT hourly_rate", (b) => otProject(b, 12, 10)],
    ["OTPROJECT hours_per_day", (b) => otProject(50, b, 10)],
    ["OTPROJECT shoot_days", (b) => otProject(50, 12, b)],
    ["MEALPENALTY minutes_late", (b) => mealPenalty(c(b))],
    ["ACCTSUM amounts", (b) => acctsum(c(b), c(2501), c("2000-2999"))],
    ["ACCTSUM accounts", (b) => acctsum(c(5), c(b), c("!2000-2999"))],
    ["ACCTSUM filter", (b) => acctsum(c(5), c(2501), c(b))],
    ["CONTINGENCY amounts", (b) => contingency(c(b), 0.1)],
    ["CONTINGENCY rate", (b) => contingency(c(1000), b)],
    ["TOPSHEET accounts", (b) => topsheet(c(b), c(5))],
    ["TOPSHEET amounts", (b) => topsheet(c(2501), c(b))],
    ["ALLOCATE total", (b) => allocateFunction(b, [[1], [1]])],
    ["ALLOCATE weights", (b) => allocateFunction(100, [[1], [b]])],
    ["RENTAL day_rate", (b) => rental(c(b), c(12))],
    ["RENTAL days", (b) => rental(c(100), c(b))],
    ["EFC actual_to_date", (b) => efc(c(b), c(1), c(1))],
    ["ETC budget", (b) => etcFunction(c(b), c(1))],
    ["VARIANCE efc", (b) => varianceFunction(c(1), c(b))],
  ];

  it.each(REQUIRED)("%s: an empty cell (null on the web) answers as 0 does (desktop)", (_arg, call) => {
    expect(answer(() => call(null))).toEqual(answer(() => call(0)));
  });

  it.each([
    ["PAIDHOURS hours", () => paidHours(c(null)), [[0]]],
    ["DAYPAY hours", () => dayPay(c(50), c(null)), [[0]]],
    ["ALLOCATE total", () => allocateFunction(null, [[1], [1]]), [[0], [0]]],
    ["CONTINGENCY rate", () => contingency(c(1000), null), 0],
    ["RENTAL days", () => rental(c(100), c(null)), [[0]]],
  ])("%s: where 0 is valid, an empty cell is 0", (_arg, call, expected) => {
    expect(call()).toEqual(expected);
  });

  it.each([
    ["FRINGE fringes", () => fringe(c(1000), c(null))],
    ["ACCTSUM filter", () => acctsum(c(5), c(2501), c(null))],
  ])("%s: where 0 means nothing, an empty cell is #VALUE! naming the argument", (_arg, call) => {
    expect(errorOf(call)).toEqual({
      code: "#VALUE!",
      message: expect.stringMatching(/is required, got a blank cell$/),
    });
  });

  it("every required argument's help says what an empty cell means", () => {
    const dir = path.join(__dirname, "../../src/functions");
    const required = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/@param ([a-z_]+) (.*)/g)]);
    expect(required.length).toBeGreaterThan(20);
    for (const [, name, help] of required) expect(`${name}: ${help}`).toMatch(/blank/i);
  });
});

describe("3. text is parsed in linear time: long hostile strings answer within a time box", () => {
  // ~1 s boxes: each call below took seconds to hours with the backtracking patterns.
  const SPACES = " ".repeat(100_000);

  it.each([
    ['"-"&REPT(" ",100000)&"x" as a number', () => paidHours(c(`-${SPACES}x`))],
    ['"("&REPT(" ",100000)&"$" as a number', () => efc(c(`(${SPACES}$`), c(1), c(1))],
    ['REPT("1,234",30000) as a number', () => dayPay(c("1,234".repeat(30_000)), c(8))],
  ])("%s is #VALUE! at once", (_what, call) => {
    expect(withinMs(1000, () => errorOf(call)).code).toBe("#VALUE!");
  });

  it.each([
    ["ACCTSUM", (code: string) => acctsum(c(1), c(code), c("2000-2999"))],
    ["CONTINGENCY", (code: string) => contingency(c(1), 0.1, c(code), c("6700"))],
    ["TOPSHEET", (code: string) => topsheet(c(code), c(1))],
  ])('%s refuses the account "1"&REPT("  1",30000)&"x" at once', (_id, call) => {
    const { code, message } = withinMs(1000, () => errorOf(() => call(`1${"  1".repeat(30_000)}x`)));
    expect(code).toBe("#VALUE!");
    expect(message).toMatch(/^accounts must be an account code such as 2501, 25-01 or D114/);
  });

  it('reads "1"&REPT(" - 1",30000), a long but valid code, by its leading digits at once', () => {
    expect(withinMs(1000, () => acctsum(c(5), c(`1${" - 1".repeat(30_000)}`), c("1111")))).toBe(5);
  });

  it('refuses "D"&REPT(" ",100000)&"-x" as an account at once', () => {
    expect(withinMs(1000, () => errorOf(() => topsheet(c(`D${SPACES}-x`), c(1)))).code).toBe("#VALUE!");
  });
});
