/*
 * A store of what the user saved (the Versions panel's versions, the What-if panel's scenarios)
 * is rewritten whole at each save. Excel applies a failed request up to the command that failed,
 * so a save that fails after Excel cleared the store would lose every saved item: what was saved
 * before is then written back as it was read, and the error says whether it could be.
 */
import { PortError } from "../../excel/port";

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
