/**
 * Budget templates as data: which accounts a new budget starts with, how each detail line's
 * quantity comes from the globals, and which charges sit under the top sheet. The task pane turns
 * a template into sheets (Top Sheet, Budget detail, Fringes, Globals); nothing here knows Excel.
 */
import type { LayoutId } from "../chart";
import type { Flag, LineClass } from "../incentives/tags";

/**
 * Hours in a day: Movie Magic's default Day unit is 12 hours (reference.md 1.1 [C], "hours
 * equivalence"), and MPI benefit hours are budgeted at 12 a day (reference.md 3.2 / 3.7: $14.63 x
 * 12 = $175.56 a day). The Day unit below and a per-hour fringe given days (fringes/calculate.ts)
 * both use it.
 */
export const HOURS_PER_DAY = 12;

/**
 * Detail-line units with their hours equivalence (MMB's default units, reference.md 1.1 [C]:
 * Hour 1, Day 12, Week 60, Month 240; Allow and Flat have none). Per-hour fringes use the hours,
 * per-day and per-week fringes the days (hours / 12).
 */
export const UNITS: readonly { unit: string; hours: number | null }[] = [
  { unit: "Hour", hours: 1 },
  { unit: "Day", hours: HOURS_PER_DAY },
  { unit: "Week", hours: 60 },
  { unit: "Month", hours: 240 },
  { unit: "Allow", hours: null },
  { unit: "Flat", hours: null },
  // A writer's step (first draft, rewrite, polish): paid per draft, no hours.
  { unit: "Draft", hours: null },
];

/** A unit name of UNITS. */
export type Unit = "Hour" | "Day" | "Week" | "Month" | "Allow" | "Flat" | "Draft";

/** The part of the schedule a labor line covers; its quantity is that global. */
export type Period = "prep" | "shoot" | "wrap";

/**
 * The guild or union whose fringes a labor line carries on top of the Fringes table (the payroll
 * preset everyone pays): cast, background, directors and ADs, crew, drivers (issue 18); on a
 * commercial, its talent and its director and ADs under the guilds' commercial agreements.
 */
export type Union =
  | "SAG-AFTRA"
  | "SAG-AFTRA-BG"
  | "SAG-AFTRA-TV"
  | "SAG-AFTRA-COMMERCIALS"
  | "DGA"
  | "DGA-COMMERCIALS"
  | "IATSE"
  | "TEAMSTERS";

/** One account of a template. */
export interface TemplateAccount {
  /** The account code: 4 digits ("2001") or an AICP section letter and line ("B2"). */
  code: string;
  name: string;
  /**
   * Labor lines are paid wages: they carry the fringe set and a Person (for per-person caps), one
   * line per period. Expense lines are one line with no fringes.
   */
  kind: "labor" | "expense";
  /** Labor: the periods it is budgeted for. @default ["shoot"] */
  periods?: readonly Period[];
  /** Labor paid by the piece (a writer's drafts, a flat fee) instead of by the period: one line. */
  paidBy?: "Draft" | "Flat";
  /** Expense: the unit of its one line. @default "Allow" */
  units?: Unit;
  /** Labor: the guild or union whose fringes the line carries; none for non-union staff. */
  union?: Union;
  /**
   * Labor: whom the line pays for, for incentives, where its category says otherwise (a
   * producer's assistant is crew, not a producer); see incentiveTags.ts.
   */
  incentiveClass?: LineClass;
  /** The incentive uplift flags its lines carry (visual effects work, music scoring). */
  incentiveFlags?: readonly Flag[];
}

/**
 * What a charge is a percent of (reference.md 7: a charge takes "a rate on a base that is ATL,
 * BTL, ATL+BTL, A-K, or a custom set of accounts"):
 * - "budget": the direct cost, above and below the line;
 * - "belowTheLine": below the line only;
 * - "insurable": the direct cost less story & rights (the 1100s), post, and the insurance
 *   accounts themselves (reference.md 7, "net insurable budget" removes story/scenario and post;
 *   insurance is not insured);
 * - "budgetAndContingency": direct cost plus contingency (the bond's strike price includes it);
 * - "markupSections": the AICP sections A-K (one markup on A-K, reference.md 2.3);
 * - "allSections": every section of the AICP form.
 */
