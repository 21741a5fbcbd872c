/**
 * The incentive program library: one dated rule set per program, every figure with its source
 * (domain/incentives.md section 7 IDs) and its confirmed mark, each program's steps built from the
 * pipeline of ./evaluation (domain/incentives.md section 2). Program sheets: section 3; worked
 * examples: section 5; what is still to verify: section 6 (those figures are shipped unconfirmed).
 *
 * Money figures are in the program's own currency; a budget in another currency gives an exchange
 * rate and the engine converts the caps and minimums.
 */
import { dateWords, type Dated } from "../dated";
import { Decimal, ONE, ZERO } from "../money";
import {
  Evaluation,
  fig,
  maxRateByLine,
  type Counted,
  type Figure,
  type SettingDefinition,
} from "./evaluation";
import { ATL_CLASSES, isLabour, payeeKey, type IncentiveLine } from "./tags";

/** One program's rule set in force for a period. */
export interface ProgramDefinition extends Dated {
  /** The name typed in a formula ("GA", "UK-AVEC"). */
  name: string;
  /** Its full name. */
  title: string;
  /** What the effective date is keyed to, in words (section 2, step 9). */
  trigger: string;
  /** The program's currency (ISO code). */
  currency: string;
  /** The place codes of its jurisdiction, which the Where and Residency tags compare to. */
  codes: readonly string[];
  /** The settings it reads. */
  settings: Readonly<Record<string, SettingDefinition>>;
  /** When the cash arrives, in words (section 2, step 8). */
  timing: string;
  /** The program's steps. */
  evaluate: (e: Evaluation) => void;
}

/** "Until changed": no end date found in the reference. */
const OPEN = "9999-12-31";
/** "Before the next rule set": a superseded rate whose start the reference does not give. */
const EARLIER = "0001-01-01";

// Shared eligibility reasons.
const PHASE_REASONS: Partial<Record<NonNullable<IncentiveLine["phase"]>, string>> = {
  DEVELOPMENT: "development is not a production cost",
  DISTRIBUTION: "distribution and marketing are excluded",
  FINANCING: "financing costs are excluded",
};

/** The common exclusions: a line tagged not qualified, or a phase outside production. */
function production(line: IncentiveLine): string | null {
  if (line.cls === "NOTQUALIFIED") return "tagged NQ (not qualified): give it another class to count it";
  return line.phase === null ? null : (PHASE_REASONS[line.phase] ?? null);
}

const all = () => true;
const labour = (c: Counted) => Evaluation.labour(c);
const flagged = (flag: Parameters<IncentiveLine["flags"]["has"]>[0]) => (c: Counted) =>
  c.line.flags.has(flag);

/** Residency of a labour line, or the reason it cannot be counted without one. */
function residencyGiven(line: IncentiveLine, program: string): string | null {
  return line.cls !== null && isLabour(line.cls) && line.residency === null
    ? `Residency not given: ${program} counts residents and non-residents differently`
    : null;
}

/** Monetisation by sale at the SALE setting's price per unit of credit. */
function sale(e: Evaluation, price: Figure): void {
  const given = e.settings.has("SALE");
  const figure = given ? fig(String(e.settings.get("SALE")), "sale price you gave", "", true) : price;
  e.monetisation = {
    words: `sold at ${new Decimal(figure.value).toFixed(2)} per 1.00 of credit${given ? "" : " (set SALE to your broker's price)"}`,
    factor: e.use(figure),
    figure,
    fees: [],
  };
}

/** Monetisation paid out at face value (a refundable credit or a cash grant). */
function paid(e: Evaluation, words: string, source: string): void {
  const figure = fig("1", words, source);
  e.monetisation = { words, factor: e.use(figure), figure, fees: [] };
}

/** The sum of every line's amount with Where and Class in the jurisdiction and a production phase. */
function localSpend(e: Evaluation): Decimal {
  return e.lines
    .filter((l) => l.cls !== null && e.isHere(l.where) && production(l) === null)
    .reduce((s, l) => s.plus(l.amount), ZERO);
}

const YES = (words: string, byDefault = false): SettingDefinition => ({ words, kind: "yes", byDefault });
const SALE = (byDefault: number): SettingDefinition => ({
  words: "the price per 1.00 of credit when it is sold (0 to 1)",
  kind: "fraction",
  byDefault,
});

// 3.1 California Film & TV Tax Credit Program 4.0.
const CA = {
  rate: fig("0.35", "California 4.0 rate 35%", "CA1,CA5"),
  relocating: fig("0.40", "California 4.0 relocating series 40% (first season)", "CA1,CA3", false),
  vfx: fig(
    "0.05",
    "California VFX uplift 5% (needs CA VFX of at least $10M or 75% of global VFX)",
    "CA3,CA6",
    false,
  ),
  outZone: fig("0.05", "California uplift 5% outside the Los Angeles zone", "CA3,CA6", false),
  cap: fig("120000000", "California qualified spend cap per project", "CA1"),
  indieCap: fig("20000000", "California independent qualified spend cap", "CA3", false),
  minimum: fig("1000000", "California minimum spend (3.0 rule; 4.0 minimum not found)", "CA6", false),
  refund: fig("0.90", "California 4.0 refund election: 90% of the credit, over 5 years", "CA3", false),
  atl: fig("0", "California excludes above-the-line pay", "CA6,CA5"),
};

function california(e: Evaluation): void {
  let counted = e.eligible((line) =>
    line.cls !== null && ATL_CLASSES.has(line.cls)
      ? `above the line (writer, director, producer, performer) is excluded in California (${CA.atl.source})`
      : production(line),
  );
  e.use(CA.atl);
  const cap = e.yes("INDIE") ? CA.indieCap : CA.cap;
  const uplifts = (c: Counted) =>
    (c.line.flags.has("VFX") ? e.use(CA.vfx) : ZERO).plus(
      c.line.flags.has("OUTZONE") ? e.use(CA.outZone) : ZERO,
    );
  counted = e.limit(counted, all, e.money(cap), cap.words, uplifts);
  const base = e.total(counted);
  e.minimum(base, CA.minimum);
  e.bucket(
    e.yes("RELOCATING") ? "Relocating series 40%" : "Base 35%",
    counted,
    all,
    e.yes("RELOCATING") ? CA.relocating : CA.rate,
  );
  e.bucket("VFX uplift 5%", counted, flagged("VFX"), CA.vfx);
  e.bucket("Outside the Los Angeles zone 5%", counted, flagged("OUTZONE"), CA.outZone);
  if (e.yes("REFUND")) {
    e.monetisation = {
      words: "refund election: 90% of the credit, paid over 5 tax years",
      factor: e.use(CA.refund),
      figure: CA.refund,
      fees: [],
    };
  } else {
    paid(
      e,
      "used against California tax at face value (needs California tax to pay; set REFUND=YES for the refund election)",
      "CA1",
    );
  }
}

