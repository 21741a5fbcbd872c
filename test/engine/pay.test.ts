import fc from "fast-check";
import { ProdError } from "../../src/engine/errors";
import { Decimal, roundCents } from "../../src/engine/money";
import {
  dayPay,
  describePreset,
  type RulePresetName,
  sagDayPerformerPay,
  MEAL_PRESET_NAMES,
  MEAL_PRESETS,
  mealPenalty,
  mealPenaltySteps,
  parseMealSchedule,
  projectPaidHours,
  projectPay,
  weekPaidHours,
  weekPay,
  hourlyFromDayRate,
  overtimePremium,
  paidHours,
  parseRule,
  RULE_PRESET_NAMES,
  RULE_PRESETS,
  splitDay,
} from "../../src/engine/pay";

const d = (v: string | number) => new Decimal(v);
const CA = parseRule("CA");

function thrown(f: () => unknown): ProdError {
  try {
    f();
  } catch (e) {
    if (e instanceof ProdError) return e;
    throw e;
  }
  throw new Error("expected a ProdError");
}

describe("rule presets", () => {
  it.each([
    // [name, rule, confirmed, a primary source it cites]
    ["CA", "8:1.5,12:2", true, "Labor Code sections 510(a) and 514"],
    ["CA-7TH", "0:1.5,8:2", true, "Labor Code section 510(a)"],
    ["IATSE", "8:1.5,13.5:2,14.5:3", false, "lawinsider.com/clause/golden-hour-provisions"],
    ["IATSE-6TH", "0:1.5,13.5:3", false, "lawinsider.com/clause/golden-hour-provisions"],
    ["IATSE-7TH", "0:2,13.5:4", false, "lawinsider.com/clause/golden-hour-provisions"],
    ["SAG-DAY", "8:1.5,10:2", true, "sagaftra.org/overtime"],
    ["STRAIGHT", "0:1", true, "reference.md 4.3"],
  ])("%s is %s, confirmed %p, citing %s", (name, rule, confirmed, source) => {
    const preset = RULE_PRESETS[name as RulePresetName];
    expect(preset.rule).toBe(rule);
    expect(preset.confirmed).toBe(confirmed);
    expect(preset.source).toContain(source);
    expect(preset.source).toMatch(/reference\.md 4\.\d|figures-audit\.md/);
  });

  it("says whom each preset fits, and 'not confirmed' in plain words where it is not", () => {
    expect(describePreset(RULE_PRESETS.CA)).toMatch(/^Non-union crew in California\. Not for union crews/);
    expect(describePreset(RULE_PRESETS.CA)).not.toContain("not confirmed");
    expect(describePreset(RULE_PRESETS.IATSE)).toMatch(/^IATSE hourly \(daily\) crew/);
    expect(describePreset(RULE_PRESETS.IATSE)).toMatch(
      /\(not confirmed: check with your payroll company\)\.$/,
    );
    expect(describePreset(RULE_PRESETS["SAG-DAY"])).toMatch(/^SAG-AFTRA day performers .* money break/);
  });

  it("links CA to CA-7TH and IATSE to IATSE-6TH and IATSE-7TH, and no other preset", () => {
    expect([CA.sixthDay?.name, CA.seventhDay?.name]).toEqual([undefined, "CA-7TH"]);
    const iatse = parseRule("IATSE");
    expect([iatse.sixthDay?.name, iatse.seventhDay?.name]).toEqual(["IATSE-6TH", "IATSE-7TH"]);
    for (const name of RULE_PRESET_NAMES.filter((n) => n !== "CA" && n !== "IATSE")) {
      expect([parseRule(name).sixthDay, parseRule(name).seventhDay]).toEqual([undefined, undefined]);
    }
  });

  it("pays overtime in tenths only under SAG-DAY", () => {
    expect(RULE_PRESET_NAMES.filter((n) => parseRule(n).unit !== undefined)).toEqual(["SAG-DAY"]);
    expect(parseRule("8:1.5,10:2").unit).toBeUndefined();
  });

  it("uses CA when the rule is blank", () => {
    for (const blank of [null, undefined, ""]) expect(parseRule(blank)).toBe(CA);
  });

  it("reads preset names in any case and with spaces around them", () => {
    expect(parseRule(" sag-day ")).toBe(parseRule("SAG-DAY"));
    expect(parseRule("ca")).toBe(CA);
  });
});

