/**
 * Matching the same item across vendors' bids by its name (spec/taskpane.md section 3: "Items
 * are matched across vendors by normalized name; the user can fix a match").
 *
 * The normalization is deliberately simple and predictable, so a user can tell why two lines
 * matched or did not: no fuzzy scores, no reordering of words.
 */

/** Shorthand used on rental-house price lists, spelled out so "w/" and "with" match. */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bw\/\s*o\b/g, " without "],
  [/\bw\//g, " with "],
  [/&/g, " and "],
  [/\+/g, " and "],
  [/\bpkg\b/g, " package "],
];

/** Plurals the suffix rules below get wrong, common on camera and grip lists. */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ["lenses", "lens"],
  ["buses", "bus"],
  ["gasses", "gas"],
]);

/** Singular of one lower-case word: "stands" -> "stand", "batteries" -> "battery", "boxes" -> "box". */
function singular(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/**
 * The key two item names must share to match: lower case, accents dropped, "w/" -> "with",
 * "&" and "+" -> "and", "pkg" -> "package", punctuation -> spaces (a point between digits is
 * kept: "2.8"), each word made singular, spaces collapsed. Word order is kept.
 *
 * "4x4 Floppies w/ Stands" and "4X4 floppy with stand" both give "4x4 floppy with stand".
 */
export function normalizeItemName(name: string): string {
  let s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  for (const [pattern, replacement] of ABBREVIATIONS) s = s.replace(pattern, replacement);
  // Words are runs of letters and digits; a point between digits stays inside a word ("2.8").
  return (s.match(/(?:\d+\.\d+|[a-z0-9])+/g) ?? []).map(singular).join(" ");
}

/**
 * A user's correction of a match: this vendor's item goes with another item, or stands alone.
 */
export interface MatchOverride {
  /** The vendor whose line is re-matched. */
  readonly vendorId: string;
  /** The vendor's item, as its normalized name ({@link normalizeItemName}). */
  readonly itemKey: string;
  /**
   * The key of the item it should be compared with; `null` keeps it on its own row (not matched
   * with any other vendor's item).
   */
  readonly matchTo: string | null;
}

/** The row key of an item kept on its own by a {@link MatchOverride} with `matchTo: null`. */
export function ownRowKey(vendorId: string, itemKey: string): string {
  return `${itemKey} [${vendorId}]`;
}

/**
 * The comparison row a vendor's item goes to: its normalized name, unless the user re-matched it.
 *
 * @param overrides - the user's corrections, looked up by vendor and item key
 */
export function matchKey(
  vendorId: string,
  itemKey: string,
  overrides: ReadonlyMap<string, string | null>,
): string {
  const override = overrides.get(overrideId(vendorId, itemKey));
  if (override === undefined) return itemKey;
  return override === null ? ownRowKey(vendorId, itemKey) : override;
}

/** The lookup key of an override. */
export function overrideId(vendorId: string, itemKey: string): string {
  return `${vendorId}\u0000${itemKey}`;
}

/** The overrides as a lookup map; a later override for the same item wins. */
export function overrideMap(overrides: readonly MatchOverride[]): Map<string, string | null> {
  return new Map(overrides.map((o) => [overrideId(o.vendorId, o.itemKey), o.matchTo]));
}
