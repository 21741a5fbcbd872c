/*
 * A store of what the user saved (the Versions panel's versions, the What-if panel's scenarios)
 * is rewritten whole at each save. Excel applies a failed request up to the command that failed,
 * so a save that fails after Excel cleared the store would lose every saved item: what was saved
 * before is then written back as it was read, and the error says whether it could be.
 */
import { PortError, type WorkbookPort } from "../../excel/port";

/** What the user is told after a failed save: the store as it was, or what to do when it could not be put back. */
export interface PutBackWords {
  /** Said when the items saved before were written back ("The versions saved before are on …"). */
  restored: string;
  /** Said when even that failed: what to do before anything else. */
  lost: string;
}

/**
 * Writes `next` into the store with `write`; if Excel fails or the user cancels once writing may
 * have begun, writes `saved` (the store as read before) back and rethrows with `words` added. A
 * refusal before anything was written (any other PortError kind) is rethrown as it is.
 *
 * @param write - writes the items; `restoring` is true for the write-back, which Cancel must not
 *   cut short (it is what puts the store right after a Cancel)
 */
export async function rewriteKeepingSaved<T>(
  write: (items: T, restoring: boolean) => Promise<void>,
  next: T,
  saved: T,
  words: PutBackWords,
): Promise<void> {
  try {
    await write(next, false);
  } catch (error) {
    if (!(error instanceof PortError) || (error.kind !== "host" && error.kind !== "cancelled")) throw error;
    const restored = await write(saved, true).then(
      () => true,
      () => false,
    );
    throw new PortError(
      error.kind,
      `${error.message} ${restored ? words.restored : words.lost}`,
      error.subjects,
    );
  }
}

/** A store's sheet as PROD writes it, to mark it again: whose it is and the title in its A1. */
export interface StoreSheet {
  owner: string;
  /** The copy of the output its mark is for (WritePlan.copy). */
  copy?: string;
  sheet: string;
  markKey: string;
  /** The title PROD writes in A1 (bold), by which the store is told when its mark is gone. */
  title: string;
}

/**
 * Before the pane writes a store (or writes from it): a store whose hidden mark is gone (`saved`
 * was read by its content, `unmarked`) is taken back only when `confirm` says yes, asked with
 * what was read on it. It is taken back as it is (the plan's "remark" mode): marked again and
 * protected, nothing on it cleared or rewritten (the one cell written is its title, as it is), so
 * everything saved on it stays, even a row PROD cannot read. Answers `saved`, now marked, or
 * null when the user said no: nothing was written. A store that needs no taking back is answered
 * as it is, nothing asked. The Versions and What-if panels' stores both use it.
 */
export async function takeBackSaved<T extends { unmarked: boolean }>(
  port: WorkbookPort,
  store: StoreSheet,
  saved: T,
  confirm: (sheet: string, saved: T) => Promise<boolean>,
): Promise<T | null> {
  if (!saved.unmarked) return saved;
  if (!(await confirm(store.sheet, saved))) return null;
  await port.apply({
    owner: store.owner,
    copy: store.copy,
    sheets: [
      {
        name: store.sheet,
        mode: "remark",
        markKey: store.markKey,
        blocks: [{ row: 0, column: 0, cells: [[store.title]], bold: true }],
        protect: true,
      },
    ],
  });
  return { ...saved, unmarked: false };
}
