/*
 * A new fringe table as PROD writes it, the same on the Templates panel's Fringes sheet and on
 * the Fringes panel's "new Fringes sheet": header, one row per library fringe, number formats,
 * the Excel table over them and the column widths.
 */
import { FRINGE_TABLE_COLUMNS, fringeTableRows, headerKey } from "../../engine/fringes/table";
import type { FringeDefinition } from "../../engine/fringes/library";
import { type CellBlock, type TableSpec, NUMBER_FORMATS } from "../../excel/port";

/** Column widths (points) for {@link FRINGE_TABLE_COLUMNS}: the description is the long one. */
export const FRINGE_TABLE_WIDTHS = [110, 60, 70, 90, 90, 170, 150, 260, 360];

/** A cell's number format by column: a % fringe's rate as percent, other rates and caps as money. */
function formatFor(header: unknown, d: FringeDefinition): string | null {
  switch (headerKey(header)) {
    case "rate":
      return d.type === "%" ? NUMBER_FORMATS.percent : NUMBER_FORMATS.money;
    case "cutoff":
    case "threshold":
      return NUMBER_FORMATS.money;
    default:
      return null;
  }
}

/**
 * The number formats of library fringes as rows of a fringe table with these headers (any
 * order, case and spacing, as `fringeTableRows` reads them): the same shape as its rows.
 */
export function fringeTableFormats(
  definitions: readonly FringeDefinition[],
  headers: readonly unknown[] = FRINGE_TABLE_COLUMNS,
): (string | null)[][] {
  return definitions.map((d) => headers.map((h) => formatFor(h, d)));
}

/** The cells and the Excel table of a new fringe table named `name`, header at `row` in column A. */
export function newFringeTable(
  name: string,
  row: number,
  definitions: readonly FringeDefinition[],
): { block: CellBlock; table: TableSpec } {
  return {
    block: {
      row,
      column: 0,
      cells: [[...FRINGE_TABLE_COLUMNS], ...fringeTableRows(definitions)],
      cellFormats: [FRINGE_TABLE_COLUMNS.map(() => null), ...fringeTableFormats(definitions)],
    },
    table: {
      name,
      row,
      column: 0,
      rowCount: definitions.length + 1,
      columnCount: FRINGE_TABLE_COLUMNS.length,
    },
  };
}
