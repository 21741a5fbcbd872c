/**
 * Pay and overtime: the rules as data, and the arithmetic that turns hours worked into paid hours
 * and pay (spec/functions.md, "Pay and overtime"; domain/reference.md section 4).
 *
 * A *rule* is a list of overtime bands: `threshold:multiplier` pairs in ascending order, hours
 * before the first threshold paid at 1x. "8:1.5,12:2" pays hours 0-8 at 1x, 8-12 at 1.5x and
 * everything after 12 at 2x. Presets are just named rule strings, each with its source.
 *
 * Hours are decimal hours (12.5 = 12h30m). Rates and hours are never rounded here; money is
 * rounded once, by the caller, at the end.
 */
import { describeValue, errors } from "./errors";
import { Decimal, fromNumber, isOmitted, ONE, requireNonNegative, ZERO } from "./money";
import { isRange } from "./ranges";
import { DAYS_IN_WEEK, DEFAULT_DAYS_PER_WEEK } from "./week";

/** One overtime band of a rule: hours worked from `from` on are paid at `multiplier`. */
interface PayTier {
  /** Hours into the day where the band starts. */
  readonly from: Decimal;
  /** What each hour in the band is paid, in straight-time hours (1.5 = time and a half). */
  readonly multiplier: Decimal;
}

/** A band of a parsed rule, as the day arithmetic reads it; the last band is open-ended. */
export interface PayBand {
  /** Hours into the day where the band starts. */
  readonly from: Decimal;
  /** What each hour in the band is paid, in straight-time hours. */
  readonly multiplier: Decimal;
  /** True for a 1x band: its hours are straight time (weekly overtime counts them). */
  readonly straight: boolean;
  /** Paid hours of a day that ends where this band starts: the bands before it, summed once. */
  readonly paidBefore: Decimal;
  /** Straight-time hours of a day that ends where this band starts. */
  readonly straightBefore: Decimal;
}

/** A parsed daily pay rule, ready for the arithmetic. Make one with {@link parseRule}. */
export interface PayRule {
  /** The preset's name ("CA") or the rule string as it was given. */
  readonly name: string;
  /**
   * The rule for the 6th day worked in a workweek, where the contract has one (IATSE: `IATSE-6TH`).
   * Only presets carry it; a rule string is exactly the bands it spells out.
   */
  readonly sixthDay?: PayRule;
  /**
   * The rule for the 7th day worked in a workweek (California: `CA-7TH`, the 7th consecutive day;
   * IATSE: `IATSE-7TH`). Only presets carry it.
   */
  readonly seventhDay?: PayRule;
  /**
   * The unit overtime hours are paid in, where the contract sets one (SAG-AFTRA: tenths of an
   * hour): hours past the first overtime threshold are rounded up to a whole number of units.
   */
  readonly unit?: Decimal;
  /** Every band from hour 0, the 1x band included: what {@link splitDay} walks. */
  readonly bands: readonly PayBand[];
}

/** A named rule preset: the rule string, whom it fits, what it is, and where it comes from. */
export interface RulePreset {
  /** The rule in `threshold:multiplier` form. */
  readonly rule: string;
  /** Whom the preset fits, in a line producer's words. */
  readonly who: string;
  /** What it pays, in one line. */
  readonly description: string;
  /** The source of the rule: the public source, and the reference.md / figures-audit.md section. */
  readonly source: string;
  /**
   * True when every figure of the rule was read in a primary source (the statute, the union's own
   * page, the contract text); false when some of it rests on a secondary source or on practice.
   */
  readonly confirmed: boolean;
  /** The preset used instead on the 6th day worked in a workweek, if any. */
  readonly sixthDay?: RulePresetName;
  /** The preset used instead on the 7th day worked in a workweek, if any. */
  readonly seventhDay?: RulePresetName;
  /** The unit overtime hours are paid in (a number as text, "0.1" = tenths), if any. */
  readonly unit?: string;
}

/** The names of the rule presets. */
export type RulePresetName = "CA" | "CA-7TH" | "IATSE" | "IATSE-6TH" | "IATSE-7TH" | "SAG-DAY" | "STRAIGHT";

/** The rule used when none is given (spec/functions.md: `CA` is the default). */
export const DEFAULT_RULE: RulePresetName = "CA";

/** What the pane and the help say of a preset whose figures are not all from a primary source. */
export const NOT_CONFIRMED = "not confirmed: check with your payroll company";

/** IATSE Golden Hours start 14 hours after call, meals included (lawinsider "Golden Hour Provisions"). */
const IATSE_SOURCE =
  "IATSE Basic Agreement: 1.5x after 8 hours (https://www.lawinsider.com/clause/studio-minimum-wage-scales); Golden Hours after 14 elapsed hours, meals included, 3x on the 6th day worked, 4x on the 7th (contract text, https://lawinsider.com/clause/golden-hour-provisions); 3x after 15 elapsed hours from the 2024 Basic Agreement as reported by https://wrapbook.com/blog/iatse-contract (secondary); reference.md 4.3, figures-audit.md section 5";

