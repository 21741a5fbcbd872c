/**
 * The formula contract (spec/functions.md), walked function by function: the signatures line
 * producers type, each worked value of the spec, and the conventions every function keeps.
 * Every call goes through `excel()`, which passes arguments the way Excel does for the metadata
 * the build generates: a value for a scalar parameter, a 2-D array for a range parameter, null for
 * an omitted optional one. Detailed behaviour lives in each function's own test file; this file
 * is the index of what the spec promises.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as chargeFunctions from "../../src/functions/charges";
import * as costReportFunctions from "../../src/functions/costReport";
import * as fringeFunctions from "../../src/functions/fringes";
import * as payFunctions from "../../src/functions/pay";

const root = path.join(__dirname, "../..");
const implementations: Record<string, unknown> = {
  ...chargeFunctions,
  ...costReportFunctions,
  ...fringeFunctions,
  ...payFunctions,
};

/** The signatures of spec/functions.md, exactly as line producers type them. */
const SPEC_SIGNATURES = [
  "PROD.FRINGE(wages, fringes, [prior_wages], [hours], [days], [people])",
  "PROD.FRINGERATE(fringes, [wages], [prior_wages])",
  "PROD.FRINGEDETAIL(wages, fringes, [prior_wages], [hours], [days], [people])",
  "PROD.PAIDHOURS(hours, [rule])",
  "PROD.HOURLY(day_rate, guaranteed_hours, [rule])",
  "PROD.DAYPAY(hourly_rate, hours, [rule])",
  "PROD.OVERTIME(hourly_rate, hours, [rule])",
  "PROD.WEEKPAY(hourly_rate, daily_hours, [rule], [weekly_threshold])",
  "PROD.OTPROJECT(hourly_rate, hours_per_day, shoot_days, [days_per_week], [rule])",
  "PROD.MEALPENALTY(minutes_late, [schedule])",
  "PROD.ACCTSUM(amounts, accounts, filter)",
  "PROD.CONTINGENCY(amounts, rate, [accounts], [exclude])",
  "PROD.TOPSHEET(accounts, amounts, [layout])",
  "PROD.ALLOCATE(total, weights)",
  "PROD.RENTAL(day_rate, days, [week_days])",
  "PROD.EFC(actual_to_date, commitments, etc)",
  "PROD.ETC(budget, committed, [percent_complete])",
  "PROD.VARIANCE(budget, efc, [convention])",
];

interface Parameter {
  name: string;
  description?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  parameters: Parameter[];
  result: { dimensionality?: "scalar" | "matrix" };
}

/** The spec signature as { id, parameters: [{ name, optional }] }. */
function parseSignature(signature: string): {
  id: string;
  parameters: { name: string; optional: boolean }[];
} {
  const m = /^PROD\.([A-Z]+)\((.*)\)$/.exec(signature);
  if (!m) throw new Error(`not a signature: ${signature}`);
  return {
    id: m[1],
    parameters: m[2].split(", ").map((p) => {
      const optional = p.startsWith("[");
      return { name: optional ? p.slice(1, -1) : p, optional };
    }),
  };
}

let metadata: Map<string, FunctionMetadata>;
let implementationOf: Map<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  // The same generator the webpack build runs, on the same sources: this is what Excel registers.
  const dir = path.join(root, "src/functions");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f));
  const result = await generateCustomFunctionsMetadata(files, false);
  expect(result.errors).toEqual([]);
  const json = JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] };
  metadata = new Map(json.functions.map((f) => [f.id, f]));
  implementationOf = new Map(
    result.associate.map((a) => [a.id, implementations[a.functionName] as (...args: unknown[]) => unknown]),
  );
}, 30_000);

/** Omitted optional argument, as Excel passes it. */
const OMIT = Symbol("omitted");
/** A range argument as its 2-D array of cells; a plain value is one cell. */
class Range {
  constructor(readonly cells: unknown[][]) {}
}
/** A column of cells. */
const column = (...values: unknown[]) => new Range(values.map((v) => [v]));
/** A row of cells. */
const row = (...values: unknown[]) => new Range([values]);

/**
 * Calls PROD.<id> as Excel does: a cell's value for a scalar parameter, a 2-D array for a range
 * parameter (one cell is [[value]]), null for an omitted optional argument.
 */
