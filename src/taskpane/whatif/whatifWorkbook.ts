/*
 * The What-if panel's work on the workbook (issue 21), through the port only: the budgets the
 * Templates panel made, their groups and switches, their globals, the scenario store and the
 * scenario comparison. The rules are the engine's (engine/whatif); this is reading and writing.
 */
import { type GroupSummary, groupKey, summarizeGroups } from "../../engine/whatif/groups";
import {
  type ComparisonLine,
  type Figure,
  type Scenario,
  type ScenarioGlobal,
  type StoredCell,
  STORE_COLUMNS,
  compareFigures,
  matchingScenario,
  missingGlobals,
  readStore,
  storeRows,
  storedCell,
  topSheetFigures,
  unsetGlobals,
} from "../../engine/whatif/scenarios";
import {
  type Cell,
  type CellValue,
  type RangeData,
  type RangeRef,
  type RunOptions,
  type SheetPlan,
  type WorkbookPort,
  type WritePlan,
  NUMBER_FORMATS,
  PortError,
  a1,
  a1Range,
  isDeadReference,
  parseA1,
  quoteList,
  splitAddress,
  throwIfAborted,
} from "../../excel/port";
import { ProdError } from "../../engine/errors";
import { type Decimal, ZERO } from "../../engine/money";
import { GUILD_FILL_INS } from "../../engine/templates";
import { fringeColumn } from "../../functions/fringes";
import {
  earlierWork,
  ownedSheetState,
  replaceQuestion,
  sheetTarget,
  unmarkedSheetWords,
  type SheetQuestion,
  type SheetSignature,
  type SheetTarget,
} from "../shell/ownedSheet";
import {
  carryBlocks,
  CHECK_NOTE,
  checkColumnOf,
  findCheckColumn,
  KEPT_HEADING,
  YOUR_NOTES,
  carriedWords,
  firstFew,
  placeTypedCells,
  readKeptRows,
  typedByUser,
  rowChecksBlock,
  valueAt,
  type Carry,
  type OwnRow,
  type SheetCells,
  type TypedCell,
  type WrittenRow,
} from "../shell/userWork";
import { rowNow, tableRows } from "../shell/tableRows";
import { rewriteKeepingSaved, takeBackSaved } from "../shell/savedStore";
import { count } from "../shell/words";
import { TEMPLATES_OWNER, filledRows, setNamesTable } from "../templates/buildPlan";
import { GROUPS_FORMATS, IN_TOTAL, groupCostFormula } from "../templates/groupFormulas";

/** The owner key of the sheets the What-if panel writes (the scenario store and comparison). */
export const WHATIF_OWNER = "whatif";
const STORE_KEY = "scenarios";
const COMPARISON_KEY = "comparison";

/** A budget the Templates panel made: its sheets and the suffix of its names ("" or "_2"). */
export interface Budget {
  copy: string;
  topSheet: string;
  detail: string;
  globals: string;
  /** Its Groups table (`Groups`, `Groups_2`). */
  groupsTable: string;
  /** The sheets the What-if panel keeps for it (`Scenarios`, `Scenarios 2`). */
  storeSheet: string;
  comparisonSheet: string;
}

/** The budgets of the workbook, first copy first: those whose top sheet, detail and globals are marked. */
export async function findBudgets(port: WorkbookPort): Promise<Budget[]> {
  const owned = await port.findOwned(TEMPLATES_OWNER);
  const copies = [...new Set(owned.map((o) => o.copy))].sort();
  return copies.flatMap((copy) => {
    const sheet = (key: string) => owned.find((o) => o.copy === copy && o.key === key)?.sheet;
    const [topSheet, detail, globals] = [sheet("topsheet"), sheet("detail"), sheet("globals")];
    if (!topSheet || !detail || !globals) return [];
    const tail = copy === "" ? "" : ` ${copy.replace(/^_/, "")}`;
    return [
      {
        copy,
        topSheet,
        detail,
        globals,
        groupsTable: `Groups${copy}`,
        storeSheet: `Scenarios${tail}`,
        comparisonSheet: `Scenario comparison${tail}`,
      },
    ];
  });
}

// ---- Groups ------------------------------------------------------------------------------

/** The detail columns a line's fringes are worked out from, by their headings (DETAIL_HEADER). */
const FRINGE_INPUTS = {
  x: "X",
  hours: "Hours",
  days: "Days",
  fringeSet: "Fringes set",
  names: "Names on rates date",
} as const;

/** The cell an engine error shows in Excel (functions/runtime.ts maps the kinds so). */
const SHOWN_ERROR: Record<ProdError["kind"], string> = {
  invalid: "#VALUE!",
  notFound: "#N/A",
  divZero: "#DIV/0!",
};

/** A budget's groups as the pane lists them, and why their figures are not savings when they are not. */
export interface GroupsRead {
  /** Each group, its figure, its lines and its switch. */
  groups: GroupSummary[];
  /**
   * Null when each figure is what switching the group alone saves; else, in the user's words, why
   * each is only what the group's lines cost (fringes included, per-person caps not shared with
   * the lines of other groups) and how to get the savings back.
   */
  linesCostOnly: string | null;
}

/**
 * Why a budget's groups can only be listed at their lines' cost: it was built before the Person
 * key column (an earlier PROD: its caps also count "Star " and "Star" as two people), or a
 * heading the fringes are worked out from was renamed or deleted. Null when neither.
 */
function whyLinesCostOnly(budget: Budget, hasKey: boolean, missing: readonly string[]): string | null {
  const figures = "each group below is listed at what its lines cost, not at what switching it alone saves";
  if (!hasKey)
    return `The budget on "${budget.detail}" was built by an earlier PROD (it has no Person key column), so ${figures}, and its per-person caps count a name typed with another space ("Star " and "Star") as two people, charging capped fringes twice. Insert the template again and copy your lines into it to bring its formulas up to date.`;
  if (missing.length > 0)
    return `${missing.length === 1 ? "The heading" : "The headings"} ${missing.map((h) => `"${h}"`).join(", ")} ${missing.length === 1 ? "is" : "are"} no longer on "${budget.detail}" (renamed or deleted), so ${figures}. Type ${missing.length === 1 ? "it" : "them"} back as written in the detail's header row, then read the groups again.`;
  return null;
}

/**
 * The budget's groups with what each costs, what switching it alone saves ({@link summarizeGroups}),
 * and its switch. Read in one go: the Groups and Fringes tables, the workbook's names, and the
 * detail's lines from the header row to the last column PROD named (values only). A budget made
 * before the Person key column, or whose detail lost a heading the fringes are worked out from,
 * has no caps to work out: its groups cost what their lines do, and {@link GroupsRead} says so.
 */