/**
 * The rule presets, in the order the task pane lists them. Each cites its source; the figures are
 * those of domain/reference.md section 4 as corrected by domain/figures-audit.md section 5.
 */
export const RULE_PRESETS: Readonly<Record<RulePresetName, RulePreset>> = {
  CA: {
    // California Labor Code section 510(a): 1.5x for hours over 8 and up to 12 in a workday, 2x over 12.
    // Section 514: 510 does not apply to employees under a collective bargaining agreement with
    // premium overtime (union crews and cast), so this preset is for non-union crew.
    rule: "8:1.5,12:2",
    who: "Non-union crew in California. Not for union crews or cast: their agreement replaces this rule (Labor Code section 514)",
    description: "1.5x after 8 hours, 2x after 12; the 7th day in a row worked uses CA-7TH",
    source:
      "California Labor Code sections 510(a) and 514 (statutes.laws.com/california/lab/500-558); figures-audit.md section 5; reference.md 4.1",
    confirmed: true,
    seventhDay: "CA-7TH",
  },
  "CA-7TH": {
    // Labor Code 510(a): the 7th consecutive workday of a workweek is 1.5x for the first 8 hours, 2x after.
    rule: "0:1.5,8:2",
    who: "Non-union crew in California, on the 7th day in a row worked in a workweek",
    description: "1.5x for the first 8 hours, 2x after 8",
    source:
      "California Labor Code section 510(a) (statutes.laws.com/california/lab/500-558); figures-audit.md section 5; reference.md 4.1",
    confirmed: true,
  },
  IATSE: {
    // Hours are hours worked with one unpaid half-hour meal, so the Golden Hours' 14 and 15 hours
    // after call are 13.5 and 14.5 hours worked. No 2x at 12: that is the California rule.
    rule: "8:1.5,13.5:2,14.5:3",
    who: "IATSE hourly (daily) crew under the Basic Agreement, studio zone. Hours are hours worked with one half-hour meal; with a one-hour meal use 8:1.5,13:2,14:3",
    description:
      "1.5x after 8 hours; Golden Hours 2x from 14 hours after call (13.5 worked), 3x from 15 (14.5 worked); the 6th and 7th days worked use IATSE-6TH and IATSE-7TH",
    source: IATSE_SOURCE,
    confirmed: false,
    sixthDay: "IATSE-6TH",
    seventhDay: "IATSE-7TH",
  },
  "IATSE-6TH": {
    // 1.5x all day on the 6th day is common practice (reference.md 4.3 [U]); Golden Hours 3x is contract text.
    rule: "0:1.5,13.5:3",
    who: "IATSE hourly crew on the 6th day worked in a workweek",
    description: "1.5x for every hour; Golden Hours 3x from 14 hours after call (13.5 worked)",
    source: `${IATSE_SOURCE}; 1.5x for the whole 6th day is common practice, the contract text was not read`,
    confirmed: false,
  },
  "IATSE-7TH": {
    // 2x all day on the 7th day is common practice (reference.md 4.3 [U]); Golden Hours 4x is contract text.
    rule: "0:2,13.5:4",
    who: "IATSE hourly crew on the 7th day worked in a workweek (or a holiday)",
    description: "2x for every hour; Golden Hours 4x from 14 hours after call (13.5 worked)",
    source: `${IATSE_SOURCE}; 2x for the whole 7th day is common practice, the contract text was not read`,
    confirmed: false,
  },
  "SAG-DAY": {
    // sagaftra.org/overtime: "Overtime is paid in 1/10th hourly units at time-and-one-half for the
    // ninth and tenth hours, and at double time beyond ten hours." A started tenth is paid whole:
    // the cautious reading for a budget.
    rule: "8:1.5,10:2",
    who: "SAG-AFTRA day performers (theatrical and TV) paid up to the money break, twice the day-performer minimum. Above it, overtime is 1.5x after 10 hours on the money break: the pane's day pay calculator works it out",
    description:
      "1.5x for the 9th and 10th hours, 2x after 10, in tenths of an hour (a started tenth, 6 minutes, counts whole)",
    source:
      "SAG-AFTRA overtime page, https://www.sagaftra.org/overtime; reference.md 4.4; figures-audit.md section 5",
    confirmed: true,
    unit: "0.1",
  },
  STRAIGHT: {
    // Every hour at 1x: exempt or flat-rate deals. The 2024 IATSE BA pays on-call crew 2x on the
    // 7th consecutive day (figures-audit.md section 5), which this rule leaves out.
    rule: "0:1",
    who: "Exempt or flat-rate deals. For IATSE on-call (weekly) crew it leaves out the 2x they get on a 7th day in a row",
    description: "Every hour at 1x, no daily overtime",
    source:
      "No overtime premium (exempt / flat-rate deals); IATSE on-call 7th day: https://wrapbook.com/blog/iatse-contract; reference.md 4.3",
    confirmed: true,
  },
};

/** The preset names in order, for messages that list them. */
export const RULE_PRESET_NAMES = Object.keys(RULE_PRESETS) as RulePresetName[];

