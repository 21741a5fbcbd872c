/**
 * The budget templates PROD offers (spec/taskpane.md section 1): Feature film, TV one-hour
 * episodic (pattern + amortization), Commercial (AICP bid form) and Documentary/unscripted.
 */
import { categoryCode } from "../accounts";
import { LAYOUTS, type Category, type LayoutId } from "../chart";
import { AICP_ACCOUNTS, AICP_LINE_NOTE, DOC_ACCOUNTS, FEATURE_ACCOUNTS, TV_ACCOUNTS } from "./accounts";
import type { BudgetTemplate, ChargeSpec, TemplateAccount, TemplateGlobals, Union } from "./types";

export * from "./types";

/**
 * Charges under a long-form top sheet (reference.md section 7): contingency (typically 10%; its
 * base varies, reference.md 7 [U], so the user picks it), insurance on the net insurable budget,
 * and the completion bond on the budget including contingency (the strike price, [S]). Every
 * base can be changed on the Globals sheet, and the top sheet shows it beside the percent.
 */
const LONG_FORM_CHARGES: readonly ChargeSpec[] = [
  {
    global: "Contingency_Pct",
    label: "Contingency",
    bases: ["budget", "belowTheLine"],
    note: "Often 10%. Pick its base: ATL+BTL or BTL.",
  },
  {
    global: "Insurance_Pct",
    label: "Production insurance",
    bases: ["insurable", "budget", "belowTheLine"],
    note: "The broker's rate. Net insurable = ATL+BTL less story & rights, post and the 6700 insurance accounts. Budget each policy once: here or in a 6700 account.",
  },
  {
    global: "Bond_Pct",
    label: "Completion bond",
    bases: ["budgetAndContingency", "budget"],
    note: "Usually 2-5%, quoted by the bond company, on the budget with contingency.",
  },
];

/**
 * AICP: one markup on sections A-K (AICP National Guidelines, reference.md 2.3 [C]; a
 * production fee of about 20% is typical [S]). The 2023 form applies insurance on A-K too
 * (figures-audit.md 8.2).
 */
const AICP_CHARGES: readonly ChargeSpec[] = [
  {
    global: "Markup_Pct",
    label: "Markup (production fee)",
    bases: ["markupSections"],
    note: "One markup on sections A-K (AICP guidelines); about 20% is usual.",
  },
  {
    global: "Insurance_Pct",
    label: "Insurance",
    bases: ["markupSections", "allSections"],
    note: "Production insurance, on A-K as the AICP form does, or on every section.",
  },
  {
    global: "Contingency_Pct",
    label: "Contingency",
    bases: ["allSections", "markupSections"],
    note: "Rare on commercial bids: 0 unless the client asks for one.",
  },
];

const LONG_FORM_DEFAULTS: TemplateGlobals = {
  prepWeeks: 8,
  shootDays: 30,
  wrapWeeks: 4,
  prepDays: 0,
  wrapDays: 0,
  hoursPerDay: 12,
  daysPerWeek: 5,
  fringePreset: "PAYROLL-CA",
  // 1 January of the library's latest payroll year; the task pane offers today's date instead
  // (TemplatesPanel), and the user types the first payroll date on the Globals sheet.
  ratesDate: "2026-01-01",
  // Crew on a union show are paid by their agreement, not California's section 510 rule
  // (Labor Code 514; figures-audit.md 5): the IATSE preset (pay.ts).
  payRule: "IATSE",
  contingencyPct: 0.1,
  // $0.70 per $100 of net insurable budget (reference.md 7, broker example [S]).
  insurancePct: 0.007,
  // Bond fee 2-5% (reference.md 7 [S]); 3% is a middle figure, to be quoted by the bond company.
  bondPct: 0.03,
  markupPct: 0,
  episodes: 1,
};

