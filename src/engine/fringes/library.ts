/**
 * The built-in fringe library: employer payroll taxes and union/guild fringes, each dated by the
 * period it is in force, with its source and whether the figure is confirmed.
 *
 * Every figure comes from domain/figures-audit.md (the December 2026 audit against primary
 * sources), which overrides domain/reference.md section 3. A figure the audit could not confirm
 * from a primary source, or that a source reports only second-hand, is shipped with
 * `confirmed: false` (FRINGEDETAIL and the task pane show the mark).
 *
 * Dating (figures-audit.md 9.10): payroll taxes run by calendar year; guild and union contribution
 * rates change on July 1 (SAG-AFTRA, DGA) or August 1 (IATSE), so each entry carries the first and
 * last day it is in force. A formula asks for the rate in force on a date ("SAG-AFTRA@2026-08-15");
 * a year ("SAG-AFTRA-2026") means 1 January of that year; no date means the latest entry held.
 */
import { dateWords, findInForce, splitWhen as splitDated, type When } from "../dated";
import { errors } from "../errors";

/** How a fringe is charged: a percent of wages, or a flat amount per hour, day, week or once. */
export type FringeType = "%" | "HOUR" | "DAY" | "WEEK" | "FLAT";

/** One dated fringe of the library, as data (rates are decimal text, never binary floats). */
export interface FringeDefinition {
  /** The name used in formulas, e.g. "SS" (upper case, no date). */
  name: string;
  /** The first day the figure is in force, ISO ("2025-07-01"). */
  from: string;
  /** The last day the figure is in force, ISO ("2026-06-30"), inclusive. */
  to: string;
  /** How the fringe is charged. */
  type: FringeType;
  /**
   * Decimal text: a fraction for "%" ("0.062"), dollars for the flat types ("14.63"). Null for a
   * rate only the user can know (workers' comp by class, the payroll company's fee): the entry is
   * a row to copy into the user's fringe table and fill in (figures-audit.md 9.4, 9.5, 10.12).
   */
  rate: string | null;
  /** The wage cap per person as decimal text ("7000"), or null for no cap. */
  cutoff: string | null;
  /**
   * Wages per person below which nothing is charged, as decimal text: Canada's CPP basic
   * exemption ($3,500), or the first ceiling where CPP2 starts. Absent: charged from the first
   * dollar. Like the cutoff it is per person and counts prior wages.
   */
  threshold?: string;
  /** What it is, what the cap is counted over, and any caveat, in a line producer's words. */
  description: string;
  /**
   * Where the figure comes from (URL of the primary source where the audit found one), or where
   * to check it; empty when the rate is the user's own and no public page has it.
   */
  source: string;
  /** Who published the source, in words ("Social Security Administration"). */
  sourceName: string;
  /**
   * False when the figure is projected, reported only second-hand, or not found in a source, and
   * for a rate the user fills in.
   */
  confirmed: boolean;
}

// Sources (figures-audit.md sections 1-4 and 10, item 13: primary sources over payroll blogs).
const SSA = {
  source: "https://www.ssa.gov/oact/cola/cbb.html",
  sourceName: "Social Security Administration, contribution and benefit base",
};
const IRS_MEDICARE = {
  source: "https://taxmap.ntis.gov/taxmap/pubs/p80-007.htm",
  sourceName: "IRS Publication 80, section 7 (employer Medicare; the extra 0.9% is employee-only)",
};
const IRS_FUTA = {
  source: "https://www.irs.gov/taxtopics/tc759",
  sourceName: "IRS Topic 759, Form 940 (FUTA 6.0% less the 5.4% credit)",
};
const DOL_FUTA_CREDIT = {
  source: "https://oui.doleta.gov/unemploy/futa_credit.asp",
  sourceName: "US Department of Labor, FUTA credit reductions",
};
const EDD = {
  source: "https://edd.ca.gov/en/payroll_taxes/Rates_and_Withholding",
  sourceName: "California EDD, contribution rates and withholding schedules",
};
const EDD_2026 = {
  source:
    "https://news.bloombergtax.com/daily-tax-report-state/california-edd-announces-2026-ui-ett-sdi-rates-schedules",
  sourceName: "California EDD 2026 rate notice of 2025-12-18, as reported by Bloomberg Tax",
};
const NY_DOL = {
  source: "https://dol.ny.gov/unemployment-insurance-rate-information",
  sourceName: "New York State Department of Labor, unemployment insurance rates",
};
const NY_2026 = {
  source: "https://news.bloombergtax.com/payroll/n-y-releases-2026-unemployment-insurance-tax-rates",
  sourceName: "New York State Department of Labor (NYS-45) 2026 figures, as reported by Bloomberg Tax",
};
const SAG_THEATRICAL = {
  source: "https://www.sagaftraplans.org/employers/agreements/theatrical-reporting",
  sourceName: "SAG-AFTRA Health and Pension Plans, theatrical reporting",
};
const SAG_TV = {
  source: "https://www.sagaftraplans.org/node/458",
  sourceName: "SAG-AFTRA Health and Pension Plans, television contribution rates",
};
const SAG_2026 = {
  source: "https://www.sagaftraplans.org/employers/agreements/theatrical-reporting",
  sourceName:
    "SAG-AFTRA Plans (the 2026 rate is not yet on its table; a 1-point rise from July 1, 2026 is reported in press accounts of the 2026 agreement)",
};
const DGA_PENSION = {
  source:
    "https://www.dgaplans.org/employer-pension-contributions-increased-from-8-to-8-5-of-compensation-with-the-additional-5-allocated-to-the-basic-plan-effective-july-1-2021/",
  sourceName: "DGA Pension Plan, employer contributions from July 1, 2021",
};
const DGA_NETWORK = {
  source: "https://www.dgaplans.org/?p=9265",
  sourceName: "DGA Pension Plan, Fall 2025 newsletter (Network Agreement 8.75% from July 1, 2025)",
};
const IATSE_IAP = {
  source: "https://www.lawinsider.com/clause/motion-picture-industry-individual-account-plan",
  sourceName: "IATSE Basic Agreement text, Individual Account Plan clause (2015-18 wording)",
};

