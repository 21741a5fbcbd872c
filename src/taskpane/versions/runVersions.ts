/*
 * What the Versions panel's buttons do, over the workbook port: save the live budget as a
 * version, compare it with saved versions on the "Budget comparison" sheet, and lock a version's
 * totals beside the Top Sheet. Each reads what it needs once, decides with the engine, and writes
 * one plan; the pane only asks the user's questions (a name already used, cells not empty).
 */
import { parseAccountFilter } from "../../engine/accounts";
import { ProdError } from "../../engine/errors";
import { roundCents } from "../../engine/money";
import {
  changedSinceSaved,
  chartNote,
  compareBudgets,
  CURRENT,
  nameForSave,
  refuseTextAmounts,
  versionTotal,
  type BudgetVersion,
  type ComparedBudget,
  type Comparison,
  type TopSheetFigure,
} from "../../engine/versions";
import type { RunOptions, WorkbookPort } from "../../excel/port";
import {
  earlierWork,
  replaceQuestion,
  sheetTarget,
  type SheetQuestion,
  type SheetTarget,
} from "../shell/ownedSheet";
import { formatDollars } from "../shell/formatMoney";
import { carriedWords, KEPT_HEADING } from "../shell/userWork";
import {
  comparisonPlan,
  COMPARISON_KEY,
  COMPARISON_SHEET,
  COMPARISON_SIGNATURE,
  earlierRows,
  type ComparedSource,
} from "./comparisonSheet";
import { lockOriginalPlan, type LockPlan } from "./lockOriginal";
import { readLiveBudget, type BudgetChoice } from "./source";
import { saveVersion, versionsToUse, VERSIONS_OWNER, type StoreState } from "./versionStore";

/** The saved versions to compare or lock from: a store whose mark is gone is refused (versionsToUse). */
function versionsToRead(store: StoreState): BudgetVersion[] {
  const state = versionsToUse(store);
  return state.kind === "ours" ? state.versions : [];
}

/** What saving did, for the message under the button. */
export interface SaveResult {
  version: BudgetVersion;
  replaced: boolean;
  /** The version's total, to the cent. */
  total: string;
  /** Which figure of the template's Top Sheet that total is ({@link topSheetWords}); "" for a range. */
  onTopSheet: string;
  /** The store's versions as written (saveVersion), for the pane's list: not read again. */
  versions: BudgetVersion[];
}

/**
 * Saves the live budget under `name`. A name already used is replaced only when `confirmReplace`
 * says yes; a no saves nothing and returns null.
 *
 * @param store - the store as the pane read it for this save (takeBackVersions): not read again
 * @param savedOn - the date and time to record ("2026-12-04 16:40")
 */
export async function saveCurrent(
  port: WorkbookPort,
  store: StoreState,
  choice: BudgetChoice,
  name: string,
  savedOn: string,
  confirmReplace: (existing: BudgetVersion) => Promise<boolean>,
  options: RunOptions = {},
): Promise<SaveResult | null> {
  const state = versionsToUse(store);
  const saved = state.kind === "ours" ? state.versions : [];
  const target = nameForSave(name, saved);
  const budget = await readLiveBudget(port, choice);
  if (target.replaces && !(await confirmReplace(target.replaces))) return null;
  const version: BudgetVersion = {
    id: target.id,
    name: target.name,
    savedOn,
    layout: budget.layout,
    lines: budget.lines,
    topSheet: budget.topSheet,
  };
  const versions = await saveVersion(port, state, version, options);
  return {
    version,
    replaced: target.replaces !== undefined,
    total: versionTotal(version.lines).toFixed(2),
    onTopSheet: topSheetWords(version),
    versions,
  };
}

/**
 * Which figure of the template's Top Sheet a version's total (its lines added, rounded once) is,
 * in words, so the figure Save shows is never taken for another: the Top Sheet's Grand total
 * when they are the same, else the row that is (the total before charges: "Total Above +
 * Below-the-line") and the Grand total that adds the charges; "" for a budget range (no Top
 * Sheet). A Top Sheet showing no figure the same says so, with its Grand total.
 */
export function topSheetWords(version: BudgetVersion): string {
  if (version.topSheet.length === 0) return "";
  const total = versionTotal(version.lines);
  const same = (f: TopSheetFigure) => roundCents(f.total).equals(total);
  const grand = version.topSheet.find((f) => f.label.startsWith("Grand total"));
  if (grand && same(grand)) return `the Top Sheet's ${grand.label}`;
  const row = version.topSheet.filter((f) => (grand === undefined || f.row < grand.row) && same(f)).at(-1);
  const charges = grand ? `${grand.label}, ${formatDollars(grand.total)}` : null;
  if (row === undefined) return `not a total the Top Sheet shows${charges ? ` (its ${charges})` : ""}`;
  return `the Top Sheet's ${row.label}${charges ? `; its ${charges}, adds the charges` : ""}`;
}

/** How to compare, as the pane's fields say. */
export interface CompareRequest {
  /** The saved versions to compare with Current (1 to 3), by number. */
  versionIds: readonly number[];
  /** The base: "current" or a version's number. */
  base: "current" | number;
  /** An account filter in the ACCTSUM grammar; blank for every account. */
  filter: string;
  topSheetOnly: boolean;
}

