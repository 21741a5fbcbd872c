/**
 * Saving a budget as a version, and the version store: one table of values on a PROD sheet,
 * one row per budget line (and per Top Sheet figure), so the comparison's formulas can sum it
 * with SUMIFS and the store is readable by anyone who opens the workbook (issue 21: "a table on
 * a PROD sheet"; saved versions are values and never change).
 */
import { accountKey, tryParseAccount } from "../accounts";
import { LAYOUT_IDS } from "../chart";
import { checkedNumber, fnv1a } from "../check";
import { describeValue, errors, ProdError } from "../errors";
import { type Decimal, isBlankOrSpaces, roundCents, toDecimal, ZERO } from "../money";
import type { BudgetLine } from "../weeklyCostReport/types";
import type { BudgetVersion, TopSheetFigure, VersionLine } from "./types";

/** What the live budget is called beside the saved versions. */
export const CURRENT = "Current";

/** The longest version name: it heads a column of the comparison sheet. */
export const MAX_NAME_LENGTH = 60;

/** The store table's header row, in column order. */
export const STORE_HEADER = [
  "Number",
  "Version",
  "Saved",
  "Chart",
  "Account",
  "Description",
  "Total",
  "Top sheet row",
  "Check",
] as const;

/** How many headings a store made before PROD kept checks has (no Check column). */
const UNCHECKED_STORE_COLUMNS = STORE_HEADER.length - 1;

/** 0-based columns of the store table. */
export const STORE_COLUMNS = {
  id: 0,
  name: 1,
  savedOn: 2,
  layout: 3,
  account: 4,
  description: 5,
  total: 6,
  topSheetRow: 7,
  check: 8,
} as const;

/** A cell of the store as the engine lays it out: the pane writes `text` cells as text. */
export type StoreCell = number | { text: string } | null;

/**
 * What saving under `name` does: a new version with the next number, or the replacement of the
 * version already saved under that name (case and outer spaces ignored, as people read names),
 * which the pane asks about first (issue 21: "a version name already used asks before replacing").
 *
 * @param name - the name typed
 * @param saved - the versions in the store
 * @throws ProdError (invalid) for a blank name, "Current" (the live budget's name) or a name too long
 */
export function nameForSave(
  name: string,
  saved: readonly BudgetVersion[],
): { name: string; id: number; replaces?: BudgetVersion } {
  const trimmed = name.trim();
  if (trimmed === "") throw errors.required("Version name");
  if (trimmed.toLowerCase() === CURRENT.toLowerCase()) {
    throw errors.invalid(
      "Version name",
      `cannot be "${CURRENT}": that is the live budget. Give the version its own name`,
    );
  }
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw errors.invalid(
      "Version name",
      `must be ${MAX_NAME_LENGTH} characters or fewer, got ${trimmed.length}`,
    );
  }
  const replaces = saved.find((v) => v.name.trim().toLowerCase() === trimmed.toLowerCase());
  if (replaces) return { name: trimmed, id: replaces.id, replaces };
  return { name: trimmed, id: saved.reduce((most, v) => Math.max(most, v.id), 0) + 1 };
}

/**
 * A budget's lines as a version's: each account read to its canonical key (accounts.ts), so 25-01
 * saved today and 2501 typed tomorrow are the same account. The lines come from the cost report's
 * budget reader (weeklyCostReport mapBudgetRows), which has already left out and reported the rows
 * that are not budget lines.
 *
 * @throws ProdError (invalid) when the budget has no line with an account
 */
export function versionLines(lines: readonly BudgetLine[]): VersionLine[] {
  const out: VersionLine[] = [];
  for (const line of lines) {
    const account = tryParseAccount(line.account);
    // mapBudgetRows keeps only lines whose account reads; anything else is a bug upstream.
    if (account === undefined) throw new Error(`not an account: ${describeValue(line.account)}`);
    out.push({ account: accountKey(account), description: line.description, total: line.amount });
  }
  if (out.length === 0) {
    throw new ProdError(
      "invalid",
      "The budget has no line with an account and an amount: there is nothing to save.",
    );
  }
  return out;
}

/**
 * An account key as the store writes it: a number for a numeric account (so SUMIFS can select a
 * range of them, ">=2500" and "<2600"), text for an AICP code ("D114").
 */
export function accountCell(key: string): number | { text: string } {
  return /^\d+$/.test(key) ? Number(key) : { text: key };
}

/** A figure as the store keeps it, for the check: to Excel's 15 digits (check.ts). */
const checkedFigure = (total: Decimal) => checkedNumber(total.toNumber());

/**
 * A check of a version's figures as the store holds them (number, name, date, chart, each line's
 * account, description and total, each Top Sheet row, in order): FNV-1a (check.ts) over their
 * text, as 8 hex digits. It tells a version edited by hand on the store's sheet from the one PROD
 * saved; it is not a seal against someone who means to forge one.
 */
