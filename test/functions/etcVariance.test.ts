import fc from "fast-check";
import { efc, etcFunction as etc, varianceFunction as variance } from "../../src/functions/costReport";

const col = (values: unknown[]) => values.map((v) => [v]);

describe("reference.md 5.1 worked example", () => {
  // Budget 100,000; actual to date 62,000; open POs 18,000; ETC 25,000.
  it("gives EFC 105,000 and a variance of -5,000 (UNDER) or +5,000 (OVER)", () => {
    const final = efc([[62000]], [[18000]], [[25000]]);
    expect(final).toEqual([[105000]]);
    expect(variance([[100000]], final, null as unknown as unknown[][])).toEqual([[-5000]]);
    expect(variance([[100000]], final, [["UNDER"]])).toEqual([[-5000]]);
    expect(variance([[100000]], final, [["OVER"]])).toEqual([[5000]]);
  });
});

describe("PROD.ETC", () => {
  it("is what is left of the budget: 100,000 − 80,000 committed = 20,000", () => {
    expect(etc([[100000]], [[80000]])).toEqual([[20000]]);
  });

  it("never goes below 0 on an account already over budget", () => {
    expect(etc([[100000]], [[105000]])).toEqual([[0]]);
  });

  it.each([
    [0.75, 15000],
    ["75%", 15000],
    [1, 0],
    [0.3, 105000],
  ])("projects the run rate at %p complete: 45,000 committed -> %p to go", (percent, expected) => {
    expect(etc([[60000]], [[45000]], [[percent]])).toEqual([[expected]]);
  });

  it("spills a column, a blank percent complete using that row's remaining budget", () => {
    expect(etc(col([100000, 50000, null]), col([80000, 45000, 0]), col([null, 0.75, ""]))).toEqual([
      [20000],
      [15000],
      [0],
    ]);
  });

  it("rounds the run rate once, to the cent", () => {
    // 100 / 0.3 − 100 = 233.333...
    expect(etc([[0]], [[100]], [[0.3]])).toEqual([[233.33]]);
  });

  it("falls back to the remaining budget at 0% complete: no run rate without progress", () => {
    expect(etc([[100000]], [[30000]], [[0]])).toEqual([[70000]]);
    expect(etc([[100000]], [[30000]], [["0%"]])).toEqual([[70000]]);
  });

  it.each([
    [
      80,
      "percent_complete must be from 0% to 100% (a fraction such as 0.8 or a percent such as 80%), got 80",
    ],
    [
      -0.5,
      "percent_complete must be from 0% to 100% (a fraction such as 0.8 or a percent such as 80%), got -0.5",
    ],
    ["half", 'percent_complete must be a number, got "half"'],
  ])("answers percent_complete %p with #VALUE!", (percent, message) => {
    expect(() => etc([[100]], [[50]], [[percent]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message }),
    );
  });

  it("answers a text budget with #VALUE! naming it", () => {
    expect(() => etc([["plenty"]], [[50]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: 'budget must be a number, got "plenty"' }),
    );
  });

  it("answers columns of different sizes with #VALUE!", () => {
    expect(() => etc(col([1, 2, 3]), col([1, 2]))).toThrow(
      expect.objectContaining({
        code: "#VALUE!",
        message: "committed has 2 cells but budget has 3: they must be the same size",
      }),
    );
  });

  it("makes EFC = committed + ETC: the larger of budget and committed, or committed / percent complete", () => {
    const cents = fc.integer({ min: 0, max: 1_000_000_00 });
    fc.assert(
      fc.property(cents, cents, cents, fc.option(fc.integer({ min: 1, max: 100 })), (b, a, p, pct) => {
        const [budget, actual, pos] = [b / 100, a / 100, p / 100];
        const committed = (a + p) / 100;
        const percent = pct === null ? null : pct / 100;
        const [[toGo]] = etc([[budget]], [[committed]], [[percent]]) as number[][];
        const [[final]] = efc([[actual]], [[pos]], [[toGo]]) as number[][];
        expect(Math.round(final * 100)).toBe(a + p + Math.round(toGo * 100));
        if (pct === null) expect(Math.round(final * 100)).toBe(Math.max(b, a + p));
        else expect(Math.abs(final - committed / percent!)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});

describe("PROD.VARIANCE", () => {
  it.each([
    ["under", -5000],
    [" Over ", 5000],
    ["Under/(Over)", -5000],
    ["OVER/(UNDER)", 5000],
  ])("reads the convention %p", (convention, expected) => {
    expect(variance([[100000]], [[105000]], [[convention]])).toEqual([[expected]]);
  });

  it("spills a column, positive = under budget, rounding 9,999.995 half away from zero", () => {
    expect(variance(col([100000, 50000, null]), col([105000, 40000.005, 10]), [["UNDER"]])).toEqual([
      [-5000],
      [10000],
      [-10],
    ]);
  });

  it("answers an unknown convention with #N/A listing the known ones", () => {
    expect(() => variance([[1]], [[2]], [["OVRE"]])).toThrow(
      expect.objectContaining({
        code: "#N/A",
        message: 'Unknown convention "OVRE". Did you mean OVER? Known: UNDER, OVER',
      }),
    );
  });

  it("answers a text EFC with #VALUE!", () => {
    expect(() => variance([[1]], [["n/a"]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: 'efc must be a number, got "n/a"' }),
    );
  });
});
