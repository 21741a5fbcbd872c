/*
 * The version store as the Versions pane reads it once before an action (takeBackVersions), for
 * tests of the actions on a store that needs no question (none yet, or PROD's by its mark).
 */
import type { WorkbookPort } from "../../../src/excel/port";
import type { BudgetVersion } from "../../../src/engine/versions";
import { readVersions, takeBackVersions, type StoreState } from "../../../src/taskpane/versions/versionStore";

export async function storeRead(port: WorkbookPort): Promise<StoreState> {
  const store = await takeBackVersions(port, () => Promise.reject(new Error("asked to take the store back")));
  if (store === null) throw new Error("the store was kept as it was");
  return store;
}

/** The saved versions as the store holds them now (none before the first save). */
export async function savedVersions(port: WorkbookPort): Promise<BudgetVersion[]> {
  const state = await readVersions(port);
  return state.kind === "ours" ? state.versions : [];
}
