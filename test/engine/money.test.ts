import fc from "fast-check";
import {
  Decimal,
  parseNumericText,
  roundCents,
  toDecimal,
  isBlank,
  isBlankOrSpaces,
  isOmitted,
  toDecimalOr,
  toMoney,
  toNonNegative,
  toSettingOr,
} from "../../src/engine/money";
import { ProdError } from "../../src/engine/errors";

const d = (s: string | number) => new Decimal(s);

describe("roundCents: once, to cents, half away from zero", () => {
  it.each([
    ["0.145", "0.15"],
    ["-0.145", "-0.15"],
    ["2.345", "2.35"],
    ["-2.345", "-2.35"],
    ["0.125", "0.13"],
    ["0.135", "0.14"],
    ["1.005", "1.01"],
    ["1.0049999", "1"],
    ["-0.005", "-0.01"],
    ["0.004999", "0"],
  ])("rounds %s to %s", (input, expected) => {
    expect(roundCents(d(input)).toString()).toBe(expected);
  });

  it("gets right what binary floating point gets wrong", () => {
    // In doubles 1.005 * 100 = 100.49999999999999 and 0.145 is 0.144999..., so Math.round fails.
    expect(Math.round(1.005 * 100) / 100).toBe(1);
    expect(toMoney(toDecimal(1.005, "x"))).toBe(1.01);
    expect(toMoney(toDecimal(0.145, "x"))).toBe(0.15);
    expect(toMoney(toDecimal(-0.145, "x"))).toBe(-0.15);
    // 0.1 + 0.2 in a cell is 0.30000000000000004 as a double; Excel shows (and PROD reads) 0.3.
    expect(toDecimal(0.1 + 0.2, "x").toString()).toBe("0.3");
    // Ten dimes are exactly a dollar in decimal, not 0.9999999999999999.
    let total = d(0);
    for (let i = 0; i < 10; i++) total = total.plus(toDecimal(0.1, "x"));
    expect(total.toString()).toBe("1");
  });

  it("is symmetric: rounding -x is minus rounding x", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 999 }),
        (w, f) => {
          const x = d(w).plus(d(f).div(1000));
          expect(roundCents(x.neg()).eq(roundCents(x).neg())).toBe(true);
        },
      ),
    );
  });

  it("never moves a value by more than half a cent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const v = toDecimal(x, "x");
        expect(roundCents(v).minus(v).abs().lte("0.005")).toBe(true);
      }),
    );
  });
});

describe("reading values from Excel", () => {
  it.each<[unknown, string]>([
    [1250.5, "1250.5"],
    ["1250.5", "1250.5"],
    ["1,250.50", "1250.5"],
    ["$2,500.00", "2500"],
    [" $2,500 ", "2500"],
    ["-$45", "-45"],
    ["$-45", "-45"],
    ["(1,200.00)", "-1200"],
    ["10%", "0.1"],
    ["6.2%", "0.062"],
    ["1e3", "1000"],
    [".5", "0.5"],
  ])("reads %p as %s", (value, expected) => {
    expect(toDecimal(value, "wages").toString()).toBe(expected);
  });

  it.each<[number, string]>([
    [0.1 + 0.2, "0.3"],
    [1.005 * 1000, "1005"],
    [73.3875 * 16.4, "1203.555"],
    [1 / 3, "0.333333333333333"],
    [1.5e-7, "0.00000015"],
    [-0.000123, "-0.000123"],
    [123456789.12345678, "123456789.123457"],
  ])("reads the number %p as the %s the cell shows (15 significant digits)", (value, expected) => {
    expect(toDecimal(value, "wages").toString()).toBe(expected);
  });

  it("reads any fraction as its value at Excel's 15 significant digits, whole numbers as they are", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const shown = Number.isInteger(x) ? x : Number(x.toPrecision(15));
        expect(toDecimal(x, "x").eq(new Decimal(shown))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[unknown, string]>([
    ["abc", 'wages must be a number, got "abc"'],
    ["1,2", 'wages must be a number, got "1,2"'],
    ["(12", 'wages must be a number, got "(12"'],
    ["--5", 'wages must be a number, got "--5"'],
    [true, "wages must be a number, got TRUE"],
    [Number.NaN, "wages must be a number, got NaN"],
    [Number.POSITIVE_INFINITY, "wages must be a number, got Infinity"],
    [null, "wages is required, got a blank cell"],
    ["", "wages is required, got a blank cell"],
  ])("rejects %p with a message naming the argument", (value, message) => {
    expect(() => toDecimal(value, "wages")).toThrow(new ProdError("invalid", message));
  });

  it("gives blanks of an optional argument its default", () => {
    expect(toDecimalOr(null, "prior_wages", 0).toString()).toBe("0");
    expect(toDecimalOr("", "weekly_threshold", 40).toString()).toBe("40");
    expect(toDecimalOr(12, "weekly_threshold", 40).toString()).toBe("12");
  });

  it.each<[unknown, boolean]>([
    [null, true],
    [undefined, true],
    ["", true],
    [0, true],
    [-0, true],
    [0.5, false],
    ["0", false],
    ["CA", false],
    [false, false],
  ])(
    "treats %p as an omitted optional argument: %p (desktop Excel passes an empty cell as 0)",
    (value, omitted) => {
      expect(isOmitted(value)).toBe(omitted);
    },
  );

  it.each<[unknown, boolean, boolean]>([
    [null, true, true],
    [undefined, true, true],
    ["", true, true],
    ["   ", false, true],
    ["\t", false, true],
    [" x ", false, false],
    [0, false, false],
  ])(
    "reads %p as blank: %p as an argument (Excel counts spaces as text), %p in a table or file",
    (value, blank, blankOrSpaces) => {
      expect([isBlank(value), isBlankOrSpaces(value)]).toEqual([blank, blankOrSpaces]);
    },
  );

  it("gives an optional setting its default for blank and for 0, never for another number", () => {
    expect(toSettingOr(0, "days_per_week", 5).toString()).toBe("5");
    expect(toSettingOr(null, "days_per_week", 5).toString()).toBe("5");
    expect(toSettingOr(6, "days_per_week", 5).toString()).toBe("6");
    expect(toSettingOr("6", "days_per_week", 5).toString()).toBe("6");
    expect(() => toSettingOr("six", "days_per_week", 5)).toThrow('days_per_week must be a number, got "six"');
  });

  it("rejects negative values where only 0 or more makes sense", () => {
    expect(() => toNonNegative(-2, "hours")).toThrow("hours must be 0 or more, got -2");
    expect(toNonNegative(0, "hours").toString()).toBe("0");
  });

  it("parses numeric text only when all of it is a number", () => {
    expect(parseNumericText("12 apples")).toBeUndefined();
    expect(parseNumericText("$")).toBeUndefined();
    expect(parseNumericText("1,234,567.891")?.toString()).toBe("1234567.891");
  });
});