/**
 * Whom a preset (a pay rule or a meal-penalty schedule) fits and what it pays, in one line for
 * the pane, with "not confirmed: check with your payroll company" where it is not.
 */
export function describePreset(preset: {
  readonly who: string;
  readonly description: string;
  readonly confirmed: boolean;
}): string {
  const caveat = preset.confirmed ? "" : ` (${NOT_CONFIRMED})`;
  return `${preset.who}. ${preset.description}${caveat}.`;
}

/** Hint shown with every malformed rule string. */
const RULE_SHAPE = 'threshold:multiplier pairs in ascending order, such as "8:1.5,12:2"';

/** A plain decimal number as written in a rule or schedule ("8", "1.5", ".5", "-2"). */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function ruleNumber(text: string, what: string, pair: string, arg: string): Decimal {
  if (!PLAIN_NUMBER.test(text)) {
    throw errors.invalid(arg, `has "${pair}": the ${what} "${text}" is not a number (${RULE_SHAPE})`);
  }
  return new Decimal(text);
}

/**
 * Builds the walked bands of a rule from its tiers: a 1x band from hour 0, then each tier. Each
 * band carries the paid and straight hours of the bands before it, so a day's split is one band's
 * arithmetic, whatever the rule's length ({@link splitDay}).
 */
function toBands(tiers: readonly PayTier[]): PayBand[] {
  const starts: { from: Decimal; multiplier: Decimal }[] = [];
  if (tiers.length === 0 || tiers[0].from.gt(0)) starts.push({ from: ZERO, multiplier: ONE });
  starts.push(...tiers);
  const bands: PayBand[] = [];
  let paidBefore = ZERO;
  let straightBefore = ZERO;
  starts.forEach(({ from, multiplier }, i) => {
    const to = starts[i + 1]?.from;
    const straight = multiplier.eq(ONE);
    bands.push({ from, multiplier, straight, paidBefore, straightBefore });
    if (to === undefined) return;
    const width = to.minus(from);
    paidBefore = paidBefore.plus(width.times(multiplier));
    if (straight) straightBefore = straightBefore.plus(width);
  });
  return bands;
}

/**
 * Parses a rule string ("8:1.5,12:2"). Errors name the problem: a piece that is not a pair, a
 * number that is not one, a threshold below 0 or not above the one before it, a multiplier below 1
 * (paying overtime hours less than straight time is not overtime).
 */
function parseRuleString(text: string, name: string, arg: string): PayRule {
  const tiers: PayTier[] = [];
  for (const raw of text.split(",")) {
    const pair = raw.trim();
    const parts = pair.split(":");
    if (parts.length !== 2) {
      throw errors.invalid(arg, `has "${pair}", which is not a threshold:multiplier pair (${RULE_SHAPE})`);
    }
    const from = ruleNumber(parts[0].trim(), "threshold", pair, arg);
    const multiplier = ruleNumber(parts[1].trim(), "multiplier", pair, arg);
    if (from.isNeg() && !from.isZero()) {
      throw errors.invalid(arg, `thresholds must be 0 or more, got ${from.toString()} in "${pair}"`);
    }
    const previous = tiers[tiers.length - 1];
    if (previous && from.lte(previous.from)) {
      throw errors.invalid(
        arg,
        `thresholds must go up: ${from.toString()} comes after ${previous.from.toString()} in "${text}"`,
      );
    }
    if (multiplier.lt(1)) {
      throw errors.invalid(
        arg,
        `multipliers must be 1 or more (1 = straight time), got ${multiplier.toString()} in "${pair}"`,
      );
    }
    tiers.push({ from, multiplier });
  }
  return { name, bands: toBands(tiers) };
}

/**
 * The presets parsed once, at load: the paying unit set, and the 6th- and 7th-day rules linked to
 * the presets they name (those have none of their own, so the order of linking does not matter).
 */
const PARSED_PRESETS: ReadonlyMap<string, PayRule> = (() => {
  const parsed = new Map<string, PayRule>();
  for (const name of RULE_PRESET_NAMES) {
    const { rule, unit } = RULE_PRESETS[name];
    const bands = parseRuleString(rule, name, "rule");
    parsed.set(name, unit === undefined ? bands : { ...bands, unit: new Decimal(unit) });
  }
  for (const name of RULE_PRESET_NAMES) {
    const { sixthDay, seventhDay } = RULE_PRESETS[name];
    if (sixthDay || seventhDay) {
      parsed.set(name, {
        ...(parsed.get(name) as PayRule),
        sixthDay: sixthDay && parsed.get(sixthDay),
        seventhDay: seventhDay && parsed.get(seventhDay),
      });
    }
  }
  return parsed;
})();

