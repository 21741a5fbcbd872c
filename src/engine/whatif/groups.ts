/**
 * Groups: what-if by lines (issue 21). A budget line carries tags in its Group cell ("Stunts",
 * "Night shoot", "Option: crane"), several separated by commas ("Stunts, Night shoot"); the
 * Groups table switches each group in or out of the total. A line in any group that is out is
 * left out of every total, fringes included: Movie Magic Budgeting's rule for a line in several
 * groups (a group excluded excludes its lines, whatever other groups they are in).
 *
 * The template's own formulas decide it in Excel (templates/groupFormulas.ts); this module is the
 * same rule for the pane, which lists the groups with what each costs: it must read tags exactly
 * as the formulas do, and pay people's capped fringes in the formulas' order (priorWages). The formulas match a tag with `","&UPPER(SUBSTITUTE(tag," ",""))&","`
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
  /** Fringes as the sheet shows them, with the switches as they are. */
  fringes: unknown;
  /** The line's person, for the per-person caps; absent on a line that pays no one. */
  caps?: PersonCaps;
}

/** Who a line pays, as the per-person caps read it, and its fringes at other prior wages. */
export interface PersonCaps {
  /** The person's key as the caps' SUMIFS compare it (the detail's Person key); "" for no one. */
  person: string;
  /** X, how many people the line pays: what was paid before is shared between them. */
  people: unknown;
  /**
   * The line's fringes when each of its people was already paid `prior`, to the cent, or the
   * error the line would show. Asked only where a switch changes the line's prior wages.
   */
  fringesAt(prior: Decimal): Decimal | string;
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
 * lacks, each with its lines, whether it is in the total, and what it costs: what switching that
 * group alone saves from the total as the switches are (or adds, for a group that is out),
 * fringes included, to the cent ({@link switchSaves}). A line in a group that is out and in
 * another that is not stays out either way, so it costs the other nothing; a person's lines in
 * two groups share the caps, so the two costs need not add up to what switching both saves.
 */
export function summarizeGroups(table: readonly GroupRow[], lines: readonly GroupedLine[]): GroupSummary[] {
  const byKey = new Map<string, GroupSummary>();
  const entry = (name: string, key: string, inTable: boolean) => {
    let g = byKey.get(key);
    if (!g) {
      g = { name, key, inTotal: true, inTable, lines: 0, cost: null, error: null };
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
    for (const [key, tag] of tags) entry(tag, key, false).lines += 1;
  }
  const out = new Set([...byKey.values()].filter((g) => !g.inTotal).map((g) => g.key));
  return [...byKey.values()].map((g) => {
    const saves = switchSaves(lines, out, g.key);
    return typeof saves === "string" ? { ...g, error: saves } : { ...g, cost: saves };
  });
}

/**
 * What each line's people were already paid, for the caps, with the groups `out` switched out:
 * the template's Prior wages formula (templates/buildPlan.ts). A person's lines in no group are
 * paid first, in order, then their lines in a group (any text in the Group cell), in order;
 * lines out of the total paid nobody; what was paid is shared between the line's X people. A line
 * with no person, or an X that is not above 0, was paid nothing before. Wages that are not a
 * number (an error, text) count for nothing, as SUMIFS adds numbers only.
 */
export function priorWages(lines: readonly GroupedLine[], out: ReadonlySet<string>): Decimal[] {
  const wages = (line: GroupedLine) => (typeof line.subtotal === "number" ? fromNumber(line.subtotal) : ZERO);
  const paid = (map: Map<string, Decimal>, person: string) => map.get(person) ?? ZERO;
  const add = (map: Map<string, Decimal>, person: string, amount: Decimal) =>
    map.set(person, paid(map, person).plus(amount));
  const counted = lines.map(
    (line) => line.caps !== undefined && line.caps.person !== "" && inTotalWith(line, out),
  );
  const ungrouped = new Map<string, Decimal>();
  lines.forEach((line, i) => {
    if (counted[i] && line.group === "") add(ungrouped, line.caps!.person, wages(line));
  });
  const before = new Map<string, Decimal>();
  const groupedBefore = new Map<string, Decimal>();
  return lines.map((line, i) => {
    const caps = line.caps;
    if (caps === undefined || caps.person === "") return ZERO;
    const grouped = line.group !== "";
    const prior = grouped
      ? paid(ungrouped, caps.person).plus(paid(groupedBefore, caps.person))
      : paid(before, caps.person);
    if (counted[i]) add(grouped ? groupedBefore : before, caps.person, wages(line));
    const people = typeof caps.people === "number" ? caps.people : 0;
    return people > 0 ? prior.div(people) : ZERO;
  });
}

/** Whether a line counts in the total with the groups `out` (keys) switched out. */
function inTotalWith(line: Pick<GroupedLine, "group">, out: ReadonlySet<string>): boolean {
  return !lineGroupKeys(line.group).some((k) => out.has(k));
}

/**
 * What switching the group `key` alone saves, to the cent: the total with it in less the total
 * with it out, every other group as `out` has it (every line in the total, its fringes at its
 * prior wages: {@link priorWages}, {@link PersonCaps.fringesAt}). Only the lines the switch
 * changes are worked out: those that go in or out with it, and the same people's lines whose
 * prior wages it changes (a line whose prior wages the switch
 * leaves as they are keeps the sheet's fringes), so an error on a line it does not touch is not
 * its error. The first error a changed line shows, when one does.
 */
export function switchSaves(
  lines: readonly GroupedLine[],
  out: ReadonlySet<string>,
  key: string,
): Decimal | string {
  const withIt = new Set(out);
  withIt.delete(key);
  const without = new Set(out).add(key);
  const current = priorWages(lines, out);
  const [priorIn, priorOut] = [priorWages(lines, withIt), priorWages(lines, without)];
  const cost = (line: GroupedLine, i: number, prior: Decimal, inTotal: boolean): Decimal | string => {
    if (!inTotal) return ZERO;
    const subtotal = money(line.subtotal);
    if (typeof subtotal === "string") return subtotal;
    const fringes =
      line.caps === undefined || prior.eq(current[i]) ? money(line.fringes) : line.caps.fringesAt(prior);
    return typeof fringes === "string" ? fringes : subtotal.plus(fringes);
  };
  let saves = ZERO;
  for (const [i, line] of lines.entries()) {
    const [isIn, isOut] = [inTotalWith(line, withIt), inTotalWith(line, without)];
    if (isIn === isOut && priorIn[i].eq(priorOut[i])) continue;
    const [a, b] = [cost(line, i, priorIn[i], isIn), cost(line, i, priorOut[i], isOut)];
    if (typeof a === "string") return a;
    if (typeof b === "string") return b;
    saves = saves.plus(a).minus(b);
  }
  return roundCents(saves);
}

/**
 * Whether a line counts in the total: none of its groups is switched out in the table (the rule
 * of the detail's In total column).
 */
export function lineInTotal(group: string, table: readonly GroupRow[]): boolean {
  const out = new Set(table.filter((r) => switchedOut(r.inTotal)).map((r) => groupKey(r.name)));
  out.delete("");
  return inTotalWith({ group }, out);
}
