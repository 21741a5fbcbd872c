/**
 * Scenarios: what-if by globals (issue 21). A scenario is a named set of the budget's global
 * values ("30 days", "35 days", "Georgia rates"), kept in a store PROD owns in the workbook. The
 * pane applies one, or compares several: it applies each in turn, reads the top sheet, and puts
 * the user's own values back exactly as they were. Nothing here knows Excel; the pane reads and
 * writes through the workbook port.
 */
import { type Decimal, fromNumber, roundCents } from "../money";

/**
 * One global's cell as it was, so it can be put back exactly: a formula stays a formula (the
 * Shoot_Weeks global is `=Shoot_Days/Days_Per_Week`), text stays text (an overtime rule typed
 * `10:1.5` must not turn into a time), an error value typed in (#N/A: "not known yet") stays
 * that error, not the text "#N/A", a blank stays blank.
 */
export type StoredCell =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "formula"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "blank" };

/** A cell as Excel reads it: its value and its formula (Excel's `formulas`, the value when none). */
export type ReadCell = string | number | boolean;

/**
 * What a cell holds, from its value, its formula and its value type as Excel reports them
 * (Range.values, formulas, valueTypes). A formula reads as text starting with "=" that differs
 * from the value; text the user typed that starts with "=" (kept as text with an apostrophe)
 * reads the same as its value, so it stays text. An error value reads as its text ("#N/A") in
 * both values and formulas; only its value type, "Error", tells it from text that says "#N/A".
 */
export function storedCell(value: ReadCell, formula: ReadCell, valueType?: string): StoredCell {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value)
    return { kind: "formula", value: formula };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value === "") return { kind: "blank" };
  return valueType === "Error" ? { kind: "error", value } : { kind: "text", value };
}

/** Two stored cells hold the same thing (a formula and its result are not the same). */
export function sameCell(a: StoredCell, b: StoredCell): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === "blank" || a.value === (b as typeof a).value;
}

/** One global of a scenario: its workbook name (`Shoot_Days`) and its cell. */
export interface ScenarioGlobal {
  name: string;
  cell: StoredCell;
}

/** A named set of global values. */
export interface Scenario {
  name: string;
  /** When it was saved, as the pane wrote it (`2026-12-04 16:40`). */
  saved: string;
  globals: readonly ScenarioGlobal[];
}

/** The store's columns: one row per global of each scenario. */
export const STORE_COLUMNS = ["Scenario", "Saved", "Global", "Kind", "Value"] as const;

/** A store row: the value a cell of the store holds (the pane writes text as text). */
export type StoreRow = [string, string, string, StoredCell["kind"], string | number | boolean | null];

/** The store's rows for a list of scenarios, in order. */
export function storeRows(scenarios: readonly Scenario[]): StoreRow[] {
  return scenarios.flatMap((s) =>
    s.globals.map((g): StoreRow => [
      s.name,
      s.saved,
      g.name,
      g.cell.kind,
      g.cell.kind === "blank" ? null : g.cell.value,
    ]),
  );
}

/** A store row that could not be read back, with why, in plain words. */
export interface StoreProblem {
  row: number;
  reason: string;
}

/**
 * The scenarios in the store's rows (as read: blanks are ""). A row whose kind is not one PROD
 * writes, or whose value does not fit its kind, is listed, never guessed; a scenario with such a
 * row is left out whole (applying part of it would mix two sets of globals).
 */
export function readStore(rows: readonly ReadCell[][]): { scenarios: Scenario[]; problems: StoreProblem[] } {
  const byName = new Map<string, { saved: string; globals: ScenarioGlobal[]; broken: boolean }>();
  const problems: StoreProblem[] = [];
  rows.forEach((row, i) => {
    const [name, saved, global, kind, value] = row.map((x) => x ?? "");
    if (name === "" && global === "") return;
    const scenario = String(name);
    let entry = byName.get(scenario.toUpperCase());
    if (!entry) {
      entry = { saved: String(saved), globals: [], broken: false };
      byName.set(scenario.toUpperCase(), entry);
    }
    const cell = cellOfKind(String(kind), value);
    if (scenario === "" || global === "" || cell === null) {
      entry.broken = true;
      problems.push({
        row: i + 1,
        reason:
          scenario === "" || global === ""
            ? "it has no scenario or no global name"
            : `its value ${JSON.stringify(value)} is not a ${String(kind) || "kind PROD knows"}`,
      });
      return;
    }
    entry.globals.push({ name: String(global), cell });
  });
  const names = new Map<string, string>();
  rows.forEach((row) => {
    const name = String(row[0] ?? "");
    if (name !== "" && !names.has(name.toUpperCase())) names.set(name.toUpperCase(), name);
  });
  const scenarios = [...byName.entries()]
    .filter(([, e]) => !e.broken && e.globals.length > 0)
    .map(([key, e]) => ({ name: names.get(key)!, saved: e.saved, globals: e.globals }));
  return { scenarios, problems };
}

