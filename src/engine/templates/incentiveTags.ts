/**
 * The incentive tags a template writes on each detail line (issue 22, "templates fill sensible
 * defaults"): the Class, Pay form, Phase and Flags of domain/incentives.md section 2 ("Minimum tag
 * set per budget line"), worked out from the line's account in its chart. Where (the Globals
 * shooting location), Payee (the line's Person) and People (the line's X) are live formulas on the
 * sheet; Residency is left for the producer to type, since nothing in a template tells who lives
 * where. Every default is text the incentive functions read (incentives/tags.ts) and the producer
 * may overwrite on any line.
 */
import { LAYOUTS } from "../chart";
import type { LineClass, PayForm } from "../incentives/tags";
import { categoryOf } from "./index";
import type { BudgetTemplate, Period, TemplateAccount } from "./types";

/** The tags a template writes as constants on one detail line. */
export interface LineTagDefaults {
  cls: LineClass;
  payForm: PayForm;
  /** A phase word the Phase column reads (incentives/tags.ts): PREP, SHOOT, WRAP, POST... */
  phase: string;
  /** Flags joined by commas, or "" for none. */
  flags: string;
}

/**
 * The class of a labour account by its category of the chart: the above-the-line categories are
 * who incentives.md section 2 names (`class`: "ATL-writer / director / producer / performer /
 * background / BTL crew / non-labour"): the studio form's 1200 Producer, 1300 Director and 1400 Cast
 * (reference.md 2.1, 2.2, the documentary's same numbers), the AICP form's L Director's fees and M
 * Talent; the 2100 Extra Talent category is background (California's ATL exclusion keeps
 * "background with no scripted lines" in [CA6]). Writers are the accounts paid by the draft or a
 * flat fee (the 1100 Story category). Every other labour line is crew.
 */
const LABOUR_CLASS_BY_CATEGORY: Readonly<Record<string, LineClass>> = {
  "1200": "PRODUCER",
  "1300": "DIRECTOR",
  "1400": "PERFORMER",
  "2100": "BACKGROUND",
  L: "DIRECTOR",
  M: "PERFORMER",
};

/** Who a detail line of `account` pays for (incentives.md section 2 `class`). */
export function accountClass(template: BudgetTemplate, account: TemplateAccount): LineClass {
  if (account.kind === "expense") return "NONLABOUR";
  if (account.incentiveClass) return account.incentiveClass;
  if (account.paidBy) return "WRITER";
  return LABOUR_CLASS_BY_CATEGORY[categoryOf(template, account)?.code ?? ""] ?? "CREW";
}

/**
 * The phase of a line (incentives.md section 2 `phase`; the exclusions of section 2 step 1 and the
 * worked examples of section 5):
 * - a post-production category (the chart's Post level) is POST;
 * - publicity (6500) is DISTRIBUTION: marketing and publicity are excluded ([CA9], [GA8]);
 * - fees, charges, legal and bank (7500) are FINANCING (section 5, C2 "Financing costs, bank and
 *   legal");
 * - story rights and scripts (the 1100 category's purchases and its writers) are DEVELOPMENT
 *   (section 5, A1 story rights and A2 the writer, "written before prep");
 * - a labour line is its period: PREP, SHOOT or WRAP (wrap is the end of production);
 * - another expense is SHOOT when the template counts it by the shoot day or week, else
 *   PRODUCTION (prep and shoot together).
 */
export function linePhase(template: BudgetTemplate, account: TemplateAccount, period: Period | null): string {
  const category = categoryOf(template, account);
  if (category?.level === "POST") return "POST";
  if (LAYOUTS[template.layout].coding === "digits") {
    if (category?.code === "6500") return "DISTRIBUTION";
    if (category?.code === "7500") return "FINANCING";
    if (category?.code === "1100" && (account.kind === "expense" || account.paidBy)) return "DEVELOPMENT";
  }
  if (period !== null) return period.toUpperCase();
  const units = account.units ?? "Allow";
  return units === "Day" || units === "Week" ? "SHOOT" : "PRODUCTION";
}

/**
 * The constant tags of a detail line of `account` (budgeted for `period`, or null for a line not
 * paid by the period). Pay form: a template's labour line is paid through payroll with the Fringes
 * table's payroll taxes, so W2 (Georgia caps W-2 pay per person, not loan-outs [GA2]: retype a
 * loan-out LOANOUT); an expense line is a VENDOR.
 */
export function lineTagDefaults(
  template: BudgetTemplate,
  account: TemplateAccount,
  period: Period | null,
): LineTagDefaults {
  return {
    cls: accountClass(template, account),
    payForm: account.kind === "labor" ? "W2" : "VENDOR",
    phase: linePhase(template, account, period),
    flags: (account.incentiveFlags ?? []).join(","),
  };
}

/**
 * The shooting location a new budget starts with: the state of its payroll preset when the preset
 * is one state's (PAYROLL-CA is California: CA), else none (PAYROLL-US, PAYROLL-CANADA: the
 * producer types the place). It is where every line is tagged as incurred, and what the Globals
 * sheet shows to change.
 */
export function presetLocation(fringePreset: string): string {
  const state = /^PAYROLL-([A-Z]{2})$/.exec(fringePreset)?.[1] ?? "";
  // PAYROLL-US is the federal taxes alone: the country, not a state a program covers.
  return state === "US" ? "" : state;
}
