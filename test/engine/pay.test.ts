import fc from "fast-check";
import { ProdError } from "../../src/engine/errors";
import { Decimal, roundCents } from "../../src/engine/money";
import {
  dayPay,
  hourlyFromDayRate,
  overtimePremium,
  paidHours,
  parseRule,
  RULE_PRESET_NAMES,
  RULE_PRESETS,
  rulePreset,
  splitDay,
} from "../../src/engine/pay";

const d = (v: string | number) => new Decimal(v);
const CA = rulePreset("CA");

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
    ["CA", "8:1.5,12:2"],
    ["CA-7TH", "0:1.5,8:2"],
    ["SAG-DAY", "8:1.5,10:2"],
    ["STRAIGHT", "0:1"],
  ])("%s is %s, with a description and a source", (name, rule) => {
    const preset = RULE_PRESETS[name as keyof typeof RULE_PRESETS];
    expect(preset.rule).toBe(rule);
    expect(preset.description.length).toBeGreaterThan(10);
    expect(preset.source).toMatch(/reference\.md 4\.\d/);
  });

  it("links CA to CA-7TH for the 7th consecutive day, and only CA", () => {
    expect(CA.seventhDay?.name).toBe("CA-7TH");
    for (const name of RULE_PRESET_NAMES.filter((n) => n !== "CA")) {
      expect(rulePreset(name).seventhDay).toBeUndefined();
    }
  });

  it("uses CA when the rule is blank", () => {
    for (const blank of [null, undefined, ""]) expect(parseRule(blank)).toBe(CA);
  });

  it("reads preset names in any case and with spaces around them", () => {
    expect(parseRule(" sag-day ")).toBe(rulePreset("SAG-DAY"));
    expect(parseRule("ca")).toBe(CA);
  });
});

describe("rule strings", () => {
  it("parses threshold:multiplier pairs in ascending order", () => {
    const rule = parseRule("10:1.5, 14:2 ,18:3");
    expect(rule.tiers.map((t) => `${t.from.toString()}:${t.multiplier.toString()}`)).toEqual([
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
      /^rule must be a preset \(CA, CA-7TH, SAG-DAY, STRAIGHT\)/,
    );
    expect(thrown(() => parseRule([["CA"], ["SAG-DAY"]])).message).toMatch(/got a range$/);
  });

  it.each([
    ["SAG", 'Unknown pay rule "SAG". Did you mean SAG-DAY, CA? Known: CA, CA-7TH, SAG-DAY, STRAIGHT'],
    ["CA7", 'Unknown pay rule "CA7". Did you mean CA? Known: CA, CA-7TH, SAG-DAY, STRAIGHT'],
    ["union", 'Unknown pay rule "union". Known: CA, CA-7TH, SAG-DAY, STRAIGHT'],
  ])("answers the unknown preset %p with #N/A listing the presets", (name, message) => {
    const error = thrown(() => parseRule(name));
    expect(error.kind).toBe("notFound");
    expect(error.message).toBe(message);
  });
});

describe("paid hours", () => {
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
    expect(splitDay(d(9), rulePreset("CA-7TH")).straight.toString()).toBe("0");
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
    const sag = rulePreset("SAG-DAY");
    const hourly = hourlyFromDayRate(d(1200), d(8), sag);
    expect(hourly.toString()).toBe("150");
    expect(roundCents(dayPay(hourly, d(11), sag)).toString()).toBe("1950");
    expect(roundCents(overtimePremium(hourly, d(11), sag)).toString()).toBe("300");
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