/** What a {@link PresetReader} needs to know about one kind of named-or-written value. */
interface PresetReaderSpec<T> {
  /** What the value is, for "Unknown ..." messages ("pay rule"). */
  readonly what: string;
  /** The presets, parsed, by upper-case name. */
  readonly presets: ReadonlyMap<string, T>;
  /** The preset names in order, for messages. */
  readonly names: readonly string[];
  /** The preset used for a blank cell, or the 0 desktop Excel passes for an empty one. */
  readonly fallback: string;
  /** Text that matches is written out (a rule string, a list); anything else is a preset name. */
  readonly looksWritten: RegExp;
  /** How to write one out, for messages ('threshold:multiplier pairs ...'). */
  readonly shape: string;
  /** Parses written text; throws ProdError naming the problem. */
  readonly parse: (text: string, arg: string) => T;
}

/**
 * Reads a cell that holds a preset name (any case) or the value written out in its own notation,
 * as both pay rules and meal-penalty schedules are given. Written values are parsed once and kept
 * by their text: Excel recalculates a sheet of DAYPAY cells thousands of times with the same few
 * rules, and parsing each once keeps a recalculation to the arithmetic. The cache is bounded so a
 * sheet of generated rule strings cannot grow it without limit.
 */
class PresetReader<T> {
  private static readonly CACHE_LIMIT = 512;
  private readonly cache = new Map<string, T>();

  constructor(private readonly spec: PresetReaderSpec<T>) {}

  read(value: unknown, arg: string): T {
    const { spec } = this;
    if (isOmitted(value)) return spec.presets.get(spec.fallback) as T;
    if (typeof value !== "string") {
      const got = isRange(value) ? "a range" : describeValue(value);
      throw errors.invalid(arg, `must be a preset (${spec.names.join(", ")}) or ${spec.shape}, got ${got}`);
    }
    const text = value.trim();
    const preset = spec.presets.get(text.toUpperCase());
    if (preset) return preset;
    if (!spec.looksWritten.test(text)) throw errors.unknownName(spec.what, text, spec.names);
    const cached = this.cache.get(text);
    if (cached) return cached;
    const parsed = spec.parse(text, arg);
    if (this.cache.size >= PresetReader.CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, parsed);
    return parsed;
  }
}

const ruleReader = new PresetReader<PayRule>({
  what: "pay rule",
  presets: PARSED_PRESETS,
  names: RULE_PRESET_NAMES,
  fallback: DEFAULT_RULE,
  // A rule string holds a pair or starts with a number ("8", "CA7" is a mistyped name).
  looksWritten: /:|^[-+.\d]/,
  shape: RULE_SHAPE,
  parse: (text, arg) => parseRuleString(text, text, arg),
});

/**
 * Reads a pay rule from a cell: blank (or 0, an empty cell on desktop Excel) = `CA` (the
 * default), a preset name (any case), or a rule string of `threshold:multiplier` pairs.
 *
 * @param value - the cell value as Excel gave it
 * @param arg - the argument's name, for messages
 * @throws ProdError invalid (#VALUE!) for a malformed rule string or a value that is not text;
 *   notFound (#N/A) for an unknown preset name, listing the presets.
 */
export function parseRule(value: unknown, arg = "rule"): PayRule {
  return ruleReader.read(value, arg);
}

/** One day's hours as paid: straight-time-equivalent paid hours, and the hours paid at 1x. */
export interface DaySplit {
  /** Straight-time-equivalent paid hours (8 + 4 x 1.5 = 14 for 12 hours under CA). */
  readonly paid: Decimal;
  /** Hours worked that were paid at 1x: the hours weekly overtime counts toward its threshold. */
  readonly straight: Decimal;
}

/**
 * Hours as paid under a rule with a paying unit: the hours past the first overtime threshold (the
 * end of the first band) rounded up to whole units, a started unit paid whole (SAG-AFTRA: "paid in
 * 1/10th hourly units", https://www.sagaftra.org/overtime). Hours inside the first band stay as
 * worked.
 */
function roundUpOvertime(hours: Decimal, bands: readonly PayBand[], unit: Decimal): Decimal {
  const start = bands[1]?.from;
  if (start === undefined || hours.lte(start)) return hours;
  return start.plus(hours.minus(start).div(unit).ceil().times(unit));
}

/**
 * Splits one day's hours by the rule's bands. No validation: callers check the hours first.
 * Each band pays (hours in the band) x (its multiplier); the hours in 1x bands are straight time.
 * The band the day ends in is found by binary search and the bands before it were summed when the
 * rule was parsed, so a cell costs the same under a 1,000-pair rule as under CA.
 */
export function splitDay(hours: Decimal, rule: PayRule): DaySplit {
  if (rule.unit) hours = roundUpOvertime(hours, rule.bands, rule.unit);
  const { bands } = rule;
  if (bands.length === 0 || hours.lte(bands[0].from)) return { paid: ZERO, straight: ZERO };
  // The last band that starts before the day ends: bands[low].from < hours <= bands[high].from.
  let low = 0;
  let high = bands.length;
  while (high - low > 1) {
    const mid = (low + high) >>> 1;
    if (hours.gt(bands[mid].from)) low = mid;
    else high = mid;
  }
  const band = bands[low];
  const inBand = hours.minus(band.from);
  return {
    paid: band.paidBefore.plus(inBand.times(band.multiplier)),
    straight: band.straight ? band.straightBefore.plus(inBand) : band.straightBefore,
  };
}

