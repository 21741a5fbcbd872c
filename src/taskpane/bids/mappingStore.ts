/**
 * Remembering a column mapping per vendor file layout (spec/taskpane.md section 3: "columns are
 * mapped once ... and the mapping is remembered"). A layout is keyed by its header signature
 * (engine `headerSignature`), so next week's file from the same vendor system maps itself.
 */
import { COLUMN_ROLES, type ColumnMapping } from "../../engine/bids";

/** Where mappings are kept: the browser's storage here; Office document settings fit too. */
export interface MappingStore {
  /** The mapping saved for a layout, or undefined. */
  get(signature: string): ColumnMapping | undefined;
  /** Saves the mapping for a layout. */
  set(signature: string, mapping: ColumnMapping): void;
}

/** The part of the Web Storage API the store uses (localStorage, or a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const PREFIX = "prod.bids.mapping.v1:";

/** Keeps only known roles with whole, non-negative column numbers: storage can hold anything. */
function cleanMapping(value: unknown): ColumnMapping | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const mapping: ColumnMapping = {};
  for (const { role } of COLUMN_ROLES) {
    const col = (value as Record<string, unknown>)[role];
    if (typeof col === "number" && Number.isInteger(col) && col >= 0) mapping[role] = col;
  }
  return mapping;
}

/**
 * A {@link MappingStore} on Web Storage. Storage that is full or blocked (private windows, some
 * Office hosts) makes remembering fail quietly by design: the user maps the columns again, which
 * is the only consequence, so it is not an error to show.
 */
export function webStorageMappingStore(storage: KeyValueStorage | undefined): MappingStore {
  return {
    get(signature) {
      if (!storage || signature === "") return undefined;
      try {
        const text = storage.getItem(PREFIX + signature);
        return text === null ? undefined : cleanMapping(JSON.parse(text));
      } catch {
        return undefined;
      }
    },
    set(signature, mapping) {
      if (!storage || signature === "") return;
      try {
        storage.setItem(PREFIX + signature, JSON.stringify(mapping));
      } catch {
        // Full or blocked storage: see above, the mapping is simply not remembered.
      }
    },
  };
}
