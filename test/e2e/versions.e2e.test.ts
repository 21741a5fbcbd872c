/*
 * Budget versions in the real pane and the preview's grid (issue 21): insert the Feature film
 * template, type rates, save a version, change a rate, compare, and check every figure of the
 * "Budget comparison" sheet to the cent; correct a line and watch the comparison follow; lock the
 * original totals beside the Top Sheet. The store, "PROD versions", is protected: typing into it
 * is refused with Excel's message, and saving another version still works; a version edited by
 * hand after the user unprotected the store is named when it is compared. A note the user typed
 * on the comparison and a date beside it, and a cell on Globals that links to it, are named in a
 * question before the comparison is replaced; Cancel keeps the sheet as it was, Replace carries
 * the note and the date (still shown as a date) to the same account's row; left out of the next
 * comparison, they are kept under its heading, and go back to the row when it is compared again.
 * PROD's check of each row is in a hidden column: a label retyped and a formula typed over a
 * difference are named in the question when comparing again, Cancel keeps the sheet, and Replace
 * keeps both as notes with PROD's cells back; so is a difference the user pointed at another
 * column by hand, with PROD's formula it replaced. A column the user hid there stays hidden when it is
 * compared again; with PROD's hidden column deleted and the note that told of it rewritten, the
 * question still says PROD's checks are gone. A blank row and a row of the user's own inserted
 * inside the table (Insert Sheet Rows) leave PROD's rows under them PROD's: comparing again names
 * only the user's row, every figure stays to the cent, and the row is kept under its own heading.
 * An account whose check the user deleted, its description retyped, left out by the filter, is
 * kept whole under the heading with each cell as it showed, once however often compared, and its
 * cells go beside its row when it is compared again. Then the store's hidden mark is deleted: the pane
 * asks before taking it back
 * (Cancel changes nothing), and taking it back keeps every version, the one edited by hand still
 * named, and protects it again.
 */
import {
  type Preview,
  amount,
  cellText,
  fillInFringeRates,
  openPreview,
  panelTab,
  sheetCells,
  showSheet,
  typeInto,
} from "./preview";

const cents = (shown: string | undefined) => Math.round(amount(shown ?? "") * 100);

/** The 1-based row whose column A shows `text`, from row `from` down. */
function rowOf(cells: Map<string, string>, text: string, column = "A", from = 1): number {
  const found = [...cells.entries()]
    .filter(([a, t]) => new RegExp(`^${column}\\d+$`).test(a) && t === text && Number(a.slice(1)) >= from)
    .map(([a]) => Number(a.slice(1)))
    .sort((x, y) => x - y);
  if (found.length === 0) throw new Error(`no cell ${column} showing ${text}`);
  return found[0];
}

// Every typed rate recomputes a whole budget in the browser: each step gets two minutes on a
// loaded machine.
jest.setTimeout(120_000);