/**
 * Straight-time-equivalent paid hours for one day under `rule` (reference.md 4.2: a 12-hour day
 * under CA is 8 + 4 x 1.5 = 14; 13 hours = 8 + 6 + 2 = 16).
 *
 * @throws ProdError invalid when `hours` is below 0
 */
export function paidHours(hours: Decimal, rule: PayRule): Decimal {
  return splitDay(requireNonNegative(hours, "hours"), rule).paid;
}

/**
 * The base hourly rate behind a guaranteed day rate ("$750/10"): day rate / paid hours of the
 * guaranteed day (reference.md 4.2: 750 / 11 = 68.1818...). Not rounded.
 *
 * @throws ProdError divZero when the guaranteed day has no paid hours (0 guaranteed hours)
 */
export function hourlyFromDayRate(dayRate: Decimal, guaranteedHours: Decimal, rule: PayRule): Decimal {
  requireNonNegative(dayRate, "day_rate");
  const paid = splitDay(requireNonNegative(guaranteedHours, "guaranteed_hours"), rule).paid;
  if (paid.isZero()) throw errors.divideByZero("guaranteed_hours", "gives 0 paid hours");
  return dayRate.div(paid);
}

/**
 * Gross for one day: hourly rate x paid hours (reference.md 4.2: 68.1818... x 14 = 954.55).
 * Unrounded; round once at the end.
 */
export function dayPay(hourlyRate: Decimal, hours: Decimal, rule: PayRule): Decimal {
  requireNonNegative(hourlyRate, "hourly_rate");
  return hourlyRate.times(paidHours(hours, rule));
}

/** The overtime premium alone: day pay minus the same hours at straight time. Unrounded. */
export function overtimePremium(hourlyRate: Decimal, hours: Decimal, rule: PayRule): Decimal {
  requireNonNegative(hourlyRate, "hourly_rate");
  return hourlyRate.times(paidHours(hours, rule).minus(hours));
}

/** A SAG-AFTRA day performer's day: its pay, and the overtime part of it. */
export interface PerformerDay {
  /** The day's gross: the day rate and the overtime. Unrounded. */
  readonly pay: Decimal;
  /** The overtime alone. Unrounded. */
  readonly overtime: Decimal;
  /** True when the day rate is over the money break, so overtime is figured on the break. */
  readonly overBreak: boolean;
}

/** A SAG-AFTRA day is 8 hours: the day rate / 8 is the hourly rate (reference.md 4.5 ex. 3). */
const SAG_DAY_HOURS = new Decimal(8);
/** Over the money break the day rate covers 10 hours (https://www.sagaftra.org/overtime). */
const OVER_BREAK_HOURS = new Decimal(10);
/**
 * Over the money break: "Performers over the money break receive time-and-one-half after 10 hours
 * based on the money break", in tenths (https://www.sagaftra.org/overtime). Walked on the break.
 */
const OVER_BREAK_RULE: PayRule = {
  ...parseRuleString("10:1.5", "SAG-DAY over the money break", "rule"),
  unit: new Decimal("0.1"),
};

/**
 * A SAG-AFTRA day performer's pay for one day (https://www.sagaftra.org/overtime; reference.md 4.4):
 * - at or under the money break (twice the day-performer minimum, which the caller gives, as it
 *   changes every contract year): the day rate for the first 8 hours, then SAG-DAY overtime on
 *   the day rate / 8 (1.5x for the 9th and 10th hours, 2x after, in tenths);
 * - over the money break: the day rate for the first 10 hours, then 1.5x of the money break / 8
 *   for each tenth after 10.
 * reference.md 4.5 ex. 3: $1,200, 11 hours, under the break = 1,200 + 150 x (2 x 1.5 + 2) = 1,950.
 *
 * @throws ProdError invalid when an amount or the hours are below 0
 */
export function sagDayPerformerPay(dayRate: Decimal, hours: Decimal, moneyBreak: Decimal): PerformerDay {
  requireNonNegative(dayRate, "day_rate");
  requireNonNegative(moneyBreak, "money_break");
  const overBreak = dayRate.gt(moneyBreak);
  const [rule, basis, covered] = overBreak
    ? [OVER_BREAK_RULE, moneyBreak, OVER_BREAK_HOURS]
    : [PARSED_PRESETS.get("SAG-DAY") as PayRule, dayRate, SAG_DAY_HOURS];
  const overtimeHours = Decimal.max(paidHours(hours, rule).minus(covered), ZERO);
  const overtime = basis.div(SAG_DAY_HOURS).times(overtimeHours);
  return { pay: dayRate.plus(overtime), overtime, overBreak };
}

/** Weekly overtime starts after 40 straight-time hours unless told otherwise (reference.md 4.1). */
export const DEFAULT_WEEKLY_THRESHOLD = new Decimal(40);

/**
 * Weekly overtime pays 1.5x (California Labor Code section 510(a) and the FLSA: time and a half
 * over 40 hours in the workweek; reference.md 4.1). A straight-time hour that crosses the weekly
 * threshold is already paid 1x, so the weekly premium adds the other 0.5.
 */
