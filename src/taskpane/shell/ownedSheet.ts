/**
 * Whether a sheet the pane wrote is still the pane's, by its ownership mark. The mark is a
 * workbook name: it follows the sheet when the user renames it and points at #REF! when the
 * user deletes it, so the mark's key alone does not say the sheet of that name is there and ours.
 */
import type { OwnedRegion } from "../../excel/port";

/** Whether the mark `key` (from `findOwned`) marks the sheet named `sheet`. */
export function marksSheet(owned: readonly OwnedRegion[], key: string, sheet: string): boolean {
  return owned.some((o) => o.key === key && o.sheet === sheet);
}
