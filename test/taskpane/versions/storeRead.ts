/*
 * The version store as the Versions pane reads it once before an action (takeBackVersions), for
 * tests of the actions on a store that needs no question (none yet, or PROD's by its mark).
 */
import type { WorkbookPort } from "../../../src/excel/port";
import { takeBackVersions, type StoreState } from "../../../src/taskpane/versions/versionStore";

export async function storeRead(port: WorkbookPort): Promise<StoreState> {
  const store = await takeBackVersions(port, () => Promise.reject(new Error("asked to take the store back")));
  if (store === null) throw new Error("the store was kept as it was");
  return store;
}
