/**
 * Remembering a column mapping per vendor file layout (spec/taskpane.md section 3: "columns are
 * mapped once ... and the mapping is remembered"), so next week's file from the same vendor
 * system maps itself. The memory itself is the panels' shared one (shell/columnMemory.ts).
 */
import { COLUMN_ROLES, weekDayColumns, type ColumnMapping, type ColumnRole } from "../../engine/bids";
import { columnMemory, type KeyValueStorage } from "../shell/columnMemory";

/** Where bid mappings are kept, by header layout. */
export interface MappingStore {
  /** The mapping confirmed for this header layout, or undefined. */
  get(headers: readonly unknown[]): ColumnMapping | undefined;
  /** Remembers the mapping confirmed for this header layout. */
  set(headers: readonly unknown[], mapping: ColumnMapping): void;
}

/**
 * Bid mappings in Web Storage (the key prefix is kept from the first release). Per-week day
 * columns are remembered as the choice of them ("weeks": the first week's column): the same
 * headers give the same week columns again (engine weekDayColumns).
 */
export function webStorageMappingStore(storage: KeyValueStorage | undefined): MappingStore {
  const memory = columnMemory<ColumnRole | "weeks">(storage, "prod.bids.mapping.v1:", [
    ...COLUMN_ROLES.map((r) => r.role),
    "weeks",
  ]);
  return {
    get(headers) {
      const remembered = memory.get(headers);
      if (!remembered) return undefined;
      const { weeks, ...roles } = remembered;
      const weekColumns = weekDayColumns(headers);
      return weeks !== undefined && weekColumns ? { ...roles, weekColumns } : roles;
    },
    set(headers, { weekColumns, ...roles }) {
      memory.set(headers, weekColumns?.length ? { ...roles, weeks: weekColumns[0] } : roles);
    },
  };
}