describe("rule strings", () => {
  it("parses threshold:multiplier pairs in ascending order", () => {
    const rule = parseRule("10:1.5, 14:2 ,18:3");
    // Hours before the first threshold are paid at 1x.
    expect(rule.bands.map((b) => `${b.from.toString()}:${b.multiplier.toString()}`)).toEqual([
      "0:1",
      "10:1.5",
      "14:2",
      "18:3",
    ]);
    expect(rule.seventhDay).toBeUndefined();
  });

  it("parses each rule string once and reuses it", () => {
    expect(parseRule("9:1.5,13:2")).toBe(parseRule("9:1.5,13:2"));
  });

  it.each([
    ["12:2,8:1.5", 'rule thresholds must go up: 8 comes after 12 in "12:2,8:1.5"'],
    ["8:1.5,8:2", 'rule thresholds must go up: 8 comes after 8 in "8:1.5,8:2"'],
    ["8:0.5", 'rule multipliers must be 1 or more (1 = straight time), got 0.5 in "8:0.5"'],
    ["-1:1.5", 'rule thresholds must be 0 or more, got -1 in "-1:1.5"'],
    ["8:abc", 'rule has "8:abc": the multiplier "abc" is not a number'],
    ["8h:1.5", 'rule has "8h:1.5": the threshold "8h" is not a number'],
    ["8", 'rule has "8", which is not a threshold:multiplier pair'],
    ["8:1.5,", 'rule has "", which is not a threshold:multiplier pair'],
    ["8:1.5:2", 'rule has "8:1.5:2", which is not a threshold:multiplier pair'],
  ])("rejects %p with #VALUE! naming the problem", (text, message) => {
    const error = thrown(() => parseRule(text));
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain(message);
  });

  it("rejects a number or a range as a rule", () => {
    expect(thrown(() => parseRule(8)).message).toMatch(
      /^rule must be a preset \(CA, CA-7TH, IATSE, IATSE-6TH, IATSE-7TH, SAG-DAY, STRAIGHT\)/,
    );
    expect(thrown(() => parseRule([["CA"], ["SAG-DAY"]])).message).toMatch(/got a range$/);
  });

  it.each([
    [
      "SAG",
      'Unknown pay rule "SAG". Did you mean SAG-DAY, CA? Known: CA, CA-7TH, IATSE, IATSE-6TH, IATSE-7TH, SAG-DAY, STRAIGHT',
    ],
    [
      "CA7",
      'Unknown pay rule "CA7". Did you mean CA? Known: CA, CA-7TH, IATSE, IATSE-6TH, IATSE-7TH, SAG-DAY, STRAIGHT',
    ],
    ["union", 'Unknown pay rule "union". Known: CA, CA-7TH, IATSE, IATSE-6TH, IATSE-7TH, SAG-DAY, STRAIGHT'],
  ])("answers the unknown preset %p with #N/A listing the presets", (name, message) => {
    const error = thrown(() => parseRule(name));
    expect(error.kind).toBe("notFound");
    expect(error.message).toBe(message);
  });
});

