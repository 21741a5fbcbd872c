/*
 * A row's check as PROD wrote it before it kept where formulas point (before the `v2` mark,
 * userWork.ts CHECK_VERSION): one FNV-1a hash per cell of PROD's of what Excel reads back of it,
 * a formula by its shape alone. Comparison sheets written so are in users' workbooks: the tests
 * write such checks to hold that they are still read as they were.
 */
import { checkedNumber, fnv1a } from "../../../src/engine/check";
import { formulaShape } from "../../../src/excel/formulaRefs";
import { ROW_CHECK } from "../../../src/taskpane/shell/userWork";
import type { Cell, TextCell } from "../../../src/excel/port";

/** The check of a row of `cells` (from column 0), its notes column `notes` (the user's) left out. */
export function oldRowCheck(cells: readonly Cell[], notes: number | null): TextCell {
  const reading = (cell: Cell) => {
    if (cell === null) return "";
    if (typeof cell === "number") return `n${checkedNumber(cell)}`;
    if (typeof cell === "string") return `t${cell}`;
    if (typeof cell === "boolean") return cell ? "bTRUE" : "bFALSE";
    return "text" in cell ? `t${cell.text}` : `f${formulaShape(cell.formula)}`;
  };
  const hashes = cells.flatMap((cell, c) => (c === notes ? [] : [fnv1a(reading(cell))]));
  return { text: `${ROW_CHECK} ${hashes.join(" ")}` };
}
