/*
 * Copy numbers for what a panel creates: the first run makes "Fringes", the next "Fringes 2",
 * and so on, so PROD never refuses or touches a sheet, name or table the workbook already has.
 */
import type { WorkbookPort } from "../../excel/port";

/**
 * The first copy number (1, 2, ...) for which none of `wanted(copy)` is already used in the
 * workbook as a sheet, a workbook name or a table name. Excel compares these ignoring case
 * ("fringes" and "Fringes" clash), so this does too.
 *
 * @param wanted - the sheet, name and table names copy number `copy` would create
 * @param alsoTaken - true for a copy number taken for another reason (its ownership marks are
 *   still there after the user renamed its sheets)
 */
export async function firstFreeCopy(
  port: WorkbookPort,
  wanted: (copy: number) => readonly string[],
  alsoTaken: (copy: number) => boolean = () => false,
): Promise<number> {
  const [sheets, names, tables] = await Promise.all([port.listSheets(), port.listNames(), port.listTables()]);
  const taken = new Set(
    [...sheets, ...names.map((n) => n.name), ...tables.map((t) => t.name)].map((s) => s.toLowerCase()),
  );
  for (let copy = 1; ; copy++) {
    if (!alsoTaken(copy) && wanted(copy).every((w) => !taken.has(w.toLowerCase()))) return copy;
  }
}