export async function readGroups(port: WorkbookPort, budget: Budget): Promise<GroupsRead> {
  const fringeTableName = `Fringes${budget.copy}`;
  const [table, fringeTable, names] = await Promise.all([
    port.readTable(budget.groupsTable),
    port.readTable(fringeTableName),
    port.listNames(),
  ]);
  const named = (name: string) => {
    const formula = names.find(
      (n) => n.name.toLowerCase() === `${name}${budget.copy}`.toLowerCase(),
    )?.formula;
    return formula === undefined || isDeadReference(formula) ? null : splitAddress(formula);
  };
  const [group, subtotal, fringes, key] = [
    "Detail_Group",
    "Detail_Subtotal",
    "Detail_Fringes",
    "Detail_PersonKey",
  ].map(named);
  if (!table || !group || !subtotal || !fringes) {
    throw new PortError(
      "notFound",
      `The budget on "${budget.detail}" has no Group column or Groups table: it was made before groups existed. Insert the template again to use groups.`,
      [budget.groupsTable],
    );
  }
  const columns = [group, subtotal, fringes, key].map((ref) => (ref ? parseA1(ref.address).column : -1));
  const lines = parseA1(group.address);
  const block = await port.readRange({
    sheet: group.sheet,
    address: a1Range(lines.row - 1, 0, lines.rowCount + 1, Math.max(...columns) + 1),
  });
  const [header, ...rows] = block.values;
  const at = Object.fromEntries(
    Object.entries(FRINGE_INPUTS).map(([k, heading]) => [k, header.indexOf(heading)]),
  ) as Record<keyof typeof FRINGE_INPUTS, number>;
  const [groupCol, subtotalCol, fringesCol, keyCol] = columns;
  const missing = Object.entries(at)
    .filter(([, c]) => c < 0)
    .map(([k]) => FRINGE_INPUTS[k as keyof typeof FRINGE_INPUTS]);
  const linesCostOnly = whyLinesCostOnly(budget, key !== null, missing);
  const caps = linesCostOnly === null;
  const fringeRows = fringeTable ? [fringeTable.headers, ...fringeTable.rows] : null;
  const groups = summarizeGroups(
    table.rows.map((r) => ({ name: String(r[0] ?? ""), inTotal: r[1] })),
    rows.map((row) => ({
      group: String(row[groupCol] ?? ""),
      subtotal: row[subtotalCol] ?? "",
      fringes: row[fringesCol] ?? "",
      caps:
        caps && row[keyCol] !== ""
          ? {
              person: String(row[keyCol]),
              people: row[at.x],
              fringesAt: (prior: Decimal) =>
                lineFringes(row, at, subtotalCol, fringeRows, fringeTableName, prior),
            }
          : undefined,
    })),
  );
  return { groups, linesCostOnly };
}

/**
 * A detail line's Fringes at other prior wages, as its formula computes it (buildPlan.ts
 * fringeFormula): nothing without a Fringes set or wages; PROD.FRINGE over the Fringes table when
 * the set names it (filledRows: the guild rows of every template, GUILD_FILL_INS, are charged only
 * where the set names them), plus PROD.FRINGE over the names read on the rates date. The error the
 * cell would show, when it would show one.
 */
function lineFringes(
  row: readonly CellValue[],
  at: Record<keyof typeof FRINGE_INPUTS, number>,
  subtotalAt: number,
  fringeTable: CellValue[][] | null,
  fringeTableName: string,
  prior: Decimal,
): Decimal | string {
  const [wages, set, names] = [row[subtotalAt], String(row[at.fringeSet] ?? ""), row[at.names]];
  if (set === "" || wages === 0 || wages === "") return ZERO;
  const call = (list: unknown) =>
    fringeColumn([[wages]], list, prior.toNumber(), [[row[at.hours]]], [[row[at.days]]], [[row[at.x]]])[0];
  try {
    let total = ZERO;
    if (setNamesTable(set, fringeTableName)) {
      if (!fringeTable) return "#REF!";
      total = total.plus(call(filledRows(fringeTable, set, GUILD_FILL_INS)));
    }
    return names === "" || names === null ? total : total.plus(call(names));
  } catch (error) {
    if (error instanceof ProdError) return SHOWN_ERROR[error.kind];
    throw error;
  }
}

/**
 * Switch a group in or out of the total: its In total cell in the Groups table, or a new row of
 * the table for a group only the lines name. Every other row is written back as it was read (a
 * name as text, its switch as typed); the cost column is PROD's formula.
 */
export async function setGroupInTotal(
  port: WorkbookPort,
  budget: Budget,
  group: GroupSummary,
  inTotal: boolean,
): Promise<void> {
  const table = await port.readTable(budget.groupsTable);
  if (!table)
    throw new PortError("notFound", `There is no table "${budget.groupsTable}".`, [budget.groupsTable]);
  const at = parseA1(table.address);
  const rows: CellValue[][] = table.rows;
  const names = rows.map((r) => String(r[0] ?? ""));
  let found = false;
  const switched = rows.map((r, i) => {
    const mine = groupMatches(names[i], group);
    found ||= mine;
    return mine ? [r[0], inTotal ? IN_TOTAL.in : IN_TOTAL.out] : [r[0], r[1]];
  });
  // The table starts with one empty row: a new group takes it before the table grows.
  const emptyRow = switched.findIndex((r) => String(r[0] ?? "").trim() === "");
  if (!found && emptyRow >= 0) switched[emptyRow] = [group.name, inTotal ? IN_TOTAL.in : IN_TOTAL.out];
  else if (!found) switched.push([group.name, inTotal ? IN_TOTAL.in : IN_TOTAL.out]);
  const cells: Cell[][] = switched.map(([name, value], i) => [
    name === "" || name === null ? null : { text: String(name) },
    value === "" ? null : typeof value === "string" ? { text: value } : (value as Cell),
    {
      formula: groupCostFormula(
        a1(at.row + 1 + i, at.column),
        `Detail_Group${budget.copy}`,
        `Detail_Subtotal${budget.copy}`,
        `Detail_Fringes${budget.copy}`,
      ),
    },
  ]);
  // The template's formats (a cost with cents): Excel formats no row a resize adds to a table.
  await port.replaceTableRows(budget.groupsTable, cells, { columnFormats: [...GROUPS_FORMATS] });
}

function groupMatches(name: string, group: GroupSummary): boolean {
  return groupKey(name) === group.key;
}

// ---- Globals -----------------------------------------------------------------------------

