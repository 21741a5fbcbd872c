/**
 * @jest-environment jsdom
 */
/*
 * A column a plan hides (SheetPlan.hiddenColumns: PROD's row checks) in the preview's grid: not
 * shown, as in Excel (no cell, no column heading), its cells still in the workbook; the arrow
 * keys pass over it.
 */
import { createElement } from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { MemoryWorkbook } from "../../src/preview/memoryWorkbook";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";

beforeAll(() => {
  Element.prototype.scrollTo = () => undefined;
});

it("does not show a hidden column, and the arrow keys pass over it", async () => {
  const book = new MemoryWorkbook();
  await book.apply({
    owner: "versions",
    sheets: [
      {
        name: "Checked",
        mode: "create",
        blocks: [{ row: 0, column: 0, cells: [["Account", "PROD check", "mine"]] }],
        hiddenColumns: [1],
      },
    ],
  });
  book.select("Checked", 0, 0);
  render(createElement(WorkbookGrid, { book }));
  const grid = screen.getByRole("grid", { name: "Checked" });
  expect(grid.querySelector('td[data-address="B1"]')).toBeNull();
  expect(grid.querySelector('td[data-address="C1"]')?.textContent).toBe("mine");
  const headings = [...grid.querySelectorAll("thead th")].map((th) => th.textContent);
  expect(headings.slice(0, 4)).toEqual(["", "A", "C", "D"]);
  expect(screen.queryByText("PROD check")).toBeNull();
  // Still in the workbook, read as any other cell.
  expect(book.view("Checked", 0, 1).display).toBe("PROD check");
  fireEvent.keyDown(screen.getByRole("region", { name: "Sheet Checked" }), { key: "ArrowRight" });
  expect(screen.getByLabelText("Selected cell").textContent).toBe("C1");
  fireEvent.keyDown(screen.getByRole("region", { name: "Sheet Checked" }), { key: "ArrowLeft" });
  expect(screen.getByLabelText("Selected cell").textContent).toBe("A1");
});