// 3.2 Georgia, O.C.G.A. 48-7-40.26.
const GA = {
  base: fig("0.20", "Georgia base rate 20%", "GA1"),
  gep: fig("0.10", "Georgia Entertainment Promotion uplift 10%", "GA1"),
  w2Cap: fig("500000", "Georgia W-2 pay counted", "GA2"),
  minimum: fig("500000", "Georgia minimum spend $500K a year", "GA1"),
  price: fig("0.90", "Georgia sale price 0.90 (quotes 0.80 to 0.92)", "GA5,GA6", false),
};

function georgia(e: Evaluation): void {
  let counted = e.eligible(production);
  // [GA2]: the first $500K of W-2 pay per person; loan-outs and 1099 are not capped.
  const w2 = (l: IncentiveLine) =>
    l.cls !== null &&
    isLabour(l.cls) &&
    l.payForm !== "LOANOUT" &&
    l.payForm !== "1099" &&
    l.payForm !== "VENDOR";
  if (counted.some((c) => w2(c.line) && c.line.payForm === null))
    e.notes.push("labour lines with no Pay form are capped as W-2 pay");
  counted = e.capPerPerson(counted, GA.w2Cap, w2);
  e.minimum(e.total(counted), GA.minimum);
  e.bucket("Base 20%", counted, all, GA.base);
  if (e.yes("GEP")) e.bucket("Georgia Entertainment Promotion uplift 10%", counted, all, GA.gep);
  else e.notes.push("no GEP logo uplift (GEP=NO)");
  sale(e, GA.price);
  e.notes.push("audit fees (payable to the Department of Revenue) are not included: amount not found");
}

// 3.3 New Mexico, NMSA 7-2F.
const NM = {
  base: fig("0.25", "New Mexico base rate 25%", "NM5,NM7"),
  nrBtl: fig("0.15", "New Mexico non-resident crew 15%", "NM2"),
  nrBtlShare: fig("0.15", "New Mexico non-resident crew wages at most 15% of the NM crew wage budget", "NM2"),
  rural: fig("0.10", "New Mexico uplift 10% 60 miles or more out", "NM1"),
  tv: fig("0.05", "New Mexico TV series or pilot uplift 5%", "NM1"),
  stage: fig("0.05", "New Mexico qualified production facility uplift 5%", "NM1"),
  max: fig("0.40", "New Mexico maximum rate 40%", "NM1,NM4"),
  performerCap: fig("5000000", "New Mexico performer credit cap", "NM3"),
};

function newMexico(e: Evaluation): void {
  if (e.yes("TV") && e.yes("STAGE"))
    e.notes.push("TV and STAGE uplifts exclude each other (NMSA 7-2F-14): only TV is used");
  const nonResident = (l: IncentiveLine) => l.residency !== null && !e.isHere(l.residency);
  let counted = e.eligible(
    (l) =>
      production(l) ??
      residencyGiven(l, "New Mexico") ??
      (nonResident(l) && (l.cls === "WRITER" || l.cls === "DIRECTOR" || l.cls === "PRODUCER")
        ? `non-resident writers, directors and producers are not eligible (NM6)`
        : null),
  );
  const nrCrew = (c: Counted) => c.line.cls === "CREW" && nonResident(c.line);
  const crewBudget = e.total(counted, (c) => c.line.cls === "CREW");
  counted = e.limit(counted, nrCrew, crewBudget.times(e.use(NM.nrBtlShare)), NM.nrBtlShare.words);
  const main = (c: Counted) => !nrCrew(c);
  e.bucket("Base 25%", counted, main, NM.base);
  e.bucket("Non-resident crew 15%", counted, nrCrew, NM.nrBtl);
  e.bucket("Rural uplift 10%", counted, (c) => main(c) && c.line.flags.has("RURAL"), NM.rural);
  const tvOrStage = e.yes("TV") ? NM.tv : e.yes("STAGE") ? NM.stage : null;
  if (tvOrStage)
    e.bucket(e.yes("TV") ? "TV series uplift 5%" : "Qualified facility uplift 5%", counted, main, tvOrStage);
  e.maxRate(e.total(counted, main), NM.max);
  // [NM3]: the credit on performers' pay is at most $5M.
  const performers = counted.filter((c) => c.line.cls === "PERFORMER");
  const extra = tvOrStage ? e.use(tvOrStage) : ZERO;
  const performerCredit = performers.reduce(
    (s, c) =>
      s.plus(
        c.amount.times(
          e
            .use(NM.base)
            .plus(extra)
            .plus(c.line.flags.has("RURAL") ? e.use(NM.rural) : ZERO),
        ),
      ),
    ZERO,
  );
  const cap = e.money(NM.performerCap);
  if (performerCredit.gt(cap)) {
    e.caps.push(`${NM.performerCap.words}: ${cap.toFixed(2)}`);
    e.adjust(
      "Performer credit over the cap",
      e.total(performers),
      cap.minus(performerCredit),
      NM.performerCap,
    );
  }
  if (counted.some(nrCrew))
    e.notes.push("the non-resident crew credit needs an education or promotion contribution (NM2)");
  paid(e, "refundable: paid by the Taxation and Revenue Department, no sale discount", "NM9");
}

// 3.4 New York, Tax Law 24, after the FY2026 budget.
const NY = {
  base: fig("0.30", "New York rate 30%", "NY4,NY1"),
  atlShare: fig("0.40", "New York above-the-line at most 40% of other qualified costs", "NY2"),
  upstate: fig("0.10", "New York upstate labour uplift 10%", "NY6", false),
  plus: fig("0.10", "New York Production+ uplift 10% (to 2028)", "NY1,NY2", false),
  minimum: fig("1000000", "New York minimum $1M (NYC and downstate; 2020 text)", "NY7", false),
  minimumUpstate: fig("250000", "New York minimum $250K outside NYC and downstate (2020 text)", "NY7", false),
};

