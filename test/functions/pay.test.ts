import fc from "fast-check";
import {
  dayPay,
  hourly,
  mealPenalty,
  otProject,
  overtime,
  paidHours,
  weekPay,
} from "../../src/functions/pay";

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

  it("answers a bad day in a column of hours in that row alone, naming the row", () => {
    const [first, second, third] = paidHours([[8], ["ten"], [12]]);
    expect([first, third]).toEqual([[8], [14]]);
    expect(second[0]).toEqual(
      expect.objectContaining({ code: "#VALUE!", message: 'hours (row 2) must be a number, got "ten"' }),
    );
  });

  it("reads a blank day as 0 hours, as desktop Excel passes it (one rule on every host)", () => {
    expect(paidHours([[8], [null], [0], [12]])).toEqual([[8], [0], [0], [14]]);
  });

  it.each([
    ["negative hours", [[-2]], undefined, "#VALUE!", "hours must be 0 or more, got -2"],
    ["text hours", [["twelve"]], undefined, "#VALUE!", 'hours must be a number, got "twelve"'],
    [
      "descending thresholds",
      [[12]],
      "12:2,8:1.5",
      "#VALUE!",
      "rule thresholds must go up: 8 comes after 12",
    ],
    ["a multiplier below 1", [[12]], "8:0.9", "#VALUE!", "rule multipliers must be 1 or more"],
    [
      "an unknown preset",
      [[12]],
      "NY",
      "#N/A",
      "Known: CA, CA-7TH, IATSE, IATSE-6TH, IATSE-7TH, SAG-DAY, STRAIGHT",
    ],
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

  it.each([
    // reference.md 4.5 ex. 1: IATSE hourly crew at $50, 12 hours = 8 + 4 x 1.5 = 14 paid hours.
    ["IATSE", 12, 700],
    // Golden Hours (lawinsider golden-hour provisions; 3x past 15 hours after call, wrapbook):
    // 8 + 5.5 x 1.5 + 1 x 2 + 1 x 3 = 21.25 paid hours.
    ["IATSE", 15.5, 1062.5],
    ["IATSE-6TH", 12, 900],
    ["IATSE-7TH", 12, 1200],
    // SAG-AFTRA tenths (sagaftra.org/overtime): 10.33 hours is paid as 10.4 = 8 + 3 + 0.8.
    ["SAG-DAY", 10.33, 590],
  ])("under %s pays $50/hr for %p hours: $%p", (rule, hours, pay) => {
    expect(dayPay([[50]], [[hours]], rule)).toEqual([[pay]]);
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
          const [[pay]] = dayPay([[cents / 100]], [[quarters / 4]]) as number[][];
          expect(Math.round(pay * 100)).toBe(Number(expectedCents));
          const [[paid]] = paidHours([[quarters / 4]]);
          expect(paid).toBe(Number(eighths) / 8);
        },
      ),
    );
  });
});

describe("PROD.OVERTIME", () => {
  it.each([
    [50, 12, undefined, 100],
    [50, 8, undefined, 0],
    [50, 13, undefined, 150],
    [150, 11, "SAG-DAY", 300],
    [50, 12, "STRAIGHT", 0],
  ])("pays %p/hr x %p hours under %p an overtime premium of $%p", (rate, hours, rule, premium) => {
    expect(overtime([[rate]], [[hours]], rule)).toEqual([[premium]]);
  });

  it("is DAYPAY minus straight time, to the cent", () => {
    const [[rate750]] = hourly([[750]], [[10]]);
    // 954.5454... - 12 x 68.1818... = 136.3636... -> 136.36
    expect(overtime([[rate750]], [[12]])).toEqual([[136.36]]);
  });
});

describe("PROD.WEEKPAY", () => {
  it.each([
    ["five 12-hour days", [[12], [12], [12], [12], [12]], 3500],
    ["six 12-hour days", [[12], [12], [12], [12], [12], [12]], 4400],
    ["seven 12-hour days (7th day at CA-7TH)", [[12], [12], [12], [12], [12], [12], [12]], 5400],
    ["a week given as a row, blanks as days off", [[12, null, 12, "", 12, 12, 12]], 3500],
    ["a week of 12.5-hour days", [[12.5], [12.5], [12.5], [12.5], [12.5]], 3750],
  ])("pays $50/hr for %s", (_label, days, expected) => {
    expect(weekPay(50, days)).toBe(expected);
  });

  it("pays IATSE's 6th day worked at IATSE-6TH and its 7th at IATSE-7TH", () => {
    // Five days of 14 paid hours, then 12 x 1.5 = 18 and 12 x 2 = 24 (reference.md 4.3).
    expect(weekPay(50, [[12, 12, 12, 12, 12, 12]], "IATSE")).toBe(4400);
    expect(weekPay(50, [[12, 12, 12, 12, 12, 12, 12]], "IATSE")).toBe(5600);
  });

  it("takes the rule and the weekly threshold", () => {
    expect(weekPay(50, [[10, 10, 10, 10, 10]], "STRAIGHT")).toBe(2750);
    expect(weekPay(50, [[10, 10, 10, 10, 10]], "STRAIGHT", 45)).toBe(2625);
    expect(weekPay(50, [[10, 10, 10, 10, 10]], "STRAIGHT", null)).toBe(2750);
  });

  it("pays five 12-hour days $3,500 when rule and threshold point at empty cells, on desktop (0) as on the web", () => {
    const days = [[12, 12, 12, 12, 12]];
    expect(weekPay(50, days, null, null)).toBe(3500);
    expect(weekPay(50, days, 0, 0)).toBe(3500);
  });

  it("rounds once, at the end of the week", () => {
    const [[rate750]] = hourly([[750]], [[10]]);
    // 5 x 14 = 70 paid hours x 68.1818... = 4,772.7272... (five rounded days would make 4,772.75).
    expect(weekPay(rate750, [[12, 12, 12, 12, 12]])).toBe(4772.73);
  });

  it.each([
    [
      "more than 7 days",
      50,
      [[8, 8, 8, 8, 8, 8, 8, 8]],
      "daily_hours must be one workweek, 7 days at most, got 8 days",
    ],
    ["a negative day", 50, [[8, -8]], "daily_hours must be 0 or more, got -8"],
    ["a text day", 50, [[8, "8h"]], 'daily_hours must be a number, got "8h"'],
  ])("rejects %s with #VALUE!", (_label, rate, days, message) => {
    expect(() => weekPay(rate, days)).toThrow(VALUE(message));
  });
});

