/*
 * A workbook for pane tests: the real Office.js adapter over the in-memory mock Excel, so panels
 * are tested against the same port behaviour (refusals, ownership, text protection) as in Excel.
 */
import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { MockBook, mockExcel } from "../excel/mockExcel";

export function fakeWorkbook() {
  const book = new MockBook();
  const excel = mockExcel(book);
  const port = new OfficeWorkbook({ run: excel.run });
  return { book, excel, port };
}

/**
 * Records the syncs each `findLinksTo` call of the port takes: what a panel's check for links
 * into the sheet it replaces adds to a run.
 */
export function countLinkSyncs(port: OfficeWorkbook, excel: { state: { syncs: number } }): number[] {
  const find = port.findLinksTo.bind(port);
  const syncs: number[] = [];
  port.findLinksTo = async (name) => {
    const at = excel.state.syncs;
    const found = await find(name);
    syncs.push(excel.state.syncs - at);
    return found;
  };
  return syncs;
}