function cellOfKind(kind: string, value: ReadCell): StoredCell | null {
  switch (kind) {
    case "number":
      return typeof value === "number" ? { kind, value } : null;
    case "boolean":
      return typeof value === "boolean" ? { kind, value } : null;
    case "text":
      return typeof value === "string" ? { kind, value } : null;
    case "formula":
      return typeof value === "string" && value.startsWith("=") ? { kind, value } : null;
    case "error":
      // Excel's error values all start with # (#N/A, #VALUE!, #DIV/0!...).
      return typeof value === "string" && value.startsWith("#") ? { kind, value } : null;
    case "blank":
      return value === "" ? { kind } : null;
    default:
      return null;
  }
}

/** The saved scenario whose every global holds what `current` holds, if any. */
export function matchingScenario(
  current: readonly ScenarioGlobal[],
  saved: readonly Scenario[],
): Scenario | undefined {
  return saved.find(
    (s) =>
      s.globals.length === current.length &&
      current.every((g) => {
        const other = s.globals.find((x) => x.name.toUpperCase() === g.name.toUpperCase());
        return other !== undefined && sameCell(g.cell, other.cell);
      }),
  );
}

/**
 * A scenario's globals that the budget no longer has (a global renamed or deleted): applying
 * it would leave them unset, so the pane says which and applies nothing.
 */
export function missingGlobals(scenario: Scenario, budgetGlobals: readonly string[]): string[] {
  const have = new Set(budgetGlobals.map((g) => g.toUpperCase()));
  return scenario.globals.map((g) => g.name).filter((g) => !have.has(g.toUpperCase()));
}

/**
 * The budget's globals a scenario has no value for (saved before they were added to the budget):
 * applying or comparing it leaves them as the user has them, which the pane says.
 */
export function unsetGlobals(scenario: Scenario, budgetGlobals: readonly string[]): string[] {
  const has = new Set(scenario.globals.map((g) => g.name.toUpperCase()));
  return budgetGlobals.filter((g) => !has.has(g.toUpperCase()));
}

/** One figure of the top sheet: a level total, a charge, the grand total. */
export interface Figure {
  label: string;
  /** The amount, or the error the cell shows ("#VALUE!"). */
  value: number | string;
}

/**
 * The top sheet's totals, from its cells as read: every row under the header (`Acct | Category |
 * Total`, or `Acct | Section | Estimate` on the AICP form) that has no account and a label, and a
 * figure in the total column: level totals, the accounts outside the chart, below the line, the
 * direct cost, each charge and the grand total. Category rows (with an account) are left out.
 */
export function topSheetFigures(cells: readonly ReadCell[][]): Figure[] {
  const header = cells.findIndex((row) => row[0] === "Acct" && (row[2] === "Total" || row[2] === "Estimate"));
  if (header < 0) return [];
  const figures: Figure[] = [];
  for (const row of cells.slice(header + 1)) {
    const [acct, label, total] = row;
    if (acct !== "" || typeof label !== "string" || label === "" || total === "" || total === undefined)
      continue;
    if (typeof total === "boolean") continue;
    figures.push({ label, value: total });
  }
  return figures;
}

/** One line of a scenario comparison: a figure under each scenario and its change. */
export interface ComparisonLine {
  label: string;
  /** The figure under each scenario, in the order compared (a number, or the error shown). */
  values: (number | string)[];
  /**
   * Each scenario's figure less the first's, to the cent (the first's own is 0), or null where
   * either is an error.
   */
  deltas: (Decimal | null)[];
}

/**
 * The comparison of the top sheet's figures under each scenario, by label, in the order of the
 * first scenario's top sheet; a figure only some scenarios have (a charge whose rate is blank in
 * one) is kept with "" for the others, never dropped. A label the top sheet shows more than once
 * (a line the user renamed to another's name) is as many lines, the nth matched to the nth: none
 * is dropped for sharing a label.
 */
export function compareFigures(runs: readonly (readonly Figure[])[]): ComparisonLine[] {
  const keyed = runs.map((figures) => {
    const seen = new Map<string, number>();
    return new Map<string, Figure>(
      figures.map((f) => {
        const nth = seen.get(f.label) ?? 0;
        seen.set(f.label, nth + 1);
        return [`${nth}\u0000${f.label}`, f];
      }),
    );
  });
  const lines = new Map<string, string>();
  for (const figures of keyed) for (const [key, f] of figures) if (!lines.has(key)) lines.set(key, f.label);
  return [...lines].map(([key, label]) => {
    const values = keyed.map((figures) => figures.get(key)?.value ?? "");
    const base = values[0];
    const deltas = values.map((v) =>
      typeof v === "number" && typeof base === "number"
        ? roundCents(fromNumber(v).minus(fromNumber(base)))
        : null,
    );
    return { label, values, deltas };
  });
}

/** A delta as a number for a cell (exact cents). */
export function deltaNumber(delta: Decimal | null): number | null {
  return delta === null ? null : delta.toNumber();
}