describe("paid hours", () => {
  it("splits a day as adding up the hours of each band would, for any rule (bands summed once)", () => {
    // Rules of up to 12 pairs, thresholds going up in steps of quarter hours, multipliers 1-3.
    const pair = fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 8 }));
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 400 }),
        (pairs, quarters) => {
          let threshold = 0;
          const tiers = pairs.map(([step, m]) => ({ from: (threshold += step / 4), multiplier: 1 + m / 4 }));
          const rule = parseRule(tiers.map((t) => `${t.from}:${t.multiplier}`).join(","));
          const hours = quarters / 4;
          // The rule by hand: each hour in [from, next from) at its multiplier, 1x before the first.
          let paid = d(0);
          let straight = d(0);
          const starts = [{ from: 0, multiplier: 1 }, ...tiers];
          starts.forEach(({ from, multiplier }, i) => {
            const top = Math.min(hours, starts[i + 1]?.from ?? Infinity);
            if (top <= from) return;
            paid = paid.plus(d(top - from).times(multiplier));
            if (multiplier === 1) straight = straight.plus(top - from);
          });
          const split = splitDay(d(hours), rule);
          expect([split.paid.toString(), split.straight.toString()]).toEqual([
            paid.toString(),
            straight.toString(),
          ]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ["CA", 0, "0"],
    ["CA", 8, "8"],
    ["CA", 10, "11"],
    ["CA", 12, "14"],
    ["CA", 12.5, "15"],
    ["CA", 13, "16"],
    ["CA", 15, "20"],
    ["CA-7TH", 8, "12"],
    ["CA-7TH", 12, "20"],
    ["SAG-DAY", 10, "11"],
    ["SAG-DAY", 11, "13"],
    ["SAG-DAY", 10.3, "11.6"],
    // Tenths (sagaftra.org/overtime): a started tenth past 8 hours is paid whole.
    ["SAG-DAY", 10.33, "8+3+0.8"],
    ["SAG-DAY", 8.01, "8.15"],
    ["SAG-DAY", 7.93, "7.93"],
    // IATSE (reference.md 4.5 ex. 1: 12 hours = 8 + 4 x 1.5 = 14), Golden Hours from 13.5 worked.
    ["IATSE", 12, "14"],
    ["IATSE", 13, "15.5"],
    ["IATSE", 13.5, "16.25"],
    ["IATSE", 14.5, "16.25+2"],
    ["IATSE", 15.5, "16.25+2+3"],
    ["IATSE-6TH", 12, "18"],
    ["IATSE-6TH", 14.5, "20.25+3"],
    ["IATSE-7TH", 12, "24"],
    ["IATSE-7TH", 14.5, "27+4"],
    ["STRAIGHT", 14.25, "14.25"],
    ["10:1.5,14:2,18:3", 20, "10+6+8+6"],
  ])("%s: %p hours worked = %s paid hours", (rule, hours, expected) => {
    const want = expected.split("+").reduce((a, b) => a.plus(b), d(0));
    expect(paidHours(d(hours), parseRule(rule)).toString()).toBe(want.toString());
  });

  it("counts only the 1x hours as straight time", () => {
    const split = splitDay(d(12), CA);
    expect([split.paid.toString(), split.straight.toString()]).toEqual(["14", "8"]);
    expect(splitDay(d(6), CA).straight.toString()).toBe("6");
    expect(splitDay(d(9), parseRule("CA-7TH")).straight.toString()).toBe("0");
  });

  it("rejects negative hours, naming them", () => {
    expect(thrown(() => paidHours(d(-2), CA)).message).toBe("hours must be 0 or more, got -2");
  });

  // Any rule string with ascending thresholds and multipliers of 1 or more.
  const anyRule = fc
    .uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 1, maxLength: 5 })
    .chain((quarters) =>
      fc
        .array(fc.integer({ min: 4, max: 16 }), { minLength: quarters.length, maxLength: quarters.length })
        .map((mults) =>
          [...quarters]
            .sort((a, b) => a - b)
            .map((q, i) => `${q / 4}:${mults[i] / 4}`)
            .join(","),
        ),
    );
  const anyHours = fc.integer({ min: 0, max: 24 * 100 }).map((h) => d(h).div(100));

  it("never decreases as hours grow, and never pays fewer hours than worked", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...RULE_PRESET_NAMES), anyRule),
        anyHours,
        anyHours,
        (text, a, b) => {
          const rule = parseRule(text);
          const [lo, hi] = a.lte(b) ? [a, b] : [b, a];
          expect(paidHours(lo, rule).lte(paidHours(hi, rule))).toBe(true);
          expect(paidHours(hi, rule).gte(hi)).toBe(true);
        },
      ),
    );
  });
});

