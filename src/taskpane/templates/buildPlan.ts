/*
 * Turns a budget template (engine data) and the user's globals into a write plan: the Globals,
 * Fringes, Budget detail and Top Sheet sheets (and, for TV, Amortization), all totals live
 * formulas. Pure: no Office, no React; the Templates panel hands the plan to the workbook port.
 *
 * Formulas are written to the PROD function contract (spec/functions.md): PROD.FRINGE(wages,
 * fringes, prior_wages, hours, days), PROD.PAIDHOURS(hours, rule), PROD.ALLOCATE(total, weights).
 * Everything else is plain Excel (SUMIFS, SUM, ROUND, VLOOKUP), so the budget keeps adding up with
 * the add-in closed.
 */
import {
  LAYOUTS,
  levelOrder as chartLevelOrder,
  splitsAtTheLine,
  type Category,
  type Level,
  unconfirmedNote,
} from "../../engine/chart";
import {
  CALENDAR_YEAR_WORDS,
  findLibraryFringe,
  FRINGE_PRESETS,
  libraryYears,
} from "../../engine/fringes/library";
import { dateSerial } from "../../engine/import/dates";
import { PROGRAM_NAMES } from "../../engine/incentives/programs";
import { PERSON_SPACES, PERSON_WILDCARDS } from "../../engine/people";
import { TAG_COLUMNS } from "../../engine/incentives/tags";
import { lineTagDefaults, presetLocation, type LineTagDefaults } from "../../engine/templates/incentiveTags";
import {
  type BudgetTemplate,
  type ChargeBase,
  type ChargeSpec,
  type Period,
  type TemplateAccount,
  type TemplateGlobals,
  type Unit,
  AICP_MARKUP_SECTIONS,
  FILL_IN_FRINGES,
  UNION_FILL_INS,
  UNION_FRINGES,
  guildFillIns,
  CHARGE_BASE_LABELS,
  UNITS,
  categoryOf,
  isFringeCategory,
  ratesYear,
} from "../../engine/templates";
import {
  type Cell,
  type CellBlock,
  type CellValue,
  type NameSpec,
  type SheetPlan,
  type WritePlan,
  NUMBER_FORMATS,
  a1,
  a1Range,
  columnLetter,
  mergeRowBlocks,
} from "../../excel/port";
import { FRINGE_TABLE_WIDTHS, newFringeTable } from "../fringes/newFringeTable";
import type { SheetSignature } from "../shell/ownedSheet";
import { GROUPS_COLUMNS, GROUPS_FORMATS, IN_TOTAL, groupCostFormula, inTotalFormula } from "./groupFormulas";

/** The owner key of everything the Templates panel writes. */
export const TEMPLATES_OWNER = "templates";
/** The ownership key of every copy's Budget detail sheet. */
export const DETAIL_MARK_KEY = "detail";

/** The sheets a template creates, by role. */
export interface TemplateSheetNames {
  topSheet: string;
  detail: string;
  fringes: string;
  globals: string;
  /** TV only. */
  amortization?: string;
}

/** Default sheet names (spec/taskpane.md section 1). */
export const DEFAULT_SHEET_NAMES: Required<TemplateSheetNames> = {
  topSheet: "Top Sheet",
  detail: "Budget detail",
  fringes: "Fringes",
  globals: "Globals",
  amortization: "Amortization",
};

/** Names and sheets for the n-th copy of a template in one workbook (1 = the plain names). */
export function namesForCopy(
  template: BudgetTemplate,
  copy: number,
): { sheets: TemplateSheetNames; suffix: string } {
  const tail = copy === 1 ? "" : ` ${copy}`;
  const sheets: TemplateSheetNames = {
    topSheet: DEFAULT_SHEET_NAMES.topSheet + tail,
    detail: DEFAULT_SHEET_NAMES.detail + tail,
    fringes: DEFAULT_SHEET_NAMES.fringes + tail,
    globals: DEFAULT_SHEET_NAMES.globals + tail,
  };
  if (template.amortization) sheets.amortization = DEFAULT_SHEET_NAMES.amortization + tail;
  return { sheets, suffix: copy === 1 ? "" : `_${copy}` };
}

/** Detail sheet columns (0-based), in the order of spec/taskpane.md section 1, then helpers. */
export const DETAIL_COLUMNS = {
  acct: 0,
  description: 1,
  amount: 2,
  units: 3,
  x: 4,
  rate: 5,
  subtotal: 6,
  fringeSet: 7,
  fringes: 8,
  total: 9,
  person: 10,
  hours: 11,
  days: 12,
  priorWages: 13,
  acctNo: 14,
  /**
   * The library names of the line's Fringes set, each read on the budget's rates date
   * ("SAG-AFTRA@2026-08-15"): what PROD.FRINGE is given besides the Fringes table.
   */
  names: 15,
  /**
   * The line's groups (issue 21, what-if by lines): tags such as "Stunts" or "Stunts, Night
   * shoot", switched in or out of the total on the Globals sheet's Groups table.
   */
  group: 16,
  /** "No" when one of the line's groups is out of the total: the line then counts nowhere. */
  inTotal: 17,
  /**
   * The incentive tags (issue 22), side by side in the order PROD.INCENTIVE reads them
   * (TAG_COLUMNS): Where (the Globals shooting location, live), Payee (the line's Person, live),
   * Residency, Class, Pay form, Phase, Flags and People (the line's X, live, on labor lines).
   */
  where: 18,
  payee: 19,
  residency: 20,
  class: 21,
  payForm: 22,
  phase: 23,
  flags: 24,
  people: 25,
  /** AICP only: what the line actually cost, typed beside the estimate (the form's Actual column). */
  actual: 26,
} as const;

/** The Budget detail sheet's header row (the cost report reads budgets in this shape). */
export const DETAIL_HEADER = [
  "Acct",
  "Description",
  "Amount",
  "Units",
  "X",
  "Rate",
  "Subtotal",
  "Fringes set",
  "Fringes",
  "Total",
  "Person",
  "Hours",
  "Days",
  "Prior wages",
  "Acct no.",
  "Names on rates date",
  "Group",
  "In total",
  ...TAG_COLUMNS,
];

/** The separators a studio writes inside an account code (accounts.ts: 25-01, 2501.00, 25 01). */
const CODE_SEPARATORS = ["-", ".", "/", "_", ":"];

/**
 * The account number of a text account cell, in plain Excel, by the rule of accounts.ts
 * (readAccount): digits alone are the number ("2501"); digit groups split by separators are read
 * by their first four digits ("25-10" and "2510-00" are 2510); anything else ("Misc") is "", no
 * number. Numbers typed in the Acct column need no helper: the top sheet matches them directly.
 * The Top Sheet's SUMIFS read this column, so a code typed as 25-10 lands in 2500 there, as it
 * does in PROD.TOPSHEET and PROD.ACCTSUM (issue 18); it stays plain Excel so the top sheet
 * keeps adding up with the add-in closed.
 */
export function acctNoFormula(cell: string): string {
  const t = `TRIM(${cell})`;
  const spaceless = `SUBSTITUTE(${t}," ","")`;
  const dashed = CODE_SEPARATORS.slice(1).reduce((x, sep) => `SUBSTITUTE(${x},"${sep}","-")`, spaceless);
  const digits = `SUBSTITUTE(${dashed},"-","")`;
  // True when x is all digits: nothing is left once every digit is taken out.
  const allDigits = (x: string) =>
    `LEN(${"0123456789".split("").reduce((y, d) => `SUBSTITUTE(${y},"${d}","")`, x)})=0`;
  // Groups of digits, one separator between two groups (accounts.ts SEPARATED_DIGITS).
  const separated = `AND(${allDigits(digits)},${allDigits(`LEFT(${t},1)`)},${allDigits(`RIGHT(${t},1)`)},ISERROR(FIND("--",${dashed})))`;
  return `=IF(OR(NOT(ISTEXT(${cell})),${t}=""),"",IF(${allDigits(t)},VALUE(${t}),IF(${separated},VALUE(LEFT(${digits},4)),"")))`;
}

/** The heading of the detail's hidden last column: who each line pays, as the caps compare people. */
export const PERSON_KEY_HEADING = "Person key";

/**
 * Each of the engine's {@link PERSON_SPACES} as Excel writes it in a formula: the no-break space
 * is UNICHAR(160) (CHAR(160) is another character on a Mac), tabs and line breaks CHAR(code).
 */
const excelChar = (ch: string): string =>
  ch === " " ? '" "' : ch === "\u00a0" ? "UNICHAR(160)" : `CHAR(${ch.charCodeAt(0)})`;

/**
 * The key the per-person caps match a line's Person by (issue 21): upper case, every space taken
 * out, wildcards written as plain text, after a "P:" that keeps the key text Excel never reads
 * as a number, a date or TRUE ("007" typed as text is not the number 7); "" for no person. The
 * caps' SUMIFS compare keys by the criterion `"="&key`, an exact comparison: a Person is never a
 * pattern ("Star*" matching "Starling") or a comparison (">A" matching every name after A), and
 * "Star ", " star" and "Star" with a no-break space pasted in are one person, as the line
 * producer meant. Excel already compares without regard to case; accents count ("Zoé" is not
 * "Zoe"), as they do in Excel. The engine's `personKey` (src/engine/people.ts) computes the same
 * text, so incentives count the same people as the caps (test/preview/excelParity.test.ts).
 */
