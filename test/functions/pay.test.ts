import fc from "fast-check";
import { dayPay, hourly, ot, paidHours } from "../../src/functions/pay";

const VALUE = (message: string | RegExp) =>
  expect.objectContaining({ code: "#VALUE!", message: expect.stringMatching(message) });

describe("PROD.PAIDHOURS", () => {
  it.each([
    [12, 14],
    [10, 11],
    [13, 16],
    [12.5, 15],
    [8, 8],
    [0, 0],
  ])("turns a %p-hour California day into %p paid hours", (hours, paid) => {
    expect(paidHours([[hours]])).toEqual([[paid]]);
    expect(paidHours([[hours]], "CA")).toEqual([[paid]]);
  });

  it("spills one result per row of hours, under the rule given", () => {
    expect(paidHours([[10], [11], [12]], "SAG-DAY")).toEqual([[11], [13], [15]]);
    expect(paidHours([[12, 20]], "10:1.5,14:2,18:3")).toEqual([[13], [10 + 6 + 8 + 6]]);
  });

  it.each([
    ["negative hours", [[-2]], undefined, "#VALUE!", "hours must be 0 or more, got -2"],
    ["text hours", [["twelve"]], undefined, "#VALUE!", 'hours must be a number, got "twelve"'],
    ["blank hours", [[null]], undefined, "#VALUE!", "hours is required, got a blank cell"],
    [
      "descending thresholds",
      [[12]],
      "12:2,8:1.5",
      "#VALUE!",
      "rule thresholds must go up: 8 comes after 12",
    ],
    ["a multiplier below 1", [[12]], "8:0.9", "#VALUE!", "rule multipliers must be 1 or more"],
    ["an unknown preset", [[12]], "NY", "#N/A", "Known: CA, CA-7TH, SAG-DAY, STRAIGHT"],
  ])("answers %s with the right error", (_label, hours, rule, code, message) => {
    expect(() => paidHours(hours, rule)).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) }),
    );
  });
});

describe("PROD.HOURLY", () => {
  it("gives the unrounded hourly rate behind $750/10", () => {
    const [[rate]] = hourly([[750]], [[10]]);
    expect(rate).toBeCloseTo(68.181818181818, 12);
    expect(rate).toBe(750 / 11);
  });

  it("gives $150/hr for a $1,200 SAG-AFTRA day performer (8 guaranteed hours)", () => {
    expect(hourly([[1200]], [[8]], "SAG-DAY")).toEqual([[150]]);
  });

  it("answers zero guaranteed hours with #DIV/0!", () => {
    expect(() => hourly([[750]], [[0]])).toThrow(expect.objectContaining({ code: "#DIV/0!" }));
  });

  it("rejects a text day rate, naming it", () => {
    expect(() => hourly([["750/10"]], [[10]])).toThrow(VALUE('day_rate must be a number, got "750/10"'));
  });
});

describe("PROD.DAYPAY", () => {
  const [[rate750]] = hourly([[750]], [[10]]);

  it.each([
    [12, 954.55],
    [13, 1090.91],
    [15, 1363.64],
    [12.5, 1022.73],
  ])("pays a $750/10 crew member %p hours: $%p", (hours, pay) => {
    expect(dayPay([[rate750]], [[hours]])).toEqual([[pay]]);
  });

  it("pays the SAG-AFTRA $1,200 day performer $1,950 for 11 hours (reference.md 4.5 ex. 3)", () => {
    const [[rate]] = hourly([[1200]], [[8]], "SAG-DAY");
    expect(dayPay([[rate]], [[11]], "SAG-DAY")).toEqual([[1950]]);
  });

  it("spills a column of days", () => {
    expect(dayPay([[50]], [[8], [10], [12], [14]])).toEqual([[400], [550], [700], [900]]);
  });

  it("rejects negative or non-numeric input, naming the argument", () => {
    expect(() => dayPay([[50]], [[-1]])).toThrow(VALUE("hours must be 0 or more, got -1"));
    expect(() => dayPay([[50]], [[true]])).toThrow(VALUE("hours must be a number, got TRUE"));
    expect(() => dayPay([["fifty"]], [[8]])).toThrow(VALUE('hourly_rate must be a number, got "fifty"'));
  });

  it("is hourly rate x PAIDHOURS, to the cent", () => {
    // Independent of the engine: CA paid hours in eighths of an hour from hours in quarters,
    // then rate (cents) x paid eighths / 8 rounded half up, all in integers.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 96 }),
        (cents, quarters) => {
          const q = BigInt(quarters);
          const min = (a: bigint, b: bigint) => (a < b ? a : b);
          const max = (a: bigint, b: bigint) => (a > b ? a : b);
          const eighths = 2n * min(q, 32n) + 3n * min(max(q - 32n, 0n), 16n) + 4n * max(q - 48n, 0n);
          const expectedCents = (2n * BigInt(cents) * eighths + 8n) / 16n;
          const [[pay]] = dayPay([[cents / 100]], [[quarters / 4]]);
          expect(Math.round(pay * 100)).toBe(Number(expectedCents));
          const [[paid]] = paidHours([[quarters / 4]]);
          expect(paid).toBe(Number(eighths) / 8);
        },
      ),
    );
  });
});

describe("PROD.OT", () => {
  it.each([
    [50, 12, undefined, 100],
    [50, 8, undefined, 0],
    [50, 13, undefined, 150],
    [150, 11, "SAG-DAY", 300],
    [50, 12, "STRAIGHT", 0],
  ])("pays %p/hr x %p hours under %p an overtime premium of $%p", (rate, hours, rule, premium) => {
    expect(ot([[rate]], [[hours]], rule)).toEqual([[premium]]);
  });

  it("is DAYPAY minus straight time, to the cent", () => {
    const [[rate750]] = hourly([[750]], [[10]]);
    // 954.5454... - 12 x 68.1818... = 136.3636... -> 136.36
    expect(ot([[rate750]], [[12]])).toEqual([[136.36]]);
  });
});