describe("guaranteed day rates (reference.md 4.2 and 4.5)", () => {
  const rate750 = hourlyFromDayRate(d(750), d(10), CA);

  it("$750/10 is 750 / 11 an hour, not rounded", () => {
    expect(rate750.eq(d(750).div(11))).toBe(true);
    expect(rate750.toFixed(6)).toBe("68.181818");
  });

  it.each([
    [12, "954.55"],
    [13, "1090.91"],
    [15, "1363.64"],
    [10, "750"],
  ])("a $750/10 crew member working %p hours earns $%s", (hours, expected) => {
    expect(roundCents(dayPay(rate750, d(hours), CA)).toString()).toBe(expected);
  });

  it("SAG-AFTRA day performer at $1,200/day (8 guaranteed hours) working 11 hours earns $1,950", () => {
    // reference.md 4.5 ex. 3: hourly = 1,200 / 8 = 150; hours 9-10 at 1.5x, hour 11 at 2x.
    const sag = parseRule("SAG-DAY");
    const hourly = hourlyFromDayRate(d(1200), d(8), sag);
    expect(hourly.toString()).toBe("150");
    expect(roundCents(dayPay(hourly, d(11), sag)).toString()).toBe("1950");
    expect(roundCents(overtimePremium(hourly, d(11), sag)).toString()).toBe("300");
  });

  it("IATSE hourly crew at $50/hr: 12 hours = $700 (reference.md 4.5 ex. 1); 15.5 hours = $1,062.50", () => {
    const iatse = parseRule("IATSE");
    expect(roundCents(dayPay(d(50), d(12), iatse)).toString()).toBe("700");
    // 8 + 5.5 x 1.5 + 1 x 2 (Golden Hours) + 1 x 3 (past 15 hours after call) = 21.25 paid hours.
    expect(roundCents(dayPay(d(50), d(15.5), iatse)).toString()).toBe("1062.5");
    // California's rule overstates a 13-hour union day by about 3% (figures-audit.md section 5).
    expect(roundCents(dayPay(d(50), d(13), iatse)).toString()).toBe("775");
    expect(roundCents(dayPay(d(50), d(13), CA)).toString()).toBe("800");
  });

  it("answers zero guaranteed hours with #DIV/0!", () => {
    expect(thrown(() => hourlyFromDayRate(d(750), d(0), CA)).kind).toBe("divZero");
  });

  it("rejects negative rates and hours, naming them", () => {
    expect(thrown(() => hourlyFromDayRate(d(-750), d(10), CA)).message).toBe(
      "day_rate must be 0 or more, got -750",
    );
    expect(thrown(() => hourlyFromDayRate(d(750), d(-10), CA)).message).toBe(
      "guaranteed_hours must be 0 or more, got -10",
    );
    expect(thrown(() => dayPay(d(-1), d(10), CA)).message).toBe("hourly_rate must be 0 or more, got -1");
  });

  it("pays the overtime premium as day pay minus straight time", () => {
    // $50/hr, 12 hours: 14 paid hours = $700, of which 12 x 50 = $600 is straight time.
    expect(overtimePremium(d(50), d(12), CA).toString()).toBe("100");
    expect(overtimePremium(d(50), d(8), CA).toString()).toBe("0");
  });
});

describe("a SAG-AFTRA day performer and the money break (sagaftra.org/overtime)", () => {
  const day = (rate: number, hours: number, moneyBreak: number) => {
    const { pay, overtime, overBreak } = sagDayPerformerPay(d(rate), d(hours), d(moneyBreak));
    return [roundCents(pay).toString(), roundCents(overtime).toString(), overBreak];
  };

  it.each([
    // reference.md 4.5 ex. 3: $1,200, 11 hours, under a $2,400 break: 1,200 + 150 x 5 = 1,950.
    ["under the break, 11 hours (reference.md 4.5 ex. 3)", 1200, 11, 2400, ["1950", "750", false]],
    ["under the break, 6 hours: the day rate", 1200, 6, 2400, ["1200", "0", false]],
    ["at the break itself: still SAG-DAY", 2400, 9, 2400, ["2850", "450", false]],
    ["under the break, 10.33 hours: paid as 10.4", 1200, 10.33, 2400, ["1770", "570", false]],
    // Over the break: the day rate covers 10 hours, then 1.5 x 2,400 / 8 = $450 an hour.
    ["over the break, 10 hours: the day rate", 5000, 10, 2400, ["5000", "0", true]],
    ["over the break, 12 hours: 2 x 450", 5000, 12, 2400, ["5900", "900", true]],
    ["over the break, 10.01 hours: one tenth, 45", 5000, 10.01, 2400, ["5045", "45", true]],
  ])("%s", (_label, rate, hours, moneyBreak, expected) => {
    expect(day(rate, hours, moneyBreak)).toEqual(expected);
  });

  it("never pays less for more hours, nor less than the day rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2400 }),
        fc.integer({ min: 0, max: 2400 }),
        (rateCents, breakCents, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const rate = d(rateCents).div(100);
          const moneyBreak = d(breakCents).div(100);
          const less = sagDayPerformerPay(rate, d(lo).div(100), moneyBreak).pay;
          const more = sagDayPerformerPay(rate, d(hi).div(100), moneyBreak).pay;
          expect(less.lte(more)).toBe(true);
          expect(less.gte(rate)).toBe(true);
        },
      ),
    );
  });

  it("rejects negative amounts and hours, naming them", () => {
    expect(thrown(() => sagDayPerformerPay(d(-1), d(8), d(2400))).message).toBe(
      "day_rate must be 0 or more, got -1",
    );
    expect(thrown(() => sagDayPerformerPay(d(1), d(8), d(-2400))).message).toBe(
      "money_break must be 0 or more, got -2400",
    );
    expect(thrown(() => sagDayPerformerPay(d(1), d(-8), d(2400))).message).toBe(
      "hours must be 0 or more, got -8",
    );
  });
});