function excel(id: string, ...args: unknown[]): unknown {
  const meta = metadata.get(id);
  const impl = implementationOf.get(id);
  if (!meta || !impl) throw new Error(`PROD.${id} is not registered`);
  const passed = meta.parameters.map((p, i) => {
    const arg = i < args.length ? args[i] : OMIT;
    if (arg === OMIT) return null;
    if (p.dimensionality === "matrix") return arg instanceof Range ? arg.cells : [[arg]];
    if (arg instanceof Range) throw new Error(`${id}: ${p.name} takes one cell`);
    return arg;
  });
  return impl(...passed);
}

/** The value of a function that answers one cell (a 1x1 spill counts as one cell). */
function one(id: string, ...args: unknown[]): unknown {
  const out = excel(id, ...args);
  return Array.isArray(out) && out.length === 1 && Array.isArray(out[0]) && out[0].length === 1
    ? (out[0] as unknown[])[0]
    : out;
}

/** What Excel would show: the value, or the error code and its message. */
function shown(id: string, ...args: unknown[]): unknown {
  try {
    return one(id, ...args);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code, message: e.message };
  }
}

const error = (code: string, message: string | RegExp) =>
  expect.objectContaining({ code, message: expect.stringMatching(message) });

describe("the signatures line producers type", () => {
  it("registers every function of the spec (more may be added)", () => {
    for (const s of SPEC_SIGNATURES) expect([s, metadata.has(parseSignature(s).id)]).toEqual([s, true]);
  });

  it("gives every function an id and name of three characters or more (Microsoft's rule: OT was refused)", () => {
    const short = [...metadata.values()].filter((f) => f.id.length < 3 || f.name.length < 3);
    expect(short.map((f) => f.id)).toEqual([]);
  });

  it.each(SPEC_SIGNATURES)("%s: same name, argument order, names and optional arguments", (signature) => {
    const spec = parseSignature(signature);
    const meta = metadata.get(spec.id);
    expect(meta?.name).toBe(spec.id);
    expect(meta?.parameters.map((p) => ({ name: p.name, optional: p.optional === true }))).toEqual(
      spec.parameters,
    );
  });

  it.each(SPEC_SIGNATURES)("%s: has help short enough for Excel's autocomplete", (signature) => {
    const meta = metadata.get(parseSignature(signature).id);
    expect(meta?.description.length).toBeGreaterThan(20);
    expect(meta?.description.length).toBeLessThanOrEqual(255);
    for (const p of meta?.parameters ?? []) expect([p.name, Boolean(p.description)]).toEqual([p.name, true]);
  });

  it.each(SPEC_SIGNATURES)("%s: is the README's row for it", (signature) => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const table = readme.slice(readme.indexOf("## PROD functions"));
    expect(table).toContain(`| \`${signature}\` |`);
  });
});

