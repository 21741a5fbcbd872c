/**
 * The built-in fringe library: employer payroll taxes and union/guild fringes, dated by calendar
 * (or contract) year, each with its source and whether the figure is confirmed.
 *
 * Every figure here comes from domain/reference.md section 3 and nowhere else. A figure the
 * reference marks as projected, conflicting or not confirmed is shipped with `confirmed: false`
 * (FRINGEDETAIL and the task pane show the mark). Where the reference has no figure at all
 * (MPI per-hour rates, the current DGA health %, current WGA rates, workers' comp, payroll fees)
 * there is no entry: a line producer puts those in a fringe table of their own.
 */
import { errors } from "../errors";

/** How a fringe is charged: a percent of wages, or a flat amount per hour, day, week or once. */
export type FringeType = "%" | "HOUR" | "DAY" | "WEEK" | "FLAT";

/** One dated fringe of the library, as data (rates are decimal text, never binary floats). */
export interface FringeDefinition {
  /** The name used in formulas, e.g. "SS" (upper case, no year). */
  name: string;
  /** The calendar (or contract) year the figure is for. */
  year: number;
  /** How the fringe is charged. */
  type: FringeType;
  /** Decimal text: a fraction for "%" ("0.062"), dollars for the flat types ("14.63"). */
  rate: string;
  /** The wage cap per person as decimal text ("7000"), or null for no cap. */
  cutoff: string | null;
  /** What it is and any caveat, in a line producer's words. */
  description: string;
  /** Where the figure comes from (URL), as cited in domain/reference.md section 3. */
  source: string;
  /** False when the reference calls the figure projected, conflicting or not confirmed. */
  confirmed: boolean;
}

// Sources, as cited in reference.md section 3.1 / 3.2.
const EY_WAGE_BASE = "https://taxnews.ey.com/news/2025-2158-social-security-wage-base-to-increase-in-2026";
const FUTA_SOURCE = "https://bigideasforsmallbusiness.com/?p=27709";
const FUTA_CA_SOURCE = "https://www.futaca.com/calculator";
const EDD_RATES = "https://edd.ca.gov/en/payroll_taxes/Rates_and_Withholding";
const NY_2026 = "https://news.bloombergtax.com/payroll/n-y-releases-2026-unemployment-insurance-tax-rates";
const SAG_PLANS = "https://www.sagaftraplans.org/node/458";
const DGA_PENSION =
  "https://www.dgaplans.org/employer-pension-contributions-increased-from-8-to-8-5-of-compensation-with-the-additional-5-allocated-to-the-basic-plan-effective-july-1-2021/";
const DGA_NETWORK = "https://www.dgaplans.org/?p=9265";
const IATSE_IAP = "https://www.lawinsider.com/clause/motion-picture-industry-individual-account-plan";

/** The same fringe for several years (figures that did not change between them). */
function years(
  list: readonly number[],
  entry: Omit<FringeDefinition, "year">,
  overrides: Readonly<Record<number, Partial<Omit<FringeDefinition, "name" | "year" | "type">>>> = {},
): FringeDefinition[] {
  return list.map((year) => ({ ...entry, year, ...overrides[year] }));
}

