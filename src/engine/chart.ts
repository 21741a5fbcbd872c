/**
 * Charts of accounts: the categories of each budget layout, their names and the top-sheet level
 * each belongs to. TOPSHEET and the budget templates both read this one table.
 *
 * Sources (domain/reference.md section 2):
 * - FEATURE: the classic 4-digit "Hollywood" top sheet, handypdf.com/pdf/film-making-budget-form
 *   (section 2.1, confirmed). Numbers vary by studio; the order is stable.
 * - TV: the same 4-digit scheme with TV names for the above-the-line accounts, John Wells
 *   Productions' cheat sheet, johnwellsproductions.com/budget-accounts-cheat-sheet (2.2, secondary).
 * - AICP: the AICP bid form, 2023 update, sections A-X (figures-audit.md 8.2, which corrects
 *   reference.md 2.3).
 * - DOC: documentary/unscripted; no itemized public chart was confirmed (2.4), so the categories
 *   follow the feature scheme with documentary names and are all marked unconfirmed.
 */
import { errors } from "./errors";
import { isOmitted } from "./money";

/** The top-sheet level a category rolls up to. */
export type Level = "ATL" | "PRODUCTION" | "POST" | "OTHER";

/** Top-sheet names of the levels, in top-sheet order. */
export const LEVELS: readonly { level: Level; name: string }[] = [
  { level: "ATL", name: "Above-the-line" },
  { level: "PRODUCTION", name: "Production" },
  { level: "POST", name: "Post" },
  { level: "OTHER", name: "Other" },
];

/** One category of a chart of accounts. */
export interface Category {
  /** The category's code: a 4-digit hundred (2500) or an AICP section letter ("D"). */
  code: string;
  /** The name on the top sheet. */
  name: string;
  level: Level;
  /** False where the reference could not confirm the name (shown as such to the user). */
  confirmed: boolean;
}

/** A chart of accounts for one kind of production. */
export interface Layout {
  id: LayoutId;
  name: string;
  /** How accounts are coded: 4-digit numbers (categories are their hundreds) or section letters. */
  coding: "digits" | "letters";
  categories: readonly Category[];
  /** Where the chart comes from, as the top sheet says it. */
  source: string;
  /**
   * The chart's own names for its groups, where they are not the studio levels: the AICP form
   * has no above/below-the-line split, so the template's own top sheet shows its groups and no
   * ATL/BTL totals. PROD.TOPSHEET and the cost report keep the standard level names
   * (spec/functions.md), so their rows read the same for every layout.
   */
  levelNames?: Partial<Record<Level, string>>;
}

/** True when a chart splits above and below the line (the studio charts; not the AICP form). */
export function splitsAtTheLine(layoutId: LayoutId): boolean {
  return LAYOUTS[layoutId].levelNames === undefined;
}

/** The layouts PROD knows. */
export type LayoutId = "FEATURE" | "TV" | "AICP" | "DOC";

const c = (code: string, name: string, level: Level, confirmed = true): Category => ({
  code,
  name,
  level,
  confirmed,
});

const FEATURE_PRODUCTION: readonly Category[] = [
  c("2000", "Production Staff", "PRODUCTION"),
  c("2100", "Extra Talent", "PRODUCTION"),
  c("2200", "Art Direction", "PRODUCTION"),
  c("2300", "Set Construction", "PRODUCTION"),
  c("2400", "Set Striking", "PRODUCTION"),
  c("2500", "Set Operations", "PRODUCTION"),
  c("2600", "Special Effects", "PRODUCTION"),
  c("2700", "Set Dressing", "PRODUCTION"),
  c("2800", "Property", "PRODUCTION"),
  c("2900", "Men's Wardrobe", "PRODUCTION"),
  c("3000", "Women's Wardrobe", "PRODUCTION"),
  c("3100", "Makeup & Hairdressing", "PRODUCTION"),
  c("3200", "Electrical", "PRODUCTION"),
  c("3300", "Camera Operations", "PRODUCTION"),
  c("3400", "Sound Operations", "PRODUCTION"),
  c("3500", "Transportation", "PRODUCTION"),
  c("3600", "Location", "PRODUCTION"),
  c("3700", "Production Film & Lab", "PRODUCTION"),
  c("3800", "Stage Facilities", "PRODUCTION"),
  c("3900", "Process & Rear Projection", "PRODUCTION"),
  c("4000", "Second Unit", "PRODUCTION"),
  c("4100", "Tests", "PRODUCTION"),
  c("4900", "Fringe Benefits (Production)", "PRODUCTION"),
];