export function personKeyFormula(cell: string): string {
  const spaceless = PERSON_SPACES.reduce(
    (x, space) => `SUBSTITUTE(${x},${excelChar(space)},"")`,
    `UPPER(${cell})`,
  );
  const key = PERSON_WILDCARDS.reduce((x, w, i) => `SUBSTITUTE(${x},"${w}"," ${i}")`, spaceless);
  return `=IF(${spaceless}="","","P:"&${key})`;
}

/** A line out of the total: grey text on a light grey fill (contrast 5:1). */
const OUT_OF_TOTAL_FILL = "#EDEDED";
const OUT_OF_TOTAL_FONT = "#666666";

/** Empty formula lines at the end of the detail, for accounts the template does not have. */
const SPARE_LINES = 3;

/** Rows above the detail lines: title, note, header. */
const DETAIL_FIRST_ROW = 3;
/** How the detail's title in A1 begins; the template's name follows. */
const DETAIL_TITLE = "Budget detail: ";

/**
 * A budget detail sheet the Templates panel wrote, told by its content when its mark is gone (a
 * user deleted the hidden name): the title in A1 and every heading of the header row, as PROD
 * writes them. The caller also requires the budget's Detail_Acct name on the sheet.
 */
export const DETAIL_SIGNATURE: SheetSignature = {
  address: a1Range(0, 0, DETAIL_FIRST_ROW, DETAIL_HEADER.length),
  matches: (values) =>
    String(values[0]?.[0] ?? "").startsWith(DETAIL_TITLE) &&
    DETAIL_HEADER.every((heading, i) => values[DETAIL_FIRST_ROW - 1]?.[i] === heading),
};

const M = NUMBER_FORMATS.money;
const Q = NUMBER_FORMATS.quantity;
const P = NUMBER_FORMATS.percent;

/** One global: its workbook name, label, value and how to show it. */
interface GlobalRow {
  name: string;
  label: string;
  value: Cell;
  format: string | null;
  /** Text, or a formula for a note that checks something. */
  note: Cell;
}

/** A description of what was laid out, for the panel's summary and for tests. */
export interface TemplateLayout {
  plan: WritePlan;
  sheets: TemplateSheetNames;
  /** 0-based detail rows of budget lines, with their account. */
  detailLines: { row: number; account: string; labor: boolean }[];
  /** 0-based top-sheet rows of categories, with the formula written there. */
  topSheetCategories: { row: number; code: string; formula: string; fringe: boolean }[];
  /** Workbook names the plan adds. */
  names: string[];
}

const PERIOD_LABEL: Record<Period, string> = { prep: "prep", shoot: "shoot", wrap: "wrap" };

/**
 * The fringe table rows for a preset in a year: each member's figures for that year. Throws a
 * plain Error naming the member when the library does not hold that year for it.
 */
export function presetRows(preset: string, year: number) {
  const members = FRINGE_PRESETS[preset]?.fringes;
  if (!members) throw new Error(`There is no fringe preset "${preset}".`);
  return members.map((name) => findLibraryFringe(name, year));
}

/**
 * The rows of a budget's Fringes table in a year: the payroll preset, then workers' comp and the
 * payroll fee, whose rates the user fills in (FILL_IN_FRINGES), which every labor line carries;
 * then the guild rows to fill in (`guild`, of GUILD_FILL_INS), which only their members' lines
 * carry.
 */
export function budgetFringeRows(preset: string, year: number, guild: readonly string[] = []) {
  return [
    ...presetRows(preset, year),
    ...[...FILL_IN_FRINGES, ...guild].map((name) => findLibraryFringe(name, year)),
  ];
}

/** The years for which the library holds every fringe of a preset. */
export function presetYears(preset: string): number[] {
  const members = FRINGE_PRESETS[preset]?.fringes ?? [];
  if (members.length === 0) return [];
  const [first, ...rest] = members.map((name) => libraryYears(name));
  return first.filter((year) => rest.every((years) => years.includes(year)));
}

/**
 * The workbook name of a global (`Rates_Date`, `Fringe_Year`, `Fringe_Preset`) of the budget whose
 * Fringes table is `table` ("Fringes" -> "Fringe_Year", "Fringes_2" -> "Fringe_Year_2"), or null
 * for a table no template names so.
 */
export function budgetGlobalName(
  global: "Rates_Date" | "Fringe_Year" | "Fringe_Preset",
  table: string,
): string | null {
  const copy = /^Fringes(_\d+)?$/i.exec(table);
  return copy ? `${global}${copy[1] ?? ""}` : null;
}

/**
 * The note beside Fringe_Year: a check when the Fringes table holds payroll figures of another
 * calendar year (its In force column says "2025 (calendar year)" in a 2026 budget), otherwise
 * what the year does. Rows dated by a guild's contract period and rows the user added without a
 * date are not checked: only the calendar-year figures the library writes say their year.
 */
export function fringeYearCheck(year: string, table: string): string {
  const inForce = `${table}[In force]`;
  const otherYears = `COUNTIFS(${inForce},"*${CALENDAR_YEAR_WORDS}",${inForce},"<>"&${year}&" ${CALENDAR_YEAR_WORDS}")`;
  return `=IF(${otherYears}>0,"Check: the ${table} table holds figures of another year than "&${year}&". Copy "&${year}&" into it (Fringes panel), or type a rates date in the year of its figures.","The year of the rates date: the ${table} table holds this year's payroll figures. To change it, copy another year into the table (Fringes panel): the rates date moves to that year.")`;
}

/**
 * A date cell as the ISO text a dated fringe name carries ("2026-08-15" in SAG-AFTRA@2026-08-15;
 * library.ts splitWhen), built from YEAR, MONTH and DAY: TEXT's date codes are the user's
 * language's in Excel ("jjjj" in German), so TEXT(d,"yyyy-mm-dd") would not read the same
 * everywhere.
 */
export function isoDateFormula(cell: string): string {
  return `YEAR(${cell})&"-"&RIGHT("0"&MONTH(${cell}),2)&"-"&RIGHT("0"&DAY(${cell}),2)`;
}

/**
 * The names of a fringe table's rows whose rate is blank or 0 (PROD.FRINGE reads both as "not
 * filled in yet", fringes/table.ts), joined by commas; "" when every row has its rate. Plain
 * Excel (an array IF, TEXTJOIN), so the warning stands with the add-in closed.
 */
export function blankRatesFormula(table: string): string {
  return `=TEXTJOIN(", ",TRUE,IF((${table}[Rate]=0)*(${table}[Name]<>""),${table}[Name],""))`;
}

/**
 * A fringe table with the rows whose rate is blank (or 0) blanked out, for PROD.FRINGE: the
 * template's lines charge the rows that have a rate and leave out those still to fill in, which
 * Blank_Rates names on the sheets. PROD.FRINGE skips a blank row, so a bad row's message still
 * counts rows as on the sheet; the function itself keeps refusing a blank rate for anyone who
 * hands it the whole table (spec/functions.md).
 */
export function filledRowsFormula(table: string, set: string, guild: readonly string[]): string {
  const rated = `${table}[[#All],[Rate]]<>0`;
  if (guild.length === 0) return `IF(${rated},${table}[#All],"")`;
  // A guild's row (DGA-HEALTH) is charged only where the line's set names it.
  const name = `","&${table}[[#All],[Name]]&","`;
  const isGuild = `ISNUMBER(SEARCH(${name},",${guild.join(",")},"))`;
  const named = `ISNUMBER(SEARCH(${name},","&SUBSTITUTE(${set}," ","")&","))`;
  return `IF((${rated})*(1-${isGuild}+${named}),${table}[#All],"")`;
}

/** The words of a Fringes set as the detail's formulas search them: `,A,B,` in upper case, no spaces. */
const setWords = (set: string) => `,${set.replace(/ /g, "")},`.toUpperCase();

/** Whether a line's Fringes set names the fringe table `table` (any case, spaces ignored), as the line's formulas read it. */
export function setNamesTable(set: string, table: string): boolean {
  return setWords(set).includes(`,${table.toUpperCase()},`);
}

/**
 * What {@link filledRowsFormula} hands PROD.FRINGE, for a table read with its header row: each
 * row whose rate is blank or 0, or that is a guild's row the set does not name, blanked out.
 */
export function filledRows(
  table: readonly (readonly CellValue[])[],
  set: string,
  guild: readonly string[],
): CellValue[][] {
  const [rate, name] = ["Rate", "Name"].map((h) => table[0]?.indexOf(h) ?? -1);
  const guilds = `,${guild.join(",")},`.toUpperCase();
  return table.map((row) => {
    const word = `,${String(row[name] ?? "")},`.toUpperCase();
    const rated = row[rate] !== 0 && row[rate] !== "" && row[rate] !== null;
    const kept = rated && (!guilds.includes(word) || setWords(set).includes(word));
    return kept ? [...row] : row.map(() => "");
  });
}