function newYork(e: Evaluation): void {
  let counted = e.eligible(production);
  const atl = (c: Counted) => c.line.cls !== null && ATL_CLASSES.has(c.line.cls);
  const other = e.total(counted, (c) => !atl(c));
  const upstate = (c: Counted) => e.yes("UPSTATEALL") || (labour(c) && c.line.flags.has("UPSTATE"));
  counted = e.limit(counted, atl, other.times(e.use(NY.atlShare)), NY.atlShare.words, (c) =>
    upstate(c) ? ONE : ZERO,
  );
  e.minimum(e.total(counted), e.yes("UPSTATE") ? NY.minimumUpstate : NY.minimum);
  e.bucket("Base 30%", counted, all, NY.base);
  if (e.yes("UPSTATEALL")) e.bucket("Upstate uplift 10% on all costs", counted, all, NY.upstate);
  else e.bucket("Upstate labour uplift 10%", counted, upstate, NY.upstate);
  if (e.yes("PLUS")) e.bucket("Production+ uplift 10%", counted, all, NY.plus);
  e.notes.push("stage and 75% location-days tests assumed met; at most 2 producers count");
  paid(e, "refundable (multi-year payout tiers removed for new applicants)", "NY1,NY2");
}

// 3.5 Louisiana, R.S. 47:6007 after Act 44 of 2025.
const LA = {
  base: fig("0.25", "Louisiana base rate 25%", "LA4", false),
  payroll: fig("0.15", "Louisiana resident payroll uplift 15%", "LA4", false),
  screenplay: fig("0.10", "Louisiana screenplay uplift 10%", "LA4", false),
  vfx: fig("0.05", "Louisiana VFX uplift 5%", "LA4", false),
  max: fig("0.40", "Louisiana maximum rate 40%", "LA2", false),
  minimum: fig("300000", "Louisiana minimum spend $300K", "LA5", false),
  minimumScreenplay: fig("50000", "Louisiana minimum $50K for Louisiana screenplays", "LA5", false),
  buyBack: fig("0.88", "Louisiana state buy-back 90% less a 2% fee", "LA5", false),
  feeRate: fig("0.005", "Louisiana application fee 0.5% of estimated credits", "LA6"),
  feeMin: fig("500", "Louisiana application fee at least $500", "LA6"),
  feeMax: fig("15000", "Louisiana application fee at most $15,000", "LA6"),
};

function louisiana(e: Evaluation): void {
  const counted = e.eligible((l) => production(l) ?? residencyGiven(l, "Louisiana"));
  const residentLabour = (c: Counted) => labour(c) && e.isHere(c.line.residency);
  e.minimum(e.total(counted), e.yes("SCREENPLAY") ? LA.minimumScreenplay : LA.minimum);
  e.bucket("Base 25%", counted, all, LA.base);
  e.bucket("Resident payroll uplift 15%", counted, residentLabour, LA.payroll);
  if (e.yes("SCREENPLAY")) e.bucket("Louisiana screenplay uplift 10%", counted, all, LA.screenplay);
  e.bucket("VFX uplift 5%", counted, flagged("VFX"), LA.vfx);
  maxRateByLine(
    e,
    counted,
    (c) =>
      e
        .use(LA.base)
        .plus(residentLabour(c) ? e.use(LA.payroll) : ZERO)
        .plus(e.yes("SCREENPLAY") ? e.use(LA.screenplay) : ZERO)
        .plus(c.line.flags.has("VFX") ? e.use(LA.vfx) : ZERO),
    LA.max,
  );
  if (e.settings.has("SALE")) sale(e, LA.buyBack);
  else
    e.monetisation = {
      words: "sold back to the state at 90% less a 2% fee (set SALE to sell on the market instead)",
      factor: e.use(LA.buyBack),
      figure: LA.buyBack,
      fees: [],
    };
  const fee = Decimal.min(
    Decimal.max(e.gross().times(e.use(LA.feeRate)), e.money(LA.feeMin)),
    e.money(LA.feeMax),
  );
  e.monetisation?.fees.push({
    words: "application fee 0.5% of the credit ($500 to $15,000)",
    amount: fee,
    figure: LA.feeRate,
  });
}

// 3.6 Illinois, Film Production Services Tax Credit after SB 1911.
const IL = {
  resident: fig("0.35", "Illinois rate 35% (residents and Illinois vendors)", "IL2"),
  nonResident: fig("0.30", "Illinois non-resident rate 30%", "IL2"),
  personCap: fig("500000", "Illinois pay counted", "IL1,IL2"),
  positions: fig("13", "Illinois non-resident non-actor positions", "IL2"),
  disadvantaged: fig("0.15", "Illinois economically disadvantaged hire uplift 15%", "IL2"),
  regional: fig("0.05", "Illinois uplift 5% outside Cook and the collar counties", "IL2"),
  relocating: fig("0.05", "Illinois relocating series uplift 5%", "IL2"),
  sustain: fig("0.05", "Illinois sustainability uplift 5%", "IL2"),
  max: fig("0.55", "Illinois maximum rate 55%", "IL2"),
  minimum: fig("100000", "Illinois minimum $100K (30 minutes or longer)", "IL1"),
  minimumShort: fig("50000", "Illinois minimum $50K (under 30 minutes)", "IL1"),
  price: fig("1", "Illinois sale price (no market price found: face value)", "IL1", false),
};

/**
 * The non-resident payees Illinois counts [IL2]: up to `crewSlots` non-actor positions and
 * `actorSlots` actors (a line of several people takes as many), the best paid first, so the
 * positions the credit counts are the ones worth most.
 */
function illinoisPositions(
  e: Evaluation,
  nonResident: (l: IncentiveLine) => boolean,
  actorSlots: number,
  crewSlots: number,
): Set<string> {
  const payees = new Map<string, { total: Decimal; people: number; actor: boolean }>();
  for (const l of e.lines) {
    if (l.cls === null || !isLabour(l.cls) || !nonResident(l) || !e.isHere(l.where) || production(l) !== null)
      continue;
    const key = payeeKey(l);
    const p = payees.get(key) ?? {
      total: ZERO,
      people: 0,
      actor: l.cls === "PERFORMER" || l.cls === "BACKGROUND",
    };
    payees.set(key, { total: p.total.plus(l.amount), people: Math.max(p.people, l.people), actor: p.actor });
  }
  const chosen = new Set<string>();
  const used = { actor: 0, crew: 0 };
  const ranked = [...payees].sort((x, y) => y[1].total.comparedTo(x[1].total));
  for (const [key, p] of ranked) {
    const kind = p.actor ? "actor" : "crew";
    if (used[kind] + p.people > (p.actor ? actorSlots : crewSlots)) continue;
    used[kind] += p.people;
    chosen.add(key);
  }
  return chosen;
}

