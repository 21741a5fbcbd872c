/*
 * The version store in the workbook: the table PROD_Versions on the sheet "PROD versions", which
 * PROD owns by its ownership mark (port.ts). The first save makes the sheet and the table; every
 * later save rewrites the table's rows in place (replaceTableRows), so the comparison's formulas,
 * which name the table, keep pointing at it. A sheet of that name PROD did not make is never
 * written to. The sheet is protected without a password (issue 21: "protected-from-accident"):
 * Excel refuses a change typed into it, the user can lift it knowingly (Review > Unprotect
 * Sheet), and PROD lifts it only for its own writes and protects it again after each.
 *
 * If the sheet's hidden mark is deleted (a macro, a name tool), the table stays (a table is not a
 * workbook name): the store is then told by its title and headings, its versions are read and
 * listed, and the pane takes it back after one question (takeBackVersions) before it writes.
 */
import {
  readStore,
  STORE_HEADER,
  storeRows,
  storeWith,
  versionCheck,
  type BudgetVersion,
} from "../../engine/versions";
import {
  NUMBER_FORMATS,
  PortError,
  type RunOptions,
  type WorkbookPort,
  type WritePlan,
} from "../../excel/port";
import { marksSheet, showsSignature, unmarkedSheetWords, type SheetSignature } from "../shell/ownedSheet";
import { rewriteKeepingSaved, takeBackSaved } from "../shell/savedStore";
import { STORE_TABLE } from "./formulas";

/** The owner key of everything the Versions panel writes. */
export const VERSIONS_OWNER = "versions";
/** The store's sheet. */
export const STORE_SHEET = "PROD versions";
const STORE_KEY = "store";
/** The store table's header row (0-based): under a title and a note. */
const STORE_HEADER_ROW = 2;
/** The store's title, in A1. */
const STORE_TITLE = "Saved budget versions";
/**
 * A store PROD made, told when its mark is gone: its title in A1 and the table's first headings
 * on the header row (the same in a store made before PROD kept checks).
 */
const STORE_SIGNATURE: SheetSignature = {
  address: `A1:B${STORE_HEADER_ROW + 1}`,
  matches: (v) =>
    v[0]?.[0] === STORE_TITLE &&
    v[STORE_HEADER_ROW]?.[0] === STORE_HEADER[0] &&
    v[STORE_HEADER_ROW]?.[1] === STORE_HEADER[1],
};

/**
 * Where the store stands in this workbook: its versions and how many columns its table has (a
 * store made before PROD kept checks has no Check column), and whether its hidden mark is gone
 * (`unmarked`: read by its title and headings; the pane asks before writing, takeBackVersions).
 */
export type StoreState =
  { kind: "none" } | { kind: "ours"; versions: BudgetVersion[]; columns: number; unmarked: boolean };

/**
 * Reads the saved versions. No store yet is "none"; a store whose mark is gone is read by its
 * title and headings (`unmarked`); a sheet named like the store that is not PROD's by mark or
 * content, or a store whose table is gone, is refused in words (never written over).
 */
export async function readVersions(port: WorkbookPort, options: RunOptions = {}): Promise<StoreState> {
  const [sheets, owned] = await Promise.all([port.listSheets(), port.findOwned(VERSIONS_OWNER)]);
  const store = owned.find((o) => o.key === STORE_KEY);
  const name = store?.sheet ?? sheets.find((s) => s.toLowerCase() === STORE_SHEET.toLowerCase());
  if (name === undefined) return { kind: "none" };
  const unmarked = !marksSheet(owned, STORE_KEY, name);
  if (unmarked && !(await showsSignature(port, name, STORE_SIGNATURE))) {
    throw new PortError(
      "notOwned",
      `"${name}" was not made by PROD, so PROD keeps versions nowhere else and wrote nothing.`,
      [name],
    );
  }
  const table = await port.readTable(STORE_TABLE, options);
  // Without its mark, the store is the table on that sheet only (never a table elsewhere).
  if (!table || (unmarked && table.sheet.toLowerCase() !== name.toLowerCase())) {
    throw new PortError(
      "notFound",
      `The versions table ${STORE_TABLE} on "${name}" is gone, so the saved versions cannot be read. Undo the change that removed it, or delete the sheet "${name}" to start a new store.`,
      [STORE_TABLE],
    );
  }
  const versions = readStore(table.headers, table.rows);
  return { kind: "ours", versions, columns: table.headers.length, unmarked };
}

/**
 * The store as an action that writes it or from it (save, compare, lock) may use it: a store
 * whose mark is gone is refused in words, since the pane takes it back first, after its question
 * (takeBackVersions). No read: the pane hands in the store it read once.
 */
export function versionsToUse(state: StoreState): StoreState {
  if (state.kind === "ours" && state.unmarked)
    throw new PortError(
      "notOwned",
      `${unmarkedSheetWords(STORE_SHEET, "a version store")} PROD takes it back only after asking, so PROD wrote nothing. Try again from the Versions panel to be asked.`,
      [STORE_SHEET],
    );
  return state;
}

