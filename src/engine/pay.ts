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
import { Decimal, isBlank, ONE, ZERO } from "./money";
import { isRange } from "./ranges";

/** One overtime band of a rule: hours worked from `from` on are paid at `multiplier`. */
export interface PayTier {
  /** Hours into the day where the band starts. */
  readonly from: Decimal;
  /** What each hour in the band is paid, in straight-time hours (1.5 = time and a half). */
  readonly multiplier: Decimal;
}

/** A band with its end, as the day arithmetic walks it; `to` undefined = open-ended. */
interface Band {
  readonly from: Decimal;
  readonly to: Decimal | undefined;
  readonly multiplier: Decimal;
}

/** A parsed daily pay rule, ready for the arithmetic. Make one with {@link parseRule}. */
export interface PayRule {
  /** The preset's name ("CA") or the rule string as it was given. */
  readonly name: string;
  /** The overtime bands in ascending order; hours before the first are paid at 1x. */
  readonly tiers: readonly PayTier[];
  /**
   * The rule for the 7th consecutive day worked in a workweek, where the law has one (California:
   * `CA-7TH`). Only presets carry it; a rule string is exactly the bands it spells out.
   */
  readonly seventhDay?: PayRule;
  /** Every band from hour 0, the 1x band included: what {@link splitDay} walks. */
  readonly bands: readonly Band[];
}

/** A named rule preset: the rule string, what it is, and where it comes from. */
export interface RulePreset {
  /** The rule in `threshold:multiplier` form. */
  readonly rule: string;
  /** One line for a line producer. */
  readonly description: string;
  /** The source of the rule (reference.md section and the public source it cites). */
  readonly source: string;
  /** The preset used instead on the 7th consecutive day worked in a workweek, if any. */
  readonly seventhDay?: RulePresetName;
}

/** The names of the rule presets. */
export type RulePresetName = "CA" | "CA-7TH" | "SAG-DAY" | "STRAIGHT";

/** The rule used when none is given (spec/functions.md: `CA` is the default). */
export const DEFAULT_RULE: RulePresetName = "CA";

/**
 * The rule presets, in the order the task pane lists them. Each cites its source; the figures are
 * those of domain/reference.md section 4.
 */
export const RULE_PRESETS: Readonly<Record<RulePresetName, RulePreset>> = {
  CA: {
    // California Labor Code section 510(a): 1.5x for hours over 8 and up to 12 in a workday, 2x over 12.
    rule: "8:1.5,12:2",
    description: "California daily overtime: 1.5x after 8 hours, 2x after 12; 7th day in a row uses CA-7TH",
    source:
      "California Labor Code section 510(a); reference.md 4.1 [S] https://www.eccapayroll.com/state/california",
    seventhDay: "CA-7TH",
  },
  "CA-7TH": {
    // Labor Code 510(a): the 7th consecutive workday of a workweek is 1.5x for the first 8 hours, 2x after.
    rule: "0:1.5,8:2",
    description: "California 7th consecutive day worked: 1.5x for the first 8 hours, 2x after 8",
    source:
      "California Labor Code section 510(a); reference.md 4.1 [S] https://www.eccapayroll.com/state/california",
  },
  "SAG-DAY": {
    // SAG-AFTRA day performers: 1.5x for the 9th and 10th hours, 2x beyond 10 (counted in tenths).
    rule: "8:1.5,10:2",
    description: "SAG-AFTRA day performer: 1.5x for the 9th and 10th hours, 2x after 10 (enter tenths)",
    source: "SAG-AFTRA overtime rules; reference.md 4.4 [C] http://www.sagaftra.org/overtime",
  },
  STRAIGHT: {
    // Every hour at 1x: exempt or flat-rate deals (e.g. IATSE on-call weekly, Schedule C).
    rule: "0:1",
    description: "Straight time: every hour at 1x, no daily overtime",
    source: "No overtime premium (exempt / flat-rate deals, e.g. IATSE Schedule C on-call); reference.md 4.3",
  },
};

/** The preset names in order, for messages that list them. */
export const RULE_PRESET_NAMES = Object.keys(RULE_PRESETS) as RulePresetName[];

/** Hint shown with every malformed rule string. */
const RULE_SHAPE = 'threshold:multiplier pairs in ascending order, such as "8:1.5,12:2"';

/** A plain decimal number as written in a rule or schedule ("8", "1.5", ".5", "-2"). */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

function ruleNumber(text: string, what: string, pair: string): Decimal {
  if (!PLAIN_NUMBER.test(text)) {
    throw errors.invalid("rule", `has "${pair}": the ${what} "${text}" is not a number (${RULE_SHAPE})`);
  }
  return new Decimal(text);
}

/** Builds the walked bands of a rule from its tiers: a 1x band from hour 0, then each tier. */
function toBands(tiers: readonly PayTier[]): Band[] {
  const bands: Band[] = [];
  const firstFrom = tiers.length > 0 ? tiers[0].from : undefined;
  if (firstFrom === undefined || firstFrom.gt(0)) bands.push({ from: ZERO, to: firstFrom, multiplier: ONE });
  tiers.forEach((tier, i) => bands.push({ ...tier, to: tiers[i + 1]?.from }));
  return bands;
}

/**
 * Parses a rule string ("8:1.5,12:2"). Errors name the problem: a piece that is not a pair, a
 * number that is not one, a threshold below 0 or not above the one before it, a multiplier below 1
 * (paying overtime hours less than straight time is not overtime).
 */