const FEATURE_POST_OTHER: readonly Category[] = [
  c("5000", "Editing", "POST"),
  c("5100", "Music", "POST"),
  c("5200", "Post-Production Sound", "POST"),
  c("5300", "Post-Production Film & Lab", "POST"),
  c("5400", "Main & End Titles", "POST"),
  c("5900", "Fringe Benefits (Post)", "POST"),
  c("6500", "Publicity", "OTHER"),
  c("6700", "Insurance", "OTHER"),
  c("6800", "General Overhead", "OTHER"),
  c("7500", "Fees, Charges & Misc.", "OTHER"),
  c("7900", "Fringe Benefits (Other)", "OTHER"),
];

const FEATURE: Layout = {
  id: "FEATURE",
  name: "Feature film",
  coding: "digits",
  // reference.md 2.1 [C].
  source: "the studio film budget form, handypdf.com/pdf/film-making-budget-form",
  categories: [
    c("1100", "Story & Other Rights", "ATL"),
    c("1200", "Producer", "ATL"),
    c("1300", "Director", "ATL"),
    c("1400", "Cast", "ATL"),
    c("1500", "Travel & Living (ATL)", "ATL"),
    c("1600", "Miscellaneous (ATL)", "ATL"),
    c("1900", "Fringe Benefits (ATL)", "ATL"),
    ...FEATURE_PRODUCTION,
    ...FEATURE_POST_OTHER,
  ],
};

const TV: Layout = {
  id: "TV",
  name: "TV one-hour episodic",
  coding: "digits",
  // reference.md 2.2 [S].
  source:
    "John Wells Productions' budget accounts cheat sheet, johnwellsproductions.com/budget-accounts-cheat-sheet",
  categories: [
    c("1100", "Story, Rights & Continuity", "ATL"),
    c("1200", "Producers", "ATL"),
    c("1300", "Directors", "ATL"),
    c("1400", "Cast", "ATL"),
    c("1500", "Travel & Living (ATL)", "ATL"),
    c("1900", "Fringe Benefits (ATL)", "ATL"),
    ...FEATURE_PRODUCTION,
    ...FEATURE_POST_OTHER,
  ],
};

/**
 * The AICP bid form, 2023 update (figures-audit.md 8.2: the section names and line ranges of
 * the official AICP_bidform_2023_update.xlsm as transcribed, with the 2019 form; one markup on
 * A-K per the AICP National Guidelines). The form has no above/below-the-line split: its groups
 * are production A-K, director and talent L-N, other and usage O-P, and the post sections Q-X
 * (the 2023 form lists no section U).
 */
const AICP: Layout = {
  id: "AICP",
  name: "Commercial (AICP bid form)",
  coding: "letters",
  source: "the AICP bid form, 2023 update (aicp.com bidding resources)",
  levelNames: {
    PRODUCTION: "Production (A-K)",
    ATL: "Director & Talent (L-N)",
    OTHER: "Other & Usage (O-P)",
    POST: "Post-production (Q-X)",
  },
  categories: [
    c("A", "Prep Crew", "PRODUCTION"),
    c("B", "Shoot Crew", "PRODUCTION"),
    c("C", "Prep & Wrap Expenses", "PRODUCTION"),
    c("D", "Location Expenses", "PRODUCTION"),
    c("E", "Props, Wardrobe & Animals", "PRODUCTION"),
    c("F", "Studio Costs", "PRODUCTION"),
    c("G", "Art Department Labor", "PRODUCTION"),
    c("H", "Art Department Expenses", "PRODUCTION"),
    c("I", "Equipment Rental", "PRODUCTION"),
    c("J", "Media", "PRODUCTION"),
    c("K", "Miscellaneous Production Costs", "PRODUCTION"),
    // Director's fees and talent are not in the A-K markup base (AICP National Guidelines).
    c("L", "Director's Fees", "ATL"),
    c("M", "Talent", "ATL"),
    c("N", "Talent Expenses", "ATL"),
    c("O", "Other", "OTHER"),
    c("P", "Usage", "OTHER"),
    c("Q", "Editorial", "POST"),
    c("R", "Social Versions", "POST"),
    c("S", "Audio", "POST"),
    c("T", "Finishing", "POST"),
    c("V", "Misc. Editorial", "POST"),
    c("W", "Editorial Labor & Creative Fees", "POST"),
    c("X", "VFX, Design, Animation & Interactive", "POST"),
  ],
};