const GA_DOL = {
  source: "https://dol.georgia.gov",
  sourceName:
    "Georgia Department of Labor: the 2.64% new-employer rate of SB 160 (as reported by EY Tax News 2023-1258) and the 0.06% assessment of O.C.G.A. section 34-8-181",
};
const NY_MCTMT = {
  source: "https://www.tax.ny.gov/bus/mctmt/emp.htm",
  sourceName:
    "New York State Department of Taxation and Finance, MCTMT for employers (rates by zone as listed by payroll companies Justworks and Check)",
};
const CRA_CPP = {
  source:
    "https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/payroll/payroll-deductions-contributions/canada-pension-plan-cpp/cpp-contribution-rates-maximums-exemptions.html",
  sourceName:
    "Canada Revenue Agency, CPP contribution rates, maximums and exemptions (figures as reported by taag.ca and hmid.ca)",
};
const CRA_EI = {
  source:
    "https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/payroll/payroll-deductions-contributions/employment-insurance-ei/ei-premium-rates-maximums.html",
  sourceName:
    "Canada Revenue Agency, EI premium rates and maximums (figures as reported by taag.ca and hmid.ca)",
};

/** A calendar year as an effective period. */
const calendar = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

// The entries, as data; FRINGE_LIBRARY below is their frozen form.
const ENTRIES: FringeDefinition[] = [
  // Audit 1: employer OASDI 6.2% up to the wage base, per employee per employer per calendar year.
  {
    name: "SS",
    ...calendar(2025),
    type: "%",
    rate: "0.062",
    cutoff: "176100",
    description:
      "Social Security (OASDI), employer 6.2% of the first $176,100 each employee earns in the year (max $10,918.20).",
    ...SSA,
    confirmed: true,
  },
  {
    name: "SS",
    ...calendar(2026),
    type: "%",
    rate: "0.062",
    cutoff: "184500",
    description:
      "Social Security (OASDI), employer 6.2% of the first $184,500 each employee earns in the year (max $11,439.00).",
    ...SSA,
    confirmed: true,
  },
  // Audit 1: 1.45%, no cap; the additional 0.9% is employee-only, so not a fringe.
  ...[2025, 2026].map((year) => ({
    name: "MEDICARE",
    ...calendar(year),
    type: "%" as const,
    rate: "0.0145",
    cutoff: null,
    description: "Medicare, employer 1.45%, no cap (the extra 0.9% is withheld from the employee only).",
    ...IRS_MEDICARE,
    confirmed: true,
  })),
  // Audit 1: 6.0% less the 5.4% credit = 0.6% of the first $7,000 ($42).
  ...[2025, 2026].map((year) => ({
    name: "FUTA",
    ...calendar(year),
    type: "%" as const,
    rate: "0.006",
    cutoff: "7000",
    description:
      "Federal unemployment (FUTA), 0.6% of the first $7,000 per employee ($42), with the full credit for state unemployment tax paid.",
    ...IRS_FUTA,
    confirmed: true,
  })),
  // Audit 2: California credit reduction 1.2% in 2025 (net 1.8%, $126), DOL final list 2025-11-10.
  {
    name: "FUTA-CA",
    ...calendar(2025),
    type: "%",
    rate: "0.018",
    cutoff: "7000",
    description:
      "FUTA for California work: 1.8% of the first $7,000 per employee ($126), after the 1.2% credit reduction on the Labor Department's final 2025 list.",
    ...DOL_FUTA_CREDIT,
    confirmed: true,
  },
  // Audit 2 and 10.8: 2.1% is a floor until the Labor Department fixes 2026 in November 2026.
  {
    name: "FUTA-CA",
    ...calendar(2026),
    type: "%",
    rate: "0.021",
    cutoff: "7000",
    description:
      "FUTA for California work: at least 2.1% of the first $7,000 per employee ($147). The Labor Department fixes the 2026 credit reduction in November 2026, and it is higher if California's waiver of the extra (BCR) reduction is not renewed.",
    ...DOL_FUTA_CREDIT,
    confirmed: false,
  },
  // Audit 2 and 10.7: Schedule F+ both years; new employers 3.4% for 2-3 years; ETT 0.1%; $7,000.
  {
    name: "CA-SUI",
    ...calendar(2025),
    type: "%",
    rate: "0.034",
    cutoff: "7000",
    description:
      "California unemployment insurance (SUI), the new-employer rate 3.4% of the first $7,000 per employee ($238). Use your own EDD rate once you have one.",
    ...EDD,
    confirmed: true,
  },
  {
    name: "CA-SUI",
    ...calendar(2026),
    type: "%",
    rate: "0.034",
    cutoff: "7000",
    description:
      "California unemployment insurance (SUI), the new-employer rate 3.4% of the first $7,000 per employee ($238); 2026 is again Schedule F+. Use your own EDD rate once you have one.",
    ...EDD_2026,
    confirmed: true,
  },
  {
    name: "CA-ETT",
    ...calendar(2025),
    type: "%",
    rate: "0.001",
    cutoff: "7000",
    description: "California Employment Training Tax (ETT), 0.1% of the first $7,000 per employee ($7).",
    ...EDD,
    confirmed: true,
  },
  {
    name: "CA-ETT",
    ...calendar(2026),
    type: "%",
    rate: "0.001",
    cutoff: "7000",
    description: "California Employment Training Tax (ETT), 0.1% of the first $7,000 per employee ($7).",
    ...EDD_2026,
    confirmed: true,
  },
  // Audit 3 and 10.1: 4.1% (4.025% + 0.075% re-employment service fund) on $12,800 (Labor Law 518).
  {
    name: "NY-SUI",
    ...calendar(2025),
    type: "%",
    rate: "0.041",
    cutoff: "12800",
    description:
      "New York unemployment insurance, the new-employer rate 4.1% (4.025% plus the 0.075% re-employment service fund) of the first $12,800 per employee ($524.80).",
    ...NY_DOL,
    confirmed: true,
  },
  // Audit 3 and 10.1: the 2026 base is 18% of the state average annual wage: $17,600.
  {
    name: "NY-SUI",
    ...calendar(2026),
    type: "%",
    rate: "0.041",
    cutoff: "17600",
    description:
      "New York unemployment insurance, the new-employer rate 4.1% (including the 0.075% re-employment service fund) of the first $17,600 per employee ($721.60). The 2026 wage base is 18% of the state average annual wage; older payroll guides still say $13,000.",
    ...NY_2026,
    confirmed: true,
  },
  // Audit 4 and 10.2: principal performers 21% since 7/1/2022, theatrical ceiling $232,000 per
  // performer per picture (plan page, current as of 7/1/2005).
  {
    name: "SAG-AFTRA",
    from: "2022-07-01",
    to: "2026-06-30",
    type: "%",
    rate: "0.21",
    cutoff: "232000",
    description:
      "SAG-AFTRA pension and health, principal performers, theatrical: 21% of each performer's pay up to $232,000 per performer per picture (so at most $48,720). Give prior_wages as what the performer was already paid on this picture.",
    ...SAG_THEATRICAL,
    confirmed: true,
  },
  // Audit 4 and 10.4: the 2026 agreement (7/1/2026-6/30/2030) reportedly adds 1 point from July 1.
  {
    name: "SAG-AFTRA",
    from: "2026-07-01",
    to: "2027-06-30",
    type: "%",
    rate: "0.22",
    cutoff: "232000",
    description:
      "SAG-AFTRA pension and health, principal performers, theatrical, from July 1, 2026: 22% up to $232,000 per performer per picture. The 2026 agreement is reported to raise contributions by 1 point; the plans' own rate table has not been read.",
    ...SAG_2026,
    confirmed: false,
  },
  // Audit 4 and 10.2: background actors 20.5% since 7/1/2022 (theatrical and TV tables).
  {
    name: "SAG-AFTRA-BG",
    from: "2022-07-01",
    to: "2026-06-30",
    type: "%",
    rate: "0.205",
    cutoff: "232000",
    description:
      "SAG-AFTRA pension and health, background actors: 20.5% of pay up to the $232,000 per-performer ceiling of a picture. The rate from July 1, 2026 has not been published in the sources read.",
    ...SAG_THEATRICAL,
    confirmed: true,
  },
  // Audit 4 and 11: TV ceilings per performer per episode were raised by the 2023 agreement; the
  // exact figures were not found (about $25,000 half-hour and $35,000 one-hour, derived).
  ...(
    [
      ["SAG-AFTRA-TV-30", "25000", "a half-hour episode", "$15,000"],
      ["SAG-AFTRA-TV-60", "35000", "a one-hour episode", "$24,500"],
    ] as const
  ).flatMap(([name, ceiling, episode, before]) => [
    {
      name,
      from: "2023-11-09",
      to: "2026-06-30",
      type: "%" as const,
      rate: "0.21",
      cutoff: ceiling,
      description: `SAG-AFTRA pension and health, principal performers, television: 21% of pay up to about $${Number(ceiling).toLocaleString("en-US")} per performer for ${episode}. The 21% rate is confirmed; the ceiling is an estimate (${before} before the 2023 agreement raised it, dated here from SAG-AFTRA's announcement of that agreement on Nov 9, 2023). Give prior_wages as what the performer was already paid on this episode.`,
      ...SAG_TV,
      confirmed: false,
    },
    {
      name,
      from: "2026-07-01",
      to: "2027-06-30",
      type: "%" as const,
      rate: "0.22",
      cutoff: ceiling,
      description: `SAG-AFTRA pension and health, principal performers, television, from July 1, 2026: 22% (reported 1-point rise) up to about $${Number(ceiling).toLocaleString("en-US")} per performer for ${episode}. Neither the rate nor the ceiling is on the plans' table yet.`,
      ...SAG_2026,
      confirmed: false,
    },
  ]),
  // Audit 4 and 10.5: 8.5% since 7/1/2021; the 2026 Basic Agreement's pension rate was not found.
  {
    name: "DGA-PENSION",
    from: "2021-07-01",
    to: "2026-06-30",
    type: "%",
    rate: "0.085",
    cutoff: null,
    description:
      "DGA employer pension, Basic Agreement, 8.5% of compensation (6.3% of the first $150,000 to the Basic Plan and 2.2% to the Supplemental; 8.5% above $150,000 to the Supplemental). DGA health is a separate fringe.",
    ...DGA_PENSION,
    confirmed: true,
  },
  {
    name: "DGA-PENSION",
    from: "2026-07-01",
    to: "2027-06-30",
    type: "%",
    rate: "0.085",
    cutoff: null,
    description:
      "DGA employer pension from July 1, 2026, under the 2026 Basic Agreement: 8.5% carried over. The new agreement's pension rate has not been read; check it with the DGA plans.",
    ...DGA_PENSION,
    confirmed: false,
  },
  {
    name: "DGA-PENSION-NETWORK",
    from: "2021-07-01",
    to: "2025-06-30",
    type: "%",
    rate: "0.085",
    cutoff: null,
    description:
      "DGA employer pension under the Network Agreement (not news, sports, operations, local or documentary), 8.5% until June 30, 2025.",
    ...DGA_PENSION,
    confirmed: true,
  },
  {
    name: "DGA-PENSION-NETWORK",
    from: "2025-07-01",
    to: "2026-06-30",
    type: "%",
    rate: "0.0875",
    cutoff: null,
    description:
      "DGA employer pension under the Network Agreement (not news, sports, operations, local or documentary), 8.75% from July 1, 2025.",
    ...DGA_NETWORK,
    confirmed: true,
  },
  // Audit 4: IAP 6% of scale in the 2015-18 text; the 2024 Basic Agreement (8/1/2024-7/31/2027)
  // percentage was not found.
  {
    name: "IATSE-IAP",
    from: "2024-08-01",
    to: "2027-07-31",
    type: "%",
    rate: "0.06",
    cutoff: null,
    description:
      "IATSE Individual Account Plan (MPI), 6% of SCALE straight-time pay for hours worked or guaranteed: apply it to scale wages, not actual pay. The 2024 Basic Agreement's percentage has not been read (the 2015-18 text says 6%; some crafts pay 6.5% or 7%).",
    ...IATSE_IAP,
    confirmed: false,
  },
  // Audit 4, 9.3 and 11: the 2024-27 MPI rate schedule was not found; the one recent figure is a
  // forum report of $14.63 an hour (Sept 2024) [L] (East Coast composite $14.788 from 2018-03-25,
  // GreenSlate [S]). Dated by the 2024 Basic Agreement, as IATSE-IAP.
  {
    name: "MPI",
    from: "2024-08-01",
    to: "2027-07-31",
    type: "HOUR",
    rate: "14.63",
    cutoff: null,
    description:
      "Motion Picture Industry Pension and Health Plans (MPI): pension, active health and retiree health, $14.63 for each hour worked or guaranteed. For IATSE crews under the Basic Agreement and for Teamsters Local 399 and Basic Crafts crews, whose plans are MPI's too. Give hours (on-call weekly crew: the hours the agreement credits). The rate differs by rate group and changes on August 1: check it on your MPI rate-group reporting form (the East Coast composite was $14.788 an hour from March 25, 2018).",
    source: "https://www.mpiphp.org",
    sourceName:
      "a figure quoted on a crew forum in September 2024, not an MPI document (MPI's rate-group reporting forms are at mpiphp.org)",
    confirmed: false,
  },
  // Audit 9.8: the National Benefit Funds take a flat amount per day set by each agreement (the
  // Funds' FAQ: "the employer contribution rate for each unit (hour, day, percentage of wages)"
  // is in the collective bargaining agreement). No current figure was found: the user fills it in.
  {
    name: "IATSE-NBF",
    from: "2024-08-01",
    to: "2027-07-31",
    type: "DAY",
    rate: null,
    cutoff: null,
    description:
      "IATSE National Benefit Funds (health, pension, annuity) for crews under the Area Standards Agreement or a local agreement: a flat amount for each day worked, set by your agreement. Type it in Rate, in dollars per day. A percent your agreement adds on wages (a training trust) is a separate % row.",
    source: "https://www.iatsenbf.org/faq.html",
    sourceName: "IATSE National Benefit Funds (each agreement sets the contribution per day)",
    confirmed: false,
  },
  // Audit 4 (IATSE-IAP row): the 2015 Basic Crafts/Teamsters text stepped the Individual Account
  // Plan from 6% to 6.5% to 7% of scale [P-text]; the 2024 agreement's percentage was not found.
  // The user fills it in.
  {
    name: "TEAMSTERS-IAP",
    from: "2024-08-01",
    to: "2027-07-31",
    type: "%",
    rate: null,
    cutoff: null,
    description:
      "Individual Account Plan (MPI) for Teamsters Local 399 and Basic Crafts crews, a percent of SCALE straight-time pay set by their agreement. PROD has not read the 2024 agreement's percentage (the 2015 text went from 6% to 6.5% to 7%): type yours in Rate. Their pension and health are MPI's, charged per hour (MPI).",
    source: IATSE_IAP.source,
    sourceName:
      "Motion Picture Industry Individual Account Plan clause (2015 Basic Crafts and Teamsters wording)",
    confirmed: false,
  },
  // Audit 4, 9.2 and 10.5: the last published DGA health rate is 10% + 0.25% (2011-12 rate cards)
  // [S]; the 2017-23 changes and the 2026 increase were not found. The user fills it in.
  ...(
    [
      ["2021-07-01", "2026-06-30", "under the Basic Agreement"],
      [
        "2026-07-01",
        "2027-06-30",
        "from July 1, 2026, under the 2026 Basic Agreement, which reports a historic increase in employer health contributions",
      ],
    ] as const
  ).map(([from, to, when]) => ({
    name: "DGA-HEALTH",
    from,
    to,
    type: "%" as const,
    rate: null,
    cutoff: null,
    description: `DGA employer health contribution ${when}: a percent of compensation. Type the rate from the DGA plans' rate card in Rate, and their salary ceiling per picture or episode in Cutoff. The last published rate is 10% plus 0.25% (2011-12). Budget it with DGA-PENSION: together they are the DGA fringe.`,
    source: "https://www.dgaplans.org",
    sourceName: "DGA Health Plan (no current rate was found in a public source)",
    confirmed: false,
  })),
  // Commercials (issue 18: the AICP bid's talent, director and AD lines). No figure of either
  // guild's commercial pension and health rate is in the audit or the research notes, so the user
  // fills it in. The ceilings are the plans' own: SAG-AFTRA Plans' commercials reporting page
  // (a performer's gross over $1,000,000 in a contract year under one contract with one producer
  // carries no contribution, since January 1, 2012) [P]; the DGA National Commercial Agreement's
  // $290,000 per calendar year (AICP notice of December 2025, reference.md 3.2 [C]), for 2026.
  ...[2025, 2026].map((year) => ({
    name: "SAG-AFTRA-COMMERCIALS",
    ...calendar(year),
    type: "%" as const,
    rate: null,
    cutoff: "1000000",
    description:
      "SAG-AFTRA pension and health on performers' pay under the Commercials Contract, a percent of gross compensation: type the rate in force on your shoot from the SAG-AFTRA Plans' commercials page (PROD has not read it; SAG-AFTRA's summary of the 2025 Commercials Contracts says it rises from 20.5% to 23.5%). No contribution is owed on a performer's pay over $1,000,000 in a contract year under one contract with one producer (Cutoff).",
    source: "https://www.sagaftraplans.org/employers/agreements/commercials-reporting",
    sourceName:
      "SAG-AFTRA Health and Pension Plans, commercials reporting (the ceiling; the rate is yours to check)",
    confirmed: false,
  })),
  ...(
    [
      [2025, null, "Type the year's ceiling in Cutoff too (PROD has not read the 2025 figure)."],
      [
        2026,
        "290000",
        "Contributions stop at $290,000 of a person's gross compensation in the calendar year (Cutoff).",
      ],
    ] as const
  ).map(([year, cutoff, ceiling]) => ({
    name: "DGA-COMMERCIALS",
    ...calendar(year),
    type: "%" as const,
    rate: null,
    cutoff,
    description: `DGA pension and health on directors' and assistant directors' pay under the National Commercial Agreement, a percent of gross compensation: type the rate from the DGA plans' commercial rate card (PROD has not read it). ${ceiling} A director paid through a loan-out company contributes on the agreement's presumed salary ($210,000 from December 1, 2025), not on the fee.`,
    source: "https://aicp.com/newsletter/article/122025-dga-opt-out-notice",
    sourceName:
      "AICP notice on the DGA National Commercial Agreement (December 2025: the ceiling and presumed salary; the rate is yours to check)",
    confirmed: false,
  })),
  // Audit 9.4: workers' comp is a percent by class from the carrier or payroll company (e.g. WCIRB
  // class 9610, motion picture production, to verify; a 4.8% payroll-house rate card against about
  // 1.2% bought direct [L]). No default can be right: the user fills it in.
  ...[2025, 2026].map((year) => ({
    name: "WORKERS-COMP",
    ...calendar(year),
    type: "%" as const,
    rate: null,
    cutoff: null,
    description:
      "Workers' compensation insurance for one class of employee, a percent of wages: type the rate your carrier or payroll company quotes for the class. In California, motion picture production is WCIRB class 9610 (check the class with your carrier); office staff are another class at a lower rate. Quotes differ widely (4.8% on one payroll company's rate card, about 1.2% bought direct), so PROD gives none. For lines of another class (the office), make them a fringe table of their own (Fringes panel) and add a PROD.FRINGE over it to those lines' Fringes cells: a line's Fringes set names the budget's own table only.",
    source: "https://www.wcirb.com",
    sourceName: "your carrier or payroll company (California class codes: WCIRB)",
    confirmed: false,
  })),
  // Audit 9.5: the payroll company's handling fee is a percent of gross (roughly 0.5-5%) or a flat
  // amount per check, with a separate loan-out fee [S]. The user fills it in.
  ...[2025, 2026].map((year) => ({
    name: "PAYROLL-FEE",
    ...calendar(year),
    type: "%" as const,
    rate: null,
    cutoff: null,
    description:
      "Payroll company handling fee, a percent of gross wages: type the percent your payroll company quotes (quotes run from about 0.5% to 5%). For a fee per check, change Type to WEEK and type the fee per weekly check. Loan-out payments often carry their own fee: add it as another row.",
    source: "",
    sourceName: "your payroll company's rate card",
    confirmed: false,
  })),
  // Audit 9.6: New Mexico new employers pay the greater of the industry average or 1.0% (NMDWS)
  // [P]; the wage base was published but not read. The user fills in both.
  ...[2025, 2026].map((year) => ({
    name: "NM-SUI",
    ...calendar(year),
    type: "%" as const,
    rate: null,
    cutoff: null,
    description:
      "New Mexico unemployment insurance: a new employer pays the greater of its industry's average rate or 1.0%. Type your rate from New Mexico Workforce Solutions in Rate and the year's wage base in Cutoff (PROD has not read it; with no Cutoff there is no cap).",
    source: "https://www.dws.state.nm.us",
    sourceName: "New Mexico Department of Workforce Solutions (new-employer rate rule)",
    confirmed: false,
  })),
  // Audit 9.6: Georgia SUI base $9,500; new employers 2.64% through 2026-12-31 (SB 160, EY) [S]
  // plus the 0.06% administrative assessment 2024-2026 (O.C.G.A. 34-8-181) [P]; one 2026 guide
  // says 2.7% [L], which is the two together.
  ...[2025, 2026].map((year) => ({
    name: "GA-SUI",
    ...calendar(year),
    type: "%" as const,
    rate: "0.027",
    cutoff: "9500",
    description:
      "Georgia unemployment insurance for a new employer: 2.64% plus the 0.06% administrative assessment, 2.7% of the first $9,500 per employee ($256.50). The 2.64% new-employer rate is set to December 31, 2026. Use your own Georgia rate once you have one.",
    ...GA_DOL,
    confirmed: false,
  })),
  // Audit 3 and 9.6: MCTMT, New York's payroll mobility tax for work in the MTA district. Rates
  // from July 1, 2023 by zone and quarterly payroll (tax.ny.gov; rates as listed by Justworks and
  // Check [S]): Zone 1 (NYC) 0.60% over $437,500 a quarter, Zone 2 0.34%.
  ...[2025, 2026].flatMap((year) => [
    {
      name: "NY-MCTMT",
      ...calendar(year),
      type: "%" as const,
      rate: "0.006",
      cutoff: null,
      description:
        "New York metropolitan commuter transportation mobility tax (MCTMT), work in New York City (Zone 1): 0.60% of all payroll, no cap, for an employer whose payroll in the zone is over $437,500 in the quarter. Less payroll pays less (0.23% over $375,000, 0.11% up to it), and none at all when the quarter's payroll in both zones is $312,500 or less: type your rate in your fringe table.",
      ...NY_MCTMT,
      confirmed: false,
    },
    {
      name: "NY-MCTMT-ZONE2",
      ...calendar(year),
      type: "%" as const,
      rate: "0.0034",
      cutoff: null,
      description:
        "New York MCTMT for work in Dutchess, Nassau, Orange, Putnam, Rockland, Suffolk or Westchester (Zone 2): 0.34% of all payroll, no cap, for an employer whose payroll in the zone is over $437,500 in the quarter (0.23% over $375,000, 0.11% up to it; none when the quarter's payroll in both zones is $312,500 or less).",
      ...NY_MCTMT,
      confirmed: false,
    },
  ]),
  // Audit 9.7: Canada, in Canadian dollars, outside Quebec (figures via taag.ca and hmid.ca, citing
  // CRA [S]). CPP 5.95% between the $3,500 basic exemption and the year's maximum pensionable
  // earnings; CPP2 4% between that and the second ceiling; EI employer 1.4 x the employee rate.
  ...(
    [
      [2025, "71300", "81200", "4,034.10", "396.00"],
      [2026, "74600", "85000", "4,230.45", "416.00"],
    ] as const
  ).flatMap(([year, first, second, cppMax, cpp2Max]) => [
    {
      name: "CPP",
      ...calendar(year),
      type: "%" as const,
      rate: "0.0595",
      cutoff: first,
      threshold: "3500",
      description: `Canada Pension Plan, employer 5.95% of each employee's earnings between the $3,500 basic exemption and $${Number(first).toLocaleString("en-US")} (at most $${cppMax}), in Canadian dollars; not in Quebec (QPP). Payroll spreads the $3,500 over the year's pay periods, so for someone paid only part of the year set Threshold in your fringe table to 3,500 x weeks paid / 52.`,
      ...CRA_CPP,
      confirmed: false,
    },
    {
      name: "CPP2",
      ...calendar(year),
      type: "%" as const,
      rate: "0.04",
      cutoff: second,
      threshold: first,
      description: `Second additional Canada Pension Plan contribution (CPP2), employer 4% of each employee's earnings between $${Number(first).toLocaleString("en-US")} and $${Number(second).toLocaleString("en-US")} (at most $${cpp2Max}), in Canadian dollars; not in Quebec.`,
      ...CRA_CPP,
      confirmed: false,
    },
  ]),
  ...(
    [
      [2025, "0.02296", "1.64%", "2.296%", "65700", "1,508.47"],
      [2026, "0.02282", "1.63%", "2.282%", "68900", "1,572.30"],
    ] as const
  ).map(([year, rate, employee, employer, cutoff, max]) => ({
    name: "EI",
    ...calendar(year),
    type: "%" as const,
    rate,
    cutoff,
    description: `Canada Employment Insurance, employer premium 1.4 x the employee's ${employee} = ${employer} of insurable earnings up to $${Number(cutoff).toLocaleString("en-US")} per employee (at most $${max}), in Canadian dollars; not in Quebec, whose rate is lower.`,
    ...CRA_EI,
    confirmed: false,
  })),
];