describe("the worked values of the spec", () => {
  const rate750over10 = () => one("HOURLY", 750, 10) as number;

  it.each([
    ["PAIDHOURS(12)", () => one("PAIDHOURS", 12), 14],
    ["PAIDHOURS(10)", () => one("PAIDHOURS", 10), 11],
    ["PAIDHOURS(13)", () => one("PAIDHOURS", 13), 16],
    ['PAIDHOURS(12, "CA-7TH")', () => one("PAIDHOURS", 12, "CA-7TH"), 8 * 1.5 + 4 * 2],
    ['PAIDHOURS(12, "SAG-DAY")', () => one("PAIDHOURS", 12, "SAG-DAY"), 8 + 2 * 1.5 + 2 * 2],
    ['PAIDHOURS(12, "STRAIGHT")', () => one("PAIDHOURS", 12, "STRAIGHT"), 12],
    ['PAIDHOURS(20, "10:1.5,14:2,18:3")', () => one("PAIDHOURS", 20, "10:1.5,14:2,18:3"), 10 + 6 + 8 + 6],
    ["HOURLY(750, 10) x 11", () => (one("HOURLY", 750, 10) as number) * 11, 750],
    ["DAYPAY(HOURLY(750,10), 12)", () => one("DAYPAY", rate750over10(), 12), 954.55],
    ["OVERTIME(50, 12)", () => one("OVERTIME", 50, 12), 100],
    ["WEEKPAY(50, 5 x 12 h)", () => one("WEEKPAY", 50, row(12, 12, 12, 12, 12)), 3500],
    ["WEEKPAY(50, 6 x 12 h)", () => one("WEEKPAY", 50, row(12, 12, 12, 12, 12, 12)), 4400],
    ["OTPROJECT(50, 12, 12)", () => one("OTPROJECT", 50, 12, 12), 3500 * 2 + 700 * 2],
    // Issue 14, from the SAG-AFTRA meal periods page: 25 + 35 + 50 (the FAQ page says 25 + 25 + 50).
    ['MEALPENALTY(90, "SAG")', () => one("MEALPENALTY", 90, "SAG"), 110],
    ['MEALPENALTY(61, "7.5,10,12.5")', () => one("MEALPENALTY", 61, "7.5,10,12.5"), 7.5 + 10 + 12.5],
    ['MEALPENALTY(150, "7.5,10,12.5")', () => one("MEALPENALTY", 150, "7.5,10,12.5"), 7.5 + 10 + 12.5 * 3],
  ])("pay: %s = %p", (_formula, compute, expected) => {
    expect(compute()).toBeCloseTo(expected, 9);
  });

  it("HOURLY(750, 10) = 68.1818..., not rounded", () => {
    expect(one("HOURLY", 750, 10)).toBeCloseTo(68.181818181818, 11);
  });

  it.each([
    ["SS at 2026's cutoff", 200000, "SS", 184500 * 0.062],
    ["SS below the cutoff", 100000, "SS", 6200],
    ["SS-2025: the 2025 cutoff 176,100", 200000, "SS-2025", 10918.2],
    ["MEDICARE, no cap", 200000, "MEDICARE", 2900],
    ["FUTA to 7,000", 50000, "FUTA", 42],
    ["CA-SUI to 7,000", 50000, "CA-SUI", 238],
    ["CA-ETT to 7,000", 50000, "CA-ETT", 7],
    ["SAG-AFTRA P&H", 1000, "SAG-AFTRA-2025", 210],
    ["SAG-AFTRA ceiling $232,000 per performer per picture", 2000000, "SAG-AFTRA-2025", 48720],
    ["DGA-PENSION", 1000, "DGA-PENSION", 85],
    ["IATSE-IAP", 1000, "IATSE-IAP", 60],
    ["PAYROLL-US = SS + MEDICARE + FUTA", 1000, "PAYROLL-US", 82.5],
    ["names joined by commas", 1000, "SS,MEDICARE,FUTA", 82.5],
  ])("FRINGE: %s", (_label, wages, fringes, expected) => {
    expect(one("FRINGE", wages, fringes)).toBeCloseTo(expected, 9);
  });

  it.each([
    ["PAYROLL-CA", ["SS", "MEDICARE", "FUTA-CA", "CA-SUI", "CA-ETT"]],
    ["PAYROLL-NY", ["SS", "MEDICARE", "FUTA", "NY-SUI"]],
  ])("FRINGE: the preset %s is its fringes", (preset, names) => {
    expect(one("FRINGE", 50000, preset)).toBe(one("FRINGE", 50000, names.join(",")));
    expect(one("FRINGE", 50000, preset)).toBe(one("FRINGE", 50000, column(...names)));
  });

  it("FRINGE: a fringe table range (Name | Type | Rate | Cutoff), rate as a fraction or a percent", () => {
    const table = new Range([
      ["Name", "Type", "Rate", "Cutoff"],
      ["SUI", "%", 0.034, 7000],
      ["MPI", "HOUR", 0.5, null],
      ["Kit", "DAY", 10, null],
      ["Box", "WEEK", 100, null],
      ["Fee", "FLAT", 25, null],
    ]);
    // 238 SUI + 0.50 x 60 h + 10 x 5 days + 100 x 5 / 5 + 25.
    expect(one("FRINGE", 10000, table, 0, 60, 5)).toBe(238 + 30 + 50 + 100 + 25);
  });

  it('FRINGE(150000, "CA-SUI-2025", , , , 5) = 1,190.00: caps are per person (people)', () => {
    expect(one("FRINGE", 150000, "CA-SUI-2025", OMIT, OMIT, OMIT, 5)).toBe(1190);
  });

  it("FRINGE: a people of 0 is #VALUE! naming people", () => {
    expect(shown("FRINGE", 150000, "CA-SUI-2025", OMIT, OMIT, OMIT, 0)).toEqual(
      error("#VALUE!", /^people\b/),
    );
  });

  it("FRINGE: one person's column of lines reaches a cutoff once, and prior wages count toward it", () => {
    expect(excel("FRINGE", column(5000, 5000, 5000), "FUTA")).toEqual([[30], [12], [0]]);
    expect(one("FRINGE", 5000, "FUTA", 4000)).toBe(18);
  });

  it("FRINGERATE: combined percent rate, and the effective rate at a wage with caps", () => {
    expect(one("FRINGERATE", "PAYROLL-US")).toBeCloseTo(0.0825, 12);
    expect(one("FRINGERATE", "FUTA", 14000)).toBeCloseTo(0.003, 12);
    expect(one("FRINGERATE", "FUTA", 7000, 3500)).toBeCloseTo(0.003, 12);
  });

  it("FRINGEDETAIL: one row per fringe and a total row", () => {
    expect(excel("FRINGEDETAIL", 10000, "SS,FUTA")).toEqual([
      ["Fringe", "Type", "Rate", "Base", "Cutoff", "Amount"],
      [expect.stringMatching(/^SS/), "%", 0.062, 10000, 184500, 620],
      [expect.stringMatching(/^FUTA/), "%", 0.006, 7000, 7000, 42],
      ["Total", "", "", "", "", 662],
    ]);
  });

  const amounts = column(1000, 2000, 3000, 4000, 5000, 6000);
  const accounts = column(1101, 2000, "25-01", 4999, 6701, 7999);
  it.each([
    ["2000-4999", 2000 + 3000 + 4000],
    ["1100-7999,!6700", 21000 - 5000],
    ["2500-2599", 3000],
    ["!2000-4999", 1000 + 5000 + 6000],
    ["1101,7999", 7000],
  ])("ACCTSUM filter %p", (filter, expected) => {
    expect(one("ACCTSUM", amounts, accounts, filter)).toBe(expected);
  });

  it.each([
    ["rate x the sum", [amounts, 0.1], 2100],
    ["a percent text rate", [amounts, "10%"], 2100],
    ["leaving out the excluded accounts", [amounts, 0.1, accounts, "2000-4999"], 1200],
    ["excluding a category code", [amounts, 0.1, accounts, "6700"], 1600],
  ])("CONTINGENCY: %s", (_label, args, expected) => {
    expect(one("CONTINGENCY", ...args)).toBe(expected);
  });

  it.each(["FEATURE", "TV", "AICP", "DOC"])(
    "TOPSHEET %s: header, categories with totals, level subtotals, Below-the-line and Total",
    (layout) => {
      const codes = layout === "AICP" ? column("A", "B", "D114") : column(1101, "25-01", 2502);
      const sheet = excel("TOPSHEET", codes, column(100, 200, 300), layout) as unknown[][];
      expect(sheet[0]).toEqual(["Acct", "Description", "Total"]);
      const labels = sheet.map((r) => r[1]);
      expect(labels).toContain("Total Below-the-line");
      expect(sheet.find((r) => r[1] === "Total")?.[2]).toBe(600);
      const subtotals = sheet.filter((r) => String(r[1]).startsWith("Total ")).map((r) => r[1]);
      expect(subtotals.length).toBeGreaterThanOrEqual(3);
    },
  );

  it("TOPSHEET: FEATURE is the default and rolls 2500-2599 into 2500, with every level subtotal", () => {
    const sheet = excel(
      "TOPSHEET",
      column(1101, "25-01", 2599, 5001, 6701),
      column(1, 2, 3, 4, 5),
    ) as unknown[][];
    expect(sheet).toEqual(
      excel("TOPSHEET", column(1101, "25-01", 2599, 5001, 6701), column(1, 2, 3, 4, 5), "FEATURE"),
    );
    const total = (label: string) => sheet.find((r) => r[1] === label)?.[2];
    expect(sheet.find((r) => r[0] === 2500)?.[2]).toBe(5);
    expect(
      ["Above-the-line", "Production", "Post", "Other", "Below-the-line"].map((l) => total(`Total ${l}`)),
    ).toEqual([1, 5, 4, 5, 14]);
    expect(total("Total")).toBe(15);
  });

  it.each([
    [100, [1, 1, 1], [33.34, 33.33, 33.33]],
    [1000, [1, 2, 3, 4], [100, 200, 300, 400]],
    [0.05, [1, 1, 1, 1, 1, 1], [0.01, 0.01, 0.01, 0.01, 0.01, 0]],
    [-100, [1, 1, 1], [-33.34, -33.33, -33.33]],
  ])("ALLOCATE(%p, %p) = %p, the parts adding up to the total", (total, weights, parts) => {
    const out = excel("ALLOCATE", total, column(...weights)) as number[][];
    expect(out).toEqual(parts.map((p) => [p]));
    expect(Math.round(out.flat().reduce((a, b) => a + b, 0) * 100)).toBe(Math.round(total * 100));
  });

  it.each([
    ["7 days, no weekly deal", [100, 7], 700],
    ["12 days on a 3-day week: 3 + min(5, 3)", [100, 12, 3], 600],
    ["9 days on a 4-day week: 4 + 2", [100, 9, 4], 600],
    ["weeks used 5, 5, 2 on a 3-day week", [2500, column(5, 5, 2), 3], 20000],
  ])("RENTAL: %s", (_label, args, expected) => {
    expect(one("RENTAL", ...args)).toBe(expected);
  });

  it.each([
    ["EFC = actual + commitments + etc", ["EFC", 60000, 20000, 15000], 95000],
    ["ETC without percent: what is left of the budget", ["ETC", 100000, 80000], 20000],
    ["ETC never below 0", ["ETC", 100000, 120000], 0],
    ["ETC with percent: the run rate", ["ETC", 100000, 45000, 0.75], 15000],
    ["ETC at 0% complete falls back to the remaining budget (extension)", ["ETC", 100000, 30000, 0], 70000],
    ['VARIANCE "UNDER" (default)', ["VARIANCE", 100000, 105000], -5000],
    ['VARIANCE "UNDER"', ["VARIANCE", 100000, 95000, "UNDER"], 5000],
    ['VARIANCE "OVER"', ["VARIANCE", 100000, 105000, "OVER"], 5000],
  ])("cost report: %s", (_label, [id, ...args], expected) => {
    expect(one(id as string, ...args)).toBe(expected);
  });
});

