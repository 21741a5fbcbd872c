import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { MockBook, mockExcel } from "../excel/mockExcel";
import {
  describeHiddenColumnsContract,
  describeRowsContract,
  describeWorkbookPortContract,
} from "./workbookPortContract";

describeWorkbookPortContract(
  "the Office adapter (on office-addin-mock's Excel)",
  () => new OfficeWorkbook({ run: mockExcel(new MockBook()).run }),
);
describeWorkbookPortContract("the preview's in-memory workbook", () => new MemoryWorkbook());

describeHiddenColumnsContract("the Office adapter (on office-addin-mock's Excel)", () => {
  const book = new MockBook();
  return {
    port: new OfficeWorkbook({ run: mockExcel(book).run }),
    user: {
      hideColumns: (sheet, column, count) => {
        for (let c = column; c < column + count; c++) book.sheet(sheet).hiddenColumns.add(c);
      },
      deleteColumns: (sheet, column, count) => book.deleteColumns(sheet, column, count),
      hiddenColumns: (sheet) => [...book.sheet(sheet).hiddenColumns].sort((a, b) => a - b),
    },
  };
});
describeHiddenColumnsContract("the preview's in-memory workbook", () => {
  const book = new MemoryWorkbook();
  return {
    port: book,
    user: {
      hideColumns: (sheet, column, count) => book.setColumnsHidden(sheet, column, count, true),
      deleteColumns: (sheet, column, count) => book.deleteColumns(sheet, column, count),
      hiddenColumns: (sheet) => book.layout(sheet).hiddenColumns ?? [],
    },
  };
});
describeRowsContract("the Office adapter (on office-addin-mock's Excel)", () => {
  const book = new MockBook();
  return { port: new OfficeWorkbook({ run: mockExcel(book).run }), user: book };
});
describeRowsContract("the preview's in-memory workbook", () => {
  const book = new MemoryWorkbook();
  return { port: book, user: book };
});