/**
 * The library: every dated fringe PROD knows, in date order for each name. Frozen, entries
 * included: the task pane lists it and copies it, and nothing may edit a shipped figure in place.
 */
export const FRINGE_LIBRARY: readonly FringeDefinition[] = Object.freeze(
  ENTRIES.map((e) => Object.freeze(e)),
);

/** Named fringe sets. A preset name may carry a year or a date that applies to all its fringes. */
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
    "PAYROLL-GA": {
      description:
        "Georgia employer payroll taxes: Social Security, Medicare, FUTA, Georgia SUI (new employer).",
      fringes: ["SS", "MEDICARE", "FUTA", "GA-SUI"],
    },
    "PAYROLL-CANADA": {
      description:
        "Canadian employer payroll contributions outside Quebec, in Canadian dollars: CPP, CPP2, EI (not confirmed).",
      fringes: ["CPP", "CPP2", "EI"],
    },
  });

/** The fringe names the library holds (without dates), in library order. */
export const LIBRARY_NAMES: readonly string[] = [...new Set(FRINGE_LIBRARY.map((f) => f.name))];

/**
 * Every name a formula can use: presets first, then library fringes. An unknown name's #N/A lists
 * them, and Excel shows only the first 255 characters of the message: the presets, the names most
 * typed, must be among them.
 */