describe("one workweek", () => {
  const days = (...hours: number[]) => hours.map((h) => d(h));
  const pay = (rule: string, hours: number[], threshold?: number) =>
    roundCents(
      weekPay(d(50), days(...hours), parseRule(rule), threshold === undefined ? undefined : d(threshold)),
    ).toString();

  it.each([
    ["five 12-hour days (spec: 3,500.00)", "CA", [12, 12, 12, 12, 12], "3500"],
    ["six 12-hour days (spec: 4,400.00)", "CA", [12, 12, 12, 12, 12, 12], "4400"],
    ["seven 12-hour days: the 7th is 8 x 1.5 + 4 x 2", "CA", [12, 12, 12, 12, 12, 12, 12], "5400"],
    [
      "the same seven days under the bare CA pairs: no 7th-day rule",
      "8:1.5,12:2",
      [12, 12, 12, 12, 12, 12, 12],
      "5300",
    ],
    ["seven days with a day off: no 7th consecutive day", "CA", [12, 12, 12, 0, 12, 12, 12], "4400"],
    ["four 10-hour days: daily overtime only", "CA", [10, 10, 10, 10], "2200"],
    ["five 8-hour days: exactly 40 hours", "CA", [8, 8, 8, 8, 8], "2000"],
    ["six 8-hour days: the 6th is weekly overtime", "CA", [8, 8, 8, 8, 8, 8], "2600"],
    [
      "five 10-hour days at straight time: 10 hours of weekly overtime",
      "STRAIGHT",
      [10, 10, 10, 10, 10],
      "2750",
    ],
    ["an empty week", "CA", [], "0"],
    // IATSE: the 6th day worked is IATSE-6TH (12 x 1.5 = 18), the 7th IATSE-7TH (12 x 2 = 24).
    ["five 12-hour IATSE days", "IATSE", [12, 12, 12, 12, 12], "3500"],
    ["six 12-hour IATSE days: the 6th all at 1.5x", "IATSE", [12, 12, 12, 12, 12, 12], "4400"],
    ["seven 12-hour IATSE days: the 7th all at 2x", "IATSE", [12, 12, 12, 12, 12, 12, 12], "5600"],
    ["IATSE with a day off: the last day is the 6th worked", "IATSE", [12, 12, 0, 12, 12, 12, 12], "4400"],
    ["an IATSE 6th day into Golden Hours: 13.5 x 1.5 + 1 x 3", "IATSE", [8, 8, 8, 8, 8, 14.5], "3162.5"],
  ])("pays $50/hr for %s", (_label, rule, hours, expected) => {
    expect(pay(rule, hours)).toBe(expected);
  });

  it("starts weekly overtime at the threshold given", () => {
    // 50 straight hours, threshold 45: 45 + 5 x 1.5 = 52.5 paid hours.
    expect(pay("STRAIGHT", [10, 10, 10, 10, 10], 45)).toBe("2625");
    // threshold 0: every straight-time hour is weekly overtime.
    expect(pay("STRAIGHT", [8], 0)).toBe("600");
  });

  it("pays the 7th consecutive day under CA-7TH even when it is short", () => {
    // Days 1-6 at 8 h: 48 straight hours, 8 of them beyond 40 (+4); day 7, 4 h at 1.5x = 6.
    expect(weekPaidHours(days(8, 8, 8, 8, 8, 8, 4), CA).toString()).toBe(String(48 + 4 + 6));
  });

  it("never pays less than the days paid one by one, nor fewer hours than worked", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 64 }), { maxLength: 7 }),
        fc.constantFrom(...RULE_PRESET_NAMES, "10:1.5,14:2"),
        (quarters, name) => {
          const rule = parseRule(name);
          const hours = quarters.map((q) => d(q).div(4));
          const week = weekPaidHours(hours, rule);
          const daily = hours.reduce((t, h) => t.plus(paidHours(h, rule)), d(0));
          const worked = hours.reduce((t, h) => t.plus(h), d(0));
          expect(week.gte(daily)).toBe(true);
          expect(week.gte(worked)).toBe(true);
        },
      ),
    );
  });

  it.each([
    [
      () => weekPaidHours(days(8, 8, 8, 8, 8, 8, 8, 8), CA),
      "daily_hours must be one workweek, 7 days at most, got 8 days",
    ],
    [() => weekPaidHours(days(8, -1), CA), "daily_hours must be 0 or more, got -1"],
    [() => weekPaidHours(days(8), CA, d(-40)), "weekly_threshold must be 0 or more, got -40"],
    [() => weekPay(d(-50), days(8), CA), "hourly_rate must be 0 or more, got -50"],
  ])("rejects bad input, naming it (%#)", (f, message) => {
    expect(thrown(f).message).toBe(message);
  });
});

