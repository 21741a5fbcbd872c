import { type Preview, cellText, openPreview, typeInto } from "./preview";

describe("the preview's workbook in a browser", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("recomputes PROD formulas when a person changes a rate, and shows PROD's error messages", async () => {
    const { page } = preview;
    await typeInto(page, "A1", "Rate");
    await typeInto(page, "B1", "750");
    await typeInto(page, "A2", "Hours");
    await typeInto(page, "B2", "12");
    await typeInto(page, "A3", "Hourly");
    await typeInto(page, "B3", "=PROD.HOURLY(B1,10)");
    await typeInto(page, "A4", "Day pay");
    await typeInto(page, "B4", "=PROD.DAYPAY(B3,B2)");
    await typeInto(page, "A5", "Paid hours");
    await typeInto(page, "B5", "=PROD.PAIDHOURS({10;12;13})");
    expect(await cellText(page, "B4")).toBe("954.55");
    expect([await cellText(page, "B5"), await cellText(page, "B6"), await cellText(page, "B7")]).toEqual([
      "11",
      "14",
      "16",
    ]);

    // The rate goes up: the hourly rate and the day pay follow.
    await typeInto(page, "B1", "825");
    expect(await cellText(page, "B4")).toBe("1050");

    await typeInto(page, "B2", "-1");
    await page.locator('td[data-address="B4"]').click();
    expect(await cellText(page, "B4")).toBe("#VALUE!");
    await expect(page.getByRole("status").textContent()).resolves.toBe(
      "#VALUE!: hours must be 0 or more, got -1",
    );
    expect(await page.getByLabel("Formula bar").inputValue()).toBe("=PROD.DAYPAY(B3,B2)");
    await preview.screenshot("grid-recompute");

    // A formula naming a table that is not there is refused, in words, and nothing changes.
    await typeInto(page, "D1", "=SUM(Nope[Rate])");
    await page.getByRole("alert").filter({ hasText: "Nope" }).waitFor();
    expect(await page.getByLabel("Formula bar").inputValue()).toBe("=SUM(Nope[Rate])");
    expect(await cellText(page, "D1")).toBe("");
    expect(preview.errors).toEqual([]);
  });
});
