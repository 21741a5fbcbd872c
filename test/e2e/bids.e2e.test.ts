import type { Page } from "playwright-core";
import {
  type Preview,
  cellText,
  compareReferenceBids,
  openPreview,
  setPane,
  showSheet,
  typeInto,
} from "./preview";

// reference.md 6.5 as two vendors' CSV files, as a production manager gets them by e-mail: the
// same camera package, a 3-day week against a 4-day week, for a schedule of 5 + 5 + 2 days.
const VENDOR_A = 'Item,Qty,Day Rate,Taxable\nCamera package,1,"$2,500.00",Y\n';
const VENDOR_B = 'Item,Qty,Day Rate,Taxable\nCamera Package,1,"$2,200.00",yes\n';
// Bids only a tripod: with it in the comparison, no vendor bids every item.
const VENDOR_D = "Item,Qty,Day Rate,Taxable\nTripod,1,50,Y\n";
// A European quote, semicolon-separated: its day rate 1.000 is one thousand, or one.
const VENDOR_EURO = "Item;Qty;Day rate\nCamera package;1;1.000\n";
// Notes, and a vendor's own wording (a leading tab) that matches "Camera package".
const NOTES_A = "Item,Qty,Day Rate,Notes\nCamera package,1,2500,Avail. 3/4\nDolly,1,300,\nJib arm,1,400,\n";
const NOTES_B = 'Item,Qty,Day Rate,Notes\n"\tCamera pkg",1,2200,"=prep day extra"\nDolly,1,280,track extra\n';
const NOTES_C = "Item,Qty,Day Rate,Notes\nApple box,4,5,\nDolly,1,290,\nCamera pkg,1,2300,\n";
// The case: a cheaper camera line with a quantity of 0.
const VENDOR_Z = 'Item,Qty,Day Rate,Taxable\nCamera package,0,"$1,800.00",Y\n';

/** Adds a CSV file as a vendor's bid. */
async function addCsv(page: Page, name: string, csv: string) {
  await page
    .getByTestId("bid-file-input")
    .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
}

/**
 * Reloads the preview and opens Bids. Remembered column mappings stay (the flows below rely on
 * them, as a user's next file does) unless `forget` is "everything"; remembered vendor terms are
 * always forgotten, so each scenario's figures come from the terms it sets.
 */
async function reopenBids(page: Page, forget: "terms" | "everything" = "terms") {
  await page.evaluate((all) => {
    for (const key of Object.keys(localStorage))
      if (all || key.includes("prod.bids.terms")) localStorage.removeItem(key);
  }, forget === "everything");
  await page.reload();
  await page.getByRole("grid").waitFor();
  await page.getByRole("tab", { name: "Bids" }).click();
}

/**
 * Reloads with no mapping remembered, adds two vendors' files (choosing the first one's columns;
 * the second, of the same layout, reads `linesRead` with them) and compares them for `days`.
 */