describe("a whole schedule", () => {
  const project = (hours: number, shootDays: number, perWeek?: number, rule = "CA") =>
    roundCents(
      projectPay(
        d(50),
        d(hours),
        d(shootDays),
        parseRule(rule),
        perWeek === undefined ? undefined : d(perWeek),
      ),
    ).toString();

  it.each([
    ["10 days of 12 h in 5-day weeks: two full weeks", 12, 10, undefined, "7000"],
    ["12 days of 12 h in 5-day weeks: a partial last week of 2 days", 12, 12, 5, "8400"],
    ["12 days of 12 h in 6-day weeks", 12, 12, 6, "8800"],
    ["14 days of 12 h in 7-day weeks: two 7th days", 12, 14, 7, "10800"],
    ["3 days: only a partial week", 12, 3, 5, "2100"],
    ["no days", 12, 0, 5, "0"],
  ])("pays $50/hr for %s", (_label, hours, shootDays, perWeek, expected) => {
    expect(project(hours, shootDays, perWeek)).toBe(expected);
  });

  it("is the sum of its weeks, each paid as a workweek", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 1, max: 7 }),
        (quarters, shootDays, perWeek) => {
          const h = d(quarters).div(4);
          let expected = d(0);
          for (let left = shootDays; left > 0; left -= perWeek) {
            expected = expected.plus(weekPaidHours(new Array(Math.min(left, perWeek)).fill(h), CA));
          }
          expect(projectPaidHours(h, d(shootDays), CA, d(perWeek)).eq(expected)).toBe(true);
        },
      ),
    );
  });

  it.each([
    [() => projectPaidHours(d(12), d(10.5), CA), "shoot_days must be a whole number of days, got 10.5"],
    [() => projectPaidHours(d(12), d(-1), CA), "shoot_days must be 0 or more, got -1"],
    [() => projectPaidHours(d(12), d(10), CA, d(0)), "days_per_week must be 1 or more, got 0"],
    [() => projectPaidHours(d(12), d(10), CA, d(8)), "days_per_week must be 7 or less, got 8"],
    [
      () => projectPaidHours(d(12), d(10), CA, d(5.5)),
      "days_per_week must be a whole number of days, got 5.5",
    ],
    [() => projectPaidHours(d(-12), d(10), CA), "hours_per_day must be 0 or more, got -12"],
  ])("rejects bad input, naming it (%#)", (f, message) => {
    expect(thrown(f).message).toBe(message);
  });
});