/**
 * The library fringes each guild or union adds to its members' lines, on top of the Fringes
 * table everyone pays (the payroll preset, workers' comp and the payroll fee) (issue 18; the
 * figures and their dates are the library's, library.ts):
 * - SAG-AFTRA: principal performers' pension and health, theatrical, with its per-performer
 *   ceiling per picture; background actors and stand-ins at the background rate; a one-hour
 *   episode's cast under the television per-episode ceiling.
 * - DGA: the employer pension of the Basic Agreement (directors, UPMs and ADs). DGA health is a
 *   rate the user fills in (the library has no figure): a row of their own.
 * - IATSE: MPI's pension and health per hour worked, plus the Individual Account Plan (a percent
 *   of scale wages).
 * - Teamsters (Local 399 drivers, transportation and location managers): MPI per hour, their
 *   plans being MPI's too (library.ts, MPI).
 * - SAG-AFTRA's and the DGA's commercial agreements: no figure (their rows are filled in).
 */
export const UNION_FRINGES: Readonly<Record<Union, readonly string[]>> = {
  "SAG-AFTRA": ["SAG-AFTRA"],
  "SAG-AFTRA-BG": ["SAG-AFTRA-BG"],
  "SAG-AFTRA-TV": ["SAG-AFTRA-TV-60"],
  "SAG-AFTRA-COMMERCIALS": [],
  DGA: ["DGA-PENSION"],
  "DGA-COMMERCIALS": [],
  IATSE: ["MPI", "IATSE-IAP"],
  TEAMSTERS: ["MPI"],
};

/**
 * The guild fringes PROD has no figure for, carried by their members' lines as rows of the
 * Fringes table for the producer to fill in (issue 18): DGA health (library.ts DGA-HEALTH: no
 * current published rate), the Teamsters' Individual Account Plan (TEAMSTERS-IAP: the 2024
 * percentage not found), and on a commercial SAG-AFTRA's and the DGA's pension and health under
 * their commercial agreements (SAG-AFTRA-COMMERCIALS, DGA-COMMERCIALS: no rate in the audit or
 * the research notes). Unlike the table's other rows, such a row is charged only on the lines
 * whose Fringes set names it; while its rate is blank those lines leave it out, and the sheets
 * say so.
 */
export const UNION_FILL_INS: Readonly<Partial<Record<Union, readonly string[]>>> = {
  DGA: ["DGA-HEALTH"],
  TEAMSTERS: ["TEAMSTERS-IAP"],
  "SAG-AFTRA-COMMERCIALS": ["SAG-AFTRA-COMMERCIALS"],
  "DGA-COMMERCIALS": ["DGA-COMMERCIALS"],
};

/** Every guild fill-in row a budget's Fringes table may hold (UNION_FILL_INS), in order. */
export const GUILD_FILL_INS: readonly string[] = Object.values(UNION_FILL_INS).flat();

/** The guild fill-in rows a template's Fringes table holds: those of the unions its lines carry. */
export function guildFillIns(template: BudgetTemplate): string[] {
  const unions = new Set(template.accounts.map((a) => a.union));
  return GUILD_FILL_INS.filter((name) =>
    Object.entries(UNION_FILL_INS).some(
      ([union, names]) => unions.has(union as Union) && names.includes(name),
    ),
  );
}

/**
 * The rows of the Fringes table everyone's line carries besides the payroll preset: workers'
 * comp and the payroll company's fee, rates the user fills in (figures-audit.md 9.4, 9.5; the
 * library ships them without a rate, so a line's fringes say so until they are typed).
 */
export const FILL_IN_FRINGES: readonly string[] = ["WORKERS-COMP", "PAYROLL-FEE"];

