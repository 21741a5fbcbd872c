import { type Preview, amount, openPreview, sheetCells, showSheet, typeInto } from "./preview";

/** Rows (1-based) of a sheet's cells in column A that hold something, below row `from`. */
function rowsWithAccount(cells: Map<string, string>, from: number): number[] {
  return [...cells.entries()]
    .filter(([address, text]) => /^A\d+$/.test(address) && text !== "" && Number(address.slice(1)) > from)
    .map(([address]) => Number(address.slice(1)))
    .sort((a, b) => a - b);
}

const cents = (value: number) => Math.round(value * 100);

describe.each([
  ["Feature film", "Insert Feature film"],
  ["TV one-hour episodic", "Insert TV one-hour episodic"],
  ["Commercial (AICP bid form)", "Insert Commercial (AICP bid form)"],
  ["Documentary / unscripted", "Insert Documentary / unscripted"],
])("the %s template in the preview", (template, insert) => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("inserts a live budget whose top sheet adds up to its detail lines, rates typed by a person", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: template }).check();
    await page.getByRole("button", { name: insert }).click();
    await page.getByText(/inserted:/).waitFor();

    // A line producer fills a rate on the first line of each part of the chart.
    let detail = await showSheet(page, "Budget detail");
    const lines = rowsWithAccount(detail, 3);
    expect(lines.length).toBeGreaterThan(10);
    const firstOfEachPart = new Map<string, number>();
    for (const row of lines) {
      const part = detail.get(`A${row}`)!.charAt(0);
      if (!firstOfEachPart.has(part)) firstOfEachPart.set(part, row);
    }
    const typed = [...firstOfEachPart.values()].slice(0, 6);
    for (const [i, row] of typed.entries()) await typeInto(page, `F${row}`, String(1000 + 250 * i));
    detail = await sheetCells(page);

    // The detail's line totals (Total = Subtotal + Fringes), lines only, not the category rows.
    const lineTotals = lines.map((row) => amount(detail.get(`J${row}`) ?? "0"));
    const detailSum = lineTotals.reduce((sum, v) => sum + cents(v), 0);
    expect(typed.every((row) => amount(detail.get(`J${row}`) ?? "0") > 0)).toBe(true);

    const top = await showSheet(page, "Top Sheet");
    const totalRow = [...top.entries()].find(
      // The AICP form has no line: its direct cost is the total of its sections.
      ([a, t]) => /^B\d+$/.test(a) && (t === "Total Above + Below-the-line" || t === "Total direct cost"),
    );
    expect(totalRow).toBeDefined();
    const topTotal = amount(top.get(`C${totalRow![0].slice(1)}`) ?? "");
    expect(cents(topTotal)).toBe(detailSum);
    expect(topTotal).toBeGreaterThan(0);
    await preview.screenshot(`template-${template.split(" ")[0].toLowerCase()}`);
    expect(preview.errors).toEqual([]);
  });
});
