import { OfficeWorkbook } from "../../src/excel/officeWorkbook";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { MockBook, mockExcel } from "../excel/mockExcel";
import { describeWorkbookPortContract } from "./workbookPortContract";

describeWorkbookPortContract(
  "the Office adapter (on office-addin-mock's Excel)",
  () => new OfficeWorkbook({ run: mockExcel(new MockBook()).run }),
);
describeWorkbookPortContract("the preview's in-memory workbook", () => new MemoryWorkbook());
