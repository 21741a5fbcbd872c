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