/** The budget's globals: each one's workbook name, label and the cell holding its value. */
export interface GlobalsLayout {
  sheet: string;
  rows: { name: string; label: string; ref: RangeRef }[];
}

/**
 * The globals on the Globals sheet: the rows under its `Global | Value | Name | Notes` header, up
 * to the first row with no name (buildPlan.ts writes them so).
 */
export async function readGlobalsLayout(port: WorkbookPort, budget: Budget): Promise<GlobalsLayout> {
  const used = await port.readUsedRange(budget.globals);
  const values = used?.values ?? [];
  const origin = used ? parseA1(used.address) : { row: 0, column: 0 };
  const header = values.findIndex((r) => r[0] === "Global" && r[1] === "Value" && r[2] === "Name");
  if (header < 0 || origin.column !== 0)
    throw new PortError("notFound", `"${budget.globals}" has no Global | Value | Name table.`, [
      budget.globals,
    ]);
  const rows: GlobalsLayout["rows"] = [];
  for (let i = header + 1; i < values.length && values[i][2] !== ""; i++) {
    const row = origin.row + i;
    rows.push({
      name: String(values[i][2]),
      label: String(values[i][0]),
      ref: { sheet: budget.globals, address: a1(row, 1) },
    });
  }
  return { sheet: budget.globals, rows };
}

/** What the budget's global cells hold now: values, formulas and text, exactly. */
export async function readGlobals(port: WorkbookPort, layout: GlobalsLayout): Promise<ScenarioGlobal[]> {
  return (await readGlobalCells(port, layout)).globals;
}

/**
 * The global cells as {@link readGlobals} reads them, with the number format each is shown in
 * (by the global's name in upper case), read in the same request.
 */
async function readGlobalCells(
  port: WorkbookPort,
  layout: GlobalsLayout,
): Promise<{ globals: ScenarioGlobal[]; formats: Map<string, string> }> {
  if (layout.rows.length === 0) return { globals: [], formats: new Map() };
  const first = parseA1(layout.rows[0].ref.address).row;
  // Value types too: a #N/A typed in reads as the text "#N/A" in values and formulas.
  const [cells] = await port.readCells(
    [{ sheet: layout.sheet, address: a1Range(first, 1, layout.rows.length, 1) }],
    { valueTypes: true },
  );
  return {
    globals: layout.rows.map((g, i) => ({
      name: g.name,
      cell: storedCell(cells.values[i][0], cells.formulas[i][0], cells.valueTypes?.[i][0]),
    })),
    formats: new Map(layout.rows.map((g, i) => [g.name.toUpperCase(), cells.numberFormats[i]?.[0] ?? ""])),
  };
}

/**
 * A stored cell as the port writes it: a formula stays a formula, text stays text, and an error
 * value is written as the value it reads as ("#N/A"), which Excel reads as typed: the error.
 */
function cellOf(stored: StoredCell): Cell {
  switch (stored.kind) {
    case "formula":
      return { formula: stored.value };
    case "text":
      return { text: stored.value };
    case "blank":
      return null;
    default:
      return stored.value;
  }
}

/**
 * Write globals into the budget's Globals sheet, one block over the value column: the globals
 * the scenario has take its cells; the others are written back as they are now (`current`).
 */
export async function writeGlobals(
  port: WorkbookPort,
  budget: Budget,
  layout: GlobalsLayout,
  current: readonly ScenarioGlobal[],
  globals: readonly ScenarioGlobal[],
): Promise<void> {
  if (layout.rows.length === 0) return;
  const first = parseA1(layout.rows[0].ref.address).row;
  const cells = layout.rows.map((row, i) => {
    const given = globals.find((g) => g.name.toUpperCase() === row.name.toUpperCase());
    return [cellOf(given?.cell ?? current[i].cell)];
  });
  const sheet: SheetPlan = {
    name: budget.globals,
    mode: "existing",
    markKey: "globals",
    blocks: [{ row: first, column: 1, cells }],
  };
  await port.apply({ owner: TEMPLATES_OWNER, copy: budget.copy, sheets: [sheet] });
}

// ---- The scenario store ------------------------------------------------------------------

/*
 * The store is PROD's own sheet ("Scenarios", "Scenarios 2" for a second budget), protected
 * against changes by accident as the Versions panel's store is (SheetPlan.protect): Excel refuses a
 * change typed into it, Review > Unprotect Sheet lifts it knowingly, and each save lifts it in the
 * request that writes and puts it back in the last one (a store saved before it was protected,
 * or one the user unprotected, is protected at its next save).
 *
 * Unlike the versions store, it keeps no check of what was saved, and a scenario edited by hand
 * after Unprotect Sheet is not flagged: a scenario is only the global values it applies, which
 * the user sees on the sheet and on Globals once applied, and no figure is compared against a
 * saved one (a Scenario comparison applies the values and reads the top sheet afresh). A value
 * retyped on the unprotected store is the user's knowing change to that scenario; a cell PROD
 * cannot read back is still named, and the row left out (readScenarios' problems).
 */

const STORE_TITLE = "Scenarios (PROD what-if)";

/** A store PROD made, told by its title in A1 when its mark is gone (a user deleted the name). */
const STORE_SIGNATURE: SheetSignature = { address: "A1", matches: (v) => v[0]?.[0] === STORE_TITLE };

/** The saved scenarios of a budget, as its store holds them. */
export interface SavedScenarios {
  scenarios: Scenario[];
  /** Store rows that could not be read, in words. */
  problems: string[];
  /**
   * The store's hidden mark is gone (a user deleted the name): its scenarios were read by its
   * content (its title), and the pane asks before writing there again (takeBackStore).
   */
  unmarked: boolean;
}

/**
 * The saved scenarios of a budget: from the sheet its mark points at, or, when the mark is gone,
 * from the sheet of the store's name that shows the store's title (never a sheet of the user's).
 */
export async function readScenarios(port: WorkbookPort, budget: Budget): Promise<SavedScenarios> {
  const owned = await port.findOwned(WHATIF_OWNER);
  const mark = owned.find((o) => o.key === STORE_KEY && o.copy === budget.copy);
  const unmarked =
    !mark &&
    (await ownedSheetState(port, WHATIF_OWNER, STORE_KEY, budget.storeSheet, STORE_SIGNATURE)) === "unmarked";
  const sheet = mark?.sheet ?? (unmarked ? budget.storeSheet : null);
  if (sheet === null) return { scenarios: [], problems: [], unmarked };
  const used = await port.readUsedRange(sheet);
  const values = used?.values ?? [];
  const header = values.findIndex((r) => r[0] === STORE_COLUMNS[0] && r[2] === STORE_COLUMNS[2]);
  if (header < 0) return { scenarios: [], problems: [`"${sheet}" has lost its header row.`], unmarked };
  const { scenarios, problems } = readStore(
    values.slice(header + 1).map((r) => r.slice(0, STORE_COLUMNS.length)),
  );
  return {
    scenarios,
    problems: problems.map(
      (p) =>
        `Row ${header + 1 + p.row + (used ? parseA1(used.address).row : 0)} of "${sheet}" was left out: ${p.reason}.`,
    ),
    unmarked,
  };
}