// The entries, as data; FRINGE_LIBRARY below is their frozen form.
const ENTRIES: FringeDefinition[] = [
  // reference.md 3.1 [C]: employer OASDI 6.2% up to the wage base, per person per employer per year.
  {
    name: "SS",
    year: 2025,
    type: "%",
    rate: "0.062",
    cutoff: "176100",
    description: "Social Security (OASDI), employer 6.2% of the first $176,100 (max $10,918.20).",
    source: EY_WAGE_BASE,
    confirmed: true,
  },
  {
    name: "SS",
    year: 2026,
    type: "%",
    rate: "0.062",
    cutoff: "184500",
    description: "Social Security (OASDI), employer 6.2% of the first $184,500 (max $11,439.00).",
    source: EY_WAGE_BASE,
    confirmed: true,
  },
  // reference.md 3.1 [C]: 1.45%, no cap; the additional 0.9% is employee-only, so not a fringe.
  ...years([2025, 2026], {
    name: "MEDICARE",
    type: "%",
    rate: "0.0145",
    cutoff: null,
    description: "Medicare, employer 1.45%, no cap (the extra 0.9% is withheld from the employee only).",
    source: EY_WAGE_BASE,
    confirmed: true,
  }),
  // reference.md 3.1 [C]: 6.0% less the 5.4% credit = 0.6% of the first $7,000 ($42).
  ...years([2025, 2026], {
    name: "FUTA",
    type: "%",
    rate: "0.006",
    cutoff: "7000",
    description: "Federal unemployment (FUTA), 0.6% of the first $7,000 ($42 per employee).",
    source: FUTA_SOURCE,
    confirmed: true,
  }),
  // reference.md 3.1 [S]: California is a credit-reduction state: 1.8% in 2025, 2.1% projected 2026.
  {
    name: "FUTA-CA",
    year: 2025,
    type: "%",
    rate: "0.018",
    cutoff: "7000",
    description:
      "FUTA for California work (credit-reduction state), 1.8% of the first $7,000 ($126). Secondary source.",
    source: FUTA_CA_SOURCE,
    confirmed: true,
  },
  {
    name: "FUTA-CA",
    year: 2026,
    type: "%",
    rate: "0.021",
    cutoff: "7000",
    description:
      "FUTA for California work, 2.1% of the first $7,000 ($147). PROJECTED: the 2026 credit reduction is not final.",
    source: FUTA_CA_SOURCE,
    confirmed: false,
  },
  // reference.md 3.1 [C] (2025): UI new-employer 3.4% and ETT 0.1%, on the first $7,000.
  // 2026: "schedule not confirmed" / "0.1% (not confirmed)"; worked example 3.5 carries 3.4% over.
  ...years(
    [2025, 2026],
    {
      name: "CA-SUI",
      type: "%",
      rate: "0.034",
      cutoff: "7000",
      description: "California unemployment insurance (SUI), new-employer 3.4% of the first $7,000 ($238).",
      source: EDD_RATES,
      confirmed: true,
    },
    {
      2026: {
        description:
          "California SUI, new-employer 3.4% of the first $7,000 ($238). NOT CONFIRMED: the 2026 schedule was not published in our sources; 3.4% is carried over from 2025.",
        confirmed: false,
      },
    },
  ),
  ...years(
    [2025, 2026],
    {
      name: "CA-ETT",
      type: "%",
      rate: "0.001",
      cutoff: "7000",
      description: "California Employment Training Tax (ETT), 0.1% of the first $7,000 ($7).",
      source: EDD_RATES,
      confirmed: true,
    },
    {
      2026: {
        description: "California ETT, 0.1% of the first $7,000 ($7). NOT CONFIRMED for 2026.",
        confirmed: false,
      },
    },
  ),
  // reference.md 3.1 [S]: NY 2026 new employer 4.1% incl. 0.075% RSF; base $13,000 (NY budget,
  // Experian, Horton) vs $17,600 (Bloomberg Tax). The reference gives no 2025 NY rate, so no 2025 entry.
  {
    name: "NY-SUI",
    year: 2026,
    type: "%",
    rate: "0.041",
    cutoff: "13000",
    description:
      "New York unemployment insurance, new-employer 4.1% (incl. 0.075% RSF) of the first $13,000. NOT CONFIRMED: sources conflict on the 2026 wage base ($13,000 per the NY budget and most payroll sources, $17,600 per Bloomberg Tax).",
    source: NY_2026,
    confirmed: false,
  },
  // reference.md 3.2 [C]: SAG-AFTRA TV P&H, column 1 (top role), 21.00% since 7/1/2022.
  ...years(
    [2025, 2026],
    {
      name: "SAG-AFTRA",
      type: "%",
      rate: "0.21",
      cutoff: null,
      description:
        "SAG-AFTRA pension & health, TV column 1 rate 21% (in force since 7/1/2022). The per-episode / per-picture ceilings are not applied: put them in a fringe table's Cutoff.",
      source: SAG_PLANS,
      confirmed: true,
    },
    {
      2026: {
        description:
          "SAG-AFTRA pension & health 21%, carried over from the 7/1/2022 rate. NOT CONFIRMED for the 2026 contract year. Per-episode / per-picture ceilings are not applied.",
        confirmed: false,
      },
    },
  ),
  // reference.md 3.2 [C]: DGA employer pension 8.5% since 7/1/2021 (Basic, FLTTA, Network);
  // Network Agreement 8.75% from 7/1/2025. Health is not included: its current % was not found.
  ...years([2025, 2026], {
    name: "DGA-PENSION",
    type: "%",
    rate: "0.085",
    cutoff: null,
    description:
      "DGA employer pension 8.5% (since 7/1/2021; Basic Agreement). DGA health is NOT included (current rate not confirmed); per-picture ceilings are not applied.",
    source: DGA_PENSION,
    confirmed: true,
  }),
  ...years([2025, 2026], {
    name: "DGA-PENSION-NETWORK",
    type: "%",
    rate: "0.0875",
    cutoff: null,
    description:
      "DGA employer pension under the Network Agreement (excluding news/sports), 8.75% from 7/1/2025.",
    source: DGA_NETWORK,
    confirmed: true,
  }),
  // reference.md 3.2 [C] for the 2015-18 text: IAP = 6% of SCALE straight-time pay; some crafts
  // rose to 6.5% then 7%, and the current rate was not confirmed.
  ...years([2025, 2026], {
    name: "IATSE-IAP",
    type: "%",
    rate: "0.06",
    cutoff: null,
    description:
      "IATSE Individual Account Plan (MPI), 6% of SCALE straight-time pay for hours worked or guaranteed: apply it to scale wages, not actual pay. NOT CONFIRMED as current (2015-18 text; some crafts pay 6.5% or 7%).",
    source: IATSE_IAP,
    confirmed: false,
  }),
];