const WEEKLY_OT_EXTRA = new Decimal(0.5);

/** Throws unless `value` is a whole number: days are counted, not measured. */
function requireWhole(value: Decimal, arg: string): Decimal {
  if (!value.isInteger())
    throw errors.invalid(arg, `must be a whole number of days, got ${value.toString()}`);
  return value;
}

/**
 * Straight-time-equivalent paid hours for one workweek.
 *
 * Method (spec/functions.md WEEKPAY; California Labor Code section 510(a); reference.md 4.1):
 * 1. Each day is paid by the daily rule. Under a rule that names a 6th- or 7th-day rule, the 6th
 *    and 7th days worked in the workweek are paid by it: IATSE-6TH and IATSE-7TH (IATSE Golden
 *    Hours "on the 6th day worked", reference.md 4.3), CA-7TH. The list holds one workweek of 7
 *    days at most, so its 7th day worked is the 7th of 7 days in a row: California's "7th
 *    consecutive day worked in a workweek".
 * 2. Weekly overtime counts only straight-time hours (those paid at 1x): an hour already paid
 *    as daily overtime is not counted again toward the 40 (no "pyramiding" of daily and weekly
 *    overtime: https://callaborlawblog.com/common-california-labor-code-violations/failure-to-pay-overtime/calculate-overtime-daily-weekly-overtime-hours-worked-week/).
 *    Straight-time hours are counted in day order; each one beyond the threshold is paid 1.5x.
 *
 * The spec's values follow: 5 x 12 h under CA = 5 x (8 + 4 x 1.5) = 70 paid hours with exactly
 * 40 straight-time hours, so no weekly overtime ($50/hr: 3,500.00); a 6th 12-hour day adds 8
 * straight-time hours that all lie beyond 40 (8 x 1.5) plus its 4 daily-overtime hours (4 x 1.5)
 * = 18, 88 paid hours ($50/hr: 4,400.00).
 *
 * @param dailyHours - hours per day in order, 0 for a day off; 7 days at most
 * @throws ProdError invalid for more than 7 days, a negative day, or a negative threshold
 */
export function weekPaidHours(
  dailyHours: readonly Decimal[],
  rule: PayRule,
  weeklyThreshold: Decimal = DEFAULT_WEEKLY_THRESHOLD,
): Decimal {
  if (dailyHours.length > DAYS_IN_WEEK) {
    throw errors.invalid(
      "daily_hours",
      `must be one workweek, ${DAYS_IN_WEEK} days at most, got ${dailyHours.length} days`,
    );
  }
  requireNonNegative(weeklyThreshold, "weekly_threshold");
  for (const hours of dailyHours) requireNonNegative(hours, "daily_hours");
  let paid = ZERO;
  let straightSoFar = ZERO;
  let daysWorked = 0;
  for (const hours of dailyHours) {
    if (hours.gt(0)) daysWorked += 1;
    const day = splitDay(hours, ruleForDay(rule, hours.gt(0) ? daysWorked : 0));
    // The part of this day's straight time that lies beyond the weekly threshold.
    const before = Decimal.max(straightSoFar.minus(weeklyThreshold), ZERO);
    straightSoFar = straightSoFar.plus(day.straight);
    const beyond = Decimal.max(straightSoFar.minus(weeklyThreshold), ZERO).minus(before);
    paid = paid.plus(day.paid).plus(beyond.times(WEEKLY_OT_EXTRA));
  }
  return paid;
}

/**
 * The rule a day is paid by: the 6th or 7th day worked in the workweek by the rule the preset names
 * for it (IATSE-6TH, IATSE-7TH, CA-7TH), any other day by the rule itself. `dayWorked` is the
 * day's place among the days worked (0 for a day off).
 */
function ruleForDay(rule: PayRule, dayWorked: number): PayRule {
  if (dayWorked === 6 && rule.sixthDay) return rule.sixthDay;
  if (dayWorked === 7 && rule.seventhDay) return rule.seventhDay;
  return rule;
}

/** Gross for one workweek: hourly rate x {@link weekPaidHours}. Unrounded. */
export function weekPay(
  hourlyRate: Decimal,
  dailyHours: readonly Decimal[],
  rule: PayRule,
  weeklyThreshold: Decimal = DEFAULT_WEEKLY_THRESHOLD,
): Decimal {
  requireNonNegative(hourlyRate, "hourly_rate");
  return hourlyRate.times(weekPaidHours(dailyHours, rule, weeklyThreshold));
}

/**
 * Paid hours for a whole schedule: `shootDays` days of `hoursPerDay`, in weeks of `daysPerWeek`
 * worked days, each week paid as a workweek ({@link weekPaidHours}); a last, partial week has
 * the days left over. Full weeks are all alike, so one is computed and multiplied: the cost does
 * not grow with `shootDays` (1E+42 days is as quick as 10).
 *
 * @throws ProdError invalid for negative hours, shoot days that are negative or not whole, or
 *   days per week outside 1-7
 */