/**
 * A set of names written ",SS,PAYROLL-CA," (upper case, no spaces, a comma each side) with each
 * preset replaced by its fringes: ",SS,SS,MEDICARE,FUTA-CA,CA-SUI,CA-ETT,". A preset with a year
 * or a date keeps it on its last fringe (",PAYROLL-CA-2026," -> ",SS,...,CA-ETT-2026,"), so
 * {@link tableNamesIn} finds its fringes as it finds a name with a year or a date. The longest
 * presets go first: PAYROLL-CANADA is replaced before PAYROLL-CA, which begins it.
 */
export function expandPresets(set: string): string {
  return Object.entries(FRINGE_PRESETS)
    .sort(([a], [b]) => b.length - a.length)
    .reduce((x, [preset, { fringes }]) => `SUBSTITUTE(${x},",${preset}",",${fringes.join(",")}")`, set);
}

/**
 * The names of a fringe table's rows that a set (as {@link expandPresets} writes it) names too,
 * as typed or with a year or a date (",SS,", ",SS-2026,", ",SS@2026-08-15,"), joined by commas;
 * "" when none. SEARCH reads any case.
 */
export function tableNamesIn(table: string, set: string): string {
  const named = ['","', '"-20"', '"@"']
    .map((tail) => `ISNUMBER(SEARCH(","&${table}[Name]&${tail},${set}))`)
    .join("+");
  return `TEXTJOIN(",",TRUE,IF((${named})*(${table}[Name]<>""),UPPER(${table}[Name]),""))`;
}

/**
 * Said once on the Fringes sheet of a budget with no guild lines (the documentary template):
 * issue 18 names no documentary guild and the research notes hold no documentary guild terms
 * (reference.md 2.4), so no line carries one, and what the producer can do for a member.
 */
export const NO_GUILD_LINES_NOTE =
  "No guild fringe is on these lines: documentary crews are often not on a guild agreement, and PROD has no documentary guild terms to go by. For a guild member, add the guild's library fringes after Fringes in the line's Fringes set (the Fringes panel lists them with their sources and dates); for a guild rate PROD has no figure for, give it a fringe table of its own (Fringes panel) and add a PROD.FRINGE over that table to those lines' Fringes cells.";

/** The number format of the rates date: ISO, as the dated names write it. */
export const RATES_DATE_FORMAT = "yyyy-mm-dd";

