/**
 * Remembering a column mapping per vendor file layout (spec/taskpane.md section 3: "columns are
 * mapped once ... and the mapping is remembered"), so next week's file from the same vendor
 * system maps itself. The memory itself is the panels' shared one (shell/columnMemory.ts).
 */
import { COLUMN_ROLES, type ColumnRole } from "../../engine/bids";
import { columnMemory, type ColumnMemory, type KeyValueStorage } from "../shell/columnMemory";

/** Where bid mappings are kept, by header layout. */
export type MappingStore = ColumnMemory<ColumnRole>;

/** Bid mappings in Web Storage (the key prefix is kept from the first release). */
export function webStorageMappingStore(storage: KeyValueStorage | undefined): MappingStore {
  return columnMemory(
    storage,
    "prod.bids.mapping.v1:",
    COLUMN_ROLES.map((r) => r.role),
  );
}