export function projectPaidHours(
  hoursPerDay: Decimal,
  shootDays: Decimal,
  rule: PayRule,
  daysPerWeek: Decimal = DEFAULT_DAYS_PER_WEEK,
): Decimal {
  requireNonNegative(hoursPerDay, "hours_per_day");
  requireWhole(requireNonNegative(shootDays, "shoot_days"), "shoot_days");
  requireWhole(daysPerWeek, "days_per_week");
  if (daysPerWeek.lt(1)) throw errors.belowMinimum("days_per_week", 1, daysPerWeek.toNumber());
  if (daysPerWeek.gt(DAYS_IN_WEEK)) {
    throw errors.aboveMaximum("days_per_week", DAYS_IN_WEEK, daysPerWeek.toNumber());
  }
  // Arithmetic only, whatever the number of days: the days of the last week are the exact
  // remainder (decimal.js mod), and the full weeks a count that multiplies one week's pay. No
  // array is ever longer than a week, and no integer division runs over a count's every digit.
  const daysLeft = shootDays.mod(daysPerWeek);
  const fullWeeks = shootDays.minus(daysLeft).div(daysPerWeek);
  const week = (days: Decimal) => weekPaidHours(new Array<Decimal>(days.toNumber()).fill(hoursPerDay), rule);
  return week(daysPerWeek)
    .times(fullWeeks)
    .plus(daysLeft.gt(0) ? week(daysLeft) : ZERO);
}

/** Projected gross for a whole schedule: hourly rate x {@link projectPaidHours}. Unrounded. */
export function projectPay(
  hourlyRate: Decimal,
  hoursPerDay: Decimal,
  shootDays: Decimal,
  rule: PayRule,
  daysPerWeek: Decimal = DEFAULT_DAYS_PER_WEEK,
): Decimal {
  requireNonNegative(hourlyRate, "hourly_rate");
  return hourlyRate.times(projectPaidHours(hoursPerDay, shootDays, rule, daysPerWeek));
}

/** A named meal-penalty schedule: amounts per started half hour, the last repeating. */
export interface MealPreset {
  /** The amounts as a list ("25,35,50"). */
  readonly schedule: string;
  /** Whom the schedule fits, in a line producer's words. */
  readonly who: string;
  /** What it charges, in one line, with any conflict between sources said plainly. */
  readonly description: string;
  /** The source: the public page, and the reference.md / figures-audit.md section. */
  readonly source: string;
  /** True when the amounts were read in a primary source that nothing official contradicts. */
  readonly confirmed: boolean;
  /** True for a schedule kept only to recompute old budgets: never today's amounts. */
  readonly historical?: boolean;
}

/** The names of the meal-penalty presets. */
export type MealPresetName = "SAG" | "SAG-BACKGROUND" | "SAG-ULB" | "IATSE-1996";

/** The schedule used when none is given. */
export const DEFAULT_MEAL_SCHEDULE: MealPresetName = "SAG";

/** SAG-AFTRA's "Meal periods" contract page (figures-audit.md section 6). */
const SAG_MEAL_PERIODS = "SAG-AFTRA meal periods page, https://www.sagaftra.org/meal-periods";

/**
 * The meal-penalty presets; the task pane and the help list them in this order, the historical
 * one last under its label.
 */
export const MEAL_PRESETS: Readonly<Record<MealPresetName, MealPreset>> = {
  SAG: {
    // sagaftra.org/meal-periods: $25 the 1st half hour, $35 the 2nd, $50 each after. The FAQ page
    // says $25, $25, $50; the contract text was not read (figures-audit.md section 6).
    schedule: "25,35,50",
    who: "SAG-AFTRA principal performers (theatrical and TV)",
    description:
      "$25 for the first half hour, $35 for the second, then $50 per half hour, from SAG-AFTRA's meal periods page; its FAQ page says $25, $25, then $50, so 90 minutes late is $110 here and $100 there",
    source: `${SAG_MEAL_PERIODS}; the FAQ page https://sagaftra.org/when-are-meals-due-what-are-liquidated-damages-if-not-fed-time says 25, 25, 50; figures-audit.md section 6; reference.md 4.5`,
    confirmed: false,
  },
  "SAG-BACKGROUND": {
    // $7.50 / $10 / $12.50: a forum figure (reference.md 4.4 [F], figures-audit.md section 6 [L]).
    schedule: "7.5,10,12.5",
    who: "SAG-AFTRA background performers",
    description: "$7.50 for the first half hour, $10 for the second, then $12.50 per half hour",
    source: "reference.md 4.4 and figures-audit.md section 6 (a forum figure; no SAG-AFTRA page was found)",
    confirmed: false,
  },
  "SAG-ULB": {
    // sagaftra.org/meal-periods: $25 per half hour for the Student, Short Project and Ultra Low
    // Budget agreements.
    schedule: "25",
    who: "SAG-AFTRA Student, Short Project and Ultra Low Budget agreements",
    description: "$25 for every half hour late",
    source: `${SAG_MEAL_PERIODS}; figures-audit.md section 6`,
    confirmed: true,
  },
  "IATSE-1996": {
    // IATSE Basic Agreement 1996 studio schedule; the 2024 amounts were not found (figures-audit.md 6).
    schedule: "8.5,11,13.5",
    who: "Historical: IATSE crews under the 1996 Basic Agreement, for recomputing old budgets",
    description:
      "$8.50, $11.00, then $13.50 per half hour: 1996 amounts, not today's; ask your payroll company for the current IATSE schedule",
    source:
      "https://basic.iatse.net/history-of-meal-penalties (1996 studio schedule); reference.md 4.3; figures-audit.md section 6",
    confirmed: true,
    historical: true,
  },
};

