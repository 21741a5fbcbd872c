/**
 * Groups: what-if by lines (issue 21). A budget line carries tags in its Group cell ("Stunts",
 * "Night shoot", "Option: crane"), several separated by commas ("Stunts, Night shoot"); the
 * Groups table switches each group in or out of the total. A line in any group that is out is
 * left out of every total, fringes included: Movie Magic Budgeting's rule for a line in several
 * groups (a group excluded excludes its lines, whatever other groups they are in).
 *
 * The template's own formulas decide it in Excel (templates/groupFormulas.ts); this module is the
 * same rule for the pane, which lists the groups with what each costs: it must read tags exactly
 * as the formulas do. The formulas match a tag with `","&UPPER(SUBSTITUTE(tag," ",""))&","`
 * inside the line's `","&UPPER(SUBSTITUTE(group," ",""))&","`: ordinary spaces are ignored
 * anywhere ("Night shoot" is "NIGHTSHOOT", "night  SHOOT" too), case is ignored, commas split.
 */
import { Decimal, ZERO, fromNumber, roundCents } from "../money";

/**
 * The key a tag is matched by: upper case, ordinary spaces taken out (the formulas' UPPER and
 * SUBSTITUTE(x," ","")). Other white space (a tab, a no-break space) is kept, as Excel keeps it.
 */
export function groupKey(tag: string): string {
  return tag.replace(/ /g, "").toUpperCase();
}

/** The keys of the tags in a line's Group cell: split at commas, empty tags dropped. */
export function lineGroupKeys(cell: string): string[] {
  return groupKey(cell)
    .split(",")
    .filter((k) => k !== "");
}

/**
 * Whether a Groups table's "In total" cell switches its group out: "No", in any case, as the
 * formula's `="No"` compares (Excel's `=` ignores case). Anything else (Yes, blank) is in.
 */
export function switchedOut(inTotal: unknown): boolean {
  return typeof inTotal === "string" && inTotal.toUpperCase() === "NO";
}

/** One row of the Groups table, as read. */
export interface GroupRow {
  name: string;
  inTotal: unknown;
}

/** One budget line, as read from the detail: its Group cell and its money before the switch. */
export interface GroupedLine {
  group: string;
  /** Subtotal (wages or cost before fringes): a number, or what the cell shows ("#VALUE!"). */
  subtotal: unknown;
  fringes: unknown;
}

/** A group as the pane lists it. */
export interface GroupSummary {
  /** The name as first written (the Groups table's, else the first line's). */
  name: string;
  key: string;
  /** False when the Groups table switches it out. */
  inTotal: boolean;
  /** True when the Groups table has a row for it (else the switch adds one). */
  inTable: boolean;
  /** Lines carrying the group. */
  lines: number;
  /** What its lines cost, fringes included, to the cent; null when a line shows an error. */
  cost: Decimal | null;
  /** The first error a line of the group shows ("#VALUE!"), when cost is null. */
  error: string | null;
}

/** A line's money cell as a decimal, or the error text it shows. Blank is 0 (a heading row). */
function money(value: unknown): Decimal | string {
  if (typeof value === "number") return fromNumber(value);
  if (value === "" || value === null || value === undefined) return ZERO;
  return String(value);
}

/**
 * The groups of a budget: every row of the Groups table, then every tag lines carry that the table
 * lacks, each with its lines, what they cost (subtotal + fringes, summed exact and rounded once to
 * the cent) and whether it is in the total. A line counts towards each of its groups, so a line in
 * two groups is in both costs; the costs need not add up to anything.
 */
export function summarizeGroups(table: readonly GroupRow[], lines: readonly GroupedLine[]): GroupSummary[] {
  const byKey = new Map<string, GroupSummary & { sum: Decimal }>();
  const entry = (name: string, key: string, inTable: boolean) => {
    let g = byKey.get(key);
    if (!g) {
      g = { name, key, inTotal: true, inTable, lines: 0, cost: null, error: null, sum: ZERO };
      byKey.set(key, g);
    }
    return g;
  };
  for (const row of table) {
    const key = groupKey(row.name);
    if (key === "") continue;
    const g = entry(row.name.trim(), key, true);
    // Any row of the table that says No switches the group out (the formula's SUMPRODUCT counts
    // every matching row).
    if (switchedOut(row.inTotal)) g.inTotal = false;
  }
  for (const line of lines) {
    // A tag written twice on one line counts the line once, as the formula's FIND does.
    const tags = new Map(line.group.split(",").map((t) => [groupKey(t), t.trim()] as const));
    tags.delete("");
    for (const [key, tag] of tags) {
      const g = entry(tag, key, false);
      g.lines += 1;
      for (const part of [money(line.subtotal), money(line.fringes)]) {
        if (typeof part === "string") g.error ??= part;
        else g.sum = g.sum.plus(part);
      }
    }
  }
  return [...byKey.values()].map(({ sum, ...g }) => ({
    ...g,
    cost: g.error === null ? roundCents(sum) : null,
  }));
}

/**
 * Whether a line counts in the total: none of its groups is switched out in the table (the rule
 * of the detail's In total column).
 */
export function lineInTotal(group: string, table: readonly GroupRow[]): boolean {
  const out = new Set(table.filter((r) => switchedOut(r.inTotal)).map((r) => groupKey(r.name)));
  out.delete("");
  return !lineGroupKeys(group).some((k) => out.has(k));
}
