/*
 * The formulas behind groups (issue 21, what-if by lines), in plain Excel so a budget keeps
 * answering with the add-in closed. The rule is the engine's (engine/whatif/groups.ts): a line's
 * Group cell holds tags separated by commas; ordinary spaces and case are ignored; a line in any
 * group whose "In total" is No is out of every total.
 *
 * Tags are matched with FIND (exact, no wildcards: a group may be called "Option: crane?") on
 * `,KEY,` inside `,KEY1,KEY2,`, so "Stunts" never matches "Stunts 2nd unit".
 */
import { NUMBER_FORMATS } from "../../excel/port";

/** The columns of the Groups table on the Globals sheet. */
export const GROUPS_COLUMNS = ["Group", "In total", "Cost with fringes"] as const;

/**
 * The number formats of a Groups table row ({@link GROUPS_COLUMNS}): the cost as money. The
 * template writes them, and so must every rewrite of the rows (TableWriteOptions.columnFormats).
 */
export const GROUPS_FORMATS: readonly (string | null)[] = [null, null, NUMBER_FORMATS.money];

/** What the In total cells hold; the formulas test for OUT only (blank or anything else is in). */
export const IN_TOTAL = { in: "Yes", out: "No" } as const;

/** The key of a tag or a Group cell as the formulas read it: `","&UPPER(SUBSTITUTE(x," ",""))&","`. */
const key = (x: string) => `","&UPPER(SUBSTITUTE(${x}," ",""))&","`;

/**
 * A detail line's In total cell: "No" when one of the line's groups is switched out in the Groups
 * table, else "Yes". The table is small, so SUMPRODUCT over it costs little per line; a table
 * row with no name never matches (its key would be ",,").
 */
export function inTotalFormula(groupCell: string, table: string): string {
  const name = `${table}[${GROUPS_COLUMNS[0]}]`;
  const switchCol = `${table}[${GROUPS_COLUMNS[1]}]`;
  const matches = `(SUBSTITUTE(${name}," ","")<>"")*(${switchCol}="${IN_TOTAL.out}")*ISNUMBER(FIND(${key(name)},${key(groupCell)}))`;
  return `=IF(SUMPRODUCT(${matches})>0,"${IN_TOTAL.out}","${IN_TOTAL.in}")`;
}

/**
 * What a group's lines cost, fringes included, whether the group is in the total or not: the
 * Subtotal and Fringes of every line carrying it. IF picks the group's lines before adding, so
 * an error on another line (a fringe rate still to fill in) stays out of this group's cost, and an
 * error on one of its own lines shows, as the top sheet's SUMIFS do.
 */
export function groupCostFormula(
  nameCell: string,
  detailGroup: string,
  subtotal: string,
  fringes: string,
): string {
  return `=IF(SUBSTITUTE(${nameCell}," ","")="","",SUMPRODUCT(IF(ISNUMBER(FIND(${key(nameCell)},${key(detailGroup)})),${subtotal}+${fringes},0)))`;
}