export type ChargeBase =
  "budget" | "belowTheLine" | "insurable" | "budgetAndContingency" | "markupSections" | "allSections";

/** Each base as the user reads and types it on the Globals sheet. */
export const CHARGE_BASE_LABELS: Readonly<Record<ChargeBase, string>> = {
  budget: "ATL+BTL",
  belowTheLine: "BTL",
  insurable: "Net insurable",
  budgetAndContingency: "ATL+BTL+contingency",
  markupSections: "A-K",
  allSections: "All sections",
};

/** A charge under the top sheet (reference.md section 7), as a percent of a base. */
export interface ChargeSpec {
  /** Which global holds the percent. */
  global: "Contingency_Pct" | "Insurance_Pct" | "Bond_Pct" | "Markup_Pct";
  label: string;
  /** The bases the user may pick on the Globals sheet, the default first. */
  bases: readonly ChargeBase[];
  /** What the Globals sheet says about it, in plain words. */
  note: string;
}

/** A cost carried in a TV amortization (reference.md 2.2: Main, Enhancement, Construction, Holiday). */
export interface AmortItem {
  code: string;
  name: string;
  type: "Main" | "Enhancement" | "Construction" | "Holiday";
}

/** The values a user fills in before inserting a template. */
export interface TemplateGlobals {
  prepWeeks: number;
  shootDays: number;
  wrapWeeks: number;
  /** Prep and wrap in days, for a template whose schedule is in days (the AICP form). */
  prepDays: number;
  wrapDays: number;
  /** Shoot-day hours (paid hours per day follow from the pay rule). */
  hoursPerDay: number;
  /** Worked days per week (shoot weeks = shoot days / this). */
  daysPerWeek: number;
  /** The payroll fringe preset for the work state: PAYROLL-CA, PAYROLL-NY, PAYROLL-US. */
  fringePreset: string;
  /**
   * The rates date, ISO ("2026-08-15"): the first shoot or payroll date. Every fringe named on
   * the detail is read at the rate in force that day (guild rates change on July 1 or August 1,
   * library.ts), and its year is the rates year whose payroll figures the Fringes table holds.
   */
  ratesDate: string;
  /** The overtime rule for paid hours (a pay rule preset: CA, SAG-DAY, STRAIGHT...). */
  payRule: string;
  /** Percentages as fractions: 0.1 = 10%. */
  contingencyPct: number;
  insurancePct: number;
  bondPct: number;
  markupPct: number;
  /** TV: episodes in the season (the amortization spreads over them). */
  episodes: number;
  /**
   * Where the budget shoots, as a place code (CA, GA, UK, BC...): every detail line's Where tag
   * follows it. @default the payroll preset's state (incentiveTags.ts presetLocation)
   */
  location?: string;
  /** The incentive program the Top Sheet takes off ("US-GA"); "" or none: no incentive line. */
  incentiveProgram?: string;
  /** Its settings as NAME=VALUE pairs ("GEP=NO, SALE=0.88"); "" or none: the program's defaults. */
  incentiveSettings?: string;
  /** The program's currency per unit of the budget's; none: the budget is in its currency. */
  exchangeRate?: number;
}

/** A budget template. */
export interface BudgetTemplate {
  id: LayoutId;
  name: string;
  /** One line for the template picker. */
  description: string;
  /** The chart of accounts it follows (chart.ts); its categories are the top sheet. */
  layout: LayoutId;
  accounts: readonly TemplateAccount[];
  /**
   * Where fringes post: "level" = to the level's Fringe Benefits category (1900/4900/5900/7900,
   * MMB's production-level posting, reference.md 1.1); "line" = inside each line's own category
   * (the AICP form carries P&W in each labor section).
   */
  fringePosting: "level" | "line";
  charges: readonly ChargeSpec[];
  /**
   * How prep and wrap are counted: in weeks (a long-form budget) or in days (a commercial's
   * prep and wrap days, issue 18).
   */
  schedule: "weeks" | "days";
  /** The form has an Actual column beside the estimate (the AICP bid form). */
  actualColumn?: boolean;
  /** A figure of the template not confirmed line by line, said once on its detail sheet. */
  detailNote?: string;
  defaults: TemplateGlobals;
  /** TV: the season costs spread across episodes with PROD.ALLOCATE. */
  amortization?: readonly AmortItem[];
  /** Where the accounts come from. */
  source: string;
}