export const KNOWN_FRINGE_NAMES: readonly string[] = [...Object.keys(FRINGE_PRESETS), ...LIBRARY_NAMES];

/** True when an entry runs exactly one calendar year (payroll taxes): it is named by its year. */
export function isCalendarYear(d: Pick<FringeDefinition, "from" | "to">): boolean {
  const year = d.from.slice(0, 4);
  return d.from === `${year}-01-01` && d.to === `${year}-12-31`;
}

/** The name a formula uses for exactly this entry: "SS-2026", or "SAG-AFTRA@2026-07-01". */
export function entryName(d: FringeDefinition): string {
  return isCalendarYear(d) ? `${d.name}-${d.from.slice(0, 4)}` : `${d.name}@${d.from}`;
}

/** What the In force column says after the year of a calendar-year entry: "2026 (calendar year)". */
export const CALENDAR_YEAR_WORDS = "(calendar year)";

/** When an entry is in force, in words: "2026 (calendar year)", "Jul 1, 2025 to Jun 30, 2026". */
export function periodWords(d: Pick<FringeDefinition, "from" | "to">): string {
  return isCalendarYear(d)
    ? `${d.from.slice(0, 4)} ${CALENDAR_YEAR_WORDS}`
    : `${dateWords(d.from)} to ${dateWords(d.to)}`;
}