const DOC: Layout = {
  id: "DOC",
  name: "Documentary / unscripted",
  coding: "digits",
  // reference.md 2.4 (Bahar/IDA template structure; the source itemizes no categories).
  source: "the feature chart's numbering with documentary names (no published documentary chart was found)",
  categories: [
    c("1100", "Development & Research", "ATL", false),
    c("1200", "Producers", "ATL", false),
    c("1300", "Director", "ATL", false),
    c("1400", "On-camera Talent & Participants", "ATL", false),
    c("1500", "Travel & Living (ATL)", "ATL", false),
    c("1900", "Fringe Benefits (ATL)", "ATL", false),
    c("2000", "Production Staff", "PRODUCTION", false),
    c("2500", "Field Production Crew", "PRODUCTION", false),
    c("3300", "Camera & Sound Equipment", "PRODUCTION", false),
    c("3500", "Travel & Transportation", "PRODUCTION", false),
    c("3600", "Locations & Permits", "PRODUCTION", false),
    c("3700", "Media & Data Management", "PRODUCTION", false),
    c("4900", "Fringe Benefits (Production)", "PRODUCTION", false),
    c("5000", "Editorial", "POST", false),
    c("5100", "Music", "POST", false),
    c("5200", "Sound Post & Mix", "POST", false),
    c("5300", "Online, Color & Deliverables", "POST", false),
    c("5500", "Archival Footage & Licensing", "POST", false),
    c("5900", "Fringe Benefits (Post)", "POST", false),
    c("6500", "Publicity & Festivals", "OTHER", false),
    c("6700", "Insurance (incl. E&O)", "OTHER", false),
    c("7500", "Legal, Accounting & Fiscal Sponsor Fees", "OTHER", false),
    c("7900", "Fringe Benefits (Other)", "OTHER", false),
  ],
};

/**
 * The one note a top sheet carries when the chart could not confirm some category names, in
 * plain words (issue 18: no mark on every category); null when every name is confirmed.
 *
 * @param layoutId - the chart of accounts
 */
export function unconfirmedNote(layoutId: LayoutId): string | null {
  const categories = LAYOUTS[layoutId].categories;
  const unconfirmed = categories.filter((category) => !category.confirmed);
  if (unconfirmed.length === 0) return null;
  if (unconfirmed.length === categories.length) {
    return "The category names are not confirmed against a published chart of accounts: rename them to your own.";
  }
  return `Not confirmed against a published chart of accounts: the names of ${unconfirmed.map((c) => c.code).join(", ")}.`;
}

/** Every layout by id. */
export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = { FEATURE, TV, AICP, DOC };

/**
 * The levels of a layout in the chart's own order, the order its categories first use them: a
 * feature starts above the line; an AICP bid form starts with A-K (production), then L-N
 * (director and talent), as the form reads (reference.md 2.3). Levels the chart does not use
 * follow in {@link LEVELS} order, for an account placed outside the chart. The top sheet and the
 * weekly cost report both list their levels in this order, so the two never disagree.
 *
 * @param layoutId - the chart of accounts
 * @param names - "standard": the level names of spec/functions.md (Above-the-line, Production,
 *   Post, Other), as PROD.TOPSHEET and the cost report print them; "form": the chart's own names
 *   for its groups where it has them (the AICP form's "Production (A-K)"), as the template's own
 *   top sheet prints them
 */
export function levelOrder(
  layoutId: LayoutId,
  names: "standard" | "form" = "standard",
): readonly { level: Level; name: string }[] {
  const categories = LAYOUTS[layoutId].categories;
  const rank = (level: Level, i: number) => {
    const first = categories.findIndex((c) => c.level === level);
    return first >= 0 ? first : categories.length + i;
  };
  const own = names === "form" ? (LAYOUTS[layoutId].levelNames ?? {}) : {};
  return LEVELS.map((l, i) => ({ l, at: rank(l.level, i) }))
    .sort((a, b) => a.at - b.at)
    .map(({ l }) => ({ level: l.level, name: own[l.level] ?? l.name }));
}

/** The layout ids in the order help texts list them (FEATURE is the default). */
export const LAYOUT_IDS: readonly LayoutId[] = ["FEATURE", "TV", "AICP", "DOC"];

/**
 * Reads a layout by name, case and spaces ignored; blank (or 0, an empty cell on desktop Excel)
 * means FEATURE.
 *
 * @param value - the cell as Excel gave it
 * @param arg - the argument's name for messages
 * @throws ProdError (notFound) for an unknown name, listing the known layouts
 */
export function toLayoutId(value: unknown, arg: string): LayoutId {
  if (isOmitted(value)) return "FEATURE";
  const name = String(value).trim().toUpperCase();
  const id = LAYOUT_IDS.find((known) => known === name);
  if (!id) throw errors.unknownName(arg, String(value).trim(), LAYOUT_IDS);
  return id;
}