/** A rates date (ISO) as the Excel date serial written into the Rates_Date global. */
function ratesDateSerial(iso: string): number {
  const serial = dateSerial(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  if (serial === undefined) throw new Error(`The rates date "${iso}" is not a date.`);
  return serial;
}

/** The global that holds a charge's base: Insurance_Pct -> Insurance_Base. */
function chargeBaseGlobal(charge: ChargeSpec): string {
  return charge.global.replace(/_Pct$/, "_Base");
}

/**
 * The Fringes set a template writes on a labor account's lines: the budget's fringe table, which
 * everyone's line carries (the payroll preset), then its guild's library fringes and the guild's
 * rows to fill in ("Fringes,DGA-PENSION,DGA-HEALTH").
 */
export function templateFringeSet(account: TemplateAccount, table: string): string {
  return account.union
    ? [table, ...UNION_FRINGES[account.union], ...(UNION_FILL_INS[account.union] ?? [])].join(",")
    : table;
}

/** Build the write plan for inserting `template` with `globals` under the given names. */
export function buildTemplatePlan(
  template: BudgetTemplate,
  globals: TemplateGlobals,
  sheets: TemplateSheetNames,
  suffix = "",
): TemplateLayout {
  const n = (base: string) => `${base}${suffix}`;
  const names: NameSpec[] = [];
  const addName = (base: string, sheet: string, address: string, comment: string) => {
    names.push({ name: n(base), sheet, address, comment });
    return n(base);
  };

  // A commercial counts prep and wrap in days; a long-form budget in weeks.
  const days = template.schedule === "days";
  // ---- Globals ----------------------------------------------------------------------------
  const globalRows: GlobalRow[] = [
    {
      name: days ? "Prep_Days" : "Prep_Weeks",
      label: days ? "Prep (days)" : "Prep (weeks)",
      value: days ? globals.prepDays : globals.prepWeeks,
      format: Q,
      note: "Quantity of prep lines.",
    },
    {
      name: "Shoot_Days",
      label: "Shoot (days)",
      value: globals.shootDays,
      format: Q,
      note: "Quantity of shoot lines.",
    },
    {
      name: days ? "Wrap_Days" : "Wrap_Weeks",
      label: days ? "Wrap (days)" : "Wrap (weeks)",
      value: days ? globals.wrapDays : globals.wrapWeeks,
      format: Q,
      note: "Quantity of wrap lines.",
    },
    { name: "Days_Per_Week", label: "Shoot days per week", value: globals.daysPerWeek, format: Q, note: "" },
    {
      name: "Shoot_Weeks",
      label: "Shoot (weeks)",
      value: { formula: `=${n("Shoot_Days")}/${n("Days_Per_Week")}` },
      format: Q,
      note: "Shoot days / days per week: weekly rentals.",
    },
    { name: "Hours_Per_Day", label: "Shoot-day hours", value: globals.hoursPerDay, format: Q, note: "" },
    {
      name: "Pay_Rule",
      label: "Overtime rule",
      value: globals.payRule,
      format: null,
      note: "CA for non-union California crew (union crews are paid by their agreement: IATSE), SAG-DAY for cast, CA-7TH, IATSE-6TH, IATSE-7TH, STRAIGHT, or e.g. 10:1.5,14:2.",
    },
    {
      name: "Paid_Hours",
      label: "Paid hours per shoot day",
      value: { formula: `=PROD.PAIDHOURS(${n("Hours_Per_Day")},${n("Pay_Rule")})` },
      format: Q,
      note: "Straight-time equivalent hours of a shoot day under the rule (12 h in CA = 14).",
    },
    {
      name: "Fringe_Preset",
      label: "Work state payroll fringes",
      value: globals.fringePreset,
      format: null,
      note: "Copied into the Fringes table.",
    },
    {
      // One workbook, one set of rates (issue 18): the day every fringe named on the detail is
      // read on, as payroll charges it: a guild's rate changes on July 1 or August 1 (library.ts),
      // so a show paying its first crew after July 1, 2026 owes SAG-AFTRA's 22%, not the 21% in
      // force on 1 January. Typed by the user (the pane offers today's date).
      name: "Rates_Date",
      label: "Rates date (first payroll)",
      value: ratesDateSerial(globals.ratesDate),
      format: RATES_DATE_FORMAT,
      note: {
        formula: `=IF(ISNUMBER(${n("Rates_Date")}),"Your first shoot or payroll date: every fringe named on the detail (SAG-AFTRA, DGA-PENSION, MPI...) is read at its rate in force that day (guild rates change on July 1 or August 1), and the Fringes table holds its year's payroll figures.","Type the first shoot or payroll date here, like 2026-08-15: fringe rates are read on it.")`,
      },
    },
    {
      // The rates date's year: the Fringes table holds its payroll figures (copied from the
      // library for it) and the Fringes sheet's title says it. The Fringes panel's copy into this
      // table moves the rates date to the copied year, so the table, the globals, the title and
      // the typed names change together; a date typed in another year than the table's
      // calendar-year figures (the In force column the library writes) is flagged.
      name: "Fringe_Year",
      label: "Rates year",
      value: { formula: `=YEAR(${n("Rates_Date")})` },
      format: "0",
      // The check sits here, not on the Fringes sheet: Excel refuses a formula naming a table
      // on the table's own sheet until the table exists.
      note: { formula: fringeYearCheck(n("Fringe_Year"), n("Fringes")) },
    },
    {
      // The rows of the Fringes table whose rate is still blank (workers' comp and the payroll
      // fee until the producer types them; a typed 0 too, as PROD.FRINGE reads it): every line
      // leaves them out (fringeFormula), and the Fringes sheet and the Top Sheet say which, so
      // no total looks complete without them (issue 18: "a warning while blank").
      name: "Blank_Rates",
      label: "Fringe rates still blank",
      value: { formula: blankRatesFormula(n("Fringes")) },
      format: null,
      note: {
        formula: `=IF(${n("Blank_Rates")}="","Every row of the ${n("Fringes")} table has its rate: the totals include them all.","Left out of every total until you type their rates in the ${n("Fringes")} table.")`,
      },
    },
    { name: "Contingency_Pct", label: "Contingency", value: globals.contingencyPct, format: P, note: "" },
    { name: "Insurance_Pct", label: "Insurance", value: globals.insurancePct, format: P, note: "" },
    { name: "Bond_Pct", label: "Completion bond", value: globals.bondPct, format: P, note: "" },
    { name: "Markup_Pct", label: "Markup / fee", value: globals.markupPct, format: P, note: "" },
  ];
  if (template.amortization) {
    globalRows.push({
      name: "Episodes",
      label: "Episodes",
      value: globals.episodes,
      format: "0",
      note: "Episodes in the season.",
    });
  }
  for (const charge of template.charges) {
    const row = globalRows.find((g) => g.name === charge.global);
    if (row) row.note = charge.note;
  }
  // The base of each charge that has a choice, typed as one of its labels.
  for (const charge of template.charges.filter((c) => c.bases.length > 1)) {
    globalRows.push({
      name: chargeBaseGlobal(charge),
      label: `${charge.label}: base`,
      value: CHARGE_BASE_LABELS[charge.bases[0]],
      format: null,
      note: `Type one of: ${charge.bases.map((b) => CHARGE_BASE_LABELS[b]).join(", ")}.`,
    });
  }
  // The production incentive (issue 22): where the budget shoots, which every detail line's Where
  // tag follows, and the program the Top Sheet takes off with its settings and exchange rate.
  const location = globals.location ?? presetLocation(globals.fringePreset);
  globalRows.push(
    {
      name: "Shoot_Location",
      label: "Shooting location",
      value: location === "" ? null : { text: location },
      format: null,
      note: "A place code (CA, GA, NM, NY, UK, BC...): every line's Where on the detail follows it. Type OUT, or another place, in a line's Where when that cost is incurred elsewhere.",
    },
    {
      name: "Incentive_Program",
      label: "Incentive program",
      value: globals.incentiveProgram ? { text: globals.incentiveProgram } : null,
      format: null,
      note: `The production incentive the Top Sheet takes off: ${PROGRAM_NAMES.join(", ")} (README, Production incentives). Blank: none.`,
    },
    {
      name: "Incentive_Settings",
      label: "Incentive settings",
      value: globals.incentiveSettings ? { text: globals.incentiveSettings } : null,
      format: null,
      note: "The program's settings as NAME=VALUE pairs, such as GEP=NO, SALE=0.88. Blank: the program's defaults.",
    },
    {
      name: "Exchange_Rate",
      label: "Budget exchange rate",
      value: globals.exchangeRate ?? null,
      format: NUMBER_FORMATS.general,
      note: "The program's currency per unit of the budget's (0.79 pounds per dollar). Blank: the budget is in the program's currency. The Top Sheet shows it beside the incentive.",
    },
  );
  const GLOBALS_FIRST = 3;
  globalRows.forEach((g, i) =>
    addName(g.name, sheets.globals, a1(GLOBALS_FIRST + i, 1, true), `${g.label} (${template.name} globals)`),
  );
  const unitsHeaderRow = GLOBALS_FIRST + globalRows.length + 2;
  const unitsFirst = unitsHeaderRow + 1;
  const dayRow = unitsFirst + UNITS.findIndex((u) => u.unit === "Day");
  const unitRows: Cell[][] = UNITS.map((u, i) => [
    u.unit,
    u.hours,
    u.hours === null ? null : { formula: `=${a1(unitsFirst + i, 1)}/${a1(dayRow, 1, true)}` },
  ]);
  const unitsName = addName(
    "Units_Table",
    sheets.globals,
    a1Range(unitsFirst, 0, UNITS.length, 3, true),
    "Units and their hours/days equivalence (per-hour and per-day fringes use them).",
  );
  // Groups (issue 21, what-if by lines): one row per group with its In total switch and what its
  // lines cost. It starts with one empty row: typing under it adds rows (Excel grows the table).
  const groupsTable = n("Groups");
  const shootLocation = n("Shoot_Location");
  const groupsTitleRow = unitsFirst + UNITS.length + 1;
  const groupsHeaderRow = groupsTitleRow + 1;
  const groupsFirst = groupsHeaderRow + 1;
  const globalsSheet: SheetPlan = {
    name: sheets.globals,
    mode: "create",
    markKey: "globals",
    blocks: [
      { row: 0, column: 0, cells: [[`Globals: ${template.name}`]], bold: true },
      {
        row: 1,
        column: 0,
        cells: [
          [
            "Change a value here and the budget follows: the Value cells are named ranges used by the detail and top sheet.",
          ],
        ],
      },
      { row: 2, column: 0, cells: [["Global", "Value", "Name", "Notes"]], bold: true },
      {
        row: GLOBALS_FIRST,
        column: 0,
        cells: globalRows.map((g) => [g.label, g.value, n(g.name), g.note]),
        cellFormats: globalRows.map((g) => [null, g.format, null, null]),
      },
      {
        row: unitsHeaderRow - 1,
        column: 0,
        cells: [["Units: hours equivalence (MMB defaults: Hour 1, Day 12, Week 60, Month 240)"]],
        bold: true,
      },
      {
        row: unitsHeaderRow,
        column: 0,
        cells: [["Unit", "Hours", "Days"], ...unitRows],
        columnFormats: [null, Q, Q],
      },
      {
        row: groupsTitleRow,
        column: 0,
        cells: [
          [
            "Groups (what-if): tag detail lines in their Group column; type No under In total to leave a group's lines out of every total, fringes included. Cost with fringes is what the group's lines cost as the budget charges them now; what switching a group alone out saves can be less where a person's capped fringes move to their other lines: the What-if pane lists that.",
          ],
        ],
        bold: true,
      },
      {
        row: groupsHeaderRow,
        column: 0,
        cells: [
          [...GROUPS_COLUMNS],
          [
            null,
            IN_TOTAL.in,
            {
              formula: groupCostFormula(
                a1(groupsFirst, 0),
                n("Detail_Group"),
                n("Detail_Subtotal"),
                n("Detail_Fringes"),
              ),
            },
          ],
        ],
        cellFormats: [[null, null, null], [...GROUPS_FORMATS]],
      },
    ],
    tables: [
      { name: n("Units"), row: unitsHeaderRow, column: 0, rowCount: UNITS.length + 1, columnCount: 3 },
      { name: groupsTable, row: groupsHeaderRow, column: 0, rowCount: 2, columnCount: GROUPS_COLUMNS.length },
    ],
    columnWidths: [170, 90, 120, 320],
    printArea: a1Range(0, 0, groupsFirst + 1, 4),
  };

  // ---- Fringes ----------------------------------------------------------------------------
  // The guild rows to fill in that this template's lines carry (DGA health, the Teamsters' IAP).
  const guildRows = guildFillIns(template);
  const fringeDefs = budgetFringeRows(globals.fringePreset, ratesYear(globals), guildRows);
  const fringeTable = n("Fringes");
  const FRINGE_HEADER_ROW = 3;
  const fringeTableCells = newFringeTable(fringeTable, FRINGE_HEADER_ROW, fringeDefs);
  const fringeSheet: SheetPlan = {
    name: sheets.fringes,
    mode: "create",
    markKey: "fringes",
    blocks: [
      {
        row: 0,
        column: 0,
        cells: [
          [
            {
              formula: `="Fringes: "&${n("Fringe_Preset")}&" "&${n("Fringe_Year")}&", rates in force on "&${isoDateFormula(n("Rates_Date"))}`,
            },
          ],
        ],
        bold: true,
      },
      {
        row: 1,
        column: 0,
        cells: [
          [
            `Every labor line carries the table ${fringeTable} (Name | Type | Rate | Cutoff): the work state's payroll taxes, workers' comp and the payroll company's fee; guild fringes are added line by line in Fringes set. Type your workers' comp rate (from your carrier, by class) and your payroll company's fee in their Rate cells: until then every total leaves them out, and this sheet, the Top Sheet and ${sheets.globals} say so. Type %, HOUR, DAY, WEEK or FLAT; a blank Cutoff means no cap. Rows marked "not confirmed" need checking before you rely on them.${guildRows.length > 0 ? ` The guild rows ${guildRows.join(", ")} are charged only on the lines whose Fringes set names them.` : ""}${template.accounts.some((a) => a.union) ? "" : ` ${NO_GUILD_LINES_NOTE}`}`,
          ],
        ],
      },
      {
        row: 2,
        column: 0,
        cells: [
          [
            {
              formula: `=IF(${n("Blank_Rates")}="","","Not in the totals yet: "&${n("Blank_Rates")}&" (no rate typed). Every labor line and the Top Sheet leave them out until you type their rates in the table below.")`,
            },
          ],
        ],
        bold: true,
      },
      fringeTableCells.block,
    ],
    tables: [fringeTableCells.table],
    columnWidths: FRINGE_TABLE_WIDTHS,
    freeze: { rows: FRINGE_HEADER_ROW + 1 },
    printArea: a1Range(0, 0, FRINGE_HEADER_ROW + 1 + fringeDefs.length, FRINGE_TABLE_WIDTHS.length),
  };

  // ---- Budget detail ----------------------------------------------------------------------
  // The AICP form carries an Actual column beside the estimate, line by line and on its top sheet.
  const actuals = template.actualColumn === true;
  const detailHeader = [...DETAIL_HEADER, ...(actuals ? ["Actual"] : []), PERSON_KEY_HEADING];
  const layout = LAYOUTS[template.layout];
  const C = DETAIL_COLUMNS;
  // The person key, hidden, after every column the user reads (PROD's own: never typed in).
  const personKey = detailHeader.length - 1;
  const detailRows: Cell[][] = [];
  const detailBold: boolean[] = [];
  const detailLines: TemplateLayout["detailLines"] = [];
  const unitHours = (r: number, col: 2 | 3) =>
    `IF(${a1(r, C.amount)}="",0,${a1(r, C.amount)}*${a1(r, C.x)}*IFERROR(VLOOKUP(${a1(r, C.units)},${unitsName},${col},FALSE),0))`;
  const quantity = (period: Period | null, units: Unit): Cell => {
    if (period === "prep") return { formula: `=${n(days ? "Prep_Days" : "Prep_Weeks")}` };
    if (period === "wrap") return { formula: `=${n(days ? "Wrap_Days" : "Wrap_Weeks")}` };
    if (period === "shoot" || units === "Day") return { formula: `=${n("Shoot_Days")}` };
    if (units === "Week") return { formula: `=${n("Shoot_Weeks")}` };
    return 1;
  };
  /**
   * The library names of a line's Fringes set, read on the workbook's rates date, for the Names
   * on rates date column. The set is the Fringes table's name, library names, or both joined by
   * commas ("Fringes,SAG-AFTRA": the payroll table and the guild): the table's name is taken
   * out (any case, spaces ignored), and "SAG-AFTRA" in a budget dated 2026-08-15 is
   * SAG-AFTRA@2026-08-15, the rate in force that day (without a date a name means the library's
   * latest, spec/functions.md, which would mix next year's rates into this year's budget; a year
   * alone means its 1 January, before the guilds' July 1 change). A set where the user wrote a
   * year (SS-2026) or a date (SAG-AFTRA@2026-07-01) is taken as written.
   */
  const tableToken = `,${fringeTable.toUpperCase()},`;
  /** True when a line's Fringes set names the Fringes table (any case, spaces ignored). */
  const hasTable = (set: string) => `ISNUMBER(SEARCH("${tableToken}",","&SUBSTITUTE(${set}," ","")&","))`;
  const namesFormula = (r: number) => {
    const set = a1(r, C.fringeSet);
    // The set without the table, nor the guild rows the table holds (DGA-HEALTH: charged by the
    // table's call on the lines that name it).
    const rest = [tableToken, ...guildRows.map((g) => `,${g},`)].reduce(
      (x, token) => `SUBSTITUTE(${x},"${token}",",")`,
      `","&SUBSTITUTE(UPPER(${set})," ","")&","`,
    );
    const names = `MID(${rest},2,LEN(${rest})-2)`;
    const on = `"@"&${isoDateFormula(n("Rates_Date"))}`;
    const written = `OR(ISNUMBER(SEARCH("-20",${names})),ISNUMBER(SEARCH("@",${names})))`;
    const read = `IF(${written},${names},SUBSTITUTE(${names},",",${on}&",")&${on})`;
    // A name the table holds too (Fringes,SS; Fringes,PAYROLL-CA) would be charged twice, once by
    // each call: it is added again, undated, so PROD.FRINGE refuses the names with #VALUE!
    // "lists SS twice" (resolve.ts), and the line, its category and the totals say so.
    const twice = tableNamesIn(fringeTable, expandPresets(rest));
    return `=IF(LEN(${rest})<=2,"",IF(AND(${hasTable(set)},${twice}<>""),${read}&","&${twice},${read}))`;
  };
  /**
   * A line's fringes: PROD.FRINGE on the Fringes table when the set names it, plus PROD.FRINGE on
   * the set's library names read on the rates date. Each call gets the line's head count (X) as
   * `people`, so caps apply per person (issue 18: 4 grips reach the $7,000 cap 4 times), with
   * what each person was already paid. Two calls, never one IF over both, so the table and the
   * names never meet in one IF (an IF whose other branch is a range is a range in some
   * spreadsheets).
   */
  const fringeFormula = (r: number) => {
    const set = a1(r, C.fringeSet);
    const call = (fringes: string) =>
      `PROD.FRINGE(${a1(r, C.subtotal)},${fringes},${a1(r, C.priorWages)},${a1(r, C.hours)},${a1(r, C.days)},${a1(r, C.x)})`;
    const names = a1(r, C.names);
    return `=IF(OR(${set}="",${a1(r, C.subtotal)}=0),0,IF(${hasTable(set)},${call(filledRowsFormula(fringeTable, set, guildRows))},0)+IF(${names}="",0,${call(names)}))`;
  };
  const line = (
    account: string,
    description: string | null,
    amount: Cell,
    units: Unit | null,
    fringeSet: string | null,
    person: string | null,
    tags: LineTagDefaults | null,
  ) => {
    const r = DETAIL_FIRST_ROW + detailRows.length;
    const first = DETAIL_FIRST_ROW;
    // What each of the line's people was already paid, shared evenly between the line's X
    // people (PROD.FRINGE splits this line's wages evenly too). Lines out of the total (a group
    // switched out) paid nobody, so they count for no cap. A person's lines in no group are paid
    // first, in order, and their lines in a group after them all, in order: a cap is on what one
    // person earns in all (SSA, EDD: per employee; SAG-AFTRA: per performer per picture), so the
    // order changes no person's total, and this one makes a group's lines cost what switching
    // the group out saves (issue 21: a star's option week above the SAG-AFTRA ceiling, first on
    // the sheet, took the capped fringes, and its group said it cost 60,551.00 more than it saved).
    // Earlier grouped lines are the earlier lines less the earlier ungrouped ones, not a "<>"
    // criterion: in Excel both "" and "<>" match a Group cell whose formula gives "", which
    // would count that line twice.
    const key = a1(r, personKey);
    const sameKey = `"="&${key}`;
    const earlier = (group = "") =>
      `SUMIFS(${a1(first, C.subtotal, true)}:${a1(r - 1, C.subtotal)},${a1(first, personKey, true)}:${a1(r - 1, personKey)},${sameKey},${a1(first, C.inTotal, true)}:${a1(r - 1, C.inTotal)},"<>${IN_TOTAL.out}"${group})`;
    const earlierUngrouped = earlier(`,${a1(first, C.group, true)}:${a1(r - 1, C.group)},""`);
    const ungrouped = `SUMIFS(${n("Detail_Subtotal")},${n("Detail_PersonKey")},${sameKey},${n("Detail_InTotal")},"<>${IN_TOTAL.out}",${n("Detail_Group")},"")`;
    const paidBefore =
      r === first
        ? `IF(${a1(r, C.group)}="",0,${ungrouped})`
        : `IF(${a1(r, C.group)}="",${earlierUngrouped},${ungrouped}+${earlier()}-${earlierUngrouped})`;
    const prior = {
      formula: `=IF(OR(${key}="",N(${a1(r, C.x)})<=0),0,${paidBefore}/${a1(r, C.x)})`,
    };
    detailRows.push([
      account === "" ? null : template.layout === "AICP" ? account : Number(account),
      description,
      amount,
      units,
      1,
      null,
      { formula: `=${a1(r, C.amount)}*${a1(r, C.x)}*${a1(r, C.rate)}` },
      fringeSet,
      { formula: fringeFormula(r) },
      // A line out of the total keeps its Subtotal and Fringes (shown greyed: what it would
      // cost) and totals 0, so every sum of the Total column leaves it out.
      { formula: `=IF(${a1(r, C.inTotal)}="${IN_TOTAL.out}",0,${a1(r, C.subtotal)}+${a1(r, C.fringes)})` },
      person,
      { formula: `=${unitHours(r, 2)}` },
      { formula: `=${unitHours(r, 3)}` },
      prior,
      { formula: acctNoFormula(a1(r, C.acct)) },
      { formula: namesFormula(r) },
      null,
      { formula: inTotalFormula(a1(r, C.group), groupsTable) },
      // Incentive tags (issue 22). Where follows the Globals shooting location and Payee the
      // line's Person, live, so a new location re-tags every line not typed over; a blank source
      // stays blank (a formula over an empty cell would give 0, not a place or a name; an empty
      // global is tested with =0, which Excel and the preview both answer TRUE: the preview reads
      // a name of an empty cell as 0, so ="" would be FALSE there). People is
      // the line's X on a labor line (caps apply per person); the rest are the account's defaults.
      { formula: `=IF(${shootLocation}=0,"",${shootLocation})` },
      { formula: `=IF(${a1(r, C.person)}="","",${a1(r, C.person)})` },
      null,
      tags?.cls ?? null,
      tags?.payForm ?? null,
      tags?.phase ?? null,
      tags?.flags || null,
      fringeSet === null ? null : { formula: `=${a1(r, C.x)}` },
      ...(actuals ? [null] : []),
      { formula: personKeyFormula(a1(r, C.person)) },
    ]);
    detailBold.push(false);
    if (account !== "") detailLines.push({ row: r, account, labor: fringeSet !== null });
  };
  // Everyone's line carries the Fringes table (the payroll preset); a guild's lines add its fringes.
  const fringeSetOf = (account: TemplateAccount) => templateFringeSet(account, fringeTable);
  for (const category of layout.categories) {
    const accounts = template.accounts.filter((a) => categoryOf(template, a)?.code === category.code);
    if (accounts.length === 0) continue;
    // The heading carries no money: every figure in the Total column is a line, so TOPSHEET and
    // ACCTSUM over Detail_Total count each cost once (issue 18: a subtotal here doubled the
    // budget). The category's total is on the Top Sheet.
    const heading: Cell[] = Array.from({ length: detailHeader.length }, () => null);
    heading[C.description] = `${category.code} ${category.name}`;
    detailRows.push(heading);
    detailBold.push(true);
    for (const account of accounts) {
      if (account.kind === "labor" && account.paidBy) {
        line(
          account.code,
          account.name,
          1,
          account.paidBy,
          fringeSetOf(account),
          account.name,
          lineTagDefaults(template, account, null),
        );
      } else if (account.kind === "labor") {
        for (const period of account.periods ?? ["shoot"]) {
          const units: Unit = period === "shoot" || days ? "Day" : "Week";
          line(
            account.code,
            `${account.name}: ${PERIOD_LABEL[period]}`,
            quantity(period, units),
            units,
            fringeSetOf(account),
            account.name,
            lineTagDefaults(template, account, period),
          );
        }
      } else {
        const units = account.units ?? "Allow";
        line(
          account.code,
          account.name,
          quantity(null, units),
          units,
          null,
          null,
          lineTagDefaults(template, account, null),
        );
      }
    }
  }
  // Spare lines at the end, formulas in place, for the user's own accounts; rows inserted above
  // the last one stay inside the named ranges.
  for (let spare = 0; spare < SPARE_LINES; spare++) line("", null, null, null, null, null, null);
  const detailLast = DETAIL_FIRST_ROW + detailRows.length - 1;
  const detailRange = (column: number) => a1Range(DETAIL_FIRST_ROW, column, detailRows.length, 1, true);
  const acctName = addName("Detail_Acct", sheets.detail, detailRange(C.acct), "Account of each detail line.");
  const subtotalName = addName(
    "Detail_Subtotal",
    sheets.detail,
    detailRange(C.subtotal),
    "Wages/costs before fringes.",
  );
  const fringesName = addName(
    "Detail_Fringes",
    sheets.detail,
    detailRange(C.fringes),
    "Fringes of each line.",
  );
  const totalName = addName("Detail_Total", sheets.detail, detailRange(C.total), "Line totals with fringes.");
  const actualName = actuals
    ? addName("Detail_Actual", sheets.detail, detailRange(C.actual), "What each line actually cost.")
    : null;
  const acctNoName = addName(
    "Detail_AcctNo",
    sheets.detail,
    detailRange(C.acctNo),
    "Account number of an account typed as text (25-10 is 2510).",
  );
  addName("Detail_Group", sheets.detail, detailRange(C.group), "Groups of each line (what-if).");
  addName(
    "Detail_Person",
    sheets.detail,
    detailRange(C.person),
    "Who each labor line pays (caps are per person).",
  );
  addName(
    "Detail_PersonKey",
    sheets.detail,
    detailRange(personKey),
    "Each line's Person as the caps compare people: case and spaces ignored, never a pattern.",
  );
  const inTotalName = addName(
    "Detail_InTotal",
    sheets.detail,
    detailRange(C.inTotal),
    "No where a line's group is out of the total.",
  );
  addName(
    "Detail_Tags",
    sheets.detail,
    a1Range(DETAIL_FIRST_ROW, C.where, detailRows.length, TAG_COLUMNS.length, true),
    "Incentive tags of each line: Where | Payee | Residency | Class | Pay form | Phase | Flags | People.",
  );

  // Contiguous runs of rows with the same bold flag, so a few blocks carry the whole sheet.
  const detailBlocks: CellBlock[] = [];
  const detailFormats = [
    null,
    null,
    Q,
    null,
    Q,
    M,
    M,
    null,
    M,
    M,
    null,
    Q,
    Q,
    M,
    null,
    null,
    null,
    null,
    ...TAG_COLUMNS.map((_, i) => (i === C.people - C.where ? Q : null)),
    ...(actuals ? [M] : []),
    null,
  ];
  for (let i = 0; i < detailRows.length;) {
    let j = i;
    while (j < detailRows.length && detailBold[j] === detailBold[i]) j++;
    detailBlocks.push({
      row: DETAIL_FIRST_ROW + i,
      column: 0,
      cells: detailRows.slice(i, j),
      columnFormats: detailFormats,
      bold: detailBold[i],
    });
    i = j;
  }
  const detailSheet: SheetPlan = {
    name: sheets.detail,
    mode: "create",
    markKey: DETAIL_MARK_KEY,
    blocks: [
      { row: 0, column: 0, cells: [[`${DETAIL_TITLE}${template.name}`]], bold: true },
      {
        row: 1,
        column: 0,
        cells: [
          [
            `Fill Rate (and Amount where needed); X is how many people a labor line pays, and Subtotal = Amount x X x Rate. Fringes set: the ${fringeTable} table (the payroll everyone pays) and the line's guild fringes, such as ${fringeTable},SAG-AFTRA; names are read at the rates in force on the rates date (${sheets.globals}; Names on rates date shows them). Caps apply per person: X people each reach a cap, and lines with the same Person share it (case and spaces do not matter: "Star " and "star" are one person), their lines in no group first, so a group's lines cost what switching it out saves. Every amount in Total is one line: category totals are on the Top Sheet, so keep your own subtotals out of the Total column. Acct no. reads an account typed as text (25-10 is 2510). Group: tag a line (Stunts, or several: Stunts, Night shoot) and switch the group in or out of the total in the Groups table on ${sheets.globals}; a line out of the total is greyed and counts in no total, fringes included. Where to People are the line's incentive tags: Where follows the shooting location on ${sheets.globals}, Payee the Person and People the X; Class, Pay form, Phase and Flags come from the account. Type over any of them, and type Residency (IN or OUT) where a program counts residents apart.${template.detailNote ? ` ${template.detailNote}` : ""}`,
          ],
        ],
      },
      { row: 2, column: 0, cells: [detailHeader], bold: true },
      ...detailBlocks,
    ],
    freeze: { rows: DETAIL_FIRST_ROW, columns: 2 },
    printArea: a1Range(0, 0, detailLast + 1, C.person + 1),
    columnWidths: [
      45,
      230,
      60,
      50,
      35,
      75,
      90,
      150,
      80,
      95,
      120,
      55,
      50,
      90,
      60,
      190,
      140,
      60,
      // Where | Payee | Residency | Class | Pay form | Phase | Flags | People
      60,
      120,
      70,
      90,
      65,
      95,
      70,
      55,
      ...(actuals ? [95] : []),
      90,
    ],
    hiddenColumns: [personKey],
    // A line out of the total is greyed across the row (the In total column says No).
    conditionalFormats: [
      {
        address: a1Range(DETAIL_FIRST_ROW, 0, detailRows.length, detailHeader.length),
        formula: `=$${columnLetter(C.inTotal)}${DETAIL_FIRST_ROW + 1}="${IN_TOTAL.out}"`,
        fill: OUT_OF_TOTAL_FILL,
        fontColor: OUT_OF_TOTAL_FONT,
      },
    ],
  };

  // ---- Top sheet --------------------------------------------------------------------------
  const TOP_HEADER = 3;
  const topRows: Cell[][] = [];
  const topBold: boolean[] = [];
  const topFormats: (string | null)[][] = [];
  const topSheetCategories: TemplateLayout["topSheetCategories"] = [];
  // Acct | Category | Total | Rate | Base | Base is: a charge shows what it is a percent of.
  // The AICP form: Acct | Section | Estimate | Actual | Rate | Base | Base is.
  const TOP_HEADER_CELLS = actuals
    ? ["Acct", "Section", "Estimate", "Actual", "Rate", "Base", "Base is"]
    : ["Acct", "Category", "Total", "Rate", "Base", "Base is"];
  const baseColumn = TOP_HEADER_CELLS.indexOf("Base");
  const pad = <T>(row: T[], fill: T) => [
    ...row,
    ...Array<T>(TOP_HEADER_CELLS.length - row.length).fill(fill),
  ];
  /**
   * The Actual of a top-sheet formula: the same sum over what the lines actually cost, every
   * Estimate cell it adds (column C) read from the Actual column (D) instead.
   */
  const toActual = (formula: string) =>
    formula.replace(new RegExp(`\\b${totalName}\\b`, "g"), actualName!).replace(/(?<![\w$])C(\d+)\b/g, "D$1");
  /**
   * Adds a row given as Acct | Category | Total | Rate | Base | Base is; on the AICP form the
   * Actual goes in after the estimate: `actual`, or the estimate's formula over the actuals.
   */
  const push = (cells: Cell[], bold = false, formats: (string | null)[] = [null, null, M], actual?: Cell) => {
    let row = cells;
    let rowFormats = formats;
    if (actuals) {
      const estimate = cells[2];
      const fromEstimate =
        typeof estimate === "object" && estimate !== null && "formula" in estimate
          ? { formula: toActual(estimate.formula) }
          : null;
      row = [...cells.slice(0, 3), actual ?? fromEstimate, ...cells.slice(3)];
      rowFormats = [...formats.slice(0, 3), M, ...formats.slice(3)];
    }
    topRows.push(pad(row, null));
    topBold.push(bold);
    topFormats.push(pad(rowFormats, null));
    return TOP_HEADER + topRows.length; // 0-based row of the line just pushed
  };
  const rowOf = () => TOP_HEADER + 1 + topRows.length; // the row the next push lands on
  // The chart's levels in its own order, as the cost report lists them; only those it uses.
  // The chart's own group names: the AICP form's sections, not above/below the line.
  const levelNames = new Map(chartLevelOrder(template.layout, "form").map((l) => [l.level, l.name]));
  const levels = [...levelNames.keys()].filter((level) => layout.categories.some((c) => c.level === level));
  const levelRange = (level: Level): [number, number] => {
    const codes = layout.categories.filter((c) => c.level === level).map((c) => Number(c.code));
    return [Math.min(...codes), Math.max(...codes) + 100];
  };
  // An account number from `lo` up to (not including) `hi`: typed as a number in the Acct
  // column, or as text (25-10) read by the Acct no. helper. A decimal sub-account 2599.5 is in
  // 2500 (accounts.ts reads it as 2599), hence "<" the next hundred, not "<=" 2599.
  // Subtotal and Fringes still show a line that is out of the total (its Total is 0), so their
  // sums leave such lines out by the In total column (issue 21, groups).
  const numbered = (column: string, lo: number | null, hi: number | null) =>
    [acctName, acctNoName]
      .map((key) => {
        const criteria = [
          ...(lo === null ? [] : [`${key},">=${lo}"`]),
          ...(hi === null ? [] : [`${key},"<${hi}"`]),
          ...(column === totalName ? [] : [`${inTotalName},"<>${IN_TOTAL.out}"`]),
        ];
        return `SUMIFS(${column},${criteria.join(",")})`;
      })
      .join("+");
  const categoryFormula = (category: Category): { formula: string; fringe: boolean } => {
    if (layout.coding === "letters") {
      return { formula: `=SUMIFS(${totalName},${acctName},"${category.code}*")`, fringe: false };
    }
    const lo = Number(category.code);
    if (template.fringePosting === "level" && isFringeCategory(category)) {
      const [from, to] = levelRange(category.level);
      return {
        formula: `=${numbered(subtotalName, lo, lo + 100)}+${numbered(fringesName, from, to)}`,
        fringe: true,
      };
    }
    const column = template.fringePosting === "line" ? totalName : subtotalName;
    return { formula: `=${numbered(column, lo, lo + 100)}`, fringe: false };
  };
  /**
   * Lines in no category of the chart: an account outside it (4550, Z1), text that is not an
   * account code (Misc), or no account at all. Every line lands in exactly one row of the top
   * sheet, and each SUMIFS reads only its own lines, so an error on one line (a fringe set that
   * does not exist) shows in its own category and the totals above it, never in another level's
   * (issue 18).
   */
  const othersFormula = (): string => {
    const blank = `SUMIFS(${totalName},${acctName},"")`;
    if (layout.coding === "letters") {
      const notSection = layout.categories.map((c) => `${acctName},"<>${c.code}*"`).join(",");
      const numbers = `SUMIFS(${totalName},${acctName},"<0")+SUMIFS(${totalName},${acctName},">=0")`;
      return `=${blank}+${numbers}+SUMIFS(${totalName},${acctName},"*",${notSection})`;
    }
    const hundreds = layout.categories.map((c) => Number(c.code)).sort((a, b) => a - b);
    const gaps: [number | null, number | null][] = [];
    let from: number | null = null;
    for (const lo of hundreds) {
      if (from === null || from < lo) gaps.push([from, lo]);
      from = lo + 100;
    }
    gaps.push([from, null]);
    const outside = gaps.map(([lo, hi]) => numbered(totalName, lo, hi)).join("+");
    const notACode = `SUMIFS(${totalName},${acctName},"*",${acctNoName},"")`;
    return `=${blank}+${notACode}+${outside}`;
  };
  const levelTotals = new Map<Level, string>();
  const categoryCells = new Map<string, string>();
  const allCategoryCells: string[] = [];
  for (const level of levels) {
    const levelName = levelNames.get(level)!;
    const start = rowOf();
    for (const category of layout.categories.filter((c) => c.level === level)) {
      const { formula, fringe } = categoryFormula(category);
      const r = rowOf();
      push([layout.coding === "letters" ? category.code : Number(category.code), category.name, { formula }]);
      topSheetCategories.push({ row: r, code: category.code, formula, fringe });
      categoryCells.set(category.code, a1(r, 2));
      allCategoryCells.push(a1(r, 2));
    }
    if (level === levels[levels.length - 1]) {
      // Lines whose account is in no category of the chart still count: nothing is dropped.
      push([null, "Accounts not in the chart, or no account", { formula: othersFormula() }, null]);
    }
    const end = rowOf() - 1;
    const r = push(
      [null, `Total ${levelName}`, { formula: `=SUM(${a1Range(start, 2, end - start + 1, 1)})` }, null],
      true,
    );
    levelTotals.set(level, a1(r, 2));
    push([]);
  }
  // A studio chart totals below the line, then above + below; the AICP form (no line) totals
  // its sections.
  const atLine = splitsAtTheLine(template.layout);
  const btlLevels = levels.filter((l) => l !== "ATL").map((l) => levelTotals.get(l)!);
  const btlRow = atLine ? rowOf() : null;
  if (atLine) push([null, "Total Below-the-line", { formula: `=${btlLevels.join("+")}` }], true);
  const directRow = rowOf();
  const directParts = atLine
    ? [levelTotals.get("ATL"), a1(btlRow!, 2)].filter(Boolean)
    : levels.map((l) => levelTotals.get(l)!);
  push(
    [
      null,
      atLine ? "Total Above + Below-the-line" : "Total direct cost",
      { formula: `=${directParts.join("+")}` },
    ],
    true,
  );
  const direct = a1(directRow, 2);
  addName("Budget_Direct", sheets.topSheet, a1(directRow, 2, true), "The direct cost, before charges.");
  push([]);
  const chargeCells: string[] = [];
  let contingencyCell: string | null = null;
  const postTotal = levelTotals.get("POST");
  const storyCell = categoryCells.get("1100");
  const insuranceCell = categoryCells.get("6700");
  const baseOf = (base: ChargeBase): string => {
    switch (base) {
      case "budget":
      case "allSections":
        return direct;
      case "belowTheLine":
        return btlRow === null ? direct : a1(btlRow, 2);
      case "insurable":
        return [direct, storyCell, postTotal, insuranceCell].filter(Boolean).join("-");
      case "budgetAndContingency":
        return contingencyCell ? `${direct}+${contingencyCell}` : direct;
      case "markupSections":
        return `SUM(${AICP_MARKUP_SECTIONS.map((s) => categoryCells.get(s))
          .filter(Boolean)
          .join(",")})`;
    }
  };
  for (const charge of template.charges) {
    const r = rowOf();
    const rate = n(charge.global);
    const baseCell = a1(r, baseColumn);
    // The base the user picked on the Globals sheet, by its label; a label that is none of the
    // choices is #N/A, never a guess (the Globals note lists the choices).
    const [first, ...others] = charge.bases;
    const choice = others.length === 0 ? null : n(chargeBaseGlobal(charge));
    const base =
      choice === null
        ? baseOf(first)
        : charge.bases.reduceRight(
            (otherwise, b) => `IF(${choice}="${CHARGE_BASE_LABELS[b]}",${baseOf(b)},${otherwise})`,
            "NA()",
          );
    push(
      [
        null,
        charge.label,
        { formula: `=ROUND(${rate}*${baseCell},2)` },
        { formula: `=${rate}` },
        { formula: `=${base}` },
        choice === null ? CHARGE_BASE_LABELS[first] : { formula: `=${choice}` },
      ],
      false,
      [null, null, M, P, M, null],
      // The charge on the actual cost: the same rate on the same base, summed from the actuals.
      { formula: `=ROUND(${rate}*(${toActual(base)}),2)` },
    );
    chargeCells.push(a1(r, 2));
    if (charge.global === "Contingency_Pct") contingencyCell = a1(r, 2);
  }
  const grandRow = rowOf();
  push(
    [
      null,
      template.amortization ? "Grand total (pattern episode)" : "Grand total",
      { formula: `=${[direct, ...chargeCells].join("+")}` },
      null,
    ],
    true,
  );
  addName("Grand_Total", sheets.topSheet, a1(grandRow, 2, true), "Grand total of the budget.");
  // The production incentive under the grand total, live (issue 22): PROD.INCENTIVENET of the
  // Globals program over the detail's Total column (0 on a line out of the total) and its tag
  // columns, as a negative line, then the net cost. No program: the line says so and shows no
  // figure (never a 0 that reads as "no credit"); an unknown program shows the function's #N/A,
  // and a minimum not met its 0 with the reason PROD.INCENTIVEDETAIL gives.
  const program = n("Incentive_Program");
  const settings = n("Incentive_Settings");
  const fx = n("Exchange_Rate");
  // An empty global is tested with =0 (TRUE in Excel for an empty cell, and in the preview, which
  // reads a name of an empty cell as 0); a typed 0 means none too, as for the functions' optional
  // arguments (README, PROD functions).
  const none = (name: string) => `${name}=0`;
  const incentiveCall = (fn: string) => {
    const args = `${program},${totalName},${n("Detail_Tags")},${settings}`;
    // A blank rate is left out (the budget is in the program's currency): desktop Excel would
    // pass the empty cell as 0, which is no rate.
    return `IF(${none(fx)},PROD.${fn}(${args}),PROD.${fn}(${args},${fx}))`;
  };
  const incentiveRow = rowOf();
  const incentiveCell = a1(incentiveRow, 2);
  const settingsWords = `IF(${none(settings)},""," ("&${settings}&")")`;
  const fxWords = `IF(${none(fx)},", the budget in the program's currency",", exchange rate "&${fx}&" of its currency per budget unit")`;
  const notEligible = `"Not eligible: "&VLOOKUP("Not eligible",${incentiveCall("INCENTIVEDETAIL")},2,FALSE)`;
  push(
    [
      null,
      "Less: incentive (net)",
      { formula: `=IF(${none(program)},"",-${incentiveCall("INCENTIVENET")})` },
      { formula: `=IF(OR(${none(program)},${none(fx)}),"",${fx})` },
      null,
      {
        formula: `=IF(${none(program)},"No incentive program chosen: type one in Incentive program on ${sheets.globals}.",IFERROR(${notEligible},${program}&${settingsWords}&${fxWords}))`,
      },
    ],
    false,
    [null, null, M, NUMBER_FORMATS.general, null, null],
  );
  addName(
    "Incentive_Net",
    sheets.topSheet,
    a1(incentiveRow, 2, true),
    "The production incentive's net cash, taken off the grand total.",
  );
  const netCostRow = push(
    [
      null,
      "Net cost after incentive",
      { formula: `=IF(${incentiveCell}="","",${a1(grandRow, 2)}+${incentiveCell})` },
    ],
    true,
  );
  addName(
    "Net_Cost",
    sheets.topSheet,
    a1(netCostRow, 2, true),
    "The grand total less the incentive's net cash.",
  );
  // Never a total that looks complete while a rate is blank: the rows left out, by name.
  push(
    [
      null,
      {
        formula: `=IF(${n("Blank_Rates")}="","","Not complete: the totals leave out "&${n("Blank_Rates")}&", whose rates are blank in the ${fringeTable} table (sheet ${sheets.fringes}). Type them there.")`,
      },
    ],
    true,
  );
  const insuranceCharge = template.charges.some((c) => c.global === "Insurance_Pct");
  if (insuranceCell && insuranceCharge) {
    // One policy, one place (issue 18): a 6700 insurance account and an insurance percent both
    // budgeted are said out loud, so the same cover is not paid twice.
    push([
      null,
      {
        formula: `=IF(AND(${insuranceCell}<>0,${n("Insurance_Pct")}>0),"Check: insurance is budgeted both in the 6700 accounts and as a percent. Keep each policy in one place.","")`,
      },
    ]);
  }
  const topBlocks: CellBlock[] = topRows.map((cells, i) => ({
    row: TOP_HEADER + 1 + i,
    column: 0,
    cells: [cells],
    cellFormats: [topFormats[i]],
    bold: topBold[i],
  }));
  const mergedTop = mergeRowBlocks(topBlocks);
  const unconfirmed = unconfirmedNote(template.layout);
  const topSheet: SheetPlan = {
    name: sheets.topSheet,
    mode: "create",
    markKey: "topsheet",
    blocks: [
      {
        row: 0,
        column: 0,
        cells: [[`Top Sheet: ${template.name}${template.amortization ? " (pattern episode)" : ""}`]],
        bold: true,
      },
      {
        row: 1,
        column: 0,
        cells: [
          [
            `Live totals from ${sheets.detail}. Chart: ${template.source}. Each charge shows the base it is a percent of; pick the base on ${sheets.globals}.`,
          ],
          ...(unconfirmed === null ? [] : [[unconfirmed]]),
        ],
      },
      { row: TOP_HEADER, column: 0, cells: [TOP_HEADER_CELLS], bold: true },
      ...mergedTop,
    ],
    freeze: { rows: TOP_HEADER + 1 },
    printArea: a1Range(0, 0, TOP_HEADER + 1 + topRows.length, TOP_HEADER_CELLS.length),
    columnWidths: [50, 260, 110, 60, 110, 130],
  };

  // ---- Amortization (TV) ------------------------------------------------------------------
  const sheetPlans: SheetPlan[] = [topSheet, detailSheet, fringeSheet, globalsSheet];
  if (template.amortization && sheets.amortization) {
    const items = template.amortization;
    const AM_HEADER = 3;
    const firstItem = AM_HEADER + 1;
    const totalRow = firstItem + items.length;
    const amortTotal = addName(
      "Amort_Total",
      sheets.amortization,
      a1(totalRow, 3, true),
      "Season costs spread across episodes.",
    );
    const epHeader = totalRow + 2;
    const epFirst = epHeader + 1;
    const episodes = Math.max(1, Math.floor(globals.episodes));
    const weights = a1Range(epFirst, 1, episodes, 1, true);
    const grand = n("Grand_Total");
    const episodeRows: Cell[][] = Array.from({ length: episodes }, (_, i) => [
      i + 1,
      1,
      // PROD.ALLOCATE spills the whole column from the first episode; the cells below stay empty.
      i === 0 ? { formula: `=PROD.ALLOCATE(${amortTotal},${weights})` } : null,
      { formula: `=${grand}` },
      { formula: `=${a1(epFirst + i, 2)}+${a1(epFirst + i, 3)}` },
    ]);
    const seasonRow = epFirst + episodes;
    addName(
      "Season_Total",
      sheets.amortization,
      a1(seasonRow, 4, true),
      "Pattern x episodes plus amortization.",
    );
    sheetPlans.push({
      name: sheets.amortization,
      mode: "create",
      markKey: "amortization",
      blocks: [
        { row: 0, column: 0, cells: [[`Amortization: ${template.name}`]], bold: true },
        {
          row: 1,
          column: 0,
          cells: [
            [
              "Season costs not attributable to one episode (reference: pattern vs amort budgets). Enter amounts; PROD.ALLOCATE spreads the total over the episodes by weight, to the cent.",
            ],
          ],
        },
        { row: AM_HEADER, column: 0, cells: [["Acct", "Description", "Type", "Amount"]], bold: true },
        {
          row: firstItem,
          column: 0,
          cells: items.map((it) => [Number(it.code), it.name, it.type, null]),
          columnFormats: [null, null, null, M],
        },
        {
          row: totalRow,
          column: 0,
          cells: [
            [
              null,
              "Total amortization",
              null,
              { formula: `=SUM(${a1Range(firstItem, 3, items.length, 1)})` },
            ],
          ],
          columnFormats: [null, null, null, M],
          bold: true,
        },
        {
          row: epHeader,
          column: 0,
          cells: [["Episode", "Weight", "Amort share", "Pattern", "Episode total"]],
          bold: true,
        },
        { row: epFirst, column: 0, cells: episodeRows, columnFormats: ["0", Q, M, M, M] },
        {
          row: seasonRow,
          column: 0,
          cells: [
            [
              "Season",
              { formula: `=SUM(${weights})` },
              { formula: `=SUM(${a1Range(epFirst, 2, episodes, 1)})` },
              { formula: `=SUM(${a1Range(epFirst, 3, episodes, 1)})` },
              { formula: `=SUM(${a1Range(epFirst, 4, episodes, 1)})` },
            ],
          ],
          columnFormats: [null, Q, M, M, M],
          bold: true,
        },
      ],
      freeze: { rows: AM_HEADER + 1 },
      printArea: a1Range(0, 0, seasonRow + 1, 5),
      columnWidths: [60, 260, 100, 110, 110],
    });
  }

  const plan: WritePlan = {
    owner: TEMPLATES_OWNER,
    // Each copy's sheets carry their own marks (names are unique in a workbook); the keys stay
    // "detail", "fringes", ... so every copy's detail sheet is found by the same key.
    copy: suffix,
    sheets: sheetPlans,
    names,
    activate: sheets.topSheet,
  };
  return { plan, sheets, detailLines, topSheetCategories, names: names.map((x) => x.name) };
}