describe("budget versions in the preview", () => {
  let preview: Preview;
  let camera = 0;
  let total = 0;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("saves a version of a template budget, and asks before replacing a name already used", async () => {
    const { page } = preview;
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    await fillInFringeRates(page);
    // The UPM's prep (8 weeks at $4,000 = 32,000 + 7,160.00 fringes) and the camera package
    // (30 shoot days / 5 = 6 weeks at $5,000 = 30,000, no fringes): 69,160.00.
    const detail = await showSheet(page, "Budget detail");
    const upm = rowOf(detail, "2001", "A", 4);
    camera = rowOf(detail, "3350", "A", 4);
    await typeInto(page, `F${upm}`, "4000");
    await typeInto(page, `F${camera}`, "5000");

    await panelTab(page, "Versions").click();
    await page.getByRole("heading", { name: "Budget versions" }).waitFor();
    await page.getByLabel("Version name").fill("Studio approved");
    await page.getByRole("button", { name: "Save version" }).click();
    // The total, and which Top Sheet figure it is: the Grand total adds the charges.
    await page
      .getByText(
        /Saved "Studio approved": \d+ lines, \$69,160\.00 \(the Top Sheet's Total Above \+ Below-the-line; its Grand total, \$[\d,]+\.\d\d, adds the charges\)/,
      )
      .waitFor();

    // A name already used asks before replacing; "Cancel" keeps the saved version.
    await page.getByRole("button", { name: "Save version" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(/already used/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/Nothing was saved/).waitFor();
  });

  it("refuses typing into the protected store, and still saves another version into it", async () => {
    const { page } = preview;
    const store = await showSheet(page, "PROD versions");
    const first = store.get("G4");
    expect(store.get("B4")).toBe("Studio approved");
    const refusal = page.getByRole("alert").filter({ hasText: "on a protected sheet" });
    await typeInto(page, "G4", "1");
    await expect(refusal.textContent()).resolves.toBe(
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
    );
    expect(await cellText(page, "G4")).toBe(first);
    await page.keyboard.press("Delete");
    expect(await cellText(page, "G4")).toBe(first);

    // PROD's own save lifts the protection for its write only.
    await page.getByLabel("Version name").fill("Working copy");
    await page.getByRole("button", { name: "Save version" }).click();
    await page.getByText(/Saved "Working copy": \d+ lines, \$69,160\.00/).waitFor();
    await page.getByRole("checkbox", { name: /^Working copy \(saved / }).waitFor();
    const after = await showSheet(page, "PROD versions");
    const versions = new Set([...after.entries()].filter(([a]) => /^B\d+$/.test(a)).map(([, t]) => t));
    expect(versions.has("Studio approved") && versions.has("Working copy")).toBe(true);
    expect(after.get("G4")).toBe(first);
    // The rows of this second save (new rows of the store's table) show their totals with cents,
    // as the first save's do.
    const workingTotals = [...after.entries()]
      .filter(([a, t]) => /^B\d+$/.test(a) && t === "Working copy")
      .map(([a]) => after.get(`G${a.slice(1)}`));
    expect(workingTotals.length).toBeGreaterThan(0);
    expect(workingTotals.filter((t) => !/^\(?[\d,]+\.\d\d\)?\s*$/.test(t ?? ""))).toEqual([]);
    expect(first).toMatch(/\.\d\d\)?\s*$/);
    // Protected again: still refused (a click on a cell clears the last refusal first).
    await page.locator('td[data-address="G5"]').click();
    expect(await refusal.count()).toBe(0);
    await page.keyboard.type("1");
    await refusal.waitFor();
    expect(await cellText(page, "G5")).toBe(after.get("G5"));
    await page.getByRole("button", { name: "Unprotect Sheet" }).waitFor();
  });

  it("compares Current with the version after a rate changed: every figure to the cent", async () => {
    const { page } = preview;
    // The camera package at $6,000 a week: 6,000.00 more.
    await showSheet(page, "Budget detail");
    await typeInto(page, `F${camera}`, "6000");
    await page.getByRole("checkbox", { name: /^Studio approved \(saved / }).check();
    await page
      .getByRole("combobox", { name: "Compare against (base)" })
      .selectOption({ label: "Studio approved" });
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page
      .getByText(
        /Current \$75,160\.00, \$6,000\.00 against Studio approved \(\+8\.68%\); Studio approved \$69,160\.00 \(base\)/,
      )
      .waitFor();

    const sheet = await showSheet(page, "Budget comparison");
    expect(sheet.get("C4")).toBe("Current");
    expect(sheet.get("D4")).toBe("Studio approved (base)");
    expect(sheet.get("E4")).toBe("Difference: Current");
    expect(sheet.get("F4")).toBe("% change: Current");
    // Every row: the difference is Current less the base, the % change the difference over the base.
    let rows = 0;
    for (let row = 5; sheet.get(`B${row}`); row++, rows++) {
      const [current, base, difference] = ["C", "D", "E"].map((c) => cents(sheet.get(`${c}${row}`)));
      expect([row, difference]).toEqual([row, current - base]);
      const change = sheet.get(`F${row}`) ?? "";
      expect([row, change]).toEqual([row, base === 0 ? "" : `${((difference / base) * 100).toFixed(2)}%`]);
    }
    expect(rows).toBeGreaterThan(50);
    const line = (account: string) => rowOf(sheet, account);
    expect(["C", "D", "E", "F"].map((c) => sheet.get(`${c}${line("2001")}`))).toEqual([
      "39,160.00",
      "39,160.00",
      "0.00",
      "0.00%",
    ]);
    expect(["C", "D", "E", "F"].map((c) => sheet.get(`${c}${line("3350")}`))).toEqual([
      "36,000.00",
      "30,000.00",
      "6,000.00",
      "20.00%",
    ]);
    total = rowOf(sheet, "Total", "B");
    expect(["C", "D", "E", "F"].map((c) => sheet.get(`${c}${total}`))).toEqual([
      "75,160.00",
      "69,160.00",
      "6,000.00",
      "8.68%",
    ]);
    const atl = rowOf(sheet, "Total Above-the-line", "B");
    const btl = rowOf(sheet, "Total Below-the-line", "B");
    expect(cents(sheet.get(`C${atl}`)) + cents(sheet.get(`C${btl}`))).toBe(7_516_000);
  });

  it("follows a correction of the budget without comparing again", async () => {
    const { page } = preview;
    // $5,500 a week for the camera package.
    await showSheet(page, "Budget detail");
    await typeInto(page, `F${camera}`, "5500");
    const after = await showSheet(page, "Budget comparison");
    expect(["C", "D", "E", "F"].map((c) => after.get(`${c}${total}`))).toEqual([
      "72,160.00",
      "69,160.00",
      "3,000.00",
      "4.34%",
    ]);
    await preview.screenshot("versions-comparison");
  });

  it("locks the original totals beside the Top Sheet", async () => {
    const { page } = preview;
    // Lock original totals: the Top Sheet shows the saved figures beside the live ones.
    await page.getByRole("button", { name: "Lock original totals" }).click();
    await page.getByText(/as Original in column H/).waitFor();
    const top = await showSheet(page, "Top Sheet");
    expect(top.get("H4")).toBe("Original: Studio approved");
    expect(top.get("I4")).toBe("Variance");
    const cameraOps = rowOf(top, "3300");
    expect(["C", "H", "I"].map((c) => top.get(`${c}${cameraOps}`))).toEqual([
      "33,000.00",
      "30,000.00",
      "3,000.00",
    ]);
    const grand = rowOf(top, "Grand total", "B");
    expect(cents(top.get(`I${grand}`))).toBe(cents(top.get(`C${grand}`)) - cents(top.get(`H${grand}`)));
    expect(cents(top.get(`I${grand}`))).toBeGreaterThan(300_000);
    await preview.screenshot("versions-original");
    expect(preview.errors).toEqual([]);
  });

  it("names a version edited by hand on the unprotected store when it is compared", async () => {
    const { page } = preview;
    const store = await showSheet(page, "PROD versions");
    const working = rowOf(store, "Working copy", "B");
    await page.getByRole("button", { name: "Unprotect Sheet" }).click();
    await typeInto(page, `G${working}`, "1");
    expect(amount(await cellText(page, `G${working}`))).toBe(1);
    await page.getByRole("checkbox", { name: /^Working copy \(saved / }).check();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await page
      .getByText(
        /Check this: "Working copy" was changed on the sheet "PROD versions" after PROD saved it \(the sheet was unprotected and edited\)/,
      )
      .waitFor();
    // "Studio approved", compared too, is not named: its figures are as saved.
    expect(await page.getByText(/"Studio approved" was changed/).count()).toBe(0);
    expect(preview.errors).toEqual([]);
  });

  it("asks before replacing a comparison the user typed a note on, keeps it on Cancel, and carries the note to the same account", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Budget comparison");
    // Current, Studio approved (base), Working copy, two pairs: the notes column is J.
    expect(before.get("J4")).toBe("Your notes (kept when compared again)");
    const crane = rowOf(before, "3350");
    await typeInto(page, `J${crane}`, "ask about the crane");
    expect(await cellText(page, `J${crane}`)).toBe("ask about the crane");
    // PROD's check of each row is in K, hidden, as Excel hides it: not shown.
    expect(before.has("K4")).toBe(false);
    // A date beside the row: Excel keeps the serial and formats the cell as a date.
    await typeInto(page, `L${crane}`, "12/9/2025");
    expect(await cellText(page, `L${crane}`)).toBe("12/9/2025");
    const typed = await showSheet(page, "Budget comparison");

    // A cell on Globals links to the comparison's grand total.
    const grand = rowOf(before, "Total", "B");
    const globals = await showSheet(page, "Globals");
    expect(globals.get("J2") ?? "").toBe("");
    await typeInto(page, "J2", `='Budget comparison'!C${grand}`);
    expect(amount(await cellText(page, "J2"))).toBe(amount(before.get(`C${grand}`) ?? ""));

    // Working copy left out: the comparison gets narrower.
    await page.getByRole("checkbox", { name: /^Working copy \(saved / }).uncheck();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const dialog = page.getByRole("dialog");
    const question = dialog.getByText(/^You typed on it: 2 cells beside 1 row \(3350 /);
    await question.waitFor();
    expect(await question.textContent()).toMatch(
      /will be carried to the rows with the same labels\. The formula in Globals!J2 refers to "Budget comparison"\. After the replace it points at the same cells, which may then hold other figures\./,
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/Nothing was written: "Budget comparison" is as it was/).waitFor();
    expect(await showSheet(page, "Budget comparison")).toEqual(typed);

    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog.getByText(/^You typed on it: 2 cells beside 1 row \(3350 /).waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/2 cells of yours carried to the rows with the same labels\./).waitFor();
    const after = await showSheet(page, "Budget comparison");
    // Current, Studio approved (base), one pair: the notes column is now G, on 3350's row.
    expect(after.get("G4")).toBe("Your notes (kept when compared again)");
    const moved = rowOf(after, "3350");
    expect(after.get(`G${moved}`)).toBe("ask about the crane");
    // The date went with it, first right of the notes and the hidden check (H) as before, and
    // still shows as a date.
    expect(after.has(`H${moved}`)).toBe(false);
    expect(after.get(`I${moved}`)).toBe("12/9/2025");
    expect(after.get(`J${moved}`) ?? "").toBe("");
    expect(after.get(`L${moved}`) ?? "").toBe("");
    expect(preview.errors).toEqual([]);
  });

  it("keeps the note of an account left out under the heading, and puts it back on the account's row when it is compared again", async () => {
    const { page } = preview;
    const accounts = page.getByLabel("Accounts (optional)");
    const dialog = page.getByRole("dialog");
    await accounts.fill("1000-9999,!3350");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog.getByText(/^You typed on it: 2 cells beside 1 row \(3350 /).waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/2 cells kept under "From the earlier comparison/).waitFor();
    const without = await showSheet(page, "Budget comparison");
    const kept = rowOf(
      without,
      "From the earlier comparison (kept by PROD: rows this comparison does not have)",
    );
    const label = without.get(`A${kept + 1}`) ?? "";
    expect(label).toMatch(/^3350 /);
    // (H is the hidden check column, on the kept rows too.)
    expect([without.get(`G${kept + 1}`), without.get(`I${kept + 1}`)]).toEqual([
      "ask about the crane",
      "12/9/2025",
    ]);

    // Every account again: the note and the date go back to 3350's row; the kept part is gone.
    await accounts.fill("");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog.getByText(/will be moved back to the row the new sheet has again: 3350 /).waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page
      .getByText(
        `2 cells that were kept under "From the earlier comparison (kept by PROD: rows this comparison does not have)" moved back to the row the new sheet has again: ${label}.`,
      )
      .waitFor();
    const back = await showSheet(page, "Budget comparison");
    const crane = rowOf(back, "3350");
    expect([back.get(`G${crane}`), back.get(`I${crane}`)]).toEqual(["ask about the crane", "12/9/2025"]);
    expect([...back.values()]).not.toContain(
      "From the earlier comparison (kept by PROD: rows this comparison does not have)",
    );
    expect(preview.errors).toEqual([]);
  });

  it("names a label retyped and a formula of the user's over PROD's when comparing again: Cancel keeps the sheet, Replace keeps both as notes and puts PROD's cells back", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Budget comparison");
    const line = rowOf(before, "2001");
    const grand = rowOf(before, "Total", "B");
    const label = before.get(`B${line}`) ?? "";
    const difference = before.get(`E${grand}`) ?? "";
    expect(label).not.toBe("");
    await typeInto(page, `B${line}`, "Producers (revised)");
    await typeInto(page, `E${grand}`, `=C${grand}*2`);
    const shown = await cellText(page, `E${grand}`);
    expect(amount(shown)).toBe(amount(before.get(`C${grand}`) ?? "") * 2);
    const typed = await showSheet(page, "Budget comparison");

    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const dialog = page.getByRole("dialog");
    const question = dialog.getByText(/^You typed on it: /);
    await question.waitFor();
    // Exactly what was typed: the note and the date from before, and the two cells typed now.
    expect(await question.textContent()).toMatch(
      new RegExp(
        `^You typed on it: 2 cells beside 1 row \\(3350 [^)]*\\); 1 formula of yours written over PROD's formulas \\(=C${grand}\\*2 over "Difference: Current" of Total \\(E${grand}\\)\\); 1 of PROD's labels or figures retyped \\("Producers \\(revised\\)" over "Description" \\(B${line}\\)\\)\\. 2 cells of yours will be carried to the rows with the same labels; 2 cells you typed over PROD's labels, figures or formulas will be kept as notes beside their rows, with PROD's own back in their place\\.`,
      ),
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/Nothing was written: "Budget comparison" is as it was/).waitFor();
    expect(await showSheet(page, "Budget comparison")).toEqual(typed);

    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await question.waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page
      .getByText(/2 cells you typed over PROD's labels, figures or formulas kept as notes beside their rows/)
      .waitFor();
    const after = await showSheet(page, "Budget comparison");
    expect(after.get(`B${line}`)).toBe(label);
    expect(after.get(`E${grand}`)).toBe(difference);
    expect(after.get(`G${line}`)).toBe(
      `You retyped PROD's "Description" (B${line}) as "Producers (revised)" in the earlier sheet; PROD's own is back in its place.`,
    );
    expect(after.get(`G${grand}`)).toBe(
      `You wrote the formula =C${grand}*2 (it showed ${amount(shown).toLocaleString("en-US")}) over "Difference: Current" (E${grand}) in the earlier sheet; PROD's formula is back in its place.`,
    );
    expect(preview.errors).toEqual([]);
  });

  it("names PROD's difference pointed at another column by hand when comparing again: Cancel keeps the sheet, Replace keeps it as a note and puts PROD's formula back", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Budget comparison");
    // A row of the table with nothing of the user's on it yet (2001's has a note since the test above).
    const row = rowOf(before, "2001") + 1;
    const bar = page.getByLabel("Formula bar");
    const formulaOf = async (address: string) => {
      await page.locator(`td[data-address="${address}"]`).click();
      return bar.inputValue();
    };
    const prods = `=ROUND(C${row}-D${row},2)`;
    expect(await formulaOf(`E${row}`)).toBe(prods);
    // Current less Current: D pointed at C by hand, the same functions and operators.
    const mine = `=ROUND(C${row}-C${row},2)`;
    await typeInto(page, `E${row}`, mine);
    expect(await cellText(page, `E${row}`)).toMatch(/^0(\.00)?$|^-$/);
    const typed = await showSheet(page, "Budget comparison");

    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const dialog = page.getByRole("dialog");
    const question = dialog.getByText(/^You typed on it: /);
    await question.waitFor();
    const escaped = (text: string) => text.replace(/[()$*+.?[\]^{}|\\]/g, "\\$&");
    expect(await question.textContent()).toMatch(
      new RegExp(
        `; 1 of PROD's formulas pointed at other cells by hand \\("Difference: Current" of .* \\(E${row}\\) from ${escaped(prods)} to ${escaped(mine)}\\)`,
      ),
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/Nothing was written: "Budget comparison" is as it was/).waitFor();
    expect(await showSheet(page, "Budget comparison")).toEqual(typed);
    expect(await formulaOf(`E${row}`)).toBe(mine);

    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await question.waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page
      .getByText(/you typed over PROD's labels, figures or formulas kept as (a note|notes) beside/)
      .waitFor();
    const after = await showSheet(page, "Budget comparison");
    expect(await formulaOf(`E${row}`)).toBe(prods);
    expect(after.get(`E${row}`)).toBe(before.get(`E${row}`));
    expect(after.get(`G${row}`)).toBe(
      `You changed PROD's formula in "Difference: Current" (E${row}) from ${prods} to ${mine} (it showed 0) in the earlier sheet; PROD's formula is back in its place.`,
    );
    expect(preview.errors).toEqual([]);
  });

  it("keeps a column the user hid on the comparison hidden when comparing again", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Budget comparison");
    const crane = rowOf(before, "3350");
    expect(before.get(`I${crane}`)).toBe("12/9/2025");
    // The user hides I, their own date column (Home > Format > Hide & Unhide > Hide Columns).
    await page.locator(`td[data-address="I${crane}"]`).click();
    await page.getByRole("button", { name: "Hide Columns", exact: true }).click();
    expect(await page.locator(`td[data-address="I${crane}"]`).count()).toBe(0);

    const dialog = page.getByRole("dialog");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog.getByText(/^You typed on it: /).waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/cells of yours carried to the rows with the same labels/).waitFor();
    const after = await showSheet(page, "Budget comparison");
    // PROD's check (H) and the user's I are hidden: the columns shown go from G to J.
    const headings = await page
      .getByRole("grid", { name: "Budget comparison" })
      .locator("thead th")
      .allTextContents();
    expect(headings.slice(1, 10)).toEqual(["A", "B", "C", "D", "E", "F", "G", "J", "K"]);
    expect(after.get(`G${rowOf(after, "3350")}`)).toBe("ask about the crane");
    expect(preview.errors).toEqual([]);
  });

  it("says PROD's checks are gone when the user deleted its hidden column and the note that told of it", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Budget comparison");
    const crane = rowOf(before, "3350");
    // G to J selected across the hidden H and I, shown again; then H, PROD's check, deleted.
    await page.locator('td[data-address="G1"]').click();
    await page.keyboard.press("Shift+ArrowRight");
    await page.getByRole("button", { name: "Unhide Columns" }).click();
    expect(await cellText(page, "H4")).toMatch(/^PROD check/);
    expect(await cellText(page, `I${crane}`)).toBe("12/9/2025");
    await page.locator('td[data-address="H1"]').click();
    await page.getByRole("button", { name: "Delete Sheet Columns" }).click();
    expect(await cellText(page, `H${crane}`)).toBe("12/9/2025");
    // The chart note, whose last sentence told of the hidden column, in the user's own words.
    await typeInto(page, "A3", "Chart of accounts as the studio wants it.");

    const dialog = page.getByRole("dialog");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const question = dialog.getByText(/^You typed on it: /);
    await question.waitFor();
    expect(await question.textContent()).toMatch(
      /PROD's hidden check of what it wrote is gone from \d+ rows \(Budget comparison, row 2, row 3 and \d+ more\), so on them PROD cannot tell a label or formula you retyped from its own, and puts its own back; notes, cells beside the rows and figures typed over formulas are still kept\./,
    );
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/cells of yours carried to the rows with the same labels/).waitFor();
    const after = await showSheet(page, "Budget comparison");
    // Written again with its check hidden in H; the note and the date kept on 3350's row.
    expect(after.has("H4")).toBe(false);
    const moved = rowOf(after, "3350");
    expect(after.get(`G${moved}`)).toBe("ask about the crane");
    expect([...after.entries()].filter(([a, t]) => a.endsWith(`${moved}`) && t === "12/9/2025")).toHaveLength(
      1,
    );
    expect(preview.errors).toEqual([]);
  });

  it("reads PROD's rows under a blank row and a row of the user's inserted inside the comparison as PROD's: only the user's row is named, and carried in its own words", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Budget comparison");
    /** Each row of the table (from row 5) by its code and name: its four figures, to the cent. */
    const table = (sheet: Map<string, string>) => {
      const rows = new Map<string, number[]>();
      for (let row = 5; row < 5 + 1000; row++) {
        const [code, name] = [sheet.get(`A${row}`) ?? "", sheet.get(`B${row}`) ?? ""];
        if (code.startsWith("Accounts not in every") || code.startsWith("From the earlier")) break;
        if (code === "" && name === "") continue;
        rows.set(
          `${code} ${name}`,
          ["C", "D", "E"].map((c) => cents(sheet.get(`${c}${row}`))),
        );
      }
      return rows;
    };
    const figures = table(before);
    expect(figures.size).toBeGreaterThan(50);
    // A blank row inserted above 3350 (Home > Insert > Insert Sheet Rows), and one under it where
    // the user writes down a quote: words and a figure of their own, inside PROD's table.
    const crane = rowOf(before, "3350");
    await page.locator(`td[data-address="A${crane}"]`).click();
    await page.getByRole("button", { name: "Insert Sheet Rows" }).click();
    const mine = crane + 2;
    await page.locator(`td[data-address="A${mine}"]`).click();
    await page.getByRole("button", { name: "Insert Sheet Rows" }).click();
    await typeInto(page, `B${mine}`, "Crane quote: Chapman, 2 days");
    await typeInto(page, `C${mine}`, "1250");
    const inserted = await showSheet(page, "Budget comparison");
    expect(rowOf(inserted, "3350")).toBe(crane + 1);
    expect(inserted.get(`C${mine}`)).toBe("1,250.00");
    // Every figure of PROD's is as it was: its formulas moved with their rows.
    const moved = table(inserted);
    moved.delete(" Crane quote: Chapman, 2 days");
    expect(moved).toEqual(figures);

    const dialog = page.getByRole("dialog");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    const question = dialog.getByText(/^You typed on it: /);
    await question.waitFor();
    const words = (await question.textContent()) ?? "";
    // Only the user's row is called theirs; nothing of PROD's is said to be typed over.
    expect(words).toContain(`2 cells on rows of your own (B${mine}, C${mine})`);
    expect(words).not.toMatch(
      /typed over|retyped|written over|pointed at other cells|check of what it wrote is gone/,
    );
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/cells? kept under "From the earlier comparison/).waitFor();
    const after = await showSheet(page, "Budget comparison");
    // The table is whole again, every figure to the cent; the user's row under its own heading,
    // in the same columns, the figure still a figure.
    expect(table(after)).toEqual(figures);
    const heading = rowOf(
      after,
      `Typed on rows of your own in the earlier sheet (row ${mine}), in the same columns:`,
    );
    expect([after.get(`B${heading + 1}`), after.get(`C${heading + 1}`)]).toEqual([
      "Crane quote: Chapman, 2 days",
      "1,250.00",
    ]);
    expect(after.get(`A${heading + 2}`) ?? "").toBe("");
    expect(after.get(`G${rowOf(after, "3350")}`)).toBe("ask about the crane");
    expect(preview.errors).toEqual([]);
  });

  it("keeps an account whose check the user deleted whole under the heading when the filter leaves it out, each cell as it showed, once, and beside its row when it is back", async () => {
    const { page } = preview;
    const kept = "From the earlier comparison (kept by PROD: rows this comparison does not have)";
    const before = await showSheet(page, "Budget comparison");
    const crane = rowOf(before, "3350");
    const figures = ["C", "D", "E", "F"].map((c) => before.get(`${c}${crane}`) ?? "");
    expect(cents(figures[0])).toBeGreaterThan(0);
    // PROD's hidden check column H shown again (G to I selected across it), 3350's check deleted,
    // and its description retyped: PROD can no longer tell the user's cells there from its own.
    await page.locator('td[data-address="G1"]').click();
    await page.keyboard.press("Shift+ArrowRight");
    await page.getByRole("button", { name: "Unhide Columns" }).click();
    expect(await cellText(page, `H${crane}`)).toMatch(/^PROD check/);
    await page.locator(`td[data-address="H${crane}"]`).click();
    await page.keyboard.press("Delete");
    expect(await cellText(page, `H${crane}`)).toBe("");
    await typeInto(page, `B${crane}`, "Crane (our quote)");
    const label = "3350 Crane (our quote)";

    // 3350 left out: the question says the row is kept whole, and Replace keeps it so.
    const accounts = page.getByLabel("Accounts (optional)");
    const dialog = page.getByRole("dialog");
    await accounts.fill("1000-9999,!3350");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog
      .getByText(
        `PROD's hidden check of what it wrote is gone from 1 row (${label}), so on it PROD cannot tell a label or formula you retyped from its own; the new sheet does not have it, so it keeps the row under "${kept}" by its label, its cells as they read (a formula pointing at cells of this sheet as its value); notes, cells beside the rows and figures typed over formulas are still kept.`,
        { exact: false },
      )
      .waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page
      .getByText(
        /1 row whose check was gone that the new sheet does not have \(3350 Crane \(our quote\)\) kept under/,
      )
      .waitFor();
    const without = await showSheet(page, "Budget comparison");
    const row = rowOf(without, label);
    expect(row).toBeGreaterThan(rowOf(without, kept));
    // By its label, each cell in its column as it showed: the description as retyped, Current and
    // the version to the cent, the difference and % (formulas over this sheet) as their values, the note.
    expect(["B", "C", "D", "E", "F", "G"].map((c) => without.get(`${c}${row}`) ?? "")).toEqual([
      "Crane (our quote)",
      ...figures,
      "ask about the crane",
    ]);

    // Compared again the same way: the kept row once, as it was.
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog.getByText(/on 1 row kept from an earlier sheet \(3350 Crane \(our quote\)\)/).waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    // (The note of this write, not the one before: "cells", and nothing after the row's label.)
    await page
      .getByText(
        /cells kept under "From the earlier comparison \(kept by PROD: rows this comparison does not have\)" \(1 row the new sheet does not have: 3350 Crane \(our quote\)\)\./,
      )
      .waitFor();
    const again = await showSheet(page, "Budget comparison");
    expect([...again.entries()].filter(([a, t]) => /^A\d+$/.test(a) && t === label)).toHaveLength(1);
    expect(["B", "C", "D", "E", "F", "G"].map((c) => again.get(`${c}${rowOf(again, label)}`) ?? "")).toEqual([
      "Crane (our quote)",
      ...figures,
      "ask about the crane",
    ]);

    // Every account again: 3350 is PROD's own again; the note to its notes column, the rest beside it.
    await accounts.fill("");
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    await dialog
      .getByText(/will be moved back to the row the new sheet has again: 3350 Crane \(our quote\)/)
      .waitFor();
    await dialog.getByRole("button", { name: "Replace it" }).click();
    await page.getByText(/moved back to the row the new sheet has again: 3350 Crane \(our quote\)/).waitFor();
    const back = await showSheet(page, "Budget comparison");
    const at = rowOf(back, "3350");
    expect(back.get(`G${at}`)).toBe("ask about the crane");
    const beside = [...back.entries()]
      .filter(([a]) => new RegExp(`^[I-Z]${at}$`).test(a))
      .map(([, t]) => t)
      .filter((t) => t !== "");
    expect(beside).toEqual(expect.arrayContaining(["Crane (our quote)", ...figures]));
    expect([...back.values()]).not.toContain(label);
    expect(preview.errors).toEqual([]);
  });

  // Follows the tests above: "Studio approved" and "Working copy" saved, the store unprotected
  // and "Working copy" edited by hand on it.
  it('asks before taking back "PROD versions" whose hidden mark was deleted: Cancel changes nothing; Take it back keeps every version and protects it', async () => {
    const { page } = preview;
    await showSheet(page, "PROD versions");
    await page.getByRole("button", { name: "Delete this sheet's hidden names" }).click();
    await page.getByText("1 hidden name deleted").waitFor();
    const storeBefore = await sheetCells(page);
    const saved = (cells: Map<string, string>) =>
      new Set(
        [...cells.entries()]
          .filter(([a, t]) => /^B\d+$/.test(a) && Number(a.slice(1)) > 3 && t !== "")
          .map(([, t]) => t),
      );
    expect(saved(storeBefore)).toEqual(new Set(["Studio approved", "Working copy"]));

    await panelTab(page, "Versions").click();
    const lock = page.getByRole("button", { name: "Lock original totals" });
    await lock.click();
    const dialog = page.getByRole("dialog", { name: 'Take back "PROD versions"?' });
    await dialog.getByText(/looks like a version store PROD made, but the hidden mark/).waitFor();
    await dialog
      .getByText(/with the 2 versions saved on it \("Studio approved", "Working copy"\) kept/)
      .waitFor();
    expect(await dialog.getByRole("button").allTextContents()).toEqual(["Cancel", "Take it back"]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page
      .getByText(/Nothing was written: "PROD versions" is as it was, and no Original column was written/)
      .waitFor();
    expect(await showSheet(page, "PROD versions")).toEqual(storeBefore);

    await panelTab(page, "Versions").click();
    await page.getByLabel("Version name").fill("Final");
    await page.getByRole("button", { name: "Save version" }).click();
    await dialog.getByRole("button", { name: "Take it back" }).click();
    await page.getByText(/Saved "Final": \d+ lines/).waitFor();
    const after = await showSheet(page, "PROD versions");
    expect(saved(after)).toEqual(new Set(["Studio approved", "Working copy", "Final"]));
    // PROD's again, and protected: typing is refused.
    const refusal = page.getByRole("alert").filter({ hasText: "on a protected sheet" });
    await typeInto(page, "G4", "1");
    await refusal.waitFor();
    // The version edited by hand is still named when compared.
    await panelTab(page, "Versions").click();
    await page.getByRole("checkbox", { name: /^Working copy \(saved / }).check();
    await page.getByRole("button", { name: "Compare", exact: true }).click();
    // Asked only about the note typed on the comparison (the test above), not the store again.
    await page
      .getByRole("dialog", { name: 'Replace "Budget comparison"?' })
      .getByRole("button", { name: "Replace it" })
      .click();
    await page.getByText(/Check this: "Working copy" was changed on the sheet "PROD versions"/).waitFor();
    expect(preview.errors).toEqual([]);
  });
});