/**
 * Before the pane writes the store (to save, apply or compare): a store whose hidden mark is gone
 * is taken back only when `confirm` says yes, asked with the scenarios read on it (takeBackSaved:
 * marked again and protected as it is, so every scenario on it stays). Answers the saved scenarios
 * (read once for the question and the action, which reads them no more), or null when the user
 * said no: nothing was written. After a yes the store is read again: the workbook was the user's
 * while the question was open, and a scenario saved or changed meanwhile must not be written over
 * from the read before it. A store that is PROD's by its mark, none yet, or a sheet of that name
 * that is the user's (writeScenarios refuses it in words) needs no question.
 */
export async function takeBackStore(
  port: WorkbookPort,
  budget: Budget,
  confirm: (sheet: string, saved: SavedScenarios) => Promise<boolean>,
): Promise<SavedScenarios | null> {
  const store = {
    owner: WHATIF_OWNER,
    copy: budget.copy,
    sheet: budget.storeSheet,
    markKey: STORE_KEY,
    title: STORE_TITLE,
  };
  const read = await readScenarios(port, budget);
  if ((await takeBackSaved(port, store, read, confirm)) === null) return null;
  return read.unmarked ? readScenarios(port, budget) : read;
}

const WROTE_NOTHING = "so PROD wrote nothing (no scenario saved, no global changed).";

/** The refusal of a store whose hidden mark is gone, before the pane's take-back (takeBackStore). */
const unmarkedStore = (budget: Budget) =>
  new PortError(
    "notOwned",
    `${unmarkedSheetWords(budget.storeSheet, "a scenario store")} PROD takes it back only after asking, ${WROTE_NOTHING} Try again from the What-if panel to be asked.`,
    [budget.storeSheet],
  );

/**
 * The saved scenarios an action that changes globals may use (Apply, Compare): a store whose
 * hidden mark is gone is refused in words (unmarkedStore), as a save to it is (writeScenarios),
 * even when the action would not write it (the user's globals are already saved there): the
 * globals applied would come from a sheet PROD cannot be sure is its own. The pane takes such a
 * store back first, after its question (takeBackStore). No read: `store` is the pane's read.
 */
function scenariosToUse(budget: Budget, store: SavedScenarios): Scenario[] {
  if (store.unmarked) throw unmarkedStore(budget);
  return store.scenarios;
}

/** The store's sheet with `scenarios` on it: made the first time, then replaced by its mark. */
function storePlan(budget: Budget, scenarios: readonly Scenario[], mode: SheetPlan["mode"]): WritePlan {
  const rows = storeRows(scenarios).map((r): Cell[] =>
    r.map((x) => (typeof x === "string" ? { text: x } : x)),
  );
  return {
    owner: WHATIF_OWNER,
    copy: budget.copy,
    sheets: [
      {
        name: budget.storeSheet,
        mode,
        markKey: STORE_KEY,
        blocks: [
          { row: 0, column: 0, cells: [[STORE_TITLE]], bold: true },
          {
            row: 1,
            column: 0,
            cells: [
              [
                `The global values of each scenario of the budget on "${budget.topSheet}", saved by the What-if panel. The panel rewrites this sheet: save, apply and compare scenarios there. Protected against changes by accident (Review > Unprotect Sheet lifts it).`,
              ],
            ],
          },
          { row: 3, column: 0, cells: [[...STORE_COLUMNS]], bold: true },
          ...(rows.length > 0 ? [{ row: 4, column: 0, cells: rows }] : []),
        ],
        columnWidths: [160, 120, 140, 70, 220],
        freeze: { rows: 4 },
        protect: true,
      },
    ],
  };
}

/**
 * Write the store: every scenario, one row per global, text as text (a formula global is kept as
 * its formula's text, never a live formula). The store is PROD's own sheet: made the first
 * time, then replaced by its mark; a sheet of that name that is not PROD's is never touched. If
 * Excel fails once it may have cleared the store, the scenarios saved before (`saved`, as read)
 * are written back: a saved scenario is never lost to a failed save.
 */
export async function writeScenarios(
  port: WorkbookPort,
  budget: Budget,
  scenarios: readonly Scenario[],
  saved: readonly Scenario[],
): Promise<void> {
  const state = await ownedSheetState(port, WHATIF_OWNER, STORE_KEY, budget.storeSheet, STORE_SIGNATURE);
  // Not rewritten when it shows the store's title but lost its mark: the pane takes it back first
  // (takeBackStore), after a question; rewriting it here would go around that question. Saving,
  // applying and comparing all keep scenarios here before any global changes, so a refusal
  // leaves the globals as they are.
  if (state === "other")
    throw new PortError(
      "notOwned",
      `The workbook has a sheet "${budget.storeSheet}" PROD did not make, ${WROTE_NOTHING} Rename that sheet and try again.`,
      [budget.storeSheet],
    );
  if (state === "unmarked") throw unmarkedStore(budget);
  if (state === "absent") {
    await port.apply(storePlan(budget, scenarios, "create"));
    return;
  }
  await rewriteKeepingSaved(
    (list: readonly Scenario[]) => port.apply(storePlan(budget, list, "replaceOwned")),
    scenarios,
    saved,
    {
      restored: `The scenarios saved before are on "${budget.storeSheet}" as they were.`,
      lost: `PROD could not write back the scenarios saved before on "${budget.storeSheet}": use Excel's Undo (Ctrl+Z) before anything else.`,
    },
  );
}

/** A time stamp for a saved scenario: `2026-12-04 16:40`. */
export function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

/**
 * Keep the current globals in the store when no saved scenario holds them, under a name of its
 * own (`Before comparing 2026-12-04 16:40`), so nothing typed is lost even if Excel fails half
 * way. Answers the scenario that holds them and whether it was just saved.
 */