describe("PROD.OTPROJECT", () => {
  it.each([
    ["12 days of 12 h, 5-day weeks (a 2-day last week)", 12, 12, null, null, 8400],
    ["12 days of 12 h, 6-day weeks", 12, 12, 6, undefined, 8800],
    ["14 days of 12 h, 7-day weeks", 12, 14, 7, "CA", 10800],
    ["14 days of 12 h, 7-day weeks, no 7th-day rule", 12, 14, 7, "8:1.5,12:2", 10600],
    ["25 days of 10 h at straight time, 5-day weeks", 10, 25, 5, "STRAIGHT", 5 * 2750],
    ["14 days of 12 h, 7-day IATSE weeks (6th day 1.5x, 7th 2x)", 12, 14, 7, "IATSE", 2 * 5600],
  ])("projects $50/hr over %s", (_label, hours, shootDays, perWeek, rule, expected) => {
    expect(otProject(50, hours, shootDays, perWeek, rule)).toBe(expected);
  });

  it("shows what a 12.7-hour crew day costs over a 40-day shoot against a 12-hour budget", () => {
    // The example: crews that run 12.7 hours instead of 12. At $50/hr, 5-day weeks:
    // 12 h: 8 weeks x 3,500 = 28,000. 12.7 h: each day 8 + 4 x 1.5 + 0.7 x 2 = 15.4 paid hours.
    expect(otProject(50, 12, 40)).toBe(28000);
    expect(otProject(50, 12.7, 40)).toBe(40 * 15.4 * 50);
  });

  it("projects 5-day weeks under CA when days_per_week and rule are empty cells on desktop (0)", () => {
    expect(otProject(50, 12, 12, 0, 0)).toBe(8400);
  });

  it.each([
    ["fractional shoot days", 12, 10.5, 5, "shoot_days must be a whole number of days, got 10.5"],
    ["8 days a week", 12, 10, 8, "days_per_week must be 7 or less, got 8"],
    ["negative hours", -12, 10, 5, "hours_per_day must be 0 or more, got -12"],
    ["text shoot days", 12, "ten", 5, 'shoot_days must be a number, got "ten"'],
  ])("rejects %s with #VALUE!", (_label, hours, shootDays, perWeek, message) => {
    expect(() => otProject(50, hours, shootDays, perWeek)).toThrow(VALUE(message));
  });
});

describe("PROD.MEALPENALTY", () => {
  it("charges SAG-AFTRA $110 for a meal 90 minutes late (meal periods page; reference.md 4.5 ex. 2)", () => {
    expect(mealPenalty([[90]], "SAG")).toEqual([[110]]);
    expect(mealPenalty([[90]])).toEqual([[110]]);
  });

  it("charges the SAG schedule when schedule is an empty cell on desktop (0), not $0 a half hour", () => {
    expect(mealPenalty([[90]], 0)).toEqual([[110]]);
  });

  it("spills a column of meals, blank = on time", () => {
    expect(mealPenalty([[0], [null], [1], [31], [61], [180]], "SAG")).toEqual([
      [0],
      [0],
      [25],
      [60],
      [110],
      [260],
    ]);
  });

  it.each([
    ["7.5,10,12.5", 90, 30],
    ["7.5,10,12.5", 150, 55],
    ["IATSE-1996", 90, 33],
    ["SAG-BACKGROUND", 90, 30],
    ["SAG-ULB", 90, 75],
    [25, 90, 75],
  ])("under %p, %p minutes late costs $%p", (schedule, minutes, expected) => {
    expect(mealPenalty([[minutes]], schedule)).toEqual([[expected]]);
  });

  it.each([
    ["negative minutes", -5, "SAG", "#VALUE!", "minutes_late must be 0 or more, got -5"],
    ["text minutes", "1h", "SAG", "#VALUE!", 'minutes_late must be a number, got "1h"'],
    ["a malformed list", 30, "25;50", "#VALUE!", 'schedule has "25;50", which is not an amount'],
    ["an unknown preset", 30, "DGA", "#N/A", "Known: SAG, SAG-BACKGROUND, SAG-ULB, IATSE-1996"],
  ])("answers %s with %s", (_label, minutes, schedule, code, message) => {
    expect(() => mealPenalty([[minutes]], schedule)).toThrow(
      expect.objectContaining({ code, message: expect.stringContaining(message) }),
    );
  });
});
