/**
 * @jest-environment jsdom
 */
/*
 * The version store is protected in the preview as in Excel (issue 21: "protected-from-accident"):
 * the grid refuses typing and Delete on "PROD versions" with Excel's own message and changes
 * nothing, PROD's own saves still write (lifting the protection for the write only), and the
 * user can lift it knowingly with Unprotect Sheet, after which the next save protects it again.
 */
import { createElement } from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { PROTECTED_SHEET_MESSAGE, PortError } from "../../src/excel/port";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";
import { saveCurrent } from "../../src/taskpane/versions/runVersions";
import type { BudgetChoice } from "../../src/taskpane/versions/source";
import { STORE_SHEET } from "../../src/taskpane/versions/versionStore";
import { savedVersions, storeRead } from "../taskpane/versions/storeRead";

const yes = () => Promise.resolve(true);

// jsdom lays nothing out, so elements have no scrollTo; the grid scrolls a new sheet to A1.
beforeAll(() => {
  Element.prototype.scrollTo = () => undefined;
});

async function bookWithVersion() {
  const book = new MemoryWorkbook();
  await book.apply({
    owner: "user",
    sheets: [
      {
        name: "Budget",
        mode: "create",
        blocks: [
          {
            row: 0,
            column: 0,
            cells: [
              ["Account", "Description", "Amount"],
              [1101, "Rights", 1000],
              [2001, "UPM", 2500.5],
            ],
          },
        ],
      },
    ],
  });
  const choice: BudgetChoice = {
    kind: "range",
    ref: { sheet: "Budget", address: "A1:C3" },
    layout: "FEATURE",
  };
  await saveCurrent(book, await storeRead(book), choice, "Approved", "2026-12-04 16:40", yes);
  return { book, choice };
}

/** The store's first line: its Total cell (G4). */
const TOTAL = { row: 3, column: 6 };

describe("the version store in the preview", () => {
  it("shows every total with cents after a later save, the new rows of the table too, as Excel does", async () => {
    const { book, choice } = await bookWithVersion();
    await saveCurrent(book, await storeRead(book), choice, "Working", "2026-12-05 09:00", yes);
    // Rows 4-5 hold "Approved" (written again), rows 6-7 "Working" (new rows of the table).
    const shown = (column: number) => [3, 4, 5, 6].map((r) => book.view(STORE_SHEET, r, column).display);
    expect(shown(TOTAL.column)).toEqual(["1,000.00 ", "2,500.50 ", "1,000.00 ", "2,500.50 "]);
    expect(shown(0)).toEqual(["1", "1", "2", "2"]);
    expect(shown(1)).toEqual(["Approved", "Approved", "Working", "Working"]);
    expect(shown(4)).toEqual(["1101", "2001", "1101", "2001"]);
  });

  it("is protected once saved: typing into it is refused in Excel's words and changes nothing", async () => {
    const { book } = await bookWithVersion();
    expect(book.isProtected(STORE_SHEET)).toBe(true);
    expect(book.view(STORE_SHEET, TOTAL.row, TOTAL.column).display).toBe("1,000.00 ");
    let refusal: unknown;
    try {
      book.enter(STORE_SHEET, TOTAL.row, TOTAL.column, "5");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PortError);
    expect(refusal).toMatchObject({ kind: "protected", message: PROTECTED_SHEET_MESSAGE });
    // A header typed over (which renames a table column) is refused too.
    expect(() => book.enter(STORE_SHEET, 2, 6, "Amount")).toThrow(PROTECTED_SHEET_MESSAGE);
    expect(book.view(STORE_SHEET, TOTAL.row, TOTAL.column).display).toBe("1,000.00 ");
    expect(book.view(STORE_SHEET, 2, 6).display).toBe("Total");
    // Other sheets take typing as before.
    book.enter("Budget", 1, 2, "1200");
    expect(book.view("Budget", 1, 2).input).toBe("1200");
  });

  it("refuses a key typed or Delete in the grid with Excel's message, and offers Unprotect Sheet", async () => {
    const { book } = await bookWithVersion();
    book.activate(STORE_SHEET);
    book.select(STORE_SHEET, TOTAL.row, TOTAL.column);
    render(createElement(WorkbookGrid, { book }));
    const region = screen.getByRole("region", { name: `Sheet ${STORE_SHEET}` });
    fireEvent.keyDown(region, { key: "5" });
    expect(screen.getByRole("alert").textContent).toBe(PROTECTED_SHEET_MESSAGE);
    expect((screen.getByRole("textbox", { name: "Formula bar" }) as HTMLInputElement).value).toBe("1000");
    fireEvent.keyDown(region, { key: "Delete" });
    expect(book.view(STORE_SHEET, TOTAL.row, TOTAL.column).display).toBe("1,000.00 ");
    // Typed in the formula bar and entered: refused, and the bar shows the cell again.
    const bar = screen.getByRole("textbox", { name: "Formula bar" }) as HTMLInputElement;
    fireEvent.change(bar, { target: { value: "7" } });
    fireEvent.keyDown(bar, { key: "Enter" });
    expect(screen.getByRole("alert").textContent).toBe(PROTECTED_SHEET_MESSAGE);
    expect(bar.value).toBe("1000");
    expect(book.view(STORE_SHEET, TOTAL.row, TOTAL.column).display).toBe("1,000.00 ");

    // Review > Unprotect Sheet: the user's knowing choice; then typing works.
    fireEvent.click(screen.getByRole("button", { name: "Unprotect Sheet" }));
    expect(book.isProtected(STORE_SHEET)).toBe(false);
    expect(screen.queryByRole("button", { name: "Unprotect Sheet" })).toBeNull();
    fireEvent.keyDown(region, { key: "5" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("still takes PROD's own saves, and is protected again after each, also after the user unprotected it", async () => {
    const { book, choice } = await bookWithVersion();
    await saveCurrent(book, await storeRead(book), choice, "Working", "2026-12-05 09:00", yes);
    expect((await savedVersions(book)).map((v) => v.name)).toEqual(["Approved", "Working"]);
    expect(book.isProtected(STORE_SHEET)).toBe(true);
    book.unprotectSheet(STORE_SHEET);
    await saveCurrent(book, await storeRead(book), choice, "Third", "2026-12-06 09:00", yes);
    expect((await savedVersions(book)).map((v) => v.name)).toEqual(["Approved", "Working", "Third"]);
    expect(book.isProtected(STORE_SHEET)).toBe(true);
  });
});
