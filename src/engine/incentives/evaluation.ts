/**
 * The incentive pipeline of domain/incentives.md section 2, as steps a program composes:
 * eligibility (1), payee aggregation and per-person caps (2), class limits (3), rate buckets and
 * uplifts (4), program caps (5), stacking net of assistance (6), monetisation (7) and timing (8).
 * Every figure a step uses is a {@link Figure} with its source and confirmed mark; a result that
 * used an unconfirmed figure lists it.
 *
 * Money stays exact inside; the gross and the net are rounded once, at the end, to cents.
 */
import { calculateFringes } from "../fringes/calculate";
import type { Fringe } from "../fringes/fringe";
import { Decimal, ONE, ZERO, sum } from "../money";
import { DEFAULT_DAYS_PER_WEEK } from "../week";
import { SOURCES } from "./sources";
import { isLabour, payeeKey, type IncentiveLine } from "./tags";

/** One figure of a program: decimal text, the source IDs it comes from, and whether it is confirmed. */
export interface Figure {
  /** Decimal text: a rate as a fraction ("0.35"), money in the program's currency ("500000"). */
  value: string;
  /** Source IDs of domain/incentives.md section 7, joined by commas ("GA1,GA2"). */
  source: string;
  /** False when the reference could not confirm it from a primary source, or sources conflict. */
  confirmed: boolean;
  /** What the figure is, in words ("W-2 pay counted per person"). */
  words: string;
}

/** A figure, confirmed unless said otherwise. */
export function fig(value: string, words: string, source: string, confirmed = true): Figure {
  return { value, words, source, confirmed };
}

/** The source IDs of a figure in words, for the explanation: "GA1: [P] O.C.G.A. ...". */
export function sourceWords(f: Pick<Figure, "source">): string {
  return f.source
    .split(",")
    .map((id) => `${id}: ${SOURCES[id] ?? "not in the catalogue"}`)
    .join("; ");
}

/** A line as the program counts it: the line and what of it counts so far. */
export interface Counted {
  line: IncentiveLine;
  amount: Decimal;
}

/** One rate bucket of the result: what a rate applied to, and what it gave. */
export interface Bucket {
  /** What the bucket is, in words ("Base 20%", "GEP logo uplift"). */
  label: string;
  /** The qualified amount the rate applied to. */
  base: Decimal;
  /** The rate (a fraction), or null for an amount that is not base x rate (a cap, a top-up). */
  rate: Decimal | null;
  /** The exact credit of the bucket (negative for a reduction such as a maximum rate). */
  amount: Decimal;
  /** The figure behind it. */
  figure: Figure;
}

/** A line the program does not count, and why. */
export interface ExcludedLine {
  row: number;
  amount: Decimal;
  reason: string;
}

/** How the credit turns into cash (section 2, step 7). */
export interface Monetisation {
  /** How, in words ("sold at $0.90 per $1 of credit"). */
  words: string;
  /** Cash per unit of gross credit before fees. */
  factor: Decimal;
  /** The figure behind the factor. */
  figure: Figure;
  /** Fees taken from the cash, each in words with its exact amount. */
  fees: { words: string; amount: Decimal; figure: Figure }[];
}

/** A setting the user gives a program (sale price, an uplift claimed), with its words. */
export interface SettingDefinition {
  /** What it means, for the #VALUE! listing the program's settings and the pane. */
  words: string;
  /** "yes" for YES/NO, "fraction" for a number 0-1 (a price per dollar), "count" for a whole number. */
  kind: "yes" | "fraction" | "count";
  /** The value when not given. */
  byDefault: boolean | number;
}

/** The settings a formula gave, by upper-case name. */
export type Settings = ReadonlyMap<string, boolean | number>;

/**
 * One program being evaluated over a budget's lines: the state the steps share, and the steps.
 * A program's `evaluate` builds its buckets with these and returns nothing; {@link Evaluation.result}
 * then holds the answer.
 */
export class Evaluation {
  readonly excluded: ExcludedLine[] = [];
  readonly caps: string[] = [];
  readonly buckets: Bucket[] = [];
  readonly notes: string[] = [];
  /** The unconfirmed figures used, in words, in the order used. */
  readonly unconfirmed: string[] = [];
  /** Set when a minimum or a test is not met: the gross is then 0 and this says why. */
  failed: string | null = null;
  monetisation: Monetisation | null = null;

  /**
   * @param lines - the budget's lines
   * @param codes - the place codes of the program's jurisdiction (Where and Residency compare to them)
   * @param settings - the settings given, already checked against the program's
   * @param fx - the program's currency units per unit of the budget's currency
   */
  constructor(
    readonly lines: readonly IncentiveLine[],
    readonly codes: readonly string[],
    readonly settings: Settings,
    readonly fx: Decimal,
  ) {}

