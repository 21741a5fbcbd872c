/**
 * What the Bids panel remembers: a column mapping per vendor file layout (spec/taskpane.md
 * section 3: "columns are mapped once ... and the mapping is remembered"), so next week's file
 * from the same vendor system maps itself (the panels' shared memory, shell/columnMemory.ts), and
 * each vendor's terms by the vendor's name.
 */
import {
  COLUMN_ROLES,
  weekDayColumns,
  type ColumnMapping,
  type ColumnRole,
  type TermsText,
} from "../../engine/bids";
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

/**
 * A vendor's name as the pane tells vendors apart: trimmed, spaces collapsed, case ignored
 * ("ScreenLight  & Grip" and "screenlight & grip" are one vendor).
 */
export function vendorNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase();
}

/** Each vendor's terms as last compared, by vendor name (issue 17: terms are per vendor). */
export interface TermsStore {
  /** The terms last compared for a vendor of this name, or undefined. */
  get(name: string): TermsText | undefined;
  /** Remembers the terms a vendor of this name was compared on. */
  set(name: string, terms: TermsText): void;
}

const TERMS_PREFIX = "prod.bids.terms.v1:";
const TERMS_TEXT_FIELDS = ["weekDays", "discount", "lossDamage", "taxRate", "delivery", "pickup"] as const;

/**
 * Vendor terms in Web Storage, by {@link vendorNameKey}. What comes back is checked field by
 * field; storage that is blocked or full only means the terms are typed again (as for mappings,
 * shell/columnMemory.ts), so its failures are not errors to show.
 */
export function webStorageTermsStore(storage: KeyValueStorage | undefined): TermsStore {
  return {
    get(name) {
      const key = vendorNameKey(name);
      if (!storage || key === "") return undefined;
      try {
        const parsed: unknown = JSON.parse(storage.getItem(TERMS_PREFIX + key) ?? "null");
        if (typeof parsed !== "object" || parsed === null) return undefined;
        const fields = parsed as Record<string, unknown>;
        const { taxableByDefault } = fields;
        if (typeof taxableByDefault !== "boolean") return undefined;
        if (TERMS_TEXT_FIELDS.some((f) => typeof fields[f] !== "string")) return undefined;
        const text = (f: (typeof TERMS_TEXT_FIELDS)[number]) => fields[f] as string;
        return {
          weekDays: text("weekDays"),
          discount: text("discount"),
          lossDamage: text("lossDamage"),
          taxRate: text("taxRate"),
          delivery: text("delivery"),
          pickup: text("pickup"),
          taxableByDefault,
        };
      } catch {
        return undefined;
      }
    },
    set(name, terms) {
      const key = vendorNameKey(name);
      if (!storage || key === "") return;
      try {
        storage.setItem(TERMS_PREFIX + key, JSON.stringify(terms));
      } catch {
        // Full or blocked storage: see above, the terms are simply not remembered.
      }
    },
  };
}
