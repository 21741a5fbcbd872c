import type { Page } from "playwright-core";
import { makeXlsx, type FixtureCell } from "../taskpane/files/xlsxFixture";
import { amount, cellText, type Preview, openPreview, typeInto } from "./preview";

/** Every cell the grid shows on the active sheet, by A1 address. */
async function sheetCells(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval("td[data-address]", (cells) =>
    cells.map(
      (td) => [td.getAttribute("data-address") ?? "", (td.textContent ?? "").trim()] as [string, string],
    ),
  );
  return new Map(pairs);
}

/**
 * The ledger file as the accounting system exports it: as CSV, or as an .xlsx workbook (dates as
 * date cells, text as shared strings) with 20,000 more one-cent lines, so the browser streams it
 * in many slices.
 */
function ledgerFile(format: "csv" | "xlsx", accounts: string[]) {
  const name = `GL detail 2026-11-20.${format}`;
  if (format === "csv") {
    const ledger = [
      "Account,Date,Vendor,Description,Amount,PO #",
      `${accounts[0]},2026-11-02,Story Co,Option payment,"12,000.00",`,
      `${accounts[1]},2026-11-18,Grip Co,Week 7,2500.5,PO-17`,
      `9910,2026-11-18,=2+2,Unbudgeted,75,`,
    ].join("\n");
    return { name, mimeType: "text/csv", buffer: Buffer.from(ledger), total: "14,575.50", lines: "3" };
  }
  const day = (d: number) => ({ n: 46326 + d, format: 14 }); // 46328 is 2026-11-02
  const rows: FixtureCell[][] = [
    ["Account", "Date", "Vendor", "Description", "Amount", "PO #"],
    [accounts[0], day(2), "Story Co", "Option payment", 12000, null],
    [accounts[1], day(18), "Grip Co", "Week 7", 2500.5, "PO-17"],
    ["9910", day(18), "=2+2", "Unbudgeted", 75, null],
  ];
  for (let i = 0; i < 20_000; i++)
    rows.push([accounts[1], day(18), `Vendor ${i % 40}`, `Petty cash ${i}`, 0.01, null]);
  const buffer = Buffer.from(makeXlsx([{ name: "GL Detail", rows }], { strings: "shared" }));
  return { name, mimeType: XLSX_TYPE, buffer, total: "14,775.50", lines: "20,003" };
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Inserts the feature template with rates on two lines, picks it and a ledger file in the Cost
 * report panel and builds the report for 2026-11-20, as a person does.
 */
async function buildReport(page: Page, format: "csv" | "xlsx") {
  // The budget: the feature template, with rates on two lines.
  await page.getByRole("button", { name: "Insert Feature film" }).click();
  await page.getByText(/inserted:/).waitFor();
  await page.getByRole("tab", { name: "Budget detail", exact: true }).click();
  const detail = await sheetCells(page);
  const lines = [...detail.entries()]
    .filter(([a, t]) => /^A\d+$/.test(a) && t !== "" && Number(a.slice(1)) > 3)
    .map(([a]) => Number(a.slice(1)))
    .sort((x, y) => x - y);
  const [first, second] = [lines[0], lines.find((r) => detail.get(`A${r}`)!.startsWith("2"))!];
  await typeInto(page, `F${first}`, "5000");
  await typeInto(page, `F${second}`, "2500");
  const accounts = [detail.get(`A${first}`)!, detail.get(`A${second}`)!];

  // The ledger: one line on an account not in the budget, and a vendor name that would be a
  // formula if it were not kept as text.
  const ledger = ledgerFile(format, accounts);

  await page.getByRole("tab", { name: "Cost report" }).click();
  await page.getByText(/sheet Budget detail, headings on row/).waitFor();
  await page.getByRole("combobox", { name: "Ledger (GL detail)" }).selectOption("file");
  // The file input has no accessible name of its own (the Field's label is not tied to it).
  const { name, mimeType, buffer } = ledger;
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  await page.getByText(new RegExp(`GL detail 2026-11-20.${format}.*headings on row 1`)).waitFor();
  await page.getByLabel(/Period end date/).fill("2026-11-20");
  await page.getByRole("button", { name: "Build cost report" }).click();
  await page.getByText(/Cost Report 2026-11-20 is ready/).waitFor();
  return ledger;
}

describe.each(["csv", "xlsx"] as const)(
  "the weekly cost report from a ledger %s in the preview",
  (format) => {
    let preview: Preview;
    beforeAll(async () => {
      preview = await openPreview();
    });
    afterAll(async () => preview?.close());

    it("builds the report on the template's budget and a ledger file, actuals agreeing with the ledger", async () => {
      const { page } = preview;
      const ledger = await buildReport(page, format);
      const summary = page.getByLabel("Last report");
      await summary
        .getByText(
          new RegExp(`Actual to date ${ledger.total} agrees with the ledger \\(${ledger.lines} lines\\)`),
        )
        .waitFor();
      await summary.getByText(/Unbudgeted: 1\./).waitFor();

      // The report sheet in the grid: the ledger's text stayed text.
      await page.getByRole("tab", { name: "Cost Report 2026-11-20", exact: true }).click();
      const report = await sheetCells(page);
      expect([...report.values()]).toContain("=2+2");
      const totals = [...report.entries()].filter(([a, t]) => /^B\d+$/.test(a) && t === "Grand total");
      expect(totals).toHaveLength(1);
      await preview.screenshot(`cost-report-${format}`);
      // Its chart of the largest variances floats beside the figures, as in Excel.
      const chart = page.getByRole("img", { name: /^Chart: / });
      await chart.scrollIntoViewIfNeeded();
      await preview.screenshot(`cost-report-chart-${format}`);
      expect(preview.errors).toEqual([]);
    });
  },
);

describe("building the cost report again for the same date in the preview", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("asks first, the focus on keeping the report, and keeps the ETC the accountant typed into it", async () => {
    const { page } = preview;
    await buildReport(page, "csv");
    // The accountant types an ETC on the first account (row 5; H is the ETC column).
    await page.getByRole("tab", { name: "Cost Report 2026-11-20", exact: true }).click();
    await typeInto(page, "H5", "4321");
    expect(amount(await cellText(page, "H5"))).toBe(4321);

    const build = page.getByRole("button", { name: "Build cost report" });
    await build.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/The 1 ETC typed or carried into it is kept\./).waitFor();
    // The focus is on "Keep it": a reflex Enter keeps the report as it is.
    await page.waitForFunction(() => document.activeElement?.textContent === "Keep it");
    await preview.screenshot("cost-report-replace-question");
    await page.keyboard.press("Enter");
    await page.getByText("Nothing more was written.").waitFor();
    expect(amount(await cellText(page, "H5"))).toBe(4321);

    await build.click();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/Cost Report 2026-11-20 is ready/).waitFor();
    await page
      .getByLabel("Last report")
      .getByText(/ETCs kept from the report replaced: 1\./)
      .waitFor();
    await page.getByRole("tab", { name: "Cost Report 2026-11-20", exact: true }).click();
    expect(amount(await cellText(page, "H5"))).toBe(4321);
    expect(await cellText(page, "Q5")).toBe("Kept from the report replaced");
    expect(preview.errors).toEqual([]);
  });
});