describe("meal penalties", () => {
  const SAG = parseMealSchedule("SAG");

  it("SAG is $25, $35, then $50 (SAG-AFTRA meal periods page), saying the FAQ page's $25, $25, $50", () => {
    expect(MEAL_PRESETS.SAG.schedule).toBe("25,35,50");
    expect(MEAL_PRESETS.SAG.source).toContain("sagaftra.org/meal-periods");
    expect(MEAL_PRESETS.SAG.description).toContain("its FAQ page says $25, $25, then $50");
    expect(MEAL_PRESETS.SAG.confirmed).toBe(false);
    expect(parseMealSchedule(null)).toBe(SAG);
  });

  it.each([
    // [name, schedule, confirmed, source]
    ["SAG-BACKGROUND", "7.5,10,12.5", false, "reference.md 4.4"],
    ["SAG-ULB", "25", true, "sagaftra.org/meal-periods"],
    ["IATSE-1996", "8.5,11,13.5", true, "basic.iatse.net/history-of-meal-penalties"],
  ])("%s is %s, confirmed %p, citing %s", (name, schedule, confirmed, source) => {
    const preset = MEAL_PRESETS[name as keyof typeof MEAL_PRESETS];
    expect([preset.schedule, preset.confirmed]).toEqual([schedule, confirmed]);
    expect(preset.source).toContain(source);
  });

  it("labels IATSE-1996 historical, lists it last, and keeps it usable", () => {
    const historical = Object.entries(MEAL_PRESETS).filter(([, p]) => p.historical);
    expect(historical.map(([name]) => name)).toEqual(["IATSE-1996"]);
    expect(Object.keys(MEAL_PRESETS).at(-1)).toBe("IATSE-1996");
    expect(describePreset(MEAL_PRESETS["IATSE-1996"])).toMatch(/^Historical: .* not today's/);
    expect(mealPenalty(d(90), parseMealSchedule("iatse-1996")).toString()).toBe("33");
  });

  it.each([
    [0, 0],
    [0.5, 1],
    [30, 1],
    [30.01, 2],
    [60, 2],
    [61, 3],
    [90, 3],
  ])("%p minutes late is %p started half hours", (minutes, steps) => {
    expect(mealPenaltySteps(d(minutes)).toNumber()).toBe(steps);
  });

  it.each([
    ["SAG", 0, "0"],
    ["SAG", 15, "25"],
    ["SAG", 45, "60"],
    // reference.md 4.5 ex. 2 (SAG-AFTRA meal periods page): 25 + 35 + 50 = 110.
    ["SAG", 90, "110"],
    ["SAG", 150, "210"],
    ["SAG-BACKGROUND", 90, "30"],
    ["SAG-BACKGROUND", 120, "42.5"],
    ["SAG-ULB", 90, "75"],
    ["SAG-ULB", 1, "25"],
    ["IATSE-1996", 90, "33"],
    ["IATSE-1996", 120, "46.5"],
    ["7.5,10,12.5", 90, "30"],
    ["7.5,10,12.5", 120, "42.5"],
    ["$25, $25, $50", 90, "100"],
  ])("under %p, %p minutes late costs $%s", (schedule, minutes, expected) => {
    expect(mealPenalty(d(minutes), parseMealSchedule(schedule)).toString()).toBe(expected);
  });

  it("takes a single amount in a cell as the amount per half hour", () => {
    expect(mealPenalty(d(61), parseMealSchedule(12)).toString()).toBe("36");
  });

  it("never goes down as the meal gets later, under every preset", () => {
    fc.assert(
      fc.property(fc.constantFrom(...MEAL_PRESET_NAMES), fc.nat(600), fc.nat(600), (name, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const schedule = parseMealSchedule(name);
        expect(mealPenalty(d(lo), schedule).lte(mealPenalty(d(hi), schedule))).toBe(true);
      }),
    );
  });

  it.each([
    [() => mealPenaltySteps(d(-5)), "invalid", "minutes_late must be 0 or more, got -5"],
    [() => parseMealSchedule("25,,50"), "invalid", 'schedule has "", which is not an amount'],
    [() => parseMealSchedule("25,abc"), "invalid", 'schedule has "abc", which is not an amount'],
    [() => parseMealSchedule("25,-50"), "invalid", 'schedule amounts must be 0 or more, got -50 in "25,-50"'],
    [
      () => parseMealSchedule("DGA"),
      "notFound",
      'Unknown meal penalty schedule "DGA". Known: SAG, SAG-BACKGROUND, SAG-ULB, IATSE-1996',
    ],
    [
      () => parseMealSchedule(true),
      "invalid",
      "schedule must be a preset (SAG, SAG-BACKGROUND, SAG-ULB, IATSE-1996)",
    ],
  ])("rejects bad input (%#)", (f, kind, message) => {
    const error = thrown(f);
    expect([error.kind, error.message.slice(0, message.length)]).toEqual([kind, message]);
  });
});
