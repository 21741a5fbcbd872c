/*
 * What-if (issue 21) as a line producer works it in the preview: the Feature film budget with the
 * UPM and a camera package priced, a group switched out in the What-if panel (every total of the
 * top sheet checked to the cent), then two scenarios saved, compared, and the producer's own
 * globals found as they were, formulas still live; the scenario store protected (typing refused in
 * Excel's words, protected again at the next save after Unprotect Sheet); then the comparison's
 * hidden mark deleted, and the pane asking before taking the sheet back; then the store's, and
 * the pane asking before taking the store back with every scenario on it; then a note beside a
 * top-sheet line the next comparison lacks (the line renamed on the top sheet) kept under the
 * comparison's heading, and back on the line's row when the top sheet has it again.
 */
import {
  type Preview,
  amount,
  cellText,
  fillInFringeRates,
  openPreview,
  panelTab,
  rowsShowing,
  sheetCells,
  showSheet,
  typeInto,
} from "./preview";

/** Figure label -> shown amount, for the rows of a sheet whose column A is empty. */
function figures(cells: Map<string, string>, valueColumn: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [a, label] of cells) {
    const m = /^B(\d+)$/.exec(a);
    if (!m || label === "" || (cells.get(`A${m[1]}`) ?? "") !== "") continue;
    const shown = cells.get(`${valueColumn}${m[1]}`) ?? "";
    if (shown !== "") out.set(label, shown);
  }
  return out;
}

/** Clicks `button` in the pane's question titled `title`. */
const answer = (preview: Preview, title: string, button: string) =>
  preview.page.getByRole("dialog", { name: title }).getByRole("button", { name: button }).click();