function illinois(e: Evaluation): void {
  const nonResident = (l: IncentiveLine) => l.residency !== null && !e.isHere(l.residency);
  const spend = localSpend(e);
  // [IL2]: 4 non-resident actors under $20M Illinois spend, 5 to $40M, 6 above.
  const actorSlots = spend.lt(20_000_000) ? 4 : spend.lte(40_000_000) ? 5 : 6;
  const chosen = illinoisPositions(e, nonResident, actorSlots, Number(e.use(IL.positions).toString()));
  let counted = e.eligible((l) => {
    const reason = production(l) ?? residencyGiven(l, "Illinois");
    if (reason !== null || l.cls === null || !isLabour(l.cls) || !nonResident(l)) return reason;
    if (chosen.has(payeeKey(l))) return null;
    return l.cls === "PERFORMER" || l.cls === "BACKGROUND"
      ? `beyond the ${actorSlots} non-resident actors Illinois counts (IL2)`
      : `beyond the ${e.use(IL.positions).toString()} non-resident positions Illinois counts (IL2)`;
  });
  const nr = (c: Counted) => labour(c) && nonResident(c.line);
  const disadvantaged = (c: Counted) => labour(c) && !nr(c) && c.line.flags.has("DISADVANTAGED");
  const lineRate = (c: Counted) =>
    e
      .use(nr(c) ? IL.nonResident : IL.resident)
      .plus(disadvantaged(c) ? e.use(IL.disadvantaged) : ZERO)
      .plus(c.line.flags.has("RURAL") ? e.use(IL.regional) : ZERO)
      .plus(e.yes("RELOCATING") ? e.use(IL.relocating) : ZERO)
      .plus(e.yes("SUSTAIN") ? e.use(IL.sustain) : ZERO);
  const capped = (c: Counted) => Decimal.min(lineRate(c), e.use(IL.max));
  counted = e.capPerPerson(counted, IL.personCap, (l) => l.cls !== null && isLabour(l.cls), capped);
  e.minimum(e.total(counted), e.yes("SHORT") ? IL.minimumShort : IL.minimum);
  e.bucket("Residents and Illinois vendors 35%", counted, (c) => !nr(c), IL.resident);
  e.bucket("Non-residents 30%", counted, nr, IL.nonResident);
  e.bucket("Disadvantaged hire uplift 15%", counted, disadvantaged, IL.disadvantaged);
  e.bucket("Regional uplift 5%", counted, flagged("RURAL"), IL.regional);
  if (e.yes("RELOCATING")) e.bucket("Relocating series uplift 5%", counted, all, IL.relocating);
  if (e.yes("SUSTAIN")) e.bucket("Sustainability uplift 5%", counted, all, IL.sustain);
  maxRateByLine(e, counted, lineRate, IL.max);
  sale(e, IL.price);
  e.notes.push("transferable; unused credit carries forward 5 years");
}

// 3.7 New Jersey, Film & Digital Media Tax Credit.
const NJ = {
  base: fig("0.35", "New Jersey rate 35%", "NJ1,NJ2"),
  nyZone: fig("0.30", "New Jersey rate 30% within 30 miles of Columbus Circle", "NJ1,NJ2"),
  studio: fig("0.40", "New Jersey studio partner rate 40%", "NJ3", false),
  bonus: fig("0.04", "New Jersey disadvantaged-area hiring bonus 4%", "NJ3", false),
  promote: fig("0.04", "New Jersey promotion bonus 4%", "NJ3", false),
  personCap: fig("500000", "New Jersey wages counted", "NJ4"),
  spendTest: fig("1000000", "New Jersey qualified spend above $1M", "NJ1"),
  vendorShare: fig("0.60", "New Jersey 60% of expenses (post excluded) through NJ vendors", "NJ1"),
  price: fig("1", "New Jersey sale price (no market price found: face value)", "NJ4", false),
  issuance: fig("0.005", "New Jersey issuance fee 0.5%", "NJ4", false),
  transfer: fig("1000", "New Jersey transfer fee $1,000 per transfer", "NJ4", false),
};

function newJersey(e: Evaluation): void {
  const rate = e.yes("STUDIO") ? NJ.studio : NJ.base;
  const bonus = (c: Counted) => labour(c) && c.line.flags.has("DISADVANTAGED");
  const lineRate = (c: Counted) =>
    e.use(c.line.flags.has("NYZONE") ? NJ.nyZone : rate).plus(bonus(c) ? e.use(NJ.bonus) : ZERO);
  let counted = e.eligible(production);
  counted = e.capPerPerson(counted, NJ.personCap, (l) => l.cls !== null && isLabour(l.cls), lineRate);
  const nj = e.total(counted);
  const nonPost = (l: IncentiveLine) => l.cls !== null && l.phase !== "POST" && production(l) === null;
  const all_ = e.lines.filter(nonPost).reduce((s, l) => s.plus(l.amount), ZERO);
  const local = e.lines
    .filter((l) => nonPost(l) && e.isHere(l.where))
    .reduce((s, l) => s.plus(l.amount), ZERO);
  if (nj.lte(e.money(NJ.spendTest)) && (all_.isZero() || local.div(all_).lt(e.use(NJ.vendorShare))))
    e.fail(`${NJ.spendTest.words} or ${NJ.vendorShare.words}: neither is met`, NJ.spendTest);
  e.bucket(
    e.yes("STUDIO") ? "Studio partner 40%" : "Base 35%",
    counted,
    (c) => !c.line.flags.has("NYZONE"),
    rate,
  );
  e.bucket("Within 30 miles of Columbus Circle 30%", counted, flagged("NYZONE"), NJ.nyZone);
  e.bucket("Disadvantaged-area hiring bonus 4%", counted, bonus, NJ.bonus);
  if (e.yes("PROMOTE")) e.bucket("Promotion bonus 4%", counted, all, NJ.promote);
  sale(e, NJ.price);
  const m = e.monetisation;
  if (m) {
    m.fees.push({
      words: "issuance fee 0.5%",
      amount: e.gross().times(e.use(NJ.issuance)),
      figure: NJ.issuance,
    });
    m.fees.push({ words: "transfer fee (one transfer)", amount: e.money(NJ.transfer), figure: NJ.transfer });
  }
}

// 3.8 Texas, Moving Image Industry Incentive Program after SB 22.
const TX = {
  tier1: fig("0.05", "Texas grant 5% ($250K to under $1M)", "TX1"),
  tier2: fig("0.10", "Texas grant 10% ($1M to under $1.5M)", "TX1"),
  tier3: fig("0.25", "Texas grant 25% ($1.5M or more)", "TX1"),
  minimum: fig("250000", "Texas minimum in-state spend $250K", "TX1"),
  mid: fig("1000000", "Texas 10% tier from $1M", "TX1"),
  top: fig("1500000", "Texas 25% tier from $1.5M", "TX1"),
  addOn: fig("0.025", "Texas add-on 2.5% each", "TX2"),
  post: fig("0.01", "Texas postproduction add-on 1%", "TX2"),
  max: fig("0.31", "Texas total grants at most 31% of in-state spend", "TX6", false),
  residents: fig(
    "0.35",
    "Texas resident share of cast and crew 35% (Sep 2025 to Aug 2027; measured here on pay)",
    "TX3,TX4",
    false,
  ),
};