/** The meal-penalty preset names in order, for messages that list them. */
export const MEAL_PRESET_NAMES = Object.keys(MEAL_PRESETS) as MealPresetName[];

/** A parsed meal-penalty schedule. Make one with {@link parseMealSchedule}. */
export interface MealSchedule {
  /** The preset's name ("SAG") or the list as it was given. */
  readonly name: string;
  /** The amount for each started half hour late, in order; the last one repeats. */
  readonly amounts: readonly Decimal[];
  /** The penalty for each number of steps the list covers: totals[i] = amounts[0..i] summed. */
  readonly totals: readonly Decimal[];
}

/** A schedule of these amounts, their running totals summed once, when the schedule is read. */
function mealSchedule(name: string, amounts: readonly Decimal[]): MealSchedule {
  let total = ZERO;
  return { name, amounts, totals: amounts.map((amount) => (total = total.plus(amount))) };
}

/** Each started half hour late is one penalty step (reference.md 4.4: "per half hour"). */
export const MEAL_STEP_MINUTES = new Decimal(30);

function checkAmount(amount: Decimal, arg: string, where: string): Decimal {
  if (amount.isNeg() && !amount.isZero()) {
    throw errors.invalid(arg, `amounts must be 0 or more, got ${amount.toString()} in ${where}`);
  }
  return amount;
}

function parseAmounts(text: string, name: string, arg: string): MealSchedule {
  const amounts = text.split(",").map((raw) => {
    const piece = raw.trim();
    const number = piece.replace(/^\$/, "");
    if (!PLAIN_NUMBER.test(number)) {
      throw errors.invalid(arg, `has "${piece}", which is not an amount (a list such as "7.5,10,12.5")`);
    }
    return checkAmount(new Decimal(number), arg, `"${text}"`);
  });
  return mealSchedule(name, amounts);
}

const PARSED_MEAL_PRESETS: ReadonlyMap<string, MealSchedule> = new Map(
  MEAL_PRESET_NAMES.map((name) => [name, parseAmounts(MEAL_PRESETS[name].schedule, name, "schedule")]),
);

const mealReader = new PresetReader<MealSchedule>({
  what: "meal penalty schedule",
  presets: PARSED_MEAL_PRESETS,
  names: MEAL_PRESET_NAMES,
  fallback: DEFAULT_MEAL_SCHEDULE,
  // A list starts with an amount ("7.5,...", "$25,..."); anything else is meant as a preset name.
  looksWritten: /^[-+$.\d]/,
  shape: 'a list of amounts such as "7.5,10,12.5"',
  parse: (text, arg) => parseAmounts(text, text, arg),
});

/**
 * Reads a meal-penalty schedule from a cell: blank = `SAG`, a preset name (any case), a list of
 * amounts ("7.5,10,12.5", "$25,$25,$50"), or a single amount (a number) charged per half hour.
 * A 0 is `SAG` too, not "$0 per half hour": it is what desktop Excel passes for an empty cell.
 *
 * @throws ProdError invalid (#VALUE!) for a malformed list; notFound (#N/A) for an unknown preset
 */
export function parseMealSchedule(value: unknown, arg = "schedule"): MealSchedule {
  if (typeof value === "number" && Number.isFinite(value) && !isOmitted(value)) {
    return mealSchedule(String(value), [checkAmount(fromNumber(value), arg, "the cell")]);
  }
  return mealReader.read(value, arg);
}

/** The number of penalty steps for a meal `minutesLate` late: each started half hour is one. */
export function mealPenaltySteps(minutesLate: Decimal): Decimal {
  return requireNonNegative(minutesLate, "minutes_late").div(MEAL_STEP_MINUTES).ceil();
}

/**
 * The meal penalty for one person: the schedule's amount for each started half hour late, the
 * last amount repeating (reference.md 4.5 ex. 2: 90 minutes under SAG = 25 + 35 + 50 = 110).
 */
export function mealPenalty(minutesLate: Decimal, schedule: MealSchedule): Decimal {
  const steps = mealPenaltySteps(minutesLate);
  if (steps.isZero()) return ZERO;
  // The listed steps were summed when the schedule was read: a cell costs the same whatever its length.
  const { amounts, totals } = schedule;
  if (steps.lte(totals.length)) return totals[steps.toNumber() - 1];
  return totals[totals.length - 1].plus(steps.minus(totals.length).times(amounts[amounts.length - 1]));
}