/** What comparing did. */
export interface CompareResult {
  /** The engine's comparison: the figures the sheet's formulas show. */
  comparison: Comparison;
  /** Where it went. */
  target: SheetTarget;
  /**
   * The versions compared whose figures were changed on the store's sheet after PROD saved them
   * (changedSinceSaved): the sheet adds them up as they are now, and the pane says so.
   */
  changed: BudgetVersion[];
  /** What the user had typed on the comparison replaced and where it went, in words ("" if nothing). */
  carried: string;
}

/**
 * Compares Current with saved versions and writes the "Budget comparison" sheet (replacing PROD's
 * own earlier one, by its mark); a sheet of that name that is not PROD's is never written to: the
 * comparison goes to "Budget comparison 2" (or the next name free), as Bids and Incentives do
 * (sheetTarget). The sheet replaced is read first (readSheetCells: two reads) for what the user
 * typed on it (userWork.ts), which goes to the same rows of the new one, and the workbook asked
 * which cells and names elsewhere link to it (findLinksTo). One question is asked before anything
 * is written (replaceQuestion) when the user typed on it, when other cells link to it, or when it
 * shows PROD's title and headings but has lost its mark; a no writes nothing and returns null.
 */
export async function compareCurrent(
  port: WorkbookPort,
  store: StoreState,
  choice: BudgetChoice,
  request: CompareRequest,
  confirm: (question: SheetQuestion, sheet: string) => Promise<boolean>,
  options: RunOptions = {},
): Promise<CompareResult | null> {
  const filterText = request.filter.trim();
  const filter = filterText === "" ? undefined : parseAccountFilter(filterText, "Accounts");
  if (request.versionIds.length === 0) {
    throw new ProdError("invalid", "Pick at least one saved version to compare with Current.");
  }
  const saved = versionsToRead(store);
  const picked = request.versionIds.map((id) => {
    const version = saved.find((v) => v.id === id);
    if (!version)
      throw new ProdError("invalid", "A version picked is no longer saved. Pick the versions again.");
    return version;
  });
  const live = await readLiveBudget(port, choice);
  refuseTextAmounts(live.label, live.textAmounts);
  const budgets: ComparedBudget[] = [{ name: CURRENT, layout: live.layout, lines: live.lines }, ...picked];
  const base = request.base === "current" ? 0 : 1 + picked.findIndex((v) => v.id === request.base);
  if (base < 0) throw new ProdError("invalid", "The base must be Current or one of the versions compared.");
  const comparison = compareBudgets(budgets, {
    layout: live.layout,
    base,
    filter,
    topSheetOnly: request.topSheetOnly,
  });
  const sources: ComparedSource[] = [
    { kind: "live", refs: live.refs, spellings: live.spellings },
    ...picked.map((v): ComparedSource => ({ kind: "store", id: v.id })),
  ];
  const allKeys = [...new Set(budgets.flatMap((b) => b.lines.map((l) => l.account)))];
  const target = await sheetTarget(
    port,
    VERSIONS_OWNER,
    COMPARISON_KEY,
    COMPARISON_SHEET,
    COMPARISON_SIGNATURE,
  );
  const earlier = await earlierWork(port, target, earlierRows);
  const { plan, carry } = comparisonPlan(
    comparison,
    sources,
    allKeys,
    {
      source: `Current is the budget on ${live.label}.`,
      chart: chartNote(comparison),
      filter: filter ? filterText : null,
      topSheetOnly: request.topSheetOnly,
    },
    target,
    earlier.typed,
  );
  // The facts as earlierWork found them, as every comparison asks (What-if, Incentives).
  const question = replaceQuestion({
    ...earlier,
    what: "a budget comparison",
    carry,
    keptHeading: KEPT_HEADING,
  });
  if (question && !(await confirm(question, target.sheetName))) return null;
  await port.apply(plan, options);
  return {
    comparison,
    target,
    changed: picked.filter(changedSinceSaved),
    carried: carriedWords(carry, KEPT_HEADING, true),
  };
}

/**
 * Writes a saved version's totals as "Original" beside the template's Top Sheet, with the
 * "Variance". Cells there that are not empty are written over only when `confirmOverwrite` says
 * yes (they may be PROD's own from an earlier lock, or the user's); a no writes nothing.
 *
 * @returns null when the user said no; else the rows the version and this Top Sheet do not share
 *   (a version saved from another layout is matched by row names: lockOriginal.ts), and whether
 *   the version's figures were changed on the store's sheet after PROD saved them
 */
export async function lockOriginal(
  port: WorkbookPort,
  store: StoreState,
  choice: BudgetChoice,
  versionId: number,
  confirmOverwrite: (address: string) => Promise<boolean>,
): Promise<(Pick<LockPlan, "missing" | "dropped"> & { changed: boolean }) | null> {
  if (choice.kind !== "template" || choice.topSheet === null) {
    throw new ProdError(
      "invalid",
      "Original totals go beside a template's Top Sheet: pick a budget a PROD template made.",
    );
  }
  const version = versionsToRead(store).find((v) => v.id === versionId);
  if (!version) throw new ProdError("invalid", "That version is no longer saved. Pick it again.");
  const live = await readLiveBudget(port, choice);
  const { plan, target, missing, dropped } = lockOriginalPlan(choice.topSheet, version, live.topSheet);
  const taken = await port.findNonEmpty([target]);
  if (taken.length > 0 && !(await confirmOverwrite(`${target.sheet}!${target.address}`))) return null;
  await port.apply(plan);
  return { missing, dropped, changed: changedSinceSaved(version) };
}