export async function keepCurrent(
  port: WorkbookPort,
  budget: Budget,
  current: readonly ScenarioGlobal[],
  saved: readonly Scenario[],
  why: string,
  now: Date,
): Promise<{ scenario: Scenario; added: boolean; scenarios: Scenario[] }> {
  const match = matchingScenario(current, saved);
  if (match) return { scenario: match, added: false, scenarios: [...saved] };
  const base = `${why} ${stamp(now)}`;
  let name = base;
  for (let n = 2; saved.some((s) => s.name.toUpperCase() === name.toUpperCase()); n++)
    name = `${base} (${n})`;
  const scenario: Scenario = { name, saved: stamp(now), globals: current };
  const scenarios = [...saved, scenario];
  await writeScenarios(port, budget, scenarios, saved);
  return { scenario, added: true, scenarios };
}

/**
 * The refusal of a first write of globals (the user protected the Globals sheet: the port refuses
 * before writing anything there, protectedSheetError), said as it is: no global changed, and the
 * only thing written was the user's globals kept in the store first, if they were (keepCurrent).
 * Any other error is answered as it is.
 *
 * @param what - what did not happen besides ("and compared nothing")
 */
export function globalsRefused(
  error: unknown,
  budget: Budget,
  kept: { scenario: Scenario; added: boolean },
  what = "",
): unknown {
  if (!(error instanceof PortError) || error.kind !== "protected") return error;
  const also = kept.added
    ? ` Your globals as they are were saved first, as the scenario "${kept.scenario.name}" on "${budget.storeSheet}".`
    : "";
  return new PortError(
    "protected",
    `"${budget.globals}" is protected, so PROD changed no global${what}.${also}`,
    error.subjects,
  );
}

/** The globals a scenario names that the budget does not have, said in words, or null. */
export function cannotApply(scenario: Scenario, layout: GlobalsLayout): string | null {
  const missing = missingGlobals(
    scenario,
    layout.rows.map((r) => r.name),
  );
  return missing.length === 0
    ? null
    : `The scenario "${scenario.name}" sets ${quoteList(missing)}, which the budget on "${layout.sheet}" does not have; nothing was changed.`;
}

/**
 * Applies a scenario's globals to the budget, keeping the user's globals in the store first when
 * no saved scenario holds them (keepCurrent). `store`: the store as the pane read it for this
 * action (takeBackStore), not read again; one whose mark is gone is refused before anything is
 * read or written (scenariosToUse). Answers the scenario the user's globals are kept as, whether
 * it was just saved, and the globals the scenario has no value for in words (left as the user
 * has them; "" if none).
 */
export async function applyScenario(
  port: WorkbookPort,
  budget: Budget,
  scenario: Scenario,
  store: SavedScenarios,
  now = new Date(),
): Promise<{ scenario: Scenario; added: boolean; unsetWords: string }> {
  const saved = scenariosToUse(budget, store);
  const layout = await readGlobalsLayout(port, budget);
  const problem = cannotApply(scenario, layout);
  if (problem) throw new PortError("notFound", problem);
  const current = await readGlobals(port, layout);
  const kept = await keepCurrent(port, budget, current, saved, "Before applying", now);
  await writeGlobals(port, budget, layout, current, scenario.globals).catch((error: unknown) => {
    throw globalsRefused(error, budget, kept);
  });
  return { ...kept, unsetWords: unsetWords(unsetOf([scenario], layout), "kept") };
}

// ---- Comparing scenarios -----------------------------------------------------------------

/** The result of a comparison: each scenario's figures and the lines of the comparison. */
export interface ScenarioComparison {
  /** The scenarios as compared: each with the user's value of a global it has none for (`unset`). */
  scenarios: Scenario[];
  figures: Figure[][];
  lines: ComparisonLine[];
  /** The scenario the user's own globals were kept as, when it was saved for this run. */
  keptAs: string | null;
  /**
   * The scenarios that have no value for some of the budget's globals (added after they were
   * saved), each with those globals' labels: they were compared with the user's values there.
   */
  unset: { scenario: string; globals: string[] }[];
  /**
   * The number format of each global's cell on the Globals sheet, by name in upper case: the
   * globals that differ are shown in it (a date as a date, not 46023).
   */
  formats: ReadonlyMap<string, string>;
}

/**
 * Each scenario as it is compared: a global it has no value for holds the user's value
 * (`current`, readGlobals over `layout`).
 */
function asCompared(
  scenarios: readonly Scenario[],
  layout: GlobalsLayout,
  current: readonly ScenarioGlobal[],
): Scenario[] {
  return scenarios.map((s) => ({
    ...s,
    globals: layout.rows.map(
      (row, i) => s.globals.find((g) => g.name.toUpperCase() === row.name.toUpperCase()) ?? current[i],
    ),
  }));
}

/** The scenarios with no value for some of the budget's globals, and those globals' labels. */
function unsetOf(scenarios: readonly Scenario[], layout: GlobalsLayout): ScenarioComparison["unset"] {
  const names = layout.rows.map((r) => r.name);
  return scenarios.flatMap((s) => {
    const none = new Set(unsetGlobals(s, names));
    const globals = layout.rows.filter((r) => none.has(r.name)).map((r) => r.label);
    return globals.length === 0 ? [] : [{ scenario: s.name, globals }];
  });
}

/**
 * What the pane says of the globals scenarios had no value for ({@link ScenarioComparison.unset}),
 * or "": `done` says what became of the user's values there ("used": compared with them).
 */
export function unsetWords(unset: ScenarioComparison["unset"], done = "used"): string {
  return unset
    .map(({ scenario, globals }) => {
      const one = globals.length === 1;
      const which = one ? globals[0] : `${count(globals.length, "global")} (${firstFew(globals)}`;
      return `"${scenario}" has no value for ${which}${one ? " (a global" : ":"} added after it was saved), so your ${one ? "value was" : "values were"} ${done}.`;
    })
    .join(" ");
}

/**
 * Apply each scenario in turn, wait for Excel to finish calculating, read the top sheet's
 * totals, and put the user's globals back exactly, whatever happens: at the end, on Cancel, and
 * when Excel refuses a write. If even that fails, the globals are in the store (kept there
 * before anything changed) and the error says which scenario holds them. `saved`: the store as
 * read for this comparison (takeBackStore) and allowed by compareAndWrite (scenariosToUse), not
 * read again.
 */