/** The entries of `name`, in date order (empty for an unknown name). */
function entriesOf(name: string): FringeDefinition[] {
  const upper = name.trim().toUpperCase();
  return FRINGE_LIBRARY.filter((f) => f.name === upper).sort((a, b) => (a.from < b.from ? -1 : 1));
}

/**
 * The years that can be named after `name` ("SS-2025"): those on whose 1 January an entry is in
 * force, ascending (empty for an unknown name).
 */
export function libraryYears(name: string): number[] {
  const years = new Set<number>();
  for (const f of entriesOf(name)) {
    const first = Number(f.from.slice(0, 4)) + (f.from.endsWith("-01-01") ? 0 : 1);
    for (let y = first; y <= Number(f.to.slice(0, 4)); y++) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/** When a name asks for its figure: the latest held, a year's 1 January, or a date. */
export type FringeWhen = When;

/**
 * A typed name and when it asks for: "SS-2025" (a year), "SAG-AFTRA@2026-08-15" (a date, ISO),
 * "SS" (the latest held). Throws #VALUE! for a date that is not a real YYYY-MM-DD date.
 */
export function splitWhen(token: string): { name: string; when: FringeWhen } {
  return splitDated(token, "fringes", "SAG-AFTRA@2026-08-15");
}

/**
 * The library's definition of `name` in force when asked: on a date, on 1 January of a year, or
 * the latest entry held when neither is given (spec: "without one it means the latest year the
 * library holds").
 * Throws #N/A for an unknown name (with close names), and for a date or year no entry covers
 * (listing the entries and their dates).
 */
export function findLibraryFringe(name: string, when?: FringeWhen | number): FringeDefinition {
  const held = entriesOf(name);
  if (held.length === 0) throw errors.unknownName("fringe", name.trim(), KNOWN_FRINGE_NAMES);
  const asked = typeof when === "number" ? { year: when } : when;
  const upper = held[0].name;
  return findInForce(
    held,
    asked,
    (w) => ("date" in w ? `${upper}@${w.date}` : `${upper}-${w.year} (1 January ${w.year})`),
    (f) => (isCalendarYear(f) ? entryName(f) : `${entryName(f)} to ${f.to}`),
  );
}