/**
 * Before the pane saves, compares or locks: the store, read once for the action (readVersions).
 * A store whose hidden mark is gone is taken back only when `confirm` says yes, asked with the
 * versions read on it (takeBackSaved: marked again and protected as it is, every version and its
 * check kept), and is then read again: the workbook was the user's while the question was open,
 * and a version saved or a row edited meanwhile must not be written over from the read before it.
 * Null when the user said no: nothing was written. Any other store needs no question.
 */
export async function takeBackVersions(
  port: WorkbookPort,
  confirm: (sheet: string, versions: readonly BudgetVersion[]) => Promise<boolean>,
): Promise<StoreState | null> {
  const state = await readVersions(port);
  if (state.kind === "none" || !state.unmarked) return state;
  const store = { owner: VERSIONS_OWNER, sheet: STORE_SHEET, markKey: STORE_KEY, title: STORE_TITLE };
  if ((await takeBackSaved(port, store, state, (sheet, s) => confirm(sheet, s.versions))) === null)
    return null;
  return versionsToUse(await readVersions(port));
}

/**
 * The number formats of the store's columns (STORE_HEADER): numbers whole, the account as
 * General, totals with cents; text columns are written as text. Every save writes them, the
 * first with the new sheet and each later one with the rewritten rows.
 */
const STORE_FORMATS: (string | null)[] = [
  "0",
  null,
  null,
  null,
  NUMBER_FORMATS.general,
  null,
  NUMBER_FORMATS.money,
  "0",
  null,
];

/** The plan that makes the store with its first version. */
export function newStorePlan(version: BudgetVersion): WritePlan {
  const rows = storeRows(version);
  return {
    owner: VERSIONS_OWNER,
    sheets: [
      {
        name: STORE_SHEET,
        mode: "create",
        markKey: STORE_KEY,
        blocks: [
          { row: 0, column: 0, cells: [[STORE_TITLE]], bold: true },
          {
            row: 1,
            column: 0,
            cells: [
              [
                "Written by PROD's Versions panel: each saved version's lines as values, which the Budget comparison sheet adds up. Protected against changes by accident (Review > Unprotect Sheet lifts it).",
              ],
            ],
          },
          { row: STORE_HEADER_ROW, column: 0, cells: [[...STORE_HEADER]], bold: true },
          {
            row: STORE_HEADER_ROW + 1,
            column: 0,
            cells: rows,
            columnFormats: STORE_FORMATS,
          },
        ],
        tables: [
          {
            name: STORE_TABLE,
            row: STORE_HEADER_ROW,
            column: 0,
            rowCount: rows.length + 1,
            columnCount: STORE_HEADER.length,
          },
        ],
        freeze: { rows: STORE_HEADER_ROW + 1 },
        columnWidths: [50, 140, 110, 70, 60, 240, 100, 90, 70],
        protect: true,
      },
    ],
  };
}

/**
 * Saves a version: a new store, or the store's rows rewritten with the version added (or put in
 * place of the one it replaces, which the pane asked about). Answers the store's versions as
 * written, as a read of it would give them (readVersions), for the pane's list: the store is not
 * read again after a save.
 */
export async function saveVersion(
  port: WorkbookPort,
  state: StoreState,
  version: BudgetVersion,
  options: RunOptions = {},
): Promise<BudgetVersion[]> {
  // A store made before PROD kept checks has no column for them: its rows are written without,
  // and its versions are read without one. Every other version holds the check written with it.
  const columns = state.kind === "none" ? STORE_HEADER.length : state.columns;
  const written = state.kind === "none" ? [version] : storeWith(state.versions, version);
  const asRead = written.map((v) =>
    columns < STORE_HEADER.length ? v : { ...v, check: v.check ?? versionCheck(v) },
  );
  if (state.kind === "none") {
    await port.apply(newStorePlan(version), options);
    return asRead;
  }
  const asStored = (versions: readonly BudgetVersion[]) =>
    versions.flatMap(storeRows).map((row) => row.slice(0, columns));
  // A cell the user typed below the table is not written over: the port refuses, in words. The
  // sheet's protection is lifted for each write only, and put back even if the write fails. The
  // versions saved before are written back as they were read (their checks too) if a save fails.
  try {
    await rewriteKeepingSaved(
      (versions: readonly BudgetVersion[], restoring) =>
        port.replaceTableRows(STORE_TABLE, asStored(versions), {
          ...(restoring ? {} : options),
          protect: true,
          // The store's formats: Excel gives new rows of a table none (TableWriteOptions).
          columnFormats: STORE_FORMATS.slice(0, state.columns),
        }),
      written,
      state.versions,
      {
        restored: `The versions saved before are on "${STORE_SHEET}" as they were.`,
        lost: `PROD could not write back the versions saved before on "${STORE_SHEET}": use Excel's Undo (Ctrl+Z) before anything else, or save them again from their budgets.`,
      },
    );
  } catch (error) {
    // A store the user protected again with a password is refused before anything is written.
    if (!(error instanceof PortError) || error.kind !== "protected") throw error;
    throw new PortError(
      error.kind,
      `${error.message} Nothing was saved, and the versions saved before are as they were.`,
      error.subjects,
    );
  }
  return asRead;
}
