/**
 * @jest-environment jsdom
 */
/*
 * A column a plan hides (SheetPlan.hiddenColumns: PROD's row checks) in the preview's grid: not
 * shown, as in Excel (no cell, no column heading), its cells still in the workbook; the arrow
 * keys pass over it. And the Home commands on the selection's columns and rows.
 */
import { createElement } from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
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

it("hides, shows again and deletes the selection's columns, as Excel's Home commands do", async () => {
  const book = new MemoryWorkbook();
  await book.apply({
    owner: "user",
    sheets: [
      { name: "Mine", mode: "create", blocks: [{ row: 0, column: 0, cells: [["a", "b", "c", "d"]] }] },
    ],
  });
  book.select("Mine", 0, 1);
  render(createElement(WorkbookGrid, { book }));
  const grid = () => screen.getByRole("grid", { name: "Mine" });
  fireEvent.click(screen.getByRole("button", { name: "Hide Columns" }));
  expect(grid().querySelector('td[data-address="B1"]')).toBeNull();
  // A block across the hidden column shows it again.
  act(() => book.select("Mine", 0, 0, 1, 3));
  fireEvent.click(screen.getByRole("button", { name: "Unhide Columns" }));
  expect(grid().querySelector('td[data-address="B1"]')?.textContent).toBe("b");
  act(() => book.select("Mine", 0, 1));
  fireEvent.click(screen.getByRole("button", { name: "Delete Sheet Columns" }));
  expect(
    [...grid().querySelectorAll("tbody tr:first-child td")].slice(0, 4).map((td) => td.textContent),
  ).toEqual(["a", "c", "d", ""]);
});

it("inserts and deletes the selection's rows, as Excel's Home commands do", async () => {
  const book = new MemoryWorkbook();
  await book.apply({
    owner: "user",
    sheets: [
      {
        name: "Mine",
        mode: "create",
        blocks: [
          {
            row: 0,
            column: 0,
            cells: [
              ["a", 1],
              ["b", 2],
              ["Total", { formula: "=SUM(B1:B2)" }],
            ],
          },
        ],
      },
    ],
  });
  book.select("Mine", 1, 0, 2, 1);
  render(createElement(WorkbookGrid, { book }));
  const column = (c: number) =>
    [...screen.getByRole("grid", { name: "Mine" }).querySelectorAll("tbody tr")]
      .slice(0, 6)
      .map((tr) => tr.querySelectorAll("td")[c]?.textContent);
  fireEvent.click(screen.getByRole("button", { name: "Insert Sheet Rows" }));
  expect(column(0)).toEqual(["a", "", "", "b", "Total", ""]);
  expect(book.view("Mine", 4, 1).input).toBe("=SUM(B1:B4)");
  act(() => book.select("Mine", 1, 0, 3, 1));
  fireEvent.click(screen.getByRole("button", { name: "Delete Sheet Rows" }));
  expect(column(0)).toEqual(["a", "Total", "", "", "", ""]);
  expect(book.view("Mine", 1, 1)).toMatchObject({ input: "=SUM(B1:B1)", display: "1" });
  expect(screen.queryByRole("alert")).toBeNull();
});