/**
 * The library: every dated fringe PROD knows, oldest year first for each name. Frozen, entries
 * included: the task pane lists it and copies it, and nothing may edit a shipped figure in place.
 */
export const FRINGE_LIBRARY: readonly FringeDefinition[] = Object.freeze(
  ENTRIES.map((e) => Object.freeze(e)),
);

/** Named fringe sets. A preset name may carry a year ("PAYROLL-CA-2025") that applies to all. */
export const FRINGE_PRESETS: Readonly<Record<string, { description: string; fringes: readonly string[] }>> =
  Object.freeze({
    "PAYROLL-US": {
      description: "US employer payroll taxes: Social Security, Medicare, FUTA.",
      fringes: ["SS", "MEDICARE", "FUTA"],
    },
    "PAYROLL-CA": {
      description: "California employer payroll taxes: Social Security, Medicare, FUTA (CA rate), SUI, ETT.",
      fringes: ["SS", "MEDICARE", "FUTA-CA", "CA-SUI", "CA-ETT"],
    },
    "PAYROLL-NY": {
      description: "New York employer payroll taxes: Social Security, Medicare, FUTA, NY SUI.",
      fringes: ["SS", "MEDICARE", "FUTA", "NY-SUI"],
    },
  });

/** The fringe names the library holds (without years), in library order. */
export const LIBRARY_NAMES: readonly string[] = [...new Set(FRINGE_LIBRARY.map((f) => f.name))];

/** Every name a formula can use: library fringes and presets. */
export const KNOWN_FRINGE_NAMES: readonly string[] = [...LIBRARY_NAMES, ...Object.keys(FRINGE_PRESETS)];

/** The years the library holds for `name`, ascending (empty for an unknown name). */
export function libraryYears(name: string): number[] {
  const upper = name.toUpperCase();
  return FRINGE_LIBRARY.filter((f) => f.name === upper)
    .map((f) => f.year)
    .sort((a, b) => a - b);
}

/** A name with an optional year suffix: "SS-2025" -> SS, 2025; "SS" -> SS, no year. */
export function splitYear(token: string): { name: string; year: number | undefined } {
  const m = /^(.*\S)-(\d{4})$/.exec(token.trim());
  return m
    ? { name: m[1].toUpperCase(), year: Number(m[2]) }
    : { name: token.trim().toUpperCase(), year: undefined };
}

/**
 * The library's definition of `name` for `year`, or for the latest year held when no year is
 * given (spec: "without one it means the latest year the library holds").
 * Throws #N/A (with close names) for an unknown name or a year the library does not hold.
 */
export function findLibraryFringe(name: string, year?: number): FringeDefinition {
  const upper = name.trim().toUpperCase();
  const held = FRINGE_LIBRARY.filter((f) => f.name === upper);
  if (held.length === 0) throw errors.unknownName("fringe", name.trim(), KNOWN_FRINGE_NAMES);
  if (year === undefined) return held.reduce((latest, f) => (f.year > latest.year ? f : latest));
  const match = held.find((f) => f.year === year);
  if (!match)
    throw errors.unknownName(
      "fringe year",
      `${upper}-${year}`,
      held.map((f) => `${f.name}-${f.year}`),
    );
  return match;
}