function parseRuleString(text: string, name: string): PayRule {
  const tiers: PayTier[] = [];
  for (const raw of text.split(",")) {
    const pair = raw.trim();
    const parts = pair.split(":");
    if (parts.length !== 2) {
      throw errors.invalid("rule", `has "${pair}", which is not a threshold:multiplier pair (${RULE_SHAPE})`);
    }
    const from = ruleNumber(parts[0].trim(), "threshold", pair);
    const multiplier = ruleNumber(parts[1].trim(), "multiplier", pair);
    if (from.isNeg() && !from.isZero()) {
      throw errors.invalid("rule", `thresholds must be 0 or more, got ${from.toString()} in "${pair}"`);
    }
    const previous = tiers[tiers.length - 1];
    if (previous && from.lte(previous.from)) {
      throw errors.invalid(
        "rule",
        `thresholds must go up: ${from.toString()} comes after ${previous.from.toString()} in "${text}"`,
      );
    }
    if (multiplier.lt(1)) {
      throw errors.invalid(
        "rule",
        `multipliers must be 1 or more (1 = straight time), got ${multiplier.toString()} in "${pair}"`,
      );
    }
    tiers.push({ from, multiplier });
  }
  return { name, tiers, bands: toBands(tiers) };
}

/** The presets parsed once, at load: the 7th-day rule linked to the preset it names. */
const PARSED_PRESETS: ReadonlyMap<string, PayRule> = (() => {
  const parsed = new Map<string, PayRule>();
  for (const name of RULE_PRESET_NAMES) parsed.set(name, parseRuleString(RULE_PRESETS[name].rule, name));
  for (const name of RULE_PRESET_NAMES) {
    const seventh = RULE_PRESETS[name].seventhDay;
    if (seventh) parsed.set(name, { ...(parsed.get(name) as PayRule), seventhDay: parsed.get(seventh) });
  }
  return parsed;
})();

/**
 * Parsed rule strings by their text. Excel recalculates a sheet of DAYPAY cells thousands of times
 * with the same few rules; parsing each once keeps a recalculation to the arithmetic. Bounded so a
 * sheet of generated rule strings cannot grow it without limit.
 */
const ruleCache = new Map<string, PayRule>();
const RULE_CACHE_LIMIT = 512;

/** A rule string holds a pair or starts with a number; anything else is meant as a preset name. */
const LOOKS_LIKE_RULE_STRING = /:|^[-+.\d]/;

/**
 * Reads a pay rule from a cell: blank = `CA` (the default), a preset name (any case), or a rule
 * string of `threshold:multiplier` pairs.
 *
 * @param value - the cell value as Excel gave it
 * @param arg - the argument's name, for messages
 * @throws ProdError invalid (#VALUE!) for a malformed rule string or a value that is not text;
 *   notFound (#N/A) for an unknown preset name, listing the presets.
 */
export function parseRule(value: unknown, arg = "rule"): PayRule {
  if (isBlank(value)) return PARSED_PRESETS.get(DEFAULT_RULE) as PayRule;
  if (typeof value !== "string") {
    const got = isRange(value) ? "a range" : describeValue(value);
    throw errors.invalid(
      arg,
      `must be a preset (${RULE_PRESET_NAMES.join(", ")}) or ${RULE_SHAPE}, got ${got}`,
    );
  }
  const text = value.trim();
  const preset = PARSED_PRESETS.get(text.toUpperCase());
  if (preset) return preset;
  if (!LOOKS_LIKE_RULE_STRING.test(text)) throw errors.unknownName("pay rule", text, RULE_PRESET_NAMES);
  const cached = ruleCache.get(text);
  if (cached) return cached;
  const parsed = parseRuleString(text, text);
  if (ruleCache.size >= RULE_CACHE_LIMIT) ruleCache.clear();
  ruleCache.set(text, parsed);
  return parsed;
}

/** A rule preset, parsed: the way for engine callers (task pane, benchmarks) to name one. */
export function rulePreset(name: RulePresetName): PayRule {
  return PARSED_PRESETS.get(name) as PayRule;
}

/** One day's hours as paid: straight-time-equivalent paid hours, and the hours paid at 1x. */
export interface DaySplit {
  /** Straight-time-equivalent paid hours (8 + 4 x 1.5 = 14 for 12 hours under CA). */
  readonly paid: Decimal;
  /** Hours worked that were paid at 1x: the hours weekly overtime counts toward its threshold. */
  readonly straight: Decimal;
}

/**
 * Walks the rule's bands over one day's hours. No validation: callers check the hours first.
 * Each band pays (hours in the band) x (its multiplier); the hours in 1x bands are straight time.
 */
export function splitDay(hours: Decimal, rule: PayRule): DaySplit {
  let paid = ZERO;
  let straight = ZERO;
  for (const band of rule.bands) {
    if (hours.lte(band.from)) break;
    const top = band.to !== undefined && hours.gt(band.to) ? band.to : hours;
    const inBand = top.minus(band.from);
    paid = paid.plus(inBand.times(band.multiplier));
    if (band.multiplier.eq(1)) straight = straight.plus(inBand);
  }
  return { paid, straight };
}

/** Throws the "must be 0 or more" error for a negative decimal. */
export function requireNonNegative(value: Decimal, arg: string): Decimal {
  if (value.isNeg() && !value.isZero()) throw errors.belowMinimum(arg, 0, value.toNumber());
  return value;
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
