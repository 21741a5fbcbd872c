/*
 * A block selected in the preview's grid as in Excel (drag, shift+click, shift+arrows), used by
 * the pane's actions on the selection: "Apply to selection" (Fringes panel) and "Add bid from
 * the selection" (Bids panel).
 */
import type { Page } from "playwright-core";
import {
  type Preview,
  amount,
  compareReferenceBids,
  openPreview,
  sheetCells,
  showSheet,
  typeInto,
} from "./preview";

const cell = (page: Page, address: string) => page.locator(`td[data-address="${address}"]`);

/** Drags the mouse from one cell to another, as a person selects a block. */
async function drag(page: Page, from: string, to: string): Promise<void> {
  await cell(page, from).hover();
  await page.mouse.down();
  await cell(page, to).hover();
  await page.mouse.up();
}

const selectedRange = (page: Page) => page.getByLabel("Selected range").textContent();

describe("selecting a block in the preview's grid", () => {
  let preview: Preview;
  beforeEach(async () => {
    preview = await openPreview();
  });
  afterEach(async () => preview?.close());

  it("selects by drag, shift+click and shift+arrows, and compares two bids typed on the sheet", async () => {
    const { page } = preview;
    // reference.md 6.5 (as test/e2e/bids.e2e.test.ts), typed into the sheet instead of files.
    const typed: [string, string][] = [
      ["A1", "Item"],
      ["B1", "Qty"],
      ["C1", "Day Rate"],
      ["A2", "Camera package"],
      ["B2", "1"],
      ["C2", "$2,500.00"],
      ["A4", "Item"],
      ["B4", "Qty"],
      ["C4", "Day Rate"],
      ["A5", "Camera Package"],
      ["B5", "1"],
      ["C5", "$2,200.00"],
    ];
    for (const [address, input] of typed) await typeInto(page, address, input);

    await drag(page, "A1", "C2");
    expect(await selectedRange(page)).toBe("A1:C2");
    expect(await page.getByLabel("Selected cell").textContent()).toBe("A1");
    await page.getByRole("tab", { name: "Bids" }).click();
    await page.getByRole("button", { name: "Add bid from the selection" }).click();
    const vendorA = page.getByRole("region", { name: /^Vendor 1:/ });
    await vendorA.getByRole("button", { name: "Use these columns" }).click();
    await vendorA.getByLabel("Vendor 1 name").fill("Vendor A");

    // Shift+arrows from A4 to C5, then a shift+click that takes the same block.
    await cell(page, "A4").click();
    for (const key of ["ArrowRight", "ArrowRight", "ArrowDown"]) await page.keyboard.press(`Shift+${key}`);
    expect(await selectedRange(page)).toBe("A4:C5");
    await cell(page, "B4").click();
    await cell(page, "C5").click({ modifiers: ["Shift"] });
    expect(await selectedRange(page)).toBe("B4:C5");
    await cell(page, "A4").click();
    await cell(page, "C5").click({ modifiers: ["Shift"] });
    expect(await selectedRange(page)).toBe("A4:C5");
    await page.getByRole("button", { name: "Add bid from the selection" }).click();
    const vendorB = page.getByRole("region", { name: /^Vendor 2:/ });
    await vendorB.getByText(/1 line read with the columns you chose/).waitFor();
    await vendorB.getByLabel("Vendor 2 name").fill("Vendor B");

    await compareReferenceBids(page, vendorA, vendorB);
    await preview.screenshot("selection-bids");
    expect(preview.errors).toEqual([]);
  });

  it("puts a fringe set on the selected budget lines only", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: "Feature film" }).check();
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    const detail = await showSheet(page, "Budget detail");
    // The UPM's three lines (prep, shoot, wrap) and the heading row above them.
    const upm = [...detail.entries()]
      .filter(([address, text]) => /^A\d+$/.test(address) && text === "2001")
      .map(([address]) => Number(address.slice(1)))
      .sort((a, b) => a - b);
    expect(upm).toHaveLength(3);
    await typeInto(page, `F${upm[0]}`, "4000");
    await drag(page, `H${upm[0] - 1}`, `H${upm[2]}`);
    expect(await selectedRange(page)).toBe(`H${upm[0] - 1}:H${upm[2]}`);

    await page.getByRole("tablist", { name: "PROD panels" }).getByRole("tab", { name: "Fringes" }).click();
    const section = page.getByRole("region", { name: "Apply to selected lines" });
    await section.getByLabel("Fringes set").fill("SAG-AFTRA-2026,PAYROLL-CA");
    await section.getByRole("button", { name: "Apply to selection" }).click();
    await page.getByText(/put on 3 selected lines of Budget detail/).waitFor();

    const after = await sheetCells(page);
    expect(upm.map((r) => after.get(`H${r}`))).toEqual(Array(3).fill("SAG-AFTRA-2026,PAYROLL-CA"));
    expect(after.get(`H${upm[0] - 1}`)).toBe("");
    // Prep 32,000: SAG-AFTRA on 1 January 2026, 21% = 6,720.00, plus PAYROLL-CA 2,840.00 (plain
    // "SAG-AFTRA" is the latest figure: 22% from 2026-07-01, not confirmed).
    expect(amount(after.get(`I${upm[0]}`)!)).toBe(9560);
    await preview.screenshot("selection-fringes");
    expect(preview.errors).toEqual([]);
  }, 180_000);
});