function texas(e: Evaluation): void {
  const counted = e.eligible(production);
  const spend = e.total(counted);
  e.minimum(spend, TX.minimum);
  const rate = spend.lt(e.money(TX.mid)) ? TX.tier1 : spend.lt(e.money(TX.top)) ? TX.tier2 : TX.tier3;
  e.bucket(`Grant ${e.percent(rate)} of in-state spend`, counted, all, rate);
  const addOns = e.number("ADDONS");
  if (addOns.gt(0))
    e.bucketOn(
      `${addOns.toString()} add-ons of 2.5%`,
      spend,
      fig(e.use(TX.addOn).times(addOns).toString(), TX.addOn.words, TX.addOn.source),
    );
  if (e.yes("POST")) e.bucket("Postproduction add-on 1%", counted, all, TX.post);
  e.maxRate(spend, TX.max);
  const pay = e.total(counted, labour);
  const residentPay = e.total(counted, (c) => labour(c) && e.isHere(c.line.residency));
  if (pay.gt(0) && residentPay.div(pay).lt(e.use(TX.residents)))
    e.fail(`${TX.residents.words} not met: ${residentPay.div(pay).times(100).toFixed(1)}%`, TX.residents);
  e.notes.push("60% of filming days in Texas assumed met");
  paid(e, "cash grant after completion and expenditure verification", "TX5");
}

// 3.9 UK Audio-Visual Expenditure Credit and Independent Film Tax Credit.
const UK = {
  avec: fig("0.34", "UK AVEC 34% (film and TV)", "UK1,UK6"),
  animation: fig("0.39", "UK AVEC 39% (animation and children's TV)", "UK1,UK6"),
  vfx: fig("0.39", "UK VFX 39%, outside the 80% cap (costs from 1 Jan 2025)", "UK3,UK4"),
  iftc: fig("0.53", "UK Independent Film Tax Credit 53%", "UK5,UK6"),
  share: fig("0.80", "UK qualifying at most 80% of total core", "UK2"),
  minimum: fig("0.10", "UK core at least 10% of total core", "UK6"),
  iftcLevel: fig("15000000", "IFTC credit capped at the £15M core level", "UK5,UK7"),
  iftcMax: fig("23500000", "IFTC total core at most £23.5M", "UK5,UK7"),
  tax: fig("0.75", "UK credit taxable at the 25% main rate: 75% paid", "UK6"),
};

/** The UK's core and UK core expenditure (CREC061100): core = pre-production, shoot and post, anywhere. */
function ukCore(e: Evaluation): { uk: Counted[]; core: Decimal } {
  const core = e.eligible(production, "anywhere");
  const uk: Counted[] = [];
  for (const c of core) {
    if (e.isHere(c.line.where)) uk.push(c);
    else
      e.excluded.push({
        row: c.line.row,
        amount: c.amount,
        reason: "not used or consumed in the UK (counts in total core only)",
      });
  }
  const total = e.total(core);
  const ukTotal = e.total(uk);
  if (total.isZero() || ukTotal.div(total).lt(e.use(UK.minimum)))
    e.fail(`${UK.minimum.words} not met`, UK.minimum);
  return { uk, core: total };
}

function ukTaxable(e: Evaluation): void {
  e.monetisation = {
    words: "payable credit, taxable at the 25% main rate: 75% of it is paid",
    factor: e.use(UK.tax),
    figure: UK.tax,
    fees: [],
  };
}

function ukAvec(e: Evaluation): void {
  const { uk, core } = ukCore(e);
  const ukTotal = e.total(uk);
  const counted = e.limit(uk, all, core.times(e.use(UK.share)), UK.share.words);
  const rate = e.yes("ANIMATION") ? UK.animation : UK.avec;
  e.bucket(`AVEC ${e.percent(rate)}`, counted, all, rate);
  // [UK3]: VFX earns 39% on all of it, less what the standard credit already gave it.
  const vfx = uk.filter(flagged("VFX"));
  if (vfx.length > 0 && !e.yes("ANIMATION")) {
    const vfxAll = e.total(vfx);
    const credited = vfxAll.times(e.total(counted)).div(ukTotal).times(e.use(rate));
    e.adjust(
      "VFX at 39% (outside the 80% cap), less its standard credit",
      vfxAll,
      vfxAll.times(e.use(UK.vfx)).minus(credited),
      UK.vfx,
    );
  }
  ukTaxable(e);
}

function ukIftc(e: Evaluation): void {
  const { uk, core } = ukCore(e);
  if (core.gt(e.money(UK.iftcMax))) e.fail(`${UK.iftcMax.words}: this budget's core is over it`, UK.iftcMax);
  const level = Decimal.min(core, e.money(UK.iftcLevel));
  const counted = e.limit(
    uk,
    all,
    level.times(e.use(UK.share)),
    `${UK.share.words} (at most the £15M level)`,
  );
  e.bucket("IFTC 53%", counted, all, UK.iftc);
  e.notes.push(
    "needs a UK writer or director, or official co-production, and the BFI certificate; no VFX or animation uplift",
  );
  ukTaxable(e);
}

// 3.10 Ireland, section 481.
const IE = {
  rate: fig("0.32", "Ireland section 481 rate 32%", "IE1"),
  sceal: fig("0.40", "Ireland Scéal uplift rate 40% (features under €20M)", "IE2"),
  scealLimit: fig("20000000", "Scéal: qualifying expenditure under €20M", "IE2"),
  share: fig("0.80", "Ireland eligible at most 80% of total cost", "IE1"),
  cap: fig("125000000", "Ireland eligible expenditure cap €125M", "IE1"),
  minimum: fig("125000", "Ireland minimum eligible spend €125K", "IE3"),
};

function ireland(e: Evaluation): void {
  let counted = e.eligible(production);
  const total = e.lines.reduce((s, l) => s.plus(l.amount), ZERO);
  counted = e.limit(counted, all, total.times(e.use(IE.share)), IE.share.words);
  counted = e.limit(counted, all, e.money(IE.cap), IE.cap.words);
  const base = e.total(counted);
  e.minimum(base, IE.minimum);
  const sceal = e.yes("SCEAL") && base.lt(e.money(IE.scealLimit));
  if (e.yes("SCEAL") && !sceal)
    e.notes.push("Scéal uplift not available: qualifying expenditure is €20M or more");
  e.bucket(sceal ? "Scéal 40%" : "Section 481 32%", counted, all, sceal ? IE.sceal : IE.rate);
  paid(e, "corporation tax credit, the excess paid by Revenue", "IE1");
}

