/**
 * Column mappings remembered per file layout, for every panel that reads someone else's columns
 * (spec/taskpane.md 3: a vendor's bid "mapped once ... and the mapping is remembered"; 4: next
 * week's ledger export from the same accounting system maps itself). A layout is keyed by its
 * header signature (engine `headerSignature`: the header texts, case and spacing ignored).
 *
 * Storage that is blocked or full (private windows, some Office hosts) only means the user maps
 * the columns again, so its failures are not errors to show.
 */
import { headerSignature } from "../../engine/bids";

/** The part of the Web Storage API the memory uses (localStorage, or a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The host's storage partition (see setStoragePartition), or "" where it has none. */
let partition = "";

/**
 * Excel on the web gives each add-in a storage partition (`Office.context.partitionKey`) and
 * requires localStorage keys to carry it; desktop Excel has none. The Office entry sets it once,
 * at start; every key browserStorage() reads or writes is then prefixed with it.
 */
export function setStoragePartition(key: string | undefined): void {
  partition = key ? `${key}/` : "";
}

/** The browser's localStorage (in the host's partition), or nothing where the host blocks it. */
export function browserStorage(): KeyValueStorage | undefined {
  let storage: Storage;
  try {
    if (typeof localStorage === "undefined") return undefined;
    storage = localStorage;
  } catch {
    // Blocked storage: mappings are then not remembered (see above).
    return undefined;
  }
  if (partition === "") return storage;
  const prefix = partition;
  return {
    getItem: (key) => storage.getItem(prefix + key),
    setItem: (key, value) => storage.setItem(prefix + key, value),
  };
}

/** A mapping: field -> 0-based column. */
export type ColumnsOf<F extends string> = Partial<Record<F, number>>;

/** Remembered mappings of one kind of input. */
export interface ColumnMemory<F extends string> {
  /** The mapping confirmed for this header layout, or undefined. */
  get(headers: readonly unknown[]): ColumnsOf<F> | undefined;
  /** Remembers the mapping confirmed for this header layout. */
  set(headers: readonly unknown[], columns: ColumnsOf<F>): void;
}

/**
 * Mappings kept in Web Storage under `prefix` + header signature. What comes back is checked:
 * only the given fields, each a whole column number inside the header.
 */
export function columnMemory<F extends string>(
  storage: KeyValueStorage | undefined,
  prefix: string,
  fields: readonly F[],
): ColumnMemory<F> {
  return {
    get(headers) {
      const signature = headerSignature(headers);
      if (!storage || signature === "") return undefined;
      try {
        const raw = storage.getItem(prefix + signature);
        if (raw === null) return undefined;
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== "object" || parsed === null) return undefined;
        const columns: ColumnsOf<F> = {};
        for (const field of fields) {
          const col = (parsed as Record<string, unknown>)[field];
          if (typeof col === "number" && Number.isInteger(col) && col >= 0 && col < headers.length)
            columns[field] = col;
        }
        return columns;
      } catch {
        return undefined;
      }
    },
    set(headers, columns) {
      const signature = headerSignature(headers);
      if (!storage || signature === "") return;
      try {
        storage.setItem(prefix + signature, JSON.stringify(columns));
      } catch {
        // Full or blocked storage: see above, the mapping is simply not remembered.
      }
    },
  };
}