describe("what-if in the preview: groups and scenarios on the Feature film budget", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  // A whole budget recomputed at each typed cell takes a while on a loaded machine.
  jest.setTimeout(240_000);

  it("switches a group out of every total, then compares two scenarios and puts the globals back", async () => {
    const { page } = preview;
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    await fillInFringeRates(page);

    const detail = await showSheet(page, "Budget detail");
    const [prep, shoot, wrap] = rowsShowing(detail, "A", "2001");
    const [camera] = rowsShowing(detail, "A", "3350");
    await typeInto(page, `F${prep}`, "4000");
    await typeInto(page, `F${shoot}`, "800");
    await typeInto(page, `F${wrap}`, "4000");
    await typeInto(page, `F${camera}`, "5000");
    await typeInto(page, `Q${prep}`, "Option: long prep");
    await typeInto(page, `Q${camera}`, "Stunts, Night shoot");

    // The What-if panel lists the groups with what their lines cost, fringes included: what
    // switching each out saves (the long prep is paid after the UPM's other lines, past the
    // $7,000 caps: 32,000 + 6,768.00).
    await panelTab(page, "What-if").click();
    const groups = page.getByRole("list", { name: "Groups" });
    await groups
      .getByRole("switch", {
        name: /^Option: long prep: switching it out saves \$38,768\.00, 1 line\(s\), in the total$/,
      })
      .waitFor();
    await groups
      .getByRole("switch", {
        name: /^Night shoot: switching it out saves \$30,000\.00, 1 line\(s\), in the total$/,
      })
      .waitFor();
    await groups.getByRole("switch", { name: /^Stunts: switching it out saves \$30,000\.00/ }).waitFor();

    await groups.getByRole("switch", { name: /^Option: long prep/ }).click();
    await page.getByText(/"Option: long prep" is out of the total/).waitFor();
    await groups.getByRole("switch", { name: /^Night shoot/ }).click();
    await groups
      .getByRole("switch", {
        name: /^Night shoot: switching it in adds \$30,000\.00, 1 line\(s\), out of the total$/,
      })
      .waitFor();
    // Stunts' one line is the camera line, out with Night shoot whatever Stunts' switch says:
    // switching Stunts alone saves nothing now (its Cost with fringes on Globals still shows
    // what the line costs, 30,000.00).
    await groups
      .getByRole("switch", { name: /^Stunts: switching it out saves \$0\.00, 1 line\(s\), in the total$/ })
      .waitFor();

    // The lines out are greyed; the shoot line now pays the capped payroll taxes (392.00).
    const after = await showSheet(page, "Budget detail");
    expect([after.get(`R${prep}`), after.get(`R${shoot}`), after.get(`R${camera}`)]).toEqual([
      "No",
      "Yes",
      "No",
    ]);
    expect(amount(after.get(`J${prep}`)!)).toBe(0);
    expect(amount(after.get(`I${shoot}`)!)).toBe(5468);
    const greyed = await page
      .locator(`td[data-address="B${prep}"]`)
      .evaluate((td) => getComputedStyle(td).backgroundColor);
    expect(greyed).toBe("rgb(237, 237, 237)");

    // Every total of the top sheet, to the cent: direct 24,000 + 5,468 + 16,000 + 3,384.
    const top = figures(await showSheet(page, "Top Sheet"), "C");
    const expected30: Record<string, number> = {
      "Total Production": 48852,
      "Total Below-the-line": 48852,
      "Total Above + Below-the-line": 48852,
      Contingency: 4885.2,
      "Production insurance": 341.96,
      "Completion bond": 1612.12,
      "Grand total": 55691.28,
    };
    expect(top.size).toBeGreaterThan(Object.keys(expected30).length);
    for (const [label, shown] of top) expect([label, amount(shown)]).toEqual([label, expected30[label] ?? 0]);

    // Scenarios: 30 days as inserted, then 35 days.
    await panelTab(page, "What-if").click();
    const name = page.getByRole("textbox", { name: "Scenario name" });
    await name.fill("30 days");
    await page.getByRole("button", { name: "Save current globals" }).click();
    await page.getByText(/Scenario "30 days" saved/).waitFor();
    let globals = await showSheet(page, "Globals");
    const [shootDays] = rowsShowing(globals, "A", "Shoot (days)");
    const [shootWeeks] = rowsShowing(globals, "A", "Shoot (weeks)");
    await typeInto(page, `B${shootDays}`, "35");
    await name.fill("35 days");
    await page.getByRole("button", { name: "Save current globals" }).click();
    await page.getByText(/Scenario "35 days" saved/).waitFor();
    // The producer's own figure, in no scenario.
    await typeInto(page, `B${shootDays}`, "32");

    await page.getByRole("checkbox", { name: /^30 days/ }).check();
    await page.getByRole("checkbox", { name: /^35 days/ }).check();
    await page.getByRole("button", { name: "Compare checked scenarios" }).click();
    await page
      .getByText(/2 scenarios compared on "Scenario comparison"; your globals are as they were/)
      .waitFor();

    // 35 days: shoot 28,000 + 6,314 fringes (392.00 capped taxes + 21.15% of 28,000), wrap
    // 16,000 + 3,384: direct 53,698.00; contingency 10% = 5,369.80; insurance 0.7% = 375.89;
    // bond 3% of 59,067.80 = 1,772.03; grand total 61,215.72.
    const expected35: Record<string, number> = {
      "Total Production": 53698,
      "Total Below-the-line": 53698,
      "Total Above + Below-the-line": 53698,
      Contingency: 5369.8,
      "Production insurance": 375.89,
      "Completion bond": 1772.03,
      "Grand total": 61215.72,
    };
    const comparison = await showSheet(page, "Scenario comparison");
    expect([comparison.get("B4"), comparison.get("C4"), comparison.get("D4")]).toEqual([
      "30 days",
      "35 days",
      "35 days - 30 days",
    ]);
    const rows = [...comparison.entries()]
      .filter(([a]) => /^A\d+$/.test(a) && Number(a.slice(1)) > 4)
      .map(([a, label]) => ({ label, row: a.slice(1) }))
      .filter(({ label }) => label !== "" && label !== "Globals that differ" && label !== "Shoot (days)");
    expect(rows.map((r) => r.label)).toEqual([...top.keys()]);
    for (const { label, row } of rows) {
      const [a, b, d] = ["B", "C", "D"].map((c) => amount(comparison.get(`${c}${row}`) ?? ""));
      const want30 = expected30[label] ?? 0;
      const want35 = expected35[label] ?? 0;
      expect({ label, a, b, d }).toEqual({
        label,
        a: want30,
        b: want35,
        d: Math.round((want35 - want30) * 100) / 100,
      });
    }
    // The globals that differ: shoot days only (shoot weeks is a formula in both).
    const [differs] = rowsShowing(comparison, "A", "Shoot (days)");
    expect([comparison.get(`B${differs}`), comparison.get(`C${differs}`)]).toEqual(["30", "35"]);

    // The producer's 32 days are back, and Shoot (weeks) is still a live formula.
    globals = await showSheet(page, "Globals");
    expect(globals.get(`B${shootDays}`)).toBe("32");
    expect(globals.get(`B${shootWeeks}`)).toBe("6.4");
    await typeInto(page, `B${shootDays}`, "40");
    globals = await sheetCells(page);
    expect(globals.get(`B${shootWeeks}`)).toBe("8");
    await preview.screenshot("whatif");
    expect(preview.errors).toEqual([]);
  });

  // Follows the test above: its store, and the producer's 40 shoot days typed last.
  it("refuses typing into the protected scenario store in Excel's words, and protects it again at the next save after Unprotect Sheet", async () => {
    const { page } = preview;
    const store = await showSheet(page, "Scenarios");
    const [row] = rowsShowing(store, "A", "30 days");
    const first = store.get(`E${row}`);
    const refusal = page.getByRole("alert").filter({ hasText: "on a protected sheet" });
    await typeInto(page, `E${row}`, "45");
    await expect(refusal.textContent()).resolves.toBe(
      "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
    );
    expect(await cellText(page, `E${row}`)).toBe(first);
    await page.keyboard.press("Delete");
    expect(await cellText(page, `E${row}`)).toBe(first);

    // Review > Unprotect Sheet, then PROD's next save protects it again.
    await page.getByRole("button", { name: "Unprotect Sheet" }).click();
    await panelTab(page, "What-if").click();
    await page.getByRole("textbox", { name: "Scenario name" }).fill("40 days");
    await page.getByRole("button", { name: "Save current globals" }).click();
    await page.getByText(/Scenario "40 days" saved/).waitFor();
    const after = await showSheet(page, "Scenarios");
    expect(after.get(`E${row}`)).toBe(first);
    expect(rowsShowing(after, "A", "40 days").length).toBeGreaterThan(0);
    await page.locator(`td[data-address="E${row}"]`).click();
    await page.keyboard.type("1");
    await refusal.waitFor();
    expect(await cellText(page, `E${row}`)).toBe(first);
    await page.getByRole("button", { name: "Unprotect Sheet" }).waitFor();
    expect(preview.errors).toEqual([]);
  });

  // Follows the test above: its Scenario comparison, and the producer's 40 shoot days typed last.
  it("asks once before taking back a Scenario comparison whose hidden mark was deleted, naming the note typed on it and the cell linking to it: Cancel leaves the sheet, the globals and the store as they were; Replace carries the note", async () => {
    const { page } = preview;
    const written = await showSheet(page, "Scenario comparison");
    expect(written.get("E4")).toBe("Your notes (kept when compared again)");
    const [grandRow] = rowsShowing(written, "A", "Grand total");
    // A figure typed over one of PROD's (a value of that moment: told by the row's hidden check),
    // a note on the grand total, and a cell on Globals that links to the comparison.
    expect(written.get("F4") ?? "").toBe("");
    const figure = written.get("B5");
    // The first line's label, as a pattern (a label such as "Total Above + Below-the-line").
    const firstLine = (written.get("A5") ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await typeInto(page, "B5", "12345");
    await typeInto(page, `E${grandRow}`, "studio wants 35");
    const globalsFree = await showSheet(page, "Globals");
    expect(globalsFree.get("J2") ?? "").toBe("");
    await typeInto(page, "J2", `='Scenario comparison'!C${grandRow}`);
    await showSheet(page, "Scenario comparison");
    // What a name tool used on this sheet's names can do in Excel: PROD's hidden mark is gone.
    await page.getByRole("button", { name: "Delete this sheet's hidden names" }).click();
    await page.getByText("1 hidden name deleted").waitFor();
    const comparisonBefore = await sheetCells(page);
    const globalsBefore = await showSheet(page, "Globals");
    const storeBefore = await showSheet(page, "Scenarios");
    const [shootDays] = rowsShowing(globalsBefore, "A", "Shoot (days)");
    const [shootWeeks] = rowsShowing(globalsBefore, "A", "Shoot (weeks)");
    expect([globalsBefore.get(`B${shootDays}`), globalsBefore.get(`B${shootWeeks}`)]).toEqual(["40", "8"]);

    await panelTab(page, "What-if").click();
    await page.getByRole("checkbox", { name: /^30 days/ }).check();
    await page.getByRole("checkbox", { name: /^35 days/ }).check();
    const compare = page.getByRole("button", { name: "Compare checked scenarios" });
    await compare.click();
    const dialog = page.getByRole("dialog", { name: 'Replace "Scenario comparison"?' });
    await dialog.getByText(/looks like a scenario comparison PROD made, but the hidden mark/).waitFor();
    // One question: what was typed (the figure typed over PROD's named) and the link are in it too.
    await dialog
      .getByText(
        new RegExp(
          `You typed on it: 1 cell beside 1 row \\(Grand total\\); 1 of PROD's labels or figures retyped \\(12,345 over "30 days" of ${firstLine} \\(B5\\)\\)\\. 1 cell of yours will be carried to the rows with the same labels; 1 cell you typed over PROD's labels, figures or formulas will be kept as a note beside its row, with PROD's own back in its place\\. The formula in Globals!J2 refers to "Scenario comparison"\\.`,
        ),
      )
      .waitFor();
    expect(await dialog.getByRole("button").allTextContents()).toEqual(["Cancel", "Replace it"]);
    await preview.screenshot("whatif-reclaim-question");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page
      .getByText(/Nothing was written: "Scenario comparison" is as it was, and no global was changed/)
      .waitFor();
    expect(await showSheet(page, "Scenario comparison")).toEqual(comparisonBefore);
    expect(await showSheet(page, "Globals")).toEqual(globalsBefore);
    expect(await showSheet(page, "Scenarios")).toEqual(storeBefore);

    // Replace it: compared again on the same sheet, marked PROD's again, the globals put back.
    await panelTab(page, "What-if").click();
    await compare.click();
    await answer(preview, 'Replace "Scenario comparison"?', "Replace it");
    await page
      .getByText(
        /2 scenarios compared on "Scenario comparison"; your globals are as they were\..* 1 cell of yours carried to the rows with the same labels; 1 cell you typed over PROD's labels, figures or formulas kept as a note beside its row, with PROD's own back in its place\./,
      )
      .waitFor();
    const replaced = await showSheet(page, "Scenario comparison");
    expect([replaced.get("B4"), replaced.get("C4")]).toEqual(["30 days", "35 days"]);
    // PROD's figure is back, and what the user typed over it is a note beside its row.
    expect(replaced.get("B5")).toBe(figure);
    expect(replaced.get("E5")).toBe(
      `You retyped PROD's "30 days" (B5) as 12,345 in the earlier sheet; PROD's own is back in its place.`,
    );
    // PROD's check is in the hidden column right of the notes: the grid does not show it.
    expect(replaced.get("F5") ?? "").toBe("");
    expect(replaced.get(`E${rowsShowing(replaced, "A", "Grand total")[0]}`)).toBe("studio wants 35");
    const tabs = await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab").allTextContents();
    expect(tabs.filter((t) => t.startsWith("Scenario comparison"))).toEqual(["Scenario comparison"]);
    const globals = await showSheet(page, "Globals");
    expect([globals.get(`B${shootDays}`), globals.get(`B${shootWeeks}`)]).toEqual(["40", "8"]);
    // PROD's again: the next comparison asks only about the note and the link.
    // 35 days first this time, so the sheet shows when it is written again.
    await panelTab(page, "What-if").click();
    await page.getByRole("checkbox", { name: /^30 days/ }).uncheck();
    await page.getByRole("checkbox", { name: /^30 days/ }).check();
    await compare.click();
    const again = page.getByRole("dialog", { name: 'Replace "Scenario comparison"?' });
    await again
      .getByText(new RegExp(`^You typed on it: 2 cells beside 2 rows \\(${firstLine}, Grand total\\)`))
      .waitFor();
    expect(await again.getByText(/looks like/).count()).toBe(0);
    await again.getByRole("button", { name: "Replace it" }).click();
    await page
      .getByRole("grid", { name: "Scenario comparison" })
      .locator('td[data-address="B4"]', { hasText: /^35 days$/ })
      .waitFor();
    const last = await sheetCells(page);
    expect(last.get(`E${rowsShowing(last, "A", "Grand total")[0]}`)).toBe("studio wants 35");
    expect(preview.errors).toEqual([]);
  });

  // Follows the tests above: the store with 30, 35 and 40 days and the globals kept before comparing.
  it("asks before taking back the Scenarios store whose hidden mark was deleted: Cancel changes nothing; Take it back keeps every scenario and protects it", async () => {
    const { page } = preview;
    await showSheet(page, "Scenarios");
    await page.getByRole("button", { name: "Delete this sheet's hidden names" }).click();
    await page.getByText("1 hidden name deleted").waitFor();
    const storeBefore = await sheetCells(page);
    const saved = (cells: Map<string, string>) =>
      new Set(
        [...cells.entries()].filter(([a]) => /^A\d+$/.test(a) && Number(a.slice(1)) > 4).map(([, t]) => t),
      );
    expect([...saved(storeBefore)]).toEqual(
      expect.arrayContaining(["30 days", "35 days", "40 days", expect.stringMatching(/^Before comparing /)]),
    );

    await panelTab(page, "What-if").click();
    await page.getByRole("textbox", { name: "Scenario name" }).fill("Working");
    const save = page.getByRole("button", { name: "Save current globals" });
    await save.click();
    const dialog = page.getByRole("dialog", { name: 'Take back "Scenarios"?' });
    await dialog.getByText(/looks like a scenario store PROD made, but the hidden mark/).waitFor();
    await dialog
      .getByText(/with the 4 scenarios saved on it \("30 days", "35 days", "Before comparing /)
      .waitFor();
    expect(await dialog.getByRole("button").allTextContents()).toEqual(["Cancel", "Take it back"]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page
      .getByText(
        /Nothing was written: "Scenarios" is as it was, no scenario was saved and no global was changed/,
      )
      .waitFor();
    expect(await showSheet(page, "Scenarios")).toEqual(storeBefore);

    await panelTab(page, "What-if").click();
    await save.click();
    await answer(preview, 'Take back "Scenarios"?', "Take it back");
    await page.getByText(/Scenario "Working" saved/).waitFor();
    const after = await showSheet(page, "Scenarios");
    expect(saved(after)).toEqual(new Set([...saved(storeBefore), "Working"]));
    // PROD's again, and protected: typing is refused, and the next save asks nothing.
    const refusal = page.getByRole("alert").filter({ hasText: "on a protected sheet" });
    await typeInto(page, "E5", "1");
    await refusal.waitFor();
    await panelTab(page, "What-if").click();
    await page.getByRole("textbox", { name: "Scenario name" }).fill("Working 2");
    await save.click();
    await page.getByText(/Scenario "Working 2" saved/).waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(preview.errors).toEqual([]);
  });

  // Follows the tests above: their Scenario comparison, with the note on its grand total.
  it("keeps a note beside a top-sheet line the next comparison lacks under the heading, and puts it back on the line when the top sheet has it again", async () => {
    const { page } = preview;
    const kept = "From the earlier comparison (kept by PROD: rows this comparison does not have)";
    const written = await showSheet(page, "Scenario comparison");
    await typeInto(page, `E${rowsShowing(written, "A", "Contingency")[0]}`, "ask about the rate");
    // The producer renames the line on the top sheet: the next comparison has no "Contingency".
    const top = await showSheet(page, "Top Sheet");
    const [line] = rowsShowing(top, "B", "Contingency");
    await typeInto(page, `B${line}`, "Contingency fee");
    const compare = async (question: RegExp, said: RegExp) => {
      await panelTab(page, "What-if").click();
      await page.getByRole("checkbox", { name: /^30 days/ }).check();
      await page.getByRole("checkbox", { name: /^35 days/ }).check();
      await page.getByRole("button", { name: "Compare checked scenarios" }).click();
      const dialog = page.getByRole("dialog", { name: 'Replace "Scenario comparison"?' });
      await dialog.getByText(question).waitFor();
      await dialog.getByRole("button", { name: "Replace it" }).click();
      await page.getByText(said).waitFor();
      return showSheet(page, "Scenario comparison");
    };
    const without = await compare(
      /1 cell will be kept under "From the earlier comparison .*\(1 row the new sheet does not have: Contingency\)/,
      /1 cell kept under "From the earlier comparison/,
    );
    expect(rowsShowing(without, "A", "Contingency")).toHaveLength(1);
    const [heading] = rowsShowing(without, "A", kept);
    expect([without.get(`A${heading + 1}`), without.get(`E${heading + 1}`)]).toEqual([
      "Contingency",
      "ask about the rate",
    ]);

    // The line is back: so is the note, on its row, and the kept part is gone.
    await showSheet(page, "Top Sheet");
    await typeInto(page, `B${line}`, "Contingency");
    const back = await compare(
      /1 cell that was kept under "From the earlier comparison .*" will be moved back to the row the new sheet has again: Contingency\./,
      /1 cell that was kept under "From the earlier comparison .*" moved back to the row the new sheet has again: Contingency\./,
    );
    expect(back.get(`E${rowsShowing(back, "A", "Contingency")[0]}`)).toBe("ask about the rate");
    expect(back.get(`E${rowsShowing(back, "A", "Grand total")[0]}`)).toBe("studio wants 35");
    expect(rowsShowing(back, "A", kept)).toEqual([]);
    expect(preview.errors).toEqual([]);
  });
});