export function versionCheck(version: BudgetVersion): string {
  const fields = [
    String(version.id),
    version.name,
    version.savedOn,
    version.layout,
    ...version.lines.flatMap((l) => [l.account, l.description, checkedFigure(l.total)]),
    ...version.topSheet.flatMap((t) => [String(t.row), t.label, checkedFigure(t.total)]),
  ];
  // Fields joined by the unit separator (U+001F), so "ab"+"c" and "a"+"bc" differ.
  return fnv1a(fields.join("\u001f"));
}

/**
 * Whether a saved version's figures are no longer the ones PROD saved: its check does not match
 * what the store holds now (someone unprotected the sheet and edited it). A version without a
 * check (a store made before PROD kept them) cannot be told, and counts as unchanged.
 */
export function changedSinceSaved(version: BudgetVersion): boolean {
  return version.check !== undefined && version.check !== versionCheck(version);
}

/**
 * A version as store rows: its lines, then its Top Sheet figures (account blank), each with the
 * version's check: the one it was saved with (a version read from the store keeps its own, so an
 * edit by hand is still told after the store is rewritten), or a new one for a version saved now.
 */
export function storeRows(version: BudgetVersion): StoreCell[][] {
  const check = version.check ?? versionCheck(version);
  const head = (): StoreCell[] => [
    version.id,
    { text: version.name },
    { text: version.savedOn },
    { text: version.layout },
  ];
  return [
    ...version.lines.map((l) => [
      ...head(),
      accountCell(l.account),
      { text: l.description },
      l.total.toNumber(),
      null,
      { text: check },
    ]),
    ...version.topSheet.map((t) => [
      ...head(),
      null,
      { text: t.label },
      t.total.toNumber(),
      t.row,
      { text: check },
    ]),
  ];
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/**
 * Reads the store back into versions, in the order of their numbers, each with the check its
 * first row holds (none in a store made before PROD kept checks: its eight headings are read).
 *
 * @param headers - the table's header row
 * @param rows - its data rows, as Excel gives values
 * @throws ProdError (invalid) naming the row when the store was edited into something unreadable
 */
export function readStore(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): BudgetVersion[] {
  const checked = headers.length !== UNCHECKED_STORE_COLUMNS;
  const expected = checked ? STORE_HEADER : STORE_HEADER.slice(0, UNCHECKED_STORE_COLUMNS);
  if (expected.some((h, i) => text(headers[i]).trim() !== h)) {
    throw new ProdError(
      "invalid",
      `The versions table's headings were changed; PROD expects ${STORE_HEADER.join(" | ")}. Put them back to read the saved versions.`,
    );
  }
  const C = STORE_COLUMNS;
  const byId = new Map<number, BudgetVersion>();
  rows.forEach((row, i) => {
    const where = `The versions table, row ${i + 2}`;
    const id = row[C.id];
    if (typeof id !== "number" || !Number.isInteger(id) || id < 1) {
      throw errors.invalid(
        where,
        `must have a version number (1 or more) in Number, got ${describeValue(id)}`,
      );
    }
    const layout = LAYOUT_IDS.find((l) => l === text(row[C.layout]).trim());
    if (layout === undefined) {
      throw errors.invalid(
        where,
        `must name a chart (${LAYOUT_IDS.join(", ")}) in Chart, got ${describeValue(row[C.layout])}`,
      );
    }
    let version = byId.get(id);
    if (!version) {
      version = {
        id,
        name: text(row[C.name]),
        savedOn: text(row[C.savedOn]),
        layout,
        lines: [],
        topSheet: [],
        ...(checked ? { check: text(row[C.check]).trim() } : {}),
      };
      byId.set(id, version);
    }
    const total = toDecimal(row[C.total], `${where}, Total`);
    const topRow = row[C.topSheetRow];
    if (!isBlankOrSpaces(topRow)) {
      if (typeof topRow !== "number" || !Number.isInteger(topRow) || topRow < 1) {
        throw errors.invalid(`${where}, Top sheet row`, `must be a row number, got ${describeValue(topRow)}`);
      }
      const figure: TopSheetFigure = { row: topRow, label: text(row[C.description]), total };
      version.topSheet.push(figure);
      return;
    }
    const account = tryParseAccount(row[C.account]);
    if (account === undefined) {
      throw errors.invalid(
        `${where}, Account`,
        `must be an account code, got ${describeValue(row[C.account])}`,
      );
    }
    version.lines.push({ account: accountKey(account), description: text(row[C.description]), total });
  });
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The store's rows with `version` saved: replacing the one of the same number, else added last. */
export function storeWith(saved: readonly BudgetVersion[], version: BudgetVersion): BudgetVersion[] {
  const others = saved.filter((v) => v.id !== version.id);
  return [...others, version].sort((a, b) => a.id - b.id);
}

/** A version's grand total to the cent: its lines added, rounded once. */
export function versionTotal(lines: readonly VersionLine[]): Decimal {
  return roundCents(lines.reduce((sum, l) => sum.plus(l.total), ZERO));
}