  /** A figure's value, noting it when it is not confirmed. */
  use(f: Figure): Decimal {
    if (!f.confirmed) {
      const words = `${f.words} (${sourceWords(f)})`;
      if (!this.unconfirmed.includes(words)) this.unconfirmed.push(words);
    }
    return new Decimal(f.value);
  }

  /** A money figure in the program's currency, in the budget's currency (divided by the exchange rate). */
  money(f: Figure): Decimal {
    return this.use(f).div(this.fx);
  }

  /** A YES/NO setting. */
  yes(name: string): boolean {
    return this.settings.get(name) === true;
  }

  /** A number setting. */
  number(name: string): Decimal {
    return new Decimal(Number(this.settings.get(name) ?? 0));
  }

  /** True for a place tag that is the program's jurisdiction: IN (the location evaluated) or one of its codes. */
  isHere(place: string | null): boolean {
    return place === "IN" || (place !== null && this.codes.includes(place));
  }

  /**
   * Step 1, eligibility. Every line with an amount is either counted or listed with its reason:
   * an untagged line (no Where or no Class) is never counted; a line not in the jurisdiction, or one
   * `test` refuses (returning the reason), is listed too.
   */
  eligible(test: (line: IncentiveLine) => string | null, where = "here"): Counted[] {
    const out: Counted[] = [];
    for (const line of this.lines) {
      if (line.amount.isZero()) continue;
      const reason =
        line.where === null || line.cls === null
          ? "no tag: give it at least Where and Class to count it"
          : where === "here" && !this.isHere(line.where)
            ? "not incurred in the jurisdiction"
            : test(line);
      if (reason === null) out.push({ line, amount: line.amount });
      else this.excluded.push({ row: line.row, amount: line.amount, reason });
    }
    return out;
  }

  /**
   * Step 2, payee aggregation: the lines of each payee (a line with no payee is its own) that
   * `applies` selects are capped at `cap` per person across all their lines, with the fringe
   * engine's per-person caps (a line of several people gives each their own cap). When a person's
   * lines earn different rates (`rateOf`), the cap is filled from their best-rated lines first, as a
   * claim would choose; otherwise in line order. Returns the lines with their counted amounts and
   * notes each cap reached.
   */
  capPerPerson(
    counted: readonly Counted[],
    cap: Figure,
    applies: (line: IncentiveLine) => boolean,
    rateOf: (c: Counted) => Decimal = () => ONE,
  ): Counted[] {
    const limit = this.money(cap);
    const byPayee = new Map<string, number[]>();
    counted.forEach((c, i) => {
      if (!applies(c.line)) return;
      const key = payeeKey(c.line);
      const found = byPayee.get(key);
      if (found) found.push(i);
      else byPayee.set(key, [i]);
    });
    const out = [...counted];
    const asFringe: Fringe = {
      label: cap.words,
      type: "%",
      rate: ONE,
      cutoff: limit,
      threshold: null,
      daysPerWeek: DEFAULT_DAYS_PER_WEEK,
      confirmed: cap.confirmed,
      source: cap.source,
      missingRate: null,
    };
    for (const found of byPayee.values()) {
      // A stable sort: lines of one rate keep their order.
      const indexes = [...found].sort((a, b) => rateOf(counted[b]).comparedTo(rateOf(counted[a])));
      const lines = indexes.map((i) => ({ wages: counted[i].amount, people: counted[i].line.people }));
      const result = calculateFringes([asFringe], lines, ZERO);
      const before = sum(lines.map((l) => l.wages));
      if (result.byFringe[0].base.gte(before)) continue;
      indexes.forEach((i, k) => (out[i] = { line: counted[i].line, amount: result.lines[k] }));
      const first = counted[found[0]].line;
      const who = first.payee ?? `line ${first.row}`;
      this.use(cap);
      this.caps.push(
        `${who}: ${cap.words} ${limit.toFixed(0)} per person; ${result.byFringe[0].base.toFixed(2)} of ${before.toFixed(2)} counted (line ${found.map((i) => counted[i].line.row).join(", ")})`,
      );
    }
    return out;
  }

