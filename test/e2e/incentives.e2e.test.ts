/*
 * Production incentives in the real pane and the preview's grid (issue 22): type the worked
 * examples' $10M budget with its tags (domain/incentives.md section 5), select it, see what Georgia
 * pays back and why, compare Georgia, New Mexico and British Columbia on the "Incentive comparison"
 * sheet to the dollar, and watch the sheet's formulas follow a change to the budget.
 */
import { TAG_COLUMNS } from "../../src/engine/incentives/tags";
import { commonBudget } from "../fixtures/incentiveBudget";
import { type Preview, openPreview, panelTab, showSheet } from "./preview";

// Typing a budget and recomputing it in the browser: each step gets two minutes on a loaded machine.
jest.setTimeout(120_000);

const COLUMNS = "ABCDEFGHI";

describe("production incentives in the preview", () => {
  let preview: Preview;
  const lines = commonBudget();
  const last = lines.length + 1;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("shows what Georgia pays back on the selected budget: buckets, lines not counted, what is not confirmed", async () => {
    const { page } = preview;
    // Column by column, as a person types: Enter moves down, an arrow skips a blank cell.
    const rows: (string | number)[][] = [
      ["Total", ...TAG_COLUMNS],
      ...lines.map((l) => [l.amount, ...l.tags]),
    ];
    for (let c = 0; c < COLUMNS.length; c++) {
      await page.locator(`td[data-address="${COLUMNS[c]}1"]`).click();
      for (const row of rows) {
        const value = String(row[c]);
        if (value === "") {
          await page.keyboard.press("ArrowDown");
        } else {
          await page.keyboard.type(value);
          await page.keyboard.press("Enter");
        }
      }
    }
    await page.locator('td[data-address="A1"]').click();
    await page.locator(`td[data-address="I${last}"]`).click({ modifiers: ["Shift"] });

    await panelTab(page, "Incentives").click();
    await page.getByRole("heading", { name: "Production incentives" }).waitFor();
    await page.getByRole("combobox", { name: "Program" }).selectOption("US-GA");
    await page.getByRole("button", { name: "Show what it pays back" }).click();
    const shown = page.getByRole("region", { name: "What US-GA pays back" });
    await shown.getByText(/gross credit \$2,400,000\.00, net cash \$2,160,000\.00/).waitFor();
    const buckets = shown.getByRole("table", { name: "Qualified spend by bucket" });
    await buckets.getByRole("row", { name: /Base 20% \$8,000,000\.00 20% \$1,600,000\.00/ }).waitFor();
    // The director's $600,000 counts $500,000 (W-2 pay capped per person).
    await shown.getByText(/^Director: .*500000 per person/).waitFor();
    await shown.getByText("Row 2 ($300,000.00): not incurred in the jurisdiction").waitFor();
    await shown.getByText(/^Not confirmed: Georgia sale price 0\.90/).waitFor();
    await preview.screenshot("incentives-georgia");
  });

  it("compares three locations on the Incentive comparison sheet to the dollar", async () => {
    const { page } = preview;
    for (const name of ["US-GA", "US-NM", "CAN-BC"])
      await page.getByRole("checkbox", { name: new RegExp(`^${name}: `) }).check();
    await page.getByRole("button", { name: "Write the comparison" }).click();
    await page
      .getByText(
        /"Incentive comparison" written: US-GA gross \$2,400,000\.00, net cash \$2,160,000\.00; US-NM gross \$1,719,750\.00, net cash \$1,719,750\.00; CAN-BC gross \$1,294,720\.00, net cash \$1,294,720\.00\./,
      )
      .waitFor();
    const sheet = await showSheet(page, "Incentive comparison");
    expect(sheet.get("B3")).toBe("10,000,000.00");
    expect(["A", "F", "G", "H"].map((c) => [6, 7, 8].map((r) => sheet.get(`${c}${r}`)))).toEqual([
      ["US-GA", "US-NM", "CAN-BC"],
      ["2,400,000.00", "1,719,750.00", "1,294,720.00"],
      ["2,160,000.00", "1,719,750.00", "1,294,720.00"],
      // The figure: a $10M feature nets $7.84M in Georgia.
      ["7,840,000.00", "8,280,250.00", "8,705,280.00"],
    ]);
    expect(sheet.get("J6")).toMatch(/^Georgia sale price 0\.90/);
    await preview.screenshot("incentives-comparison");
  });

  it("follows a change to the budget without comparing again", async () => {
    const { page } = preview;
    // B3 stages, equipment and locations: $2,200,000 -> $1,200,000 (row 11 of Sheet1).
    await showSheet(page, "Sheet1");
    await page.locator('td[data-address="A11"]').click();
    await page.keyboard.type("1200000");
    await page.keyboard.press("Enter");
    const after = await showSheet(page, "Incentive comparison");
    expect(["B3", "F6", "G6", "H6"].map((a) => after.get(a))).toEqual([
      "9,000,000.00",
      "2,100,000.00",
      "1,890,000.00",
      "7,110,000.00",
    ]);
    expect(preview.errors).toEqual([]);
  });
});
