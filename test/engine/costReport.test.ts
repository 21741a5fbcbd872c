import { allocate } from "../../src/engine/allocate";
import {
  estimatedFinalCost,
  estimateToComplete,
  toVarianceConvention,
  variance,
  VARIANCE_CONVENTIONS,
} from "../../src/engine/costReport";
import { Decimal } from "../../src/engine/money";

const d = (n: number | string) => new Decimal(n);

describe("cost-report engine (reference.md 5.1)", () => {
  it("reproduces the worked example: EFC 105,000, variance -5,000 UNDER, +5,000 OVER", () => {
    const efc = estimatedFinalCost(d(62000), d(18000), d(25000));
    expect(efc.toFixed()).toBe("105000");
    expect(variance(d(100000), efc, "UNDER").toFixed()).toBe("-5000");
    expect(variance(d(100000), efc, "OVER").toFixed()).toBe("5000");
  });

  it("estimates what is left of the budget, never below 0", () => {
    expect(estimateToComplete(d(100000), d(80000)).toFixed()).toBe("20000");
    expect(estimateToComplete(d(100000), d(120000)).toFixed()).toBe("0");
  });

  it("estimates by run rate when given a percent complete", () => {
    expect(estimateToComplete(d(60000), d(45000), d("0.75")).toFixed()).toBe("15000");
  });

  it.each([
    [null, "UNDER"],
    ["", "UNDER"],
    ["over", "OVER"],
    ["Over/(Under)", "OVER"],
  ])("reads the convention %p as %s", (value, expected) => {
    expect(toVarianceConvention(value, "convention")).toBe(expected);
  });

  it("lists the known conventions when a name is unknown", () => {
    expect(() => toVarianceConvention("SIDEWAYS", "convention")).toThrow(
      `Unknown convention "SIDEWAYS". Known: ${VARIANCE_CONVENTIONS.join(", ")}`,
    );
  });
});

describe("allocation engine", () => {
  it("splits exactly, to the cent, the leftover cent to the largest remainder", () => {
    expect(allocate(d(100), [d(1), d(1), d(1)]).map((p) => p.toFixed(2))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
  });

  it("gives a zero weight nothing and refuses weights that add up to 0", () => {
    expect(allocate(d("0.01"), [d(0), d(1)]).map((p) => p.toFixed(2))).toEqual(["0.00", "0.01"]);
    expect(() => allocate(d(1), [d(0)])).toThrow("weights add up to 0: cannot divide by zero");
  });
});