describe("the cost report reads what the export says about itself", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
    const { page } = preview;
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    await page.getByRole("tab", { name: "Cost report" }).click();
    await page.getByText(/sheet Budget detail, headings on row/).waitFor();
    await page.getByRole("combobox", { name: "Ledger (GL detail)" }).selectOption("file");
  });
  afterAll(async () => preview?.close());

  const pick = (name: string, csv: string) =>
    preview.page
      .locator('input[type="file"]')
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });

  it("leaves the export's report-total line out and reconciles to it (issue 16: 102,258.96 shown for 51,129.48)", async () => {
    const { page } = preview;
    await pick(
      "GL with total.csv",
      [
        "GL detail, ACME Productions",
        "Account,Date,Description,Amount",
        '2501,2026-11-02,Option,"12,000.00"',
        '2501,2026-11-18,Week 7,"39,129.48"',
        ',,Report total,"51,129.48"',
      ].join("\n"),
    );
    await page.getByText(/GL with total\.csv, headings on row 2/).waitFor();
    await page.getByLabel(/Period end date/).fill("2026-11-20");
    await page.getByRole("button", { name: "Build cost report" }).click();
    const summary = page.getByLabel("Last report");
    await summary.getByText(/Actual to date 51,129\.48 agrees with the ledger \(2 lines\)/).waitFor();
    await summary
      .getByText(
        "The export states its own total, 51,129.48 (row 5, left out as a line): the lines read agree with it.",
      )
      .waitFor();
    // The result is announced where the Build button is: focus moves to it.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByRole("tab", { name: "Cost Report 2026-11-20", exact: true }).click();
    const report = await sheetCells(page);
    expect([...report.values()]).toContain("Agrees with the lines read");
    expect([...report.values()]).not.toContain("102,258.96");
    await page.getByRole("tab", { name: "Cost report", exact: true }).click();
    expect(preview.errors).toEqual([]);
  });

  it("stops and asks when the dates read both ways (day/month or month/day), and reads them as answered", async () => {
    const { page } = preview;
    // 12/01/2026 is 12 January as day/month, but 1 December (after the cut-off) as month/day.
    await pick(
      "GL dates.csv",
      [
        "Account,Date,Description,Amount",
        "2501,12/01/2026,Deposit,600.00",
        "2501,03/11/2026,Week 1,500.00",
      ].join("\n"),
    );
    const dates = page.getByRole("combobox", { name: "Ledger (GL detail): dates are written" });
    await dates.waitFor();
    await page.getByText(/The dates can be read two ways \("12\/01\/2026" \(row 2\)/).waitFor();
    await page.getByText(/Answer the questions about the inputs above/).waitFor();
    expect(await page.getByRole("button", { name: "Build cost report" }).isDisabled()).toBe(true);
    await preview.screenshot("cost-report-date-question");

    await dates.selectOption("DMY");
    await page.getByLabel(/Period end date/).fill("2026-11-27");
    await page.getByRole("button", { name: "Build cost report" }).click();
    await page.getByText(/Cost Report 2026-11-27 is ready/).waitFor();
    // Both lines count to date: read as month/day, one would have fallen after the cut-off.
    await page
      .getByLabel("Last report")
      .getByText(/Actual to date 1,100\.00 agrees with the ledger \(2 lines\)\./)
      .waitFor();
    expect(preview.errors).toEqual([]);
  });
});