// 3.11 Canada: federal PSTC, and the provinces stacked with it.
const CAN = {
  pstc: fig("0.16", "Canada federal PSTC 16% of Canadian labour, net of assistance", "CAN1"),
  bc: fig("0.36", "BC PSTC 36% of BC labour", "CAN5"),
  bcOld: fig("0.28", "BC PSTC 28% of BC labour (before 2025)", "CAN5"),
  bcRegional: fig("0.06", "BC regional uplift 6%", "CAN5,CAN4"),
  bcDistant: fig("0.06", "BC distant location uplift 6%", "CAN5,CAN4"),
  bcDave: fig("0.16", "BC digital animation and VFX (DAVE) 16%", "CAN5,CAN4"),
  bcMajor: fig("0.02", "BC major production uplift 2% (over $200M BC costs)", "CAN5"),
  on: fig("0.215", "Ontario OPSTC 21.5% of Ontario spend", "CAN6,CAN4"),
  onLabourTimes: fig("4", "Ontario spend at most 4 x Ontario labour", "CAN6"),
  qc: fig("0.25", "Quebec QPSTC 25% of Quebec spend", "CAN7,CAN4", false),
  qcVfx: fig("0.16", "Quebec VFX and animation labour bonus 16% (IATSE 514 says 20%)", "CAN4,CAN7", false),
  minimum: fig("1000000", "minimum production budget $1M (film)", "CAN4,CAN6"),
  qcMinimum: fig("250000", "Quebec minimum CAD 250K", "CAN7", false),
};

/** The Canadian place codes: a resident of any of them is a Canadian resident for the federal PSTC. */
const CANADA = [
  "CANADA",
  "CAN",
  "AB",
  "BC",
  "MB",
  "NB",
  "NL",
  "NS",
  "NT",
  "NU",
  "ON",
  "PE",
  "QC",
  "SK",
  "YT",
];

/** Step 6 [CAN1][CAN4]: the federal PSTC on labour less the provincial credit on that labour. */
function federal(e: Evaluation, labourBase: Decimal, provincialOnLabour: Decimal): void {
  e.bucketOn(
    "Federal PSTC 16% (labour net of the provincial credit)",
    labourBase.minus(provincialOnLabour),
    CAN.pstc,
  );
}

/** Lines a province counts: production, and labour only of its residents (non-residents conservatively out). */
function provincial(e: Evaluation, province: string, labourOnly: boolean): Counted[] {
  return e.eligible((l) => {
    const reason = production(l) ?? residencyGiven(l, province);
    if (reason !== null || l.cls === null) return reason;
    if (!isLabour(l.cls)) return labourOnly ? `${province} counts labour only` : null;
    return e.isHere(l.residency) ? null : `not a ${province} resident`;
  });
}

function cavco(e: Evaluation): void {
  paid(e, "refundable through the corporate tax return", "CAN1");
}

function britishColumbia(rate: Figure) {
  return (e: Evaluation) => {
    const counted = provincial(e, "British Columbia", true);
    e.minimum(localSpend(e), CAN.minimum);
    const l = e.total(counted);
    const before = e.gross();
    e.bucket(`BC PSTC ${e.percent(rate)}`, counted, all, rate);
    e.bucket("Regional uplift 6%", counted, flagged("RURAL"), CAN.bcRegional);
    e.bucket("Distant location uplift 6%", counted, flagged("DISTANT"), CAN.bcDistant);
    e.bucket("DAVE 16%", counted, flagged("VFX"), CAN.bcDave);
    if (e.yes("MAJOR")) e.bucket("Major production uplift 2%", counted, all, CAN.bcMajor);
    federal(e, l, e.gross().minus(before));
    cavco(e);
  };
}

function ontario(e: Evaluation): void {
  let counted = provincial(e, "Ontario", false);
  e.minimum(e.total(counted), CAN.minimum);
  const l = e.total(counted, labour);
  counted = e.limit(counted, all, l.times(e.use(CAN.onLabourTimes)), CAN.onLabourTimes.words);
  e.bucket("OPSTC 21.5%", counted, all, CAN.on);
  federal(e, l, l.times(e.use(CAN.on)));
  cavco(e);
}

function quebec(e: Evaluation): void {
  const counted = provincial(e, "Quebec", false);
  e.minimum(e.total(counted), CAN.qcMinimum);
  const l = e.total(counted, labour);
  e.bucket("QPSTC 25%", counted, all, CAN.qc);
  const bonus = e.bucket(
    "VFX and animation labour bonus 16%",
    counted,
    (c) => labour(c) && c.line.flags.has("VFX"),
    CAN.qcVfx,
  );
  e.notes.push("non-resident labour left out of the Quebec credit (its eligibility was not verified)");
  federal(e, l, l.times(e.use(CAN.qc)).plus(bonus));
  cavco(e);
}

function canadaFederal(e: Evaluation): void {
  const counted = e.eligible((l) => {
    const reason = production(l) ?? residencyGiven(l, "Canada");
    if (reason !== null || l.cls === null) return reason;
    if (!isLabour(l.cls)) return "the federal PSTC counts labour only";
    return e.isHere(l.residency) ? null : "not a Canadian resident";
  });
  e.minimum(localSpend(e), CAN.minimum);
  federal(e, e.total(counted), ZERO);
  cavco(e);
}

// 3.12 Australia, Location Offset.
const AU = {
  rate: fig("0.30", "Australia Location Offset 30% of QAPE", "AU1"),
  minimum: fig("20000000", "Australia Location Offset minimum QAPE A$20M", "AU1,AU2"),
};

function australia(e: Evaluation): void {
  const counted = e.eligible(production);
  e.minimum(e.total(counted), AU.minimum);
  e.bucket("Location Offset 30%", counted, all, AU.rate);
  e.notes.push(
    "above-the-line and non-resident fees counted as QAPE when provided in Australia (their treatment was not found)",
  );
  paid(e, "refundable offset through the company tax return", "AU1");
}

// 3.13 Hungary.
const HU = {
  rate: fig("0.30", "Hungary rebate 30%", "HU3,HU4"),
  foreign: fig("0.25", "Hungary non-Hungarian costs at most 25% of Hungarian costs", "HU3,HU4"),
};