export async function compareScenarios(
  port: WorkbookPort,
  budget: Budget,
  picked: readonly Scenario[],
  saved: readonly Scenario[],
  options: RunOptions = {},
  now = new Date(),
  topRead?: RangeData | null,
): Promise<ScenarioComparison> {
  const layout = await readGlobalsLayout(port, budget);
  for (const s of picked) {
    const problem = cannotApply(s, layout);
    if (problem) throw new PortError("notFound", problem);
  }
  const { globals: current, formats } = await readGlobalCells(port, layout);
  const unset = unsetOf(picked, layout);
  const kept = await keepCurrent(port, budget, current, saved, "Before comparing", now);
  const top = topRead === undefined ? await port.readUsedRange(budget.topSheet) : topRead;
  if (!top) throw new PortError("notFound", `"${budget.topSheet}" is empty.`, [budget.topSheet]);
  const topRef = { sheet: budget.topSheet, address: top.address };
  const figures: Figure[][] = [];
  let failure: unknown = null;
  let written = 0;
  try {
    for (const [i, scenario] of picked.entries()) {
      throwIfAborted(options.signal);
      options.onProgress?.({ done: i, total: picked.length, label: `Applying "${scenario.name}"` });
      await writeGlobals(port, budget, layout, current, scenario.globals);
      written++;
      const [read] = await port.readWhenCalculated([topRef], { signal: options.signal });
      figures.push(topSheetFigures(read.values));
    }
  } catch (error) {
    failure = error;
  }
  // A protected Globals refuses the first write before anything is written: nothing to put back.
  const refused = globalsRefused(failure, budget, kept, " and compared nothing");
  if (written === 0 && refused !== failure) throw refused;
  // The user's own values go back in every case, with no Cancel: a restore is never cut short.
  try {
    await writeGlobals(port, budget, layout, current, current);
  } catch (error) {
    throw new PortError(
      "host",
      `PROD could not put your globals back (${error instanceof Error ? error.message : String(error)}). They are saved as the scenario "${kept.scenario.name}" on "${budget.storeSheet}": apply it to get them back.`,
    );
  }
  if (failure !== null) throw failure;
  return {
    scenarios: asCompared(picked, layout, current),
    figures,
    lines: compareFigures(figures),
    keptAs: kept.added ? kept.scenario.name : null,
    unset,
    formats,
  };
}

const COMPARISON_TITLE = "Scenario comparison";
/** The header row of the Scenario comparison (0-based): under the title and a note. */
const COMPARISON_HEADER_ROW = 3;
/** Columns read to tell a Scenario comparison by its header: up to 32 scenarios compared. */
const SIGNATURE_COLUMNS = 64;

/** The title in A1 of a budget's Scenario comparison: it names the budget's top sheet. */
const comparisonTitle = (budget: Budget) => `${COMPARISON_TITLE}: ${budget.topSheet}`;

/**
 * The header row of a Scenario comparison as PROD writes it: "Figure", the scenarios compared,
 * then "<scenario> - <first>" for each after the first, and (since notes are carried) "Your
 * notes". Answers the columns it spans, notes included, or null when the row is not that header.
 * Cells after it are not looked at.
 */
function readComparisonHeader(header: readonly string[]): { width: number; notes: number | null } | null {
  if (header[0] !== "Figure") return null;
  for (let n = 2; 2 * n <= header.length; n++) {
    const names = header.slice(1, n + 1);
    if (names.includes("")) return null;
    const changes = names.slice(1).map((name) => `${name} - ${names[0]}`);
    if (changes.every((text, i) => header[n + 1 + i] === text)) {
      const end = 2 * n;
      return header[end] === YOUR_NOTES ? { width: end + 1, notes: end } : { width: end, notes: null };
    }
  }
  return null;
}

/**
 * A budget's Scenario comparison, told by its content when its mark is gone (a user deleted the
 * hidden name): this budget's title in A1 and the header row as PROD writes it
 * ({@link readComparisonHeader}).
 */
function comparisonSignature(budget: Budget): SheetSignature {
  return {
    address: a1Range(0, 0, COMPARISON_HEADER_ROW + 1, SIGNATURE_COLUMNS),
    matches: (values) =>
      values[0]?.[0] === comparisonTitle(budget) &&
      readComparisonHeader((values[COMPARISON_HEADER_ROW] ?? []).map((v) => String(v ?? ""))) !== null,
  };
}

/** The heading over the globals that differ, under the figures. */
const GLOBALS_HEADING = "Globals that differ";

/** What tells a row of the figures across comparisons: its top-sheet line's label. */
const lineKey = (label: string) => `line ${label}`;

/**
 * A row of the globals that differ, told by the global's name; its label says it is one, so that
 * kept under KEPT_HEADING it goes back to the globals, not to a top-sheet line of that name.
 */
const GLOBAL_LABEL = `${GLOBALS_HEADING}: `;
const globalKey = (name: string) => `global ${name}`;
function globalRow(row: number, name: string, layout: Pick<OwnRow, "width" | "headings" | "check">): OwnRow {
  return { row, key: globalKey(name), label: `${GLOBAL_LABEL}${name}`, notes: null, ...layout };
}

/** The key of a kept row by its label: a global's ({@link globalRow}), else a top-sheet line's. */
const keptRowKey = (label: string) =>
  label.startsWith(GLOBAL_LABEL) ? globalKey(label.slice(GLOBAL_LABEL.length)) : lineKey(label);

/**
 * PROD's fixed rows above the figures: the title, its note and the header, with their check,
 * each where PROD wrote it, or on an earlier sheet where `now` finds it (rows inserted above).
 */
function comparisonTopRows(
  budget: Budget,
  width: number,
  check: number | null | undefined,
  now = (row: number) => row,
): OwnRow[] {
  return [
    { row: now(0), key: "#title", label: comparisonTitle(budget), width: 1, notes: null, check },
    { row: now(1), key: "#note", label: "", width: 1, notes: null, check },
    { row: now(COMPARISON_HEADER_ROW), key: "#header", label: "the header", width, notes: null, check },
  ];
}

/** The smallest header (Figure, two scenarios, one change, Your notes): a check is right of it. */
const SMALLEST_WIDTH = 5;

/**
 * The rows PROD wrote on an earlier Scenario comparison (`cells`: its used range as read), by
 * label, for userWork's findTypedCells: the title, note and header, a row per top-sheet line,
 * the globals that differ, and the kept part of an earlier carry. Its figures are values of the
 * moment compared, not formulas: each row's check (the hidden column right of "Your notes",
 * userWork's rowCheck) tells a figure typed over one, a label or heading retyped, and where rows
 * the user inserted or deleted moved PROD's (tableRows.ts: a row the user inserted among the
 * lines is the user's, and the lines under it still PROD's); the columns are named by the
 * header's headings for the words. A comparison written before checks is read as then: the
 * lines end at the first row with no label, and only notes and what is beside or below PROD's
 * rows are the user's. A header whose headings the user retyped is found by its check.
 */