/** Every template, by layout id. */
export const TEMPLATES: Readonly<Record<LayoutId, BudgetTemplate>> = {
  FEATURE: {
    id: "FEATURE",
    name: "Feature film",
    description: "Studio 4-digit chart, 1100 Story & Rights to 7900 Fringes, with ATL/BTL top sheet.",
    layout: "FEATURE",
    accounts: FEATURE_ACCOUNTS,
    fringePosting: "level",
    charges: LONG_FORM_CHARGES,
    schedule: "weeks",
    defaults: LONG_FORM_DEFAULTS,
    source: LAYOUTS.FEATURE.source,
  },
  TV: {
    id: "TV",
    name: "TV one-hour episodic",
    description: "Pattern budget for one episode, plus an amortization sheet spread across the season.",
    layout: "TV",
    accounts: TV_ACCOUNTS,
    fringePosting: "level",
    charges: LONG_FORM_CHARGES,
    schedule: "weeks",
    defaults: { ...LONG_FORM_DEFAULTS, prepWeeks: 1.6, shootDays: 8, wrapWeeks: 1, episodes: 10 },
    // reference.md 2.2: amort = costs not attributable to one episode (underlying rights, season
    // prep, standing sets, main titles); types Main, Enhancement, Construction, Holiday.
    amortization: [
      { code: "1101", name: "Underlying rights & series development", type: "Main" },
      { code: "2001", name: "Season prep (production staff)", type: "Main" },
      { code: "2301", name: "Standing sets construction", type: "Construction" },
      { code: "5401", name: "Main titles", type: "Main" },
      { code: "4001", name: "Episode-1 enhancement (e.g. a car chase)", type: "Enhancement" },
      { code: "3801", name: "Holiday / hiatus stage holding", type: "Holiday" },
    ],
    source: LAYOUTS.TV.source,
  },
  AICP: {
    id: "AICP",
    name: "Commercial (AICP bid form)",
    description:
      "The AICP bid form's sections A-X and line numbers, one markup on A-K, Estimate and Actual columns.",
    layout: "AICP",
    accounts: AICP_ACCOUNTS,
    fringePosting: "line",
    charges: AICP_CHARGES,
    schedule: "days",
    actualColumn: true,
    detailNote: AICP_LINE_NOTE,
    defaults: {
      ...LONG_FORM_DEFAULTS,
      prepWeeks: 0,
      wrapWeeks: 0,
      prepDays: 5,
      shootDays: 2,
      wrapDays: 2,
      contingencyPct: 0,
      bondPct: 0,
      insurancePct: 0,
      markupPct: 0.2,
    },
    source: LAYOUTS.AICP.source,
  },
  DOC: {
    id: "DOC",
    name: "Documentary / unscripted",
    description: "Documentary chart: research, field crew, archival licensing, E&O, fiscal sponsor.",
    layout: "DOC",
    accounts: DOC_ACCOUNTS,
    fringePosting: "level",
    charges: LONG_FORM_CHARGES,
    schedule: "weeks",
    defaults: { ...LONG_FORM_DEFAULTS, prepWeeks: 6, shootDays: 20, wrapWeeks: 12, bondPct: 0 },
    source: LAYOUTS.DOC.source,
  },
};

/**
 * The category of the chart an account belongs to: its hundred, or its section letter, by the
 * one rule the top sheet and the cost report use ({@link categoryCode}).
 */
export function categoryOf(
  template: BudgetTemplate,
  account: TemplateAccount | string,
): Category | undefined {
  const key = categoryCode(typeof account === "string" ? account : account.code);
  return LAYOUTS[template.layout].categories.find((c) => c.code === key);
}

/** True for the Fringe Benefits categories (x900) that level posting fills. */
export function isFringeCategory(category: Category): boolean {
  return category.name.startsWith("Fringe Benefits");
}

/** The AICP sections the markup applies to: A to K (reference.md 2.3 [C]). */
export const AICP_MARKUP_SECTIONS: readonly string[] = "ABCDEFGHIJK".split("");

/** The rates year of a budget: the year of its rates date ("2026-08-15" -> 2026). */
export function ratesYear(globals: Pick<TemplateGlobals, "ratesDate">): number {
  return Number(globals.ratesDate.slice(0, 4));
}