async function compareTwoFiles(
  page: Page,
  first: [string, string],
  second: [string, string],
  linesRead: RegExp,
  days: string,
) {
  await reopenBids(page, "everything");
  await addCsv(page, ...first);
  await page
    .getByRole("region", { name: /^Vendor 1:/ })
    .getByRole("button", { name: "Use these columns" })
    .click();
  await addCsv(page, ...second);
  await page
    .getByRole("region", { name: /^Vendor 2:/ })
    .getByText(linesRead)
    .waitFor();
  await page.getByLabel(/Days used each week/).fill(days);
  await page.getByRole("button", { name: "Compare bids" }).click();
}

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
    // A file that cannot be read is answered under the buttons that add bids, above Compare (issue 20).
    await files.setInputFiles({
      name: "Quote.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("not a zip"),
    });
    const unreadable = page.getByText(/"Quote.xlsx" could not be read as an Excel workbook/);
    await unreadable.waitFor();
    const compareButton = await page
      .getByRole("button", { name: /Add two vendors to compare/ })
      .boundingBox();
    expect((await unreadable.boundingBox())!.y).toBeLessThan(compareButton!.y);
    await files.setInputFiles({ name: "Vendor A.csv", mimeType: "text/csv", buffer: Buffer.from(VENDOR_A) });
    const vendorA = page.getByRole("region", { name: /^Vendor 1:/ });
    await vendorA.getByRole("button", { name: "Use these columns" }).click();
    await files.setInputFiles({ name: "Vendor B.csv", mimeType: "text/csv", buffer: Buffer.from(VENDOR_B) });
    const vendorB = page.getByRole("region", { name: /^Vendor 2:/ });
    // Same header layout: the mapping is remembered.
    await vendorB.getByText(/1 line read with the columns you chose/).waitFor();

    await compareReferenceBids(page, vendorA, vendorB);
    await page.getByText("Best single vendor: Vendor A, $20,310.00.").waitFor();

    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    const done = page.getByText(/The comparison is on the sheet "Bid comparison"/);
    await done.waitFor();
    // The result shows under the write buttons, not at the top of the pane (issue 20), and is in view.
    const awardButton = await page
      .getByRole("button", { name: /Write award into the selected cell/ })
      .boundingBox();
    const doneBox = await done.boundingBox();
    expect(doneBox!.y).toBeGreaterThan(awardButton!.y);
    expect(await done.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);
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

  it("keeps a budget cell linked to the single award numeric through a re-run where no vendor bids every item", async () => {
    const { page } = preview;
    await reopenBids(page);
    await addCsv(page, "Vendor A.csv", VENDOR_A);
    // The mapping for this layout was remembered in the first scenario (the page's storage).
    await page
      .getByRole("region", { name: /^Vendor 1:/ })
      .getByText(/1 line read/)
      .waitFor();
    await addCsv(page, "Vendor B.csv", VENDOR_B);
    await page.getByLabel(/Days used each week/).fill("5+5+2");
    await page.getByRole("button", { name: "Compare bids" }).click();
    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    await page.getByText(/The comparison is on the sheet "Bid comparison"/).waitFor();

    // A budget line on Sheet1: B2 gets the single award, C2 uses it.
    await page.getByRole("tab", { name: "Sheet1", exact: true }).click();
    await typeInto(page, "C2", "=B2*2");
    await page.locator('td[data-address="B2"]').click();
    await page.getByRole("radio", { name: /Single vendor/ }).check();
    await page.getByRole("button", { name: "Write award into the selected cell…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Link it" }).click();
    await page.getByText(/Sheet1!B2 now shows the single-vendor award/).waitFor();
    // No terms set: A 12 days x 2,500 = 30,000; B 12 x 2,200 = 26,400, the single award.
    expect(await cellText(page, "B2")).toBe("26,400.00");

    await addCsv(page, "Vendor D.csv", VENDOR_D);
    await page
      .getByRole("region", { name: /^Vendor 3:/ })
      .getByText(/1 line read/)
      .waitFor();
    await page.getByRole("button", { name: "Compare bids" }).click();
    await page.getByText("No vendor bid every item, so there is no single-vendor award.").waitFor();
    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByText(
        /'Sheet1'!\$B\$2 links to it on "Bid comparison" \(\$26,400\.00 now\) and would show #VALUE!/,
      )
      .waitFor();
    await preview.screenshot("bids-rerun-question");
    await dialog.getByRole("button", { name: "Show the split award there" }).click();
    await page.getByText(/Budget cells linked to its totals: 'Sheet1'!\$B\$2/).waitFor();
    await page.getByRole("tab", { name: "Sheet1", exact: true }).click();
    // Split: camera from B (26,400) + tripod from D (12 days x 50 = 600).
    expect(await cellText(page, "B2")).toBe("27,000.00");
    expect(await cellText(page, "C2")).toBe("54000");
    expect(preview.errors).toEqual([]);
  });

  it("shows a 0-quantity camera line as an incomplete bid, never the lowest", async () => {
    const { page } = preview;
    await reopenBids(page);
    await addCsv(page, "Vendor A.csv", VENDOR_A);
    await addCsv(page, "Vendor Z.csv", VENDOR_Z);
    await page
      .getByRole("region", { name: /^Vendor 2:/ })
      .getByText(/1 line read/)
      .waitFor();
    await page.getByLabel(/Days used each week/).fill("5+5+2");
    await page.getByRole("button", { name: "Compare bids" }).click();
    await page.getByText("Best single vendor: Vendor A, $30,000.00.").waitFor();
    await page
      .getByText(
        'Vendor Z\'s bid for "Camera package" is incomplete (quantity 0): it is not counted as a bid for it.',
      )
      .waitFor();
    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    await page.getByText(/The comparison is on the sheet "Bid comparison"/).waitFor();
    await page.getByRole("tab", { name: "Bid comparison", exact: true }).click();
    expect(await cellText(page, "C6")).toBe("incomplete: quantity 0");
    expect(await cellText(page, "D6")).toBe("Vendor A");
    await preview.screenshot("bids-incomplete");
    expect(preview.errors).toEqual([]);
  });

  it("asks how a semicolon-separated European file writes amounts, and reads 1.000 as one thousand", async () => {
    const { page } = preview;
    // No column mapping remembered from the other scenarios: this one maps its own.
    await reopenBids(page, "everything");
    await addCsv(page, "Vendor A.csv", VENDOR_A);
    await page
      .getByRole("region", { name: /^Vendor 1:/ })
      .getByRole("button", { name: "Use these columns" })
      .click();
    await addCsv(page, "Euro.csv", VENDOR_EURO);
    const euro = page.getByRole("region", { name: /^Vendor 2:/ });
    await euro.getByText("How does this file write amounts?").waitFor();
    await euro.getByText(/"1\.000" \(row 2\): one thousand, or one\?/).waitFor();
    await preview.screenshot("bids-number-format-question");
    // Layout: the Week convention drop-down ends before the Discount field begins.
    const week = await euro.getByLabel(/Week convention/).boundingBox();
    const discount = await euro.getByLabel(/Discount %/).boundingBox();
    expect(week && discount && week.x + week.width <= discount.x).toBe(true);
    await euro.getByRole("button", { name: "1.234,56 (1.000 is one thousand)" }).click();
    await euro.getByRole("button", { name: "Use these columns" }).click();
    await page.getByLabel(/Days used each week/).fill("5+5+2");
    await page.getByRole("button", { name: "Compare bids" }).click();
    const totals = page.getByRole("table", { name: "Vendor totals" });
    // 12 days x 1,000.00, not 12 x $1.00.
    await totals.getByText("$12,000.00").waitFor();
    await totals.getByText("$30,000.00").waitFor();
    expect(preview.errors).toEqual([]);
  });

  it("shows vendors' notes and own wording, and keeps a note typed on the sheet through a re-run", async () => {
    const { page } = preview;
    await compareTwoFiles(page, ["Acme.csv", NOTES_A], ["Beta.csv", NOTES_B], /2 lines read/, "1");
    const words = page.getByRole("region", { name: "Vendors' wording and notes" });
    await words.waitFor();
    const shown = await words.getByRole("listitem").allTextContents();
    expect(shown).toEqual(
      expect.arrayContaining([
        "Acme. Notes: Avail. 3/4",
        "Beta, as written: “\tCamera pkg”. Notes: =prep day extra",
        "Beta. Notes: track extra",
      ]),
    );
    await preview.screenshot("bids-vendor-words");

    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    await page.getByText(/The comparison is on the sheet "Bid comparison"/).waitFor();
    let cells = await showSheet(page, "Bid comparison");
    expect(["A6", "A7", "G6", "G7"].map((a) => cells.get(a))).toEqual([
      "Camera package",
      "Dolly",
      "Acme: Avail. 3/4; Beta: =prep day extra",
      "Beta: track extra",
    ]);
    // The line detail keeps Beta's wording, tab included, as text.
    const beta = [...cells].find(([address, text]) => address.startsWith("B") && text === "Camera pkg");
    expect(beta).toBeDefined();
    expect(await page.locator(`td[data-address="${beta?.[0]}"]`).textContent()).toContain("\tCamera pkg");
    // The user's own notes, typed on the sheet.
    await typeInto(page, "H6", "Call Acme about the lens set");
    await typeInto(page, "H7", "Ask for track");
    await typeInto(page, "H8", "Only Acme has a jib");

    // Re-run without Acme and with a third vendor: the camera row is now "\tCamera pkg" (Beta's
    // wording) and keeps its note, as does the dolly; no one bids the jib arm any more, so its
    // note keeps a row of its own.
    await page.getByRole("tab", { name: "Bids" }).click();
    await page.getByRole("button", { name: "Remove Acme" }).click();
    await addCsv(page, "Gamma.csv", NOTES_C);
    await page
      .getByRole("region", { name: /^Vendor 2:/ })
      .getByText(/3 lines read/)
      .waitFor();
    await page.getByRole("button", { name: "Compare bids" }).click();
    await page.getByRole("region", { name: "Vendors' wording and notes" }).waitFor();
    await page.getByRole("button", { name: "Write comparison sheet" }).click();
    await page.getByText(/Your notes \(3\) are kept with their items/).waitFor();
    cells = await showSheet(page, "Bid comparison");
    expect(["A6", "H6", "A7", "H7", "A8", "H8"].map((a) => cells.get(a))).toEqual([
      "Camera pkg",
      "Call Acme about the lens set",
      "Dolly",
      "Ask for track",
      "Apple box",
      "",
    ]);
    expect(["A9", "F9", "H9"].map((a) => cells.get(a))).toEqual([
      "Jib arm",
      "no longer in the bids; your note is kept",
      "Only Acme has a jib",
    ]);
    await preview.screenshot("bids-notes-kept");
    expect(preview.errors).toEqual([]);
  });

  it("asks before taking back its comparison after its hidden mark was deleted: Cancel writes nothing, yes updates it with the notes typed on it", async () => {
    const { page } = preview;
    await compareTwoFiles(
      page,
      ["Vendor A.csv", VENDOR_A],
      ["Vendor B.csv", VENDOR_B],
      /1 line read/,
      "5+5+2",
    );
    const write = page.getByRole("button", { name: "Write comparison sheet" });
    await write.click();
    await page.getByText(/The comparison is on the sheet "Bid comparison"/).waitFor();
    await showSheet(page, "Bid comparison");
    await typeInto(page, "H6", "Ask B about the lens set");
    // What a macro or a name tool can do in Excel: PROD's hidden ownership mark is gone.
    await page.getByRole("button", { name: "Delete hidden names" }).click();
    await page.getByText("1 hidden name deleted").waitFor();

    await page.getByRole("tab", { name: "Bids" }).click();
    await page.getByLabel(/Days used each week/).fill("5+5");
    await page.getByRole("button", { name: "Compare bids" }).click();
    await write.click();
    const dialog = page.getByRole("dialog", { name: 'Replace "Bid comparison"?' });
    await dialog.getByText(/looks like a bid comparison PROD made, but the hidden mark/).waitFor();
    await preview.screenshot("bids-reclaim-question");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/Nothing was written: "Bid comparison" is as it was/).waitFor();
    let cells = await showSheet(page, "Bid comparison");
    // Still the 12-day comparison: A 12 x 2,500 = 30,000.
    expect(cells.get("B6")).toBe("30,000.00");

    await page.getByRole("tab", { name: "Bids" }).click();
    await write.click();
    await page
      .getByRole("dialog", { name: 'Replace "Bid comparison"?' })
      .getByRole("button", { name: "Replace it" })
      .click();
    await page.getByText(/Your notes \(1\) are kept with their items/).waitFor();
    cells = await showSheet(page, "Bid comparison");
    // The 10-day comparison (A 10 x 2,500), the note on its item, and no second sheet.
    expect(["A6", "B6", "H6"].map((a) => cells.get(a))).toEqual([
      "Camera package",
      "25,000.00",
      "Ask B about the lens set",
    ]);
    const tabs = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allTextContents();
    expect(tabs.filter((t) => t.startsWith("Bid comparison"))).toEqual(["Bid comparison"]);
    // PROD's again: the next write replaces it without a question.
    await page.getByRole("tab", { name: "Bids" }).click();
    await write.click();
    await page.getByText(/The comparison is on the sheet "Bid comparison"/).waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(preview.errors).toEqual([]);
  });

  // Issue 17, layout: Excel's narrowest task pane is 320 px. The Matched-item drop-down stays
  // inside it, and long vendor names wrap instead of running over the figures beside them.
  it("fits a 320 px pane: long vendor and item names stay inside it and off the figures; terms come back by name", async () => {
    const { page } = preview;
    await reopenBids(page, "everything");
    await setPane(page, "320", "light");
    const item =
      "Arri Alexa 35 camera package with Signature Prime lenses 18-125mm and wireless follow focus";
    const longA = "ScreenLight & Grip Rentals of Greater Los Angeles Incorporated";
    const longB = "GearheadGripAndElectricRentalServicesInternational";
    await addCsv(page, `${longA}.csv`, `Item,Qty,Day Rate\n${item},1,2500\n`);
    await page
      .getByRole("region", { name: /^Vendor 1:/ })
      .getByRole("button", { name: "Use these columns" })
      .click();
    await addCsv(page, `${longB}.csv`, `Item,Qty,Day Rate\n${item},1,2200\n`);
    await page
      .getByRole("region", { name: /^Vendor 2:/ })
      .getByText(/1 line read/)
      .waitFor();
    await page
      .getByRole("region", { name: /^Vendor 1:/ })
      .getByLabel(/Week convention/)
      .selectOption("3");
    await page.getByLabel(/Days used each week/).fill("5+5+2");
    await page.getByRole("button", { name: "Compare bids" }).click();
    const totals = page.getByRole("table", { name: "Vendor totals" });
    await totals.getByText("$20,000.00").waitFor();
    await page.getByLabel("Matched item", { exact: true }).scrollIntoViewIfNeeded();
    await preview.screenshot("bids-320px");

    const pane = await page.getByTestId("prod-pane").boundingBox();
    expect(pane?.width).toBe(320);
    const inside = async (label: string) => {
      const box = await page.getByLabel(label, { exact: true }).boundingBox();
      expect(box && pane && box.x >= pane.x && box.x + box.width <= pane.x + pane.width).toBe(true);
    };
    await inside("Matched item");
    await inside("Whose line");
    // Nothing in the pane is wider than the pane (no sideways scrolling).
    expect(await page.getByTestId("prod-pane").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Each vendor name's text ends before its row's figures begin.
    const overlaps = await totals.evaluate((table) =>
      Array.from(table.querySelectorAll("tbody tr")).map((row) => {
        const [name, total] = Array.from(row.querySelectorAll("td")).map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return range.getBoundingClientRect();
        });
        return name.right > total.left;
      }),
    );
    expect(overlaps).toEqual([false, false]);

    // The terms compared come back with the vendor's next bid (the page's storage keeps them).
    await page.reload();
    await page.getByRole("grid").waitFor();
    await page.getByRole("tab", { name: "Bids" }).click();
    await addCsv(page, `${longA}.csv`, `Item,Qty,Day Rate\n${item},1,2500\n`);
    const again = page.getByRole("region", { name: /^Vendor 1:/ });
    await again.getByText(`Terms as last compared for "${longA}".`).waitFor();
    expect(await again.getByLabel(/Week convention/).inputValue()).toBe("3");
    expect(preview.errors).toEqual([]);
  });
});