export function earlierComparisonRows(cells: SheetCells, budget: Budget): OwnRow[] {
  const headerRow = rowNow(cells, COMPARISON_HEADER_ROW, SMALLEST_WIDTH);
  const at = findCheckColumn(cells, headerRow, SMALLEST_WIDTH);
  const header =
    readComparisonHeader(
      Array.from({ length: SIGNATURE_COLUMNS }, (_, c) => String(valueAt(cells, headerRow, c))),
    ) ?? (at === null ? null : { width: at, notes: at - 1 });
  if (header === null) return [];
  const { width, notes } = header;
  const check = checkColumnOf(cells, width, headerRow - 2);
  const headings = new Map(
    Array.from({ length: notes ?? width }, (_, c) => [c, String(valueAt(cells, headerRow, c))]),
  );
  const now = (row: number) => (typeof check === "number" ? rowNow(cells, row, check) : row);
  const rows = comparisonTopRows(budget, width, check, now);
  const last = cells.row + cells.values.length;
  const label = (r: number) => String(valueAt(cells, r, 0));
  const lines = tableRows(cells, {
    heading: headerRow,
    layout: { width, notes, check },
    labelled: (r) => label(r) !== "",
    after: (r) => label(r) === GLOBALS_HEADING || label(r) === KEPT_HEADING,
  });
  for (const r of lines)
    rows.push({ row: r, key: lineKey(label(r)), label: label(r), width, notes, headings, check });
  // Two blank rows (or what the user made of them), then the globals that differ.
  let r = (lines.at(-1) ?? headerRow) + 1;
  while (r < last && label(r) !== GLOBALS_HEADING && label(r) !== KEPT_HEADING) r++;
  if (label(r) === GLOBALS_HEADING) {
    const globalsWidth = notes ?? width;
    const globals = { width: globalsWidth, notes: null, headings, check };
    rows.push({ row: r, key: "#globals", label: GLOBALS_HEADING, ...globals });
    const differ = tableRows(cells, {
      heading: r,
      layout: globals,
      labelled: (at) => label(at) !== "",
      after: (at) => label(at) === KEPT_HEADING,
    });
    for (const at of differ) rows.push(globalRow(at, label(at), globals));
  }
  return [...rows, ...readKeptRows(cells, KEPT_HEADING, width, notes, (label) => [keptRowKey(label)])];
}

/**
 * Where a budget's Scenario comparison goes (sheetTarget): PROD's own from before, by its mark;
 * one whose mark is gone, told by {@link comparisonSignature} (the pane asks first); else a new
 * sheet, "Scenario comparison 2" (or the next name free) when the user has a sheet of that name.
 */
export function comparisonTarget(port: WorkbookPort, budget: Budget): Promise<SheetTarget> {
  return sheetTarget(
    port,
    WHATIF_OWNER,
    COMPARISON_KEY,
    budget.comparisonSheet,
    comparisonSignature(budget),
    budget.copy,
  );
}

/** What comparing scenarios wrote: the comparison and the sheet it is on. */
export interface WrittenComparison {
  comparison: ScenarioComparison;
  target: SheetTarget;
  /** What the user had typed on the comparison replaced and where it went, in words ("" if nothing). */
  carried: string;
  /** The globals scenarios had no value for, in words ({@link unsetWords}; "" if none). */
  unsetWords: string;
}

/**
 * Compares the scenarios (compareScenarios) and writes the Scenario comparison sheet. Where it
 * goes is settled first, and the sheet it replaces read for what the user typed on it
 * (readSheetCells, userWork.ts) and the cells elsewhere that link to it (findLinksTo). One
 * question is asked, before any global is changed, when the user typed on it, when other cells
 * link to it, or when its mark is gone (replaceQuestion); a no returns null with nothing written
 * at all (globals, store and sheet as they were). What was typed goes to the rows of the same
 * top-sheet line; the question says where from the top sheet's lines as they are before
 * comparing. A sheet of the user's is never written to. `store`: the store as the pane read it for
 * this comparison (takeBackStore); it is read again only after the question, when one was asked
 * (the workbook was the user's while it was open, and the user's globals may be kept in the store).
 * A store whose mark is gone, as handed in or as read again, is refused before any global changes
 * (scenariosToUse).
 */
export async function compareAndWrite(
  port: WorkbookPort,
  budget: Budget,
  picked: readonly Scenario[],
  store: SavedScenarios,
  confirm: (question: SheetQuestion, sheet: string) => Promise<boolean>,
  options: RunOptions = {},
  now = new Date(),
): Promise<WrittenComparison | null> {
  const saved = scenariosToUse(budget, store);
  const target = await comparisonTarget(port, budget);
  const earlier = await earlierWork(port, target, (cells) => earlierComparisonRows(cells, budget));
  const { typed } = earlier;
  let top: RangeData | null | undefined;
  // Laid out only when the user typed something to place: the rows the comparison will have are
  // not read for the question otherwise (the words on rows whose check is gone say so: rows null).
  let expected: Carry = { cells: [], labels: [], end: 0, rows: null };
  if (typedByUser(typed).length > 0) {
    // The lines the comparison will have are the top sheet's, read now (before any global changes).
    top = await port.readUsedRange(budget.topSheet);
    const lines = compareFigures([topSheetFigures(top?.values ?? [])]);
    const layout = await readGlobalsLayout(port, budget);
    // Laid out as it will be written: a scenario with no value for a global (one added after it
    // was saved) is compared with the user's value there, which decides whether that global
    // differs; read only when a row of such a global is where a cell typed goes or one whose
    // check is gone (else the words could name a row the comparison will not write).
    const unset = new Set(unsetOf(picked, layout).flatMap((u) => u.globals.map(globalKey)));
    const named = [...typed.map((t) => t.on), ...(earlier.lost ?? [])].flatMap((on) =>
      on === null ? [] : [on.key, ...(on.back ?? [])],
    );
    const fill = named.some((key) => unset.has(key));
    const scenarios = fill ? asCompared(picked, layout, await readGlobals(port, layout)) : [...picked];
    expected = comparisonPlan(budget, { scenarios, lines }, layout, target, typed).carry;
  }
  // The facts as earlierWork found them, as every comparison asks (Versions, Incentives).
  const question = replaceQuestion({
    ...earlier,
    what: "a scenario comparison",
    carry: expected,
    keptHeading: KEPT_HEADING,
  });
  if (question && !(await confirm(question, target.sheetName))) return null;
  const stored = question ? scenariosToUse(budget, await readScenarios(port, budget)) : saved;
  const comparison = await compareScenarios(port, budget, picked, stored, options, now, top);
  const layout = await readGlobalsLayout(port, budget);
  const { plan, carry } = comparisonPlan(budget, comparison, layout, target, typed);
  await port.apply(plan);
  return {
    comparison,
    target,
    carried: carriedWords(carry, KEPT_HEADING, true),
    unsetWords: unsetWords(comparison.unset),
  };
}

