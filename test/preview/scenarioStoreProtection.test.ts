/*
 * The What-if panel's scenario store is protected in the preview as in Excel, the same way as the
 * version store (versionStoreProtection.test.ts): typing into "Scenarios" is refused with Excel's
 * own message and changes nothing, PROD's own saves still write (lifting the protection for the
 * write only), and after the user's Unprotect Sheet the next save protects it again.
 */
import { PROTECTED_SHEET_MESSAGE } from "../../src/excel/port";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { type Budget, readScenarios, writeScenarios } from "../../src/taskpane/whatif/whatifWorkbook";

/** The store only needs the budget's names: no template is inserted. */
const budget: Budget = {
  copy: "",
  topSheet: "Top Sheet",
  detail: "Budget detail",
  globals: "Globals",
  groupsTable: "Groups",
  storeSheet: "Scenarios",
  comparisonSheet: "Scenario comparison",
};
const days = (name: string, value: number) => ({
  name,
  saved: "2026-12-04 16:40",
  globals: [{ name: "Shoot_Days", cell: { kind: "number" as const, value } }],
});
/** The first scenario's row: its value cell (E5). */
const VALUE = { row: 4, column: 4 };

describe("the scenario store in the preview", () => {
  it("is protected once saved, refuses typing in Excel's words, and is protected again at the next save after Unprotect Sheet", async () => {
    const book = new MemoryWorkbook();
    const first = [days("30 days", 30)];
    await writeScenarios(book, budget, first, []);
    expect(book.isProtected("Scenarios")).toBe(true);
    expect(book.view("Scenarios", VALUE.row, VALUE.column).display).toBe("30");
    expect(() => book.enter("Scenarios", VALUE.row, VALUE.column, "45")).toThrow(PROTECTED_SHEET_MESSAGE);
    expect(book.view("Scenarios", VALUE.row, VALUE.column).display).toBe("30");

    // PROD's own save writes through it, and leaves it protected.
    const second = [...first, days("35 days", 35)];
    await writeScenarios(book, budget, second, first);
    expect(book.isProtected("Scenarios")).toBe(true);

    // Review > Unprotect Sheet: the user may type; the next save protects it again.
    book.unprotectSheet("Scenarios");
    book.enter("Scenarios", VALUE.row, VALUE.column, "31");
    const read = (await readScenarios(book, budget)).scenarios;
    expect(read.map((s) => [s.name, s.globals[0].cell])).toEqual([
      ["30 days", { kind: "number", value: 31 }],
      ["35 days", { kind: "number", value: 35 }],
    ]);
    await writeScenarios(book, budget, [...read, days("40 days", 40)], read);
    expect(book.isProtected("Scenarios")).toBe(true);
    expect((await readScenarios(book, budget)).scenarios.map((s) => s.name)).toEqual([
      "30 days",
      "35 days",
      "40 days",
    ]);
    expect(() => book.enter("Scenarios", VALUE.row, VALUE.column, "45")).toThrow(PROTECTED_SHEET_MESSAGE);
  });
});