  /**
   * Step 3, a class limit (or a cap on qualified spend): the lines `select` picks count together for
   * at most `limit`. It is filled line by line, the best-rated lines first (`rateOf`; the user's
   * line order among lines of one rate: reference section 4, "let the user pick who gets the cap
   * first"), and the cap is noted with `words`.
   */
  limit(
    counted: readonly Counted[],
    select: (c: Counted) => boolean,
    limit: Decimal,
    words: string,
    rateOf: (c: Counted) => Decimal = () => ONE,
  ): Counted[] {
    const total = sum(counted.filter(select).map((c) => c.amount));
    if (total.lte(limit)) return [...counted];
    this.caps.push(`${words}: ${limit.toFixed(2)} of ${total.toFixed(2)} counted`);
    const order = counted
      .map((_c, i) => i)
      .filter((i) => select(counted[i]))
      .sort((a, b) => rateOf(counted[b]).comparedTo(rateOf(counted[a])));
    const out = [...counted];
    let left = Decimal.max(limit, ZERO);
    for (const i of order) {
      const amount = Decimal.min(counted[i].amount, left);
      left = left.minus(amount);
      out[i] = { line: counted[i].line, amount };
    }
    return out;
  }

  /** Step 4, one rate bucket: `rate` x the counted amounts of the lines `select` picks (empty buckets are left out). */
  bucket(label: string, counted: readonly Counted[], select: (c: Counted) => boolean, rate: Figure): Decimal {
    const base = sum(counted.filter(select).map((c) => c.amount));
    return this.bucketOn(label, base, rate);
  }

  /** A rate bucket on a base already worked out (stacking: labour net of another credit). */
  bucketOn(label: string, base: Decimal, rate: Figure): Decimal {
    if (base.isZero()) return ZERO;
    const r = this.use(rate);
    const amount = base.times(r);
    this.buckets.push({ label, base, rate: r, amount, figure: rate });
    return amount;
  }

  /** An amount that is not base x rate: a reduction to a maximum rate or a cap, or a top-up. */
  adjust(label: string, base: Decimal, amount: Decimal, figure: Figure): void {
    this.use(figure);
    this.buckets.push({ label, base, rate: null, amount, figure });
  }

  /**
   * Step 4, a maximum combined rate: when the buckets give more than `max` x the base counted, the
   * excess is taken off as its own line and the cap noted.
   */
  maxRate(base: Decimal, max: Figure): void {
    const ceiling = base.times(this.use(max));
    const gross = this.gross();
    if (gross.lte(ceiling)) return;
    this.caps.push(`${max.words}: the combined rate is at most ${this.percent(max)}`);
    this.adjust(`Above the ${this.percent(max)} maximum`, base, ceiling.minus(gross), max);
  }

  /** Step 5, a program cap on the credit: anything over `cap` is taken off and the cap noted. */
  capCredit(cap: Figure): void {
    const limit = this.money(cap);
    const gross = this.gross();
    if (gross.lte(limit)) return;
    this.caps.push(`${cap.words}: ${limit.toFixed(2)}`);
    this.adjust(cap.words, gross, limit.minus(gross), cap);
  }

  /** A minimum spend: when `spend` is below it the program gives 0 and says so. */
  minimum(spend: Decimal, min: Figure): void {
    const limit = this.money(min);
    if (spend.lt(limit) && this.failed === null)
      this.failed = `${min.words} not met: ${spend.toFixed(2)} against ${limit.toFixed(2)} (the credit is 0)`;
  }

  /** A test that is not met: the program gives 0 and says why. */
  fail(words: string, f: Figure): void {
    this.use(f);
    if (this.failed === null) this.failed = `${words} (the credit is 0)`;
  }

  /** A rate as a percent in words: "34%". */
  percent(f: Figure): string {
    return `${new Decimal(f.value).times(100).toString()}%`;
  }

  /** The exact gross so far: 0 when a minimum or test is not met. */
  gross(): Decimal {
    return this.failed === null ? sum(this.buckets.map((b) => b.amount)) : ZERO;
  }

  /** The sum of the counted amounts of some lines. */
  total(counted: readonly Counted[], select: (c: Counted) => boolean = () => true): Decimal {
    return sum(counted.filter(select).map((c) => c.amount));
  }

  /** The labour lines of a set. */
  static labour(c: Counted): boolean {
    return c.line.cls !== null && isLabour(c.line.cls);
  }
}

/**
 * Step 4 for programs whose combined rate has a maximum per line (Louisiana 40%, Illinois 55%):
 * what the lines' rates give above `max` x each line, taken off as one reduction.
 */
export function maxRateByLine(
  e: Evaluation,
  counted: readonly Counted[],
  rateOf: (c: Counted) => Decimal,
  max: Figure,
): void {
  const ceiling = e.use(max);
  let excess = ZERO;
  for (const c of counted) {
    const over = rateOf(c).minus(ceiling);
    if (over.gt(0)) excess = excess.plus(over.times(c.amount));
  }
  if (excess.isZero()) return;
  e.caps.push(`${max.words}: no line earns more than ${e.percent(max)}`);
  e.adjust(`Above the ${e.percent(max)} maximum`, e.total(counted), excess.neg(), max);
}