/**
 * The Scenario comparison sheet: each figure of the top sheet under each scenario, then each
 * scenario's change from the first, to the cent, and the user's notes column; below, the globals
 * that differ between them; after them, what the user typed on the sheet replaced (`typed`) that
 * has no row of the same label here. PROD's own sheet, at `target` (comparisonTarget); never a
 * sheet that is not PROD's. Answers the plan and where the typed cells go.
 */
function comparisonPlan(
  budget: Budget,
  result: Pick<ScenarioComparison, "scenarios" | "lines"> & Partial<Pick<ScenarioComparison, "formats">>,
  layout: GlobalsLayout,
  target: SheetTarget,
  typed: readonly TypedCell[],
): { plan: WritePlan; carry: Carry } {
  const names = result.scenarios.map((s) => s.name);
  const base = names[0];
  const others = names.slice(1);
  const header: Cell[] = [
    "Figure",
    ...names.map((n) => ({ text: n })),
    ...others.map((n) => ({ text: `${n} - ${base}` })),
  ];
  // The labels and any text shown are the top sheet's, which the user may have typed: text as text.
  const figureRows: Cell[][] = result.lines.map((line) => [
    { text: line.label },
    ...line.values.map((v): Cell =>
      typeof v === "number" ? v : v === "" ? "not on this top sheet" : { text: v },
    ),
    ...line.deltas.slice(1).map((d) => (d === null ? null : d.toNumber())),
  ]);
  const notesColumn = header.length;
  header.push(YOUR_NOTES);
  const width = header.length;
  // PROD's check of each row it writes (userWork.ts rowCheck), hidden, right of the notes: its
  // figures are values, so only the check tells one the user typed over from PROD's.
  const check = width;
  const money = [null, ...names.map(() => NUMBER_FORMATS.money), ...others.map(() => NUMBER_FORMATS.money)];
  const globalsHeaderRow = COMPARISON_HEADER_ROW + 1 + figureRows.length + 2;
  const rows = comparisonTopRows(budget, width, check);
  const title: Cell = { text: comparisonTitle(budget) };
  const note: Cell = {
    text: `Each scenario's globals were applied in turn and the top sheet read once Excel had finished calculating; your own globals were put back after. Changes are against "${base}". These are figures of that moment: compare again after changing the budget. ${CHECK_NOTE}`,
  };
  const written: WrittenRow[] = [
    { row: 0, cells: [title], notes: null },
    { row: 1, cells: [note], notes: null },
    { row: COMPARISON_HEADER_ROW, cells: header, notes: null },
  ];
  result.lines.forEach((line, i) => {
    const row = COMPARISON_HEADER_ROW + 1 + i;
    rows.push({ row, key: lineKey(line.label), label: line.label, width, notes: notesColumn, check });
    written.push({ row, cells: figureRows[i], notes: notesColumn });
  });
  const differing = layout.rows.filter((row) => {
    const cells = result.scenarios.map((s) =>
      JSON.stringify(s.globals.find((g) => g.name.toUpperCase() === row.name.toUpperCase())?.cell ?? null),
    );
    return new Set(cells).size > 1;
  });
  const shown = (s: Scenario, name: string): Cell => {
    const cell = s.globals.find((g) => g.name.toUpperCase() === name.toUpperCase())?.cell;
    if (!cell || cell.kind === "blank") return null;
    return cell.kind === "number" || cell.kind === "boolean" ? cell.value : { text: cell.value };
  };
  const globalRows: Cell[][] = differing.map((row) => [
    { text: row.label },
    ...result.scenarios.map((s) => shown(s, row.name)),
    ...others.map(() => null),
  ]);
  const globalsHeader: Cell[] = [
    GLOBALS_HEADING,
    ...names.map((n): Cell => ({ text: n })),
    ...others.map(() => null),
  ];
  if (globalRows.length > 0) {
    const globals = { width: notesColumn, notes: null, check };
    rows.push({ row: globalsHeaderRow, key: "#globals", label: GLOBALS_HEADING, ...globals });
    written.push({ row: globalsHeaderRow, cells: globalsHeader, notes: null });
    differing.forEach((row, i) => {
      const at = globalsHeaderRow + 1 + i;
      rows.push(globalRow(at, row.label, globals));
      written.push({ row: at, cells: globalRows[i], notes: null });
    });
  }
  const end =
    globalRows.length > 0
      ? globalsHeaderRow + 1 + globalRows.length
      : COMPARISON_HEADER_ROW + 1 + figureRows.length;
  const carry = placeTypedCells(typed, rows, target.sheetName, {
    start: end + 1,
    width,
    notes: notesColumn,
    heading: KEPT_HEADING,
    check,
  });
  const plan: WritePlan = {
    owner: WHATIF_OWNER,
    copy: budget.copy,
    activate: target.sheetName,
    sheets: [
      {
        name: target.sheetName,
        mode: target.mode,
        markKey: COMPARISON_KEY,
        blocks: [
          { row: 0, column: 0, cells: [[title]], bold: true },
          { row: 1, column: 0, cells: [[note]] },
          { row: COMPARISON_HEADER_ROW, column: 0, cells: [header], bold: true },
          { row: COMPARISON_HEADER_ROW + 1, column: 0, cells: figureRows, columnFormats: money },
          ...(globalRows.length > 0
            ? [
                { row: globalsHeaderRow, column: 0, cells: [globalsHeader], bold: true },
                {
                  row: globalsHeaderRow + 1,
                  column: 0,
                  cells: globalRows,
                  // Each global in the format the Globals sheet shows it in.
                  cellFormats: differing.map((row) => {
                    const format = result.formats?.get(row.name.toUpperCase()) || null;
                    return [null, ...names.map(() => format), ...others.map(() => null)];
                  }),
                },
              ]
            : []),
          rowChecksBlock(written, check, target.sheetName),
          // What the user typed on the earlier comparison, and PROD's headings of what is kept.
          ...carryBlocks(carry),
        ],
        hiddenColumns: [check],
        columnWidths: [220, ...Array<number>(width - 2).fill(120), 220],
        freeze: { rows: COMPARISON_HEADER_ROW + 1, columns: 1 },
      },
    ],
  };
  return { plan, carry };
}