function hungary(e: Evaluation): void {
  // [HU4]: financing expenses are included in Hungary; development and distribution are not.
  const all_ = e.eligible(
    (l) =>
      l.cls === "NOTQUALIFIED" || l.phase === "DEVELOPMENT" || l.phase === "DISTRIBUTION"
        ? production(l)
        : null,
    "anywhere",
  );
  const here = (c: Counted) => e.isHere(c.line.where);
  const hungarian = e.total(all_, here);
  const counted = e.limit(all_, (c) => !here(c), hungarian.times(e.use(HU.foreign)), HU.foreign.words);
  e.bucket("Rebate 30% of Hungarian costs", counted, here, HU.rate);
  e.bucket("Rebate 30% of non-Hungarian costs", counted, (c) => !here(c), HU.rate);
  paid(e, "cash rebate from the NFI collection account after the cost review", "HU2,HU3");
}

// 3.14 Czech Republic.
const CZ = {
  rate: fig("0.25", "Czech rebate 25% (live action)", "CZ1,CZ2"),
  rateOld: fig("0.20", "Czech rebate 20% (before 2025)", "CZ3"),
  animation: fig("0.35", "Czech rebate 35% (animation and digital)", "CZ1"),
  share: fig("0.80", "Czech eligible costs at most 80% of the total budget", "CZ1"),
  cap: fig("450000000", "Czech rebate cap per project CZK 450M", "CZ1"),
  capOld: fig("150000000", "Czech rebate cap per project CZK 150M (before 2025)", "CZ1"),
  minimum: fig("15000000", "Czech minimum Czech spend CZK 15M (feature)", "CZ1"),
};

function czech(rate: Figure, cap: Figure) {
  return (e: Evaluation) => {
    let counted = e.eligible(production);
    const total = e.lines.reduce((s, l) => s.plus(l.amount), ZERO);
    counted = e.limit(counted, all, total.times(e.use(CZ.share)), CZ.share.words);
    e.minimum(e.total(counted), CZ.minimum);
    const r = e.yes("ANIMATION") ? CZ.animation : rate;
    e.bucket(`Rebate ${e.percent(r)}`, counted, all, r);
    e.capCredit(cap);
    e.notes.push("the 66% of withholding tax on foreign cast and crew is not included");
    paid(e, "cash rebate after production and audit", "CZ3");
  };
}

const CANADA_TIMING =
  "CAVCO service standard 176 days for the certificate, then the refund through the tax return (CAN3)";

/** What British Columbia's rule sets share; the rate changed on 1 Jan 2025 [CAN5]. */
const BC = {
  name: "CAN-BC",
  title: "British Columbia PSTC with the federal PSTC",
  currency: "CAD",
  codes: ["BC"],
  settings: { MAJOR: YES("major production (over $200M BC costs)") },
  timing: CANADA_TIMING,
};

/** What the Czech rule sets share; the rate and cap changed on 1 Jan 2025 [CZ1]. */
const CZECH = {
  name: "CZ-REBATE",
  title: "Czech Republic production incentive",
  currency: "CZK",
  codes: ["CZ", "CZECHIA"],
  settings: { ANIMATION: YES("animation or digital (35%)") },
  timing: "after production in the Czech Republic and the audit (CZ3)",
};