describe("the conventions every function keeps", () => {
  /** A valid call of each function, argument by argument (Range for a range argument). */
  const VALID: Record<string, unknown[]> = {
    FRINGE: [1000, "PAYROLL-US", 0, 10, 1, 2],
    FRINGERATE: ["PAYROLL-US", 1000, 0],
    FRINGEDETAIL: [1000, "PAYROLL-US", 0, 10, 1, 2],
    PAIDHOURS: [12, "CA"],
    HOURLY: [750, 10, "CA"],
    DAYPAY: [50, 12, "CA"],
    OVERTIME: [50, 12, "CA"],
    WEEKPAY: [50, row(12, 12, 12, 12, 12), "CA", 40],
    OTPROJECT: [50, 12, 12, 5, "CA"],
    MEALPENALTY: [90, "SAG"],
    ACCTSUM: [column(100, 200), column(2501, 3301), "2000-2999"],
    CONTINGENCY: [column(100, 200), 0.1, column(2501, 3301), "3300"],
    TOPSHEET: [column(2501, 3301), column(100, 200), "FEATURE"],
    ALLOCATE: [100, column(1, 2)],
    RENTAL: [100, 12, 3],
    EFC: [1, 2, 3],
    ETC: [100, 45, 0.75],
    VARIANCE: [100, 90, "UNDER"],
  };

  /** The defaults of the spec: leaving the argument out gives the same as typing the default. */
  const DEFAULTS: [string, number, unknown][] = [
    ["FRINGE", 2, 0],
    ["FRINGERATE", 2, 0],
    ["FRINGEDETAIL", 2, 0],
    ["PAIDHOURS", 1, "CA"],
    ["HOURLY", 2, "CA"],
    ["DAYPAY", 2, "CA"],
    ["OVERTIME", 2, "CA"],
    ["WEEKPAY", 2, "CA"],
    ["WEEKPAY", 3, 40],
    ["OTPROJECT", 3, 5],
    ["OTPROJECT", 4, "CA"],
    ["MEALPENALTY", 1, "SAG"],
    ["TOPSHEET", 2, "FEATURE"],
    ["RENTAL", 2, 7],
    ["VARIANCE", 2, "UNDER"],
  ];

  /** Optional arguments without a value default: a blank one is the same as one left out. */
  const BLANK_IS_OMITTED: [string, number][] = [
    ["FRINGE", 3],
    ["FRINGE", 4],
    ["FRINGERATE", 1],
    ["FRINGEDETAIL", 3],
    ["FRINGEDETAIL", 4],
    ["CONTINGENCY", 2],
    ["CONTINGENCY", 3],
    ["ETC", 2],
  ];

  const withArg = (id: string, index: number, value: unknown, upTo = VALID[id].length) => {
    const args = VALID[id].slice(0, upTo);
    while (args.length <= index) args.push(OMIT);
    args[index] = value;
    return args;
  };
  const leftOut = (id: string, index: number) => withArg(id, index, OMIT, index + 1);

  it.each(DEFAULTS)("%s: argument %i left out, blank or empty takes its default %p", (id, index, value) => {
    const expected = shown(id, ...withArg(id, index, value, index + 1));
    expect(expected).not.toHaveProperty("code");
    expect(shown(id, ...leftOut(id, index))).toEqual(expected);
    expect(shown(id, ...withArg(id, index, null, index + 1))).toEqual(expected);
    expect(shown(id, ...withArg(id, index, "", index + 1))).toEqual(expected);
  });

  // Desktop Excel passes an empty cell as 0 where the web passes null or "" (engineering.md): an
  // optional argument pointed at an empty cell must answer the same on both.
  it.each(DEFAULTS)(
    "%s: argument %i pointed at an empty cell on desktop (0) takes its default %p",
    (id, index, value) => {
      const expected = shown(id, ...withArg(id, index, value));
      expect(expected).not.toHaveProperty("code");
      expect(shown(id, ...withArg(id, index, 0))).toEqual(expected);
      expect(shown(id, ...withArg(id, index, null))).toEqual(expected);
    },
  );

  it.each(BLANK_IS_OMITTED)("%s: a blank argument %i is the same as leaving it out", (id, index) => {
    const expected = shown(id, ...leftOut(id, index));
    expect(expected).not.toHaveProperty("code");
    expect(shown(id, ...withArg(id, index, null, index + 1))).toEqual(expected);
    expect(shown(id, ...withArg(id, index, "", index + 1))).toEqual(expected);
  });

  /** Optional arguments where 0 means nothing: empty cells on desktop (0) are as good as left out. */
  const ZERO_IS_OMITTED: [string, number, unknown][] = [
    ["CONTINGENCY", 2, 0],
    ["CONTINGENCY", 3, 0],
    ["CONTINGENCY", 3, column(0, 0)],
    ["ETC", 2, 0],
  ];

  it.each(ZERO_IS_OMITTED)(
    "%s: argument %i on empty cells on desktop (%p) is left out, as on the web",
    (id, index, zero) => {
      const expected = shown(id, ...leftOut(id, index));
      expect(expected).not.toHaveProperty("code");
      expect(shown(id, ...withArg(id, index, zero, index + 1))).toEqual(expected);
    },
  );

  /** Every argument where a number belongs, by function: [id, index, name]. */
  const NUMERIC: [string, number, string][] = [
    ["FRINGE", 0, "wages"],
    ["FRINGE", 2, "prior_wages"],
    ["FRINGE", 3, "hours"],
    ["FRINGE", 4, "days"],
    ["FRINGE", 5, "people"],
    ["FRINGERATE", 1, "wages"],
    ["FRINGERATE", 2, "prior_wages"],
    ["FRINGEDETAIL", 0, "wages"],
    ["FRINGEDETAIL", 2, "prior_wages"],
    ["FRINGEDETAIL", 3, "hours"],
    ["FRINGEDETAIL", 4, "days"],
    ["FRINGEDETAIL", 5, "people"],
    ["PAIDHOURS", 0, "hours"],
    ["HOURLY", 0, "day_rate"],
    ["HOURLY", 1, "guaranteed_hours"],
    ["DAYPAY", 0, "hourly_rate"],
    ["DAYPAY", 1, "hours"],
    ["OVERTIME", 0, "hourly_rate"],
    ["OVERTIME", 1, "hours"],
    ["WEEKPAY", 0, "hourly_rate"],
    ["WEEKPAY", 1, "daily_hours"],
    ["WEEKPAY", 3, "weekly_threshold"],
    ["OTPROJECT", 0, "hourly_rate"],
    ["OTPROJECT", 1, "hours_per_day"],
    ["OTPROJECT", 2, "shoot_days"],
    ["OTPROJECT", 3, "days_per_week"],
    ["MEALPENALTY", 0, "minutes_late"],
    ["ACCTSUM", 0, "amounts"],
    ["CONTINGENCY", 0, "amounts"],
    ["CONTINGENCY", 1, "rate"],
    ["TOPSHEET", 1, "amounts"],
    ["ALLOCATE", 0, "total"],
    ["ALLOCATE", 1, "weights"],
    ["RENTAL", 0, "day_rate"],
    ["RENTAL", 1, "days"],
    ["RENTAL", 2, "week_days"],
    ["EFC", 0, "actual_to_date"],
    ["EFC", 1, "commitments"],
    ["EFC", 2, "etc"],
    ["ETC", 0, "budget"],
    ["ETC", 1, "committed"],
    ["ETC", 2, "percent_complete"],
    ["VARIANCE", 0, "budget"],
    ["VARIANCE", 1, "efc"],
  ];

  it.each(NUMERIC)("%s: text for argument %i answers #VALUE! naming %s", (id, index, name) => {
    const original = VALID[id][index];
    const text = original instanceof Range ? new Range(original.cells.map((r) => r.map(() => "abc"))) : "abc";
    expect(shown(id, ...withArg(id, index, text))).toEqual(
      error("#VALUE!", new RegExp(`^${name}\\b.*"abc"`)),
    );
  });

  it("every numeric argument of every spec function is checked above", () => {
    const checked = new Set(NUMERIC.map(([id, , name]) => `${id}.${name}`));
    const names = ["fringes", "rule", "schedule", "filter", "accounts", "exclude", "layout", "convention"];
    // The spec's functions only: a function added later keeps its conventions in its own tests.
    const expected = SPEC_SIGNATURES.map((s) => parseSignature(s))
      .flatMap((f) => f.parameters.map((p) => `${f.id}.${p.name}`))
      .filter((k) => !names.includes(k.split(".")[1]));
    expect(expected.filter((k) => !checked.has(k))).toEqual([]);
  });

  it.each([
    ["FRINGE", 1, "NOPE", "SS, MEDICARE"],
    ["FRINGERATE", 0, "NOPE", "PAYROLL-US"],
    ["FRINGEDETAIL", 1, "SS-1999", "SS-2025, SS-2026"],
    ["PAIDHOURS", 1, "NY", "CA, CA-7TH, IATSE, IATSE-6TH, IATSE-7TH, SAG-DAY, STRAIGHT"],
    ["HOURLY", 2, "NY", "CA-7TH"],
    ["DAYPAY", 2, "NY", "SAG-DAY"],
    ["OVERTIME", 2, "NY", "STRAIGHT"],
    ["WEEKPAY", 2, "NY", "CA-7TH"],
    ["OTPROJECT", 4, "NY", "CA-7TH"],
    ["MEALPENALTY", 1, "DGA", "SAG"],
    ["TOPSHEET", 2, "FILM", "FEATURE, TV, AICP, DOC"],
    ["VARIANCE", 2, "SIDEWAYS", "UNDER, OVER"],
  ])("%s: an unknown name in argument %i (%p) answers #N/A listing %s", (id, index, name, known) => {
    expect(shown(id, ...withArg(id, index, name))).toEqual(error("#N/A", `Known: .*${known}`));
  });

  it.each([
    ["HOURLY: a guaranteed day of 0 hours", "HOURLY", [750, 0]],
    ["ALLOCATE: weights that are all 0", "ALLOCATE", [100, column(0, 0)]],
    ["FRINGERATE: the effective rate at 0 wages", "FRINGERATE", ["SS", 0]],
  ])("%s answers #DIV/0!", (_label, id, args) => {
    expect(shown(id, ...args)).toEqual(expect.objectContaining({ code: "#DIV/0!" }));
  });

  /** Functions whose first range argument spills one result per cell. */
  const SPILLS: [string, unknown[], number[]][] = [
    ["FRINGE", [column(100, 200, 300), "MEDICARE"], [1.45, 2.9, 4.35]],
    ["FRINGERATE", ["SS", column(100, 200, 300)], [0.062, 0.062, 0.062]],
    ["PAIDHOURS", [column(8, 10, 12)], [8, 11, 14]],
    ["HOURLY", [column(800, 1100, 1400), 12, "STRAIGHT"], [800 / 12, 1100 / 12, 1400 / 12]],
    ["DAYPAY", [50, column(8, 10, 12)], [400, 550, 700]],
    ["OVERTIME", [50, column(8, 10, 12)], [0, 50, 100]],
    ["MEALPENALTY", [column(0, 30, 60)], [0, 25, 60]],
    ["RENTAL", [column(100, 200, 300), 7], [700, 1400, 2100]],
    ["ALLOCATE", [300, column(1, 1, 1)], [100, 100, 100]],
    ["EFC", [column(1, 2, 3), 1, 1], [3, 4, 5]],
    ["ETC", [column(100, 200, 300), 50], [50, 150, 250]],
    ["VARIANCE", [column(100, 200, 300), 150], [-50, 50, 150]],
  ];

  it.each(SPILLS)("%s: a column of 3 cells spills 3 results", (id, args, expected) => {
    const out = excel(id, ...args) as number[][];
    expect(out).toHaveLength(expected.length);
    out.forEach((r, i) => {
      expect(r).toHaveLength(1);
      expect(r[0]).toBeCloseTo(expected[i], 9);
    });
  });

  // Each row of these spills is a line of its own (FRINGE's column is one person's running total
  // and ALLOCATE's parts share one total, so a bad cell there is the whole answer's error).
  const PER_ROW = SPILLS.filter(([id]) => id !== "FRINGE" && id !== "ALLOCATE");

  it.each(PER_ROW)(
    "%s: a bad cell in the middle of the column errs in its own row only",
    (id, args, expected) => {
      const index = args.findIndex((arg) => arg instanceof Range);
      const cells = (args[index] as Range).cells.map((r) => [...r]);
      cells[1][0] = "abc";
      const out = excel(id, ...args.map((arg, i) => (i === index ? new Range(cells) : arg))) as unknown[][];
      const name = metadata.get(id)?.parameters[index].name ?? "";
      expect(out).toHaveLength(3);
      expect(out[0][0]).toBeCloseTo(expected[0], 9);
      expect(out[1][0]).toEqual(
        error("#VALUE!", new RegExp(`^${name} \\(row 2\\) must be a number, got "abc"`)),
      );
      expect(out[2][0]).toBeCloseTo(expected[2], 9);
    },
  );

  // Exact halves of a cent reached through a rate or a sum, chosen where binary floating point
  // lands below the half (0.0225 x 10 = 0.22499999999999998, 14.5 x 0.01 = 0.145 -> 0.14 with
  // Math.round, -1.3 x 0.05 -> -0.06): only decimal arithmetic rounded once gets them right.
  it.each([
    ["CONTINGENCY 1% of 14.50", () => one("CONTINGENCY", column(14.5), 0.01), 0.15],
    ["CONTINGENCY 1% of a -14.50 credit", () => one("CONTINGENCY", column(-14.5), 0.01), -0.15],
    ["CONTINGENCY 5% of a -1.30 credit", () => one("CONTINGENCY", column(-1.3), "5%"), -0.07],
    ["DAYPAY 0.0225/h x 10 h straight", () => one("DAYPAY", 0.0225, 10, "STRAIGHT"), 0.23],
    ["FRINGE 6.2% of 12.50", () => one("FRINGE", 12.5, "SS"), 0.78],
    ["MEALPENALTY 0.125 per step", () => one("MEALPENALTY", 1, "0.125"), 0.13],
    ["EFC 1.005", () => one("EFC", 1.005, 0, 0), 1.01],
    ["EFC -1.005", () => one("EFC", -1.005, 0, 0), -1.01],
    ["VARIANCE 0 - 2.345", () => one("VARIANCE", 0, 2.345), -2.35],
    ["ETC run rate 0.015 / 50% - 0.015", () => one("ETC", 100, 0.015, 0.5), 0.02],
    [
      "ACCTSUM rounds once: 0.004 + 0.004",
      () => one("ACCTSUM", column(0.004, 0.004), column(2501, 2502), "2500"),
      0.01,
    ],
    ["ACCTSUM a -0.005 credit", () => one("ACCTSUM", column(-0.005), column(2501), "2500"), -0.01],
  ])("rounds money half away from zero, once, at the end: %s", (_label, compute, expected) => {
    expect(compute()).toBe(expected);
  });
});
