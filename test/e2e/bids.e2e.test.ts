import { type Preview, openPreview } from "./preview";

// reference.md 6.5 as two vendors' CSV files, as a production manager gets them by e-mail: the
// same camera package, a 3-day week against a 4-day week, for a schedule of 5 + 5 + 2 days.
const VENDOR_A = 'Item,Qty,Day Rate,Taxable\nCamera package,1,"$2,500.00",Y\n';
const VENDOR_B = 'Item,Qty,Day Rate,Taxable\nCamera Package,1,"$2,200.00",yes\n';

describe("a bid comparison from CSV files in the preview", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("compares two vendors' files and writes the comparison sheet: A lands at $20,310.00, B at $20,476.50", async () => {
    const { page } = preview;
    await page.getByRole("tab", { name: "Bids" }).click();
    const files = page.getByTestId("bid-file-input");
    await files.setInputFiles({ name: "Vendor A.csv", mimeType: "text/csv", buffer: Buffer.from(VENDOR_A) });
    const vendorA = page.getByRole("region", { name: /^Vendor 1:/ });
    await vendorA.getByRole("button", { name: "Use these columns" }).click();
    await files.setInputFiles({ name: "Vendor B.csv", mimeType: "text/csv", buffer: Buffer.from(VENDOR_B) });
    const vendorB = page.getByRole("region", { name: /^Vendor 2:/ });
    // Same header layout: the mapping is remembered.
    await vendorB.getByText(/1 line read with the columns you chose/).waitFor();

    await vendorA.getByLabel(/Week convention/).selectOption("3");
    await vendorA.getByLabel(/Discount %/).fill("10");
    await vendorA.getByLabel(/Sales tax %/).fill("9.5");
    await vendorA.getByLabel(/Delivery \$/).fill("$600");
    await vendorB.getByLabel(/Week convention/).selectOption("4");
    await vendorB.getByLabel(/Discount %/).fill("15%");
    await vendorB.getByLabel(/Sales tax %/).fill("9.5%");
    await page.getByLabel(/Days used each week/).fill("5+5+2");
    await page.getByRole("button", { name: "Compare bids" }).click();

    const totals = page.getByRole("table", { name: "Vendor totals" });
    await totals.getByText("$20,310.00").waitFor();
    await totals.getByText("$20,476.50").waitFor();
    await page.getByText("Best single vendor: Vendor A, $20,310.00.").waitFor();

    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    await page.getByText(/The comparison is on the sheet "Bid comparison"/).waitFor();
    // The grid shows the sheet the pane wrote; its cells hold the same landed costs.
    await page.getByRole("tab", { name: "Bid comparison", exact: true }).click();
    const shown = await page.$$eval("td[data-address]", (cells) =>
      cells.map((td) => (td.textContent ?? "").trim()),
    );
    expect(shown.some((text) => text.includes("20,310.00"))).toBe(true);
    expect(shown.some((text) => text.includes("20,476.50"))).toBe(true);
    await preview.screenshot("bids-comparison");
    expect(preview.errors).toEqual([]);
  });
});