/** The programs, as data; {@link PROGRAM_LIBRARY} is their frozen form. */
const PROGRAMS: ProgramDefinition[] = [
  {
    name: "US-CA",
    title: "California Film & Television Tax Credit Program 4.0",
    from: "2025-07-01",
    to: OPEN,
    trigger: "applications from 1 Jul 2025",
    currency: "USD",
    codes: ["CA", "CALIFORNIA"],
    settings: {
      RELOCATING: YES("relocating TV series in its first California season (40%)"),
      INDIE: YES("independent production ($20M qualified spend cap)"),
      REFUND: YES("elect the refund: 90% of the credit over 5 years"),
    },
    timing:
      "credit certificate after the final elements and CPA report; with the refund election, 5 yearly instalments (CA3, CA7)",
    evaluate: california,
  },
  {
    name: "US-GA",
    title: "Georgia Entertainment Industry Investment Act",
    from: "2025-01-01",
    to: OPEN,
    trigger: "the statute as in force from 1 Jan 2025",
    currency: "USD",
    codes: ["GA", "GEORGIA"],
    settings: { GEP: YES("Georgia logo (GEP) uplift claimed", true), SALE: SALE(0.9) },
    timing: "earned at final certification after the mandatory audit; it cannot be used or sold before (GA3)",
    evaluate: georgia,
  },
  {
    name: "US-NM",
    title: "New Mexico Film Production Tax Credit",
    from: "2023-07-01",
    to: OPEN,
    trigger: "principal photography on or after 1 Jul 2023",
    currency: "USD",
    codes: ["NM", "NEWMEXICO"],
    settings: {
      TV: YES("TV series (6 episodes or more) or pilot uplift"),
      STAGE: YES("qualified production facility uplift"),
    },
    timing:
      "final application within a year of the last NM spend, then review by the Taxation and Revenue Department; payment can slip a year when the annual payout cap ($140M in FY26) is reached (NM4)",
    evaluate: newMexico,
  },
  {
    name: "US-NY",
    title: "New York Empire State Film Production Credit",
    from: "2025-04-01",
    to: "2036-12-31",
    trigger: "the FY2026 budget, 2025",
    currency: "USD",
    codes: ["NY", "NEWYORK"],
    settings: {
      UPSTATE: YES("based outside NYC, Westchester, Rockland, Nassau and Suffolk ($250K minimum)"),
      UPSTATEALL: YES("over 50% of shoot days in the listed upstate counties: 10% on all costs"),
      PLUS: YES("Production+ (2 applications and $100M NY spend)"),
    },
    timing:
      "refundable after the final application; the multi-year payout tiers no longer apply to new applicants (NY2)",
    evaluate: newYork,
  },
  {
    name: "US-LA",
    title: "Louisiana Motion Picture Production Tax Credit",
    from: "2025-07-01",
    to: "2031-06-30",
    trigger: "approvals on or after 1 Jul 2025, Act 44",
    currency: "USD",
    codes: ["LA", "LOUISIANA"],
    settings: { SCREENPLAY: YES("Louisiana screenplay uplift"), SALE: SALE(0.88) },
    timing:
      "final certification after the CPA cost report; LED aims to decide within 120 days of a complete package",
    evaluate: louisiana,
  },
  {
    name: "US-IL",
    title: "Illinois Film Production Services Tax Credit",
    from: "2025-07-01",
    to: "2038-12-31",
    trigger: "applications from 1 Jul 2025, SB 1911",
    currency: "USD",
    codes: ["IL", "ILLINOIS"],
    settings: {
      SHORT: YES("under 30 minutes ($50K minimum)"),
      RELOCATING: YES("relocating series, first season"),
      SUSTAIN: YES("sustainability uplift"),
      SALE: SALE(1),
    },
    timing: "credit certificate after the audit; sold to an Illinois taxpayer",
    evaluate: illinois,
  },
  {
    name: "US-NJ",
    title: "New Jersey Film & Digital Media Tax Credit",
    from: "2025-06-30",
    to: "2049-12-31",
    trigger: "the law signed 30 Jun 2025",
    currency: "USD",
    codes: ["NJ", "NEWJERSEY"],
    settings: {
      STUDIO: YES("studio partner (40%)"),
      PROMOTE: YES("promotes New Jersey (4%)"),
      SALE: SALE(1),
    },
    timing: "CPA verification within 12 months, then the transfer certificate",
    evaluate: newJersey,
  },
  {
    name: "US-TX",
    title: "Texas Moving Image Industry Incentive Program",
    from: "2025-09-01",
    to: "2035-08-31",
    trigger: "SB 22, from 1 Sep 2025",
    currency: "USD",
    codes: ["TX", "TEXAS"],
    settings: {
      ADDONS: {
        words:
          "how many 2.5% add-ons apply (heritage, rural, veterans, faith-based, historic site, workforce), 0 to 6",
        kind: "count",
        byDefault: 0,
      },
      POST: YES("postproduction add-on 1%"),
    },
    timing: "cash grant after completion and expenditure verification",
    evaluate: texas,
  },
  {
    name: "UK-AVEC",
    title: "UK Audio-Visual Expenditure Credit",
    from: "2025-01-01",
    to: OPEN,
    trigger: "VFX costs from 1 Jan 2025, claims from 1 Apr 2025",
    currency: "GBP",
    codes: ["UK", "GB"],
    settings: { ANIMATION: YES("animation or children's TV (39%)") },
    timing: "about 20 weeks from the start of the claim (4 prep + 12 BFI + 4 HMRC) (UK9)",
    evaluate: ukAvec,
  },
  {
    name: "UK-IFTC",
    title: "UK Independent Film Tax Credit",
    from: "2024-04-01",
    to: OPEN,
    trigger: "principal photography from 1 Apr 2024",
    currency: "GBP",
    codes: ["UK", "GB"],
    settings: {},
    timing: "about 20 weeks from the start of the claim, after the BFI certificate (UK9)",
    evaluate: ukIftc,
  },
  {
    name: "IE-481",
    title: "Ireland Section 481 Film Tax Credit",
    from: "2025-05-20",
    to: "2028-12-31",
    trigger: "certified on or after 20 May 2025, with Scéal",
    currency: "EUR",
    codes: ["IE", "IRELAND"],
    settings: { SCEAL: YES("Scéal uplift: feature under €20M with an EEA key creative (40%)") },
    timing: "up to 90% claimed early on budgeted spend, the balance on completion (IE1)",
    evaluate: ireland,
  },
  {
    name: "CAN-PSTC",
    title: "Canada federal Production Services Tax Credit",
    from: "2025-01-01",
    to: OPEN,
    trigger: "the CRA program as read in 2025",
    currency: "CAD",
    codes: CANADA,
    settings: {},
    timing: CANADA_TIMING,
    evaluate: canadaFederal,
  },
  {
    ...BC,
    from: EARLIER,
    to: "2024-12-31",
    trigger: "principal photography before 1 Jan 2025; when this rate began was not checked",
    evaluate: britishColumbia(CAN.bcOld),
  },
  {
    ...BC,
    from: "2025-01-01",
    to: OPEN,
    trigger: "principal photography on or after 1 Jan 2025",
    evaluate: britishColumbia(CAN.bc),
  },
  {
    name: "CAN-ON",
    title: "Ontario OPSTC with the federal PSTC",
    from: "2025-01-01",
    to: OPEN,
    trigger: "the Ontario Creates rules as read in 2025",
    currency: "CAD",
    codes: ["ON"],
    settings: {},
    timing: CANADA_TIMING,
    evaluate: ontario,
  },
  {
    name: "CAN-QC",
    title: "Quebec QPSTC with the federal PSTC",
    from: "2024-03-12",
    to: OPEN,
    trigger: "the 2024-25 Quebec budget",
    currency: "CAD",
    codes: ["QC"],
    settings: {},
    timing: CANADA_TIMING,
    evaluate: quebec,
  },
  {
    name: "AU-LO",
    title: "Australia Location Offset",
    from: "2023-07-01",
    to: OPEN,
    trigger: "principal photography on or after 1 Jul 2023",
    currency: "AUD",
    codes: ["AU", "AUSTRALIA"],
    settings: {},
    timing: "through the company tax return after the final certificate, once QAPE has stopped (AU1)",
    evaluate: australia,
  },
  {
    name: "HU-REBATE",
    title: "Hungary film tax rebate",
    from: "2025-01-01",
    to: OPEN,
    trigger: "the rules as read in 2025",
    currency: "HUF",
    codes: ["HU", "HUNGARY"],
    settings: {},
    timing:
      "after the NFO cost review, from the collection account; registration caps (HUF 140bn in H1 2026) make queues (HU1, HU2)",
    evaluate: hungary,
  },
  {
    ...CZECH,
    from: EARLIER,
    to: "2024-12-31",
    trigger: "projects before 1 Jan 2025; when this rate began was not checked",
    evaluate: czech(CZ.rateOld, CZ.capOld),
  },
  {
    ...CZECH,
    from: "2025-01-01",
    to: OPEN,
    trigger: "projects from 1 Jan 2025",
    evaluate: czech(CZ.rate, CZ.cap),
  },
];

/** Every figure of the library (rates, caps, minimums, prices), for checks and listings. */
export const FIGURES: readonly Figure[] = [CA, GA, NM, NY, LA, IL, NJ, TX, UK, IE, CAN, AU, HU, CZ].flatMap(
  (group) => Object.values(group),
);

/** The program library, frozen: nothing may edit a shipped rule set in place. */
export const PROGRAM_LIBRARY: readonly ProgramDefinition[] = Object.freeze(
  PROGRAMS.map((p) => Object.freeze(p)),
);

/** The program names a formula can use, in library order. */
export const PROGRAM_NAMES: readonly string[] = [...new Set(PROGRAM_LIBRARY.map((p) => p.name))];

/** When a rule set is in force, in words: "from Jul 1, 2025" (no end found), "until Dec 31, 2024", or both dates. */
export function programPeriodWords(p: Dated): string {
  if (p.to === OPEN) return `from ${dateWords(p.from)}`;
  return p.from === EARLIER ? `until ${dateWords(p.to)}` : `${dateWords(p.from)} to ${dateWords(p.to)}`;
}
