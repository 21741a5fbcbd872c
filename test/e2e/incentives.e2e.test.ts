/*
 * Production incentives in the real pane and the preview's grid (issue 22): type the worked
 * examples' $10M budget with its tags (domain/incentives.md section 5), select it, see what Georgia
 * pays back and why, compare Georgia, New Mexico and British Columbia on the "Incentive comparison"
 * sheet to the dollar, and watch the sheet's formulas follow a change to the budget. Then a
 * template budget: its lines tagged by the template, a location and a program typed on Globals, and
 * the Top Sheet's "Less: incentive (net)" line checked to the cent against the engine over the
 * detail as the grid shows it, following a new location. A note the user typed on the comparison
 * is named in a question before the comparison is replaced, kept on Cancel, and carried to the
 * same program's row.
 */
import { calculateIncentive } from "../../src/engine/incentives/calculate";
import { TAG_COLUMNS, budgetLines } from "../../src/engine/incentives/tags";
import { Decimal } from "../../src/engine/money";
import { columnLetter } from "../../src/excel/port";
import { DETAIL_COLUMNS } from "../../src/taskpane/templates/buildPlan";
import { commonBudget } from "../fixtures/incentiveBudget";
import { type Preview, amount, openPreview, panelTab, rowsShowing, showSheet, typeInto } from "./preview";

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

  /**
   * Compares again (over the budget read before, whatever is selected) and answers the question
   * before the replace (`question`, in the dialog) with `answer`.
   */
  /** The question when the comparison has only New Mexico's note to carry (typed in the note test). */
  const NOTE_ONLY =
    /^You typed on it: 1 cell beside 1 row \(US-NM\)\. 1 cell of yours will be carried to the rows with the same labels\. Comparing replaces it with this comparison\.$/;

  const compareAnswering = async (question: RegExp, answer: "Cancel" | "Replace it") => {
    const { page } = preview;
    await page.getByRole("button", { name: "Write the comparison" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText(question).waitFor();
    await dialog.getByRole("button", { name: answer }).click();
    if (answer === "Cancel")
      await page.getByText(/Nothing was written: "Incentive comparison" is as it was/).waitFor();
  };

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
      // The issue's figure: a $10M feature nets $7.84M in Georgia.
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

  it("asks before replacing a comparison the user typed a note on, keeps it on Cancel, and carries the note to the same program", async () => {
    const { page } = preview;
    const before = await showSheet(page, "Incentive comparison");
    expect(before.get("K5")).toBe("Your notes (kept when compared again)");
    // US-NM is on row 7: a note in its "Your notes" cell.
    await typeInto(page, "K7", "ask about the NM cap");
    const typed = await showSheet(page, "Incentive comparison");
    expect(typed.get("K7")).toBe("ask about the NM cap");

    // The selection is on the comparison now (K7, just typed in): comparing again reads the budget
    // it read before, named in the pane. Georgia left out: New Mexico moves up to row 6.
    await page.getByRole("heading", { name: `Budget: Sheet1!A1:I${last}` }).waitFor();
    await page.getByRole("checkbox", { name: /^US-GA: / }).uncheck();
    const question = /^You typed on it: 1 cell beside 1 row \(US-NM\)\. 1 cell of yours will be carried/;
    await compareAnswering(question, "Cancel");
    expect(await showSheet(page, "Incentive comparison")).toEqual(typed);

    await compareAnswering(question, "Replace it");
    await page.getByText(/1 cell of yours carried to the rows with the same labels\./).waitFor();
    const after = await showSheet(page, "Incentive comparison");
    expect([after.get("A6"), after.get("K6")]).toEqual(["US-NM", "ask about the NM cap"]);
    // The same budget, the same figures: New Mexico's row as it was, one row up.
    expect(["B3", ...["F", "G", "H"].map((c) => `${c}6`)].map((a) => after.get(a))).toEqual(
      ["B3", ...["F", "G", "H"].map((c) => `${c}7`)].map((a) => typed.get(a)),
    );
    expect(after.get("B3")).toBe("9,000,000.00");
    expect([after.get("A7"), after.get("K7") ?? ""]).toEqual(["CAN-BC", ""]);

    // A selection on the comparison is never taken as the budget.
    await page.locator('td[data-address="A5"]').click();
    await page.getByRole("button", { name: "Use the selection" }).click();
    await page
      .getByText(
        /The selection \(Incentive comparison!A5\) is on "Incentive comparison", the comparison PROD wrote, not a budget/,
      )
      .waitFor();
    await page.getByRole("heading", { name: `Budget: Sheet1!A1:I${last}` }).waitFor();
    expect(preview.errors).toEqual([]);
  });

  it("keeps a rate and settings changed on the comparison: named in the question, kept on Replace, used by the figures, and shown in the pane", async () => {
    const { page } = preview;
    // British Columbia's rate (row 7) and New Mexico's studio uplift (row 6), typed on the sheet.
    await showSheet(page, "Incentive comparison");
    await typeInto(page, "E7", "1.4");
    await typeInto(page, "D6", "STAGE=YES");
    const typed = await showSheet(page, "Incentive comparison");
    expect([typed.get("D6"), typed.get("E7")]).toEqual(["STAGE=YES", "1.4"]);
    expect(typed.get("J7")).toMatch(/no exchange rate given/);

    const question =
      /You changed on it: US-NM's Settings \(D6\) is "STAGE=YES", the pane had blank; CAN-BC's Exchange rate \(E7\) is 1\.4, the pane had blank\. The new comparison keeps your values and its figures use them\./;
    await compareAnswering(question, "Cancel");
    expect(await showSheet(page, "Incentive comparison")).toEqual(typed);

    await compareAnswering(question, "Replace it");
    // New Mexico's figures with its studio uplift, from the engine over the budget as typed.
    const amounts = lines.map((l, i) => [i === 9 ? 1200000 : l.amount]);
    const budget = budgetLines(
      amounts,
      lines.map((l) => l.tags),
    );
    const nm = calculateIncentive("US-NM", budget, "STAGE=YES", null);
    expect(nm.gross.toNumber()).toBe(1749750);
    await page
      .getByText(
        /"Incentive comparison" written: US-NM gross \$1,749,750\.00, net cash \$1,749,750\.00; .* Kept 2 values you changed on the sheet: .* The pane's fields now show what you changed\./,
      )
      .waitFor();
    const after = await showSheet(page, "Incentive comparison");
    expect(["A6", "D6", "F6", "G6", "H6", "A7", "E7"].map((a) => after.get(a))).toEqual([
      "US-NM",
      "STAGE=YES",
      "1,749,750.00",
      "1,749,750.00",
      "7,250,250.00",
      "CAN-BC",
      "1.4",
    ]);
    // British Columbia's rate is the one its formulas read: its notes no longer assume one.
    expect(after.get("J7")).not.toMatch(/no exchange rate given/);
    expect(await page.getByRole("textbox", { name: "US-NM settings (optional)" }).inputValue()).toBe(
      "STAGE=YES",
    );
    expect(await page.getByRole("textbox", { name: "Exchange rate: CAD per USD" }).inputValue()).toBe("1.4");
    expect(preview.errors).toEqual([]);
  });

  it("takes up a rate typed on the comparison for Georgia, in the budget's own currency: asked once, used to the cent, shown in a field of its own, not asked again", async () => {
    const { page } = preview;
    // Georgia joins the comparison (row 8); the budget is in dollars, so the pane has no rate for it.
    // Each comparison asks about New Mexico's note (K6), which it carries, and about nothing else.
    await page.getByRole("checkbox", { name: /^US-GA: / }).check();
    await compareAnswering(NOTE_ONLY, "Replace it");
    await page
      .getByText(/US-GA gross \$2,100,000\.00, net cash \$1,890,000\.00\. 1 cell of yours carried/)
      .waitFor();
    expect(await page.getByRole("textbox", { name: /^US-GA exchange rate/ }).count()).toBe(0);
    await showSheet(page, "Incentive comparison");
    await typeInto(page, "E8", "1.3");

    await compareAnswering(
      /^You typed on it: 1 cell beside 1 row \(US-NM\)\. 1 cell of yours will be carried to the rows with the same labels\. You changed on it: US-GA's Exchange rate \(E8\) is 1\.3, the pane had blank\. The new comparison keeps your value and its figures use it\. Comparing replaces it with this comparison\.$/,
      "Replace it",
    );
    // Georgia's $500,000 cap per person is in its own dollars: at 1.3 of them to the budget's
    // dollar, the director's $600,000 counts $384,615.38, from the engine over the budget as typed.
    const amounts = lines.map((l, i) => [i === 9 ? 1200000 : l.amount]);
    const budget = budgetLines(
      amounts,
      lines.map((l) => l.tags),
    );
    const georgia = calculateIncentive("US-GA", budget, null, new Decimal("1.3"));
    expect([georgia.gross.toFixed(2), georgia.net.toFixed(2)]).toEqual(["2065384.61", "1858846.15"]);
    await page
      .getByText(
        /US-GA gross \$2,065,384\.61, net cash \$1,858,846\.15\. Kept 1 value you changed on the sheet: .* US-GA has an exchange rate field of its own, as USD is the budget's currency\. 1 cell of yours carried/,
      )
      .waitFor();
    const after = await showSheet(page, "Incentive comparison");
    expect(["A8", "E8", "F8", "G8", "H8"].map((a) => after.get(a))).toEqual([
      "US-GA",
      "1.3",
      "2,065,384.61",
      "1,858,846.15",
      "7,141,153.85",
    ]);
    const field = page.getByRole("textbox", { name: "US-GA exchange rate: USD per USD" });
    expect(await field.inputValue()).toBe("1.3");

    // Compared again: the pane has the sheet's rate, so the question names only the note, and
    // the figures stand.
    await compareAnswering(NOTE_ONLY, "Replace it");
    await page
      .getByText(/US-GA gross \$2,065,384\.61, net cash \$1,858,846\.15\. 1 cell of yours carried/)
      .waitFor();
    expect(await showSheet(page, "Incentive comparison")).toEqual(after);
    expect(preview.errors).toEqual([]);
  });

  it("keeps a rate changed on British Columbia, no longer compared, under the heading with its program, saying nothing was put back, while New Mexico's changed settings stay in place", async () => {
    const { page } = preview;
    // British Columbia's rate (row 7: 1.4 as the pane wrote it) and New Mexico's settings (row 6).
    await showSheet(page, "Incentive comparison");
    await typeInto(page, "E7", "1.45");
    await typeInto(page, "D6", "STAGE=NO");
    await page.getByRole("checkbox", { name: /^CAN-BC: / }).uncheck();
    const kept = "From the earlier comparison (kept by PROD: programs this comparison does not have)";
    const words = `1 cell you typed over PROD's labels, figures or formulas on 1 row the new sheet does not have (CAN-BC) will be kept as a note under "${kept}", beside the row's label, with nothing put back in its place.`;
    await compareAnswering(
      new RegExp(
        `^You typed on it: 1 cell beside 1 row \\(US-NM\\); 1 of PROD's labels or figures retyped \\(1\\.45 over "Exchange rate" of CAN-BC \\(E7\\)\\)\\. 1 cell of yours will be carried to the rows with the same labels; ${words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} You changed on it: US-NM's Settings \\(D6\\) is "STAGE=NO", the pane had "STAGE=YES"\\. The new comparison keeps your value and its figures use it\\. Comparing replaces it with this comparison\\.$`,
      ),
      "Replace it",
    );
    await page.getByText(words.replace("will be kept", "kept")).waitFor({ state: "attached" });
    const after = await showSheet(page, "Incentive comparison");
    // New Mexico without the studio uplift, Georgia at 1.3, each to the cent.
    expect(
      ["A6", "D6", "F6", "G6", "H6", "A7", "E7", "F7", "G7", "H7"].map((a) => after.get(a) ?? ""),
    ).toEqual([
      "US-NM",
      "STAGE=NO",
      "1,469,750.00",
      "1,469,750.00",
      "7,530,250.00",
      "US-GA",
      "1.3",
      "2,065,384.61",
      "1,858,846.15",
      "7,141,153.85",
    ]);
    expect(after.get("A8") ?? "").toBe("");
    expect([after.get("A9"), after.get("A10"), after.get("K10")]).toEqual([
      kept,
      "CAN-BC",
      `You retyped PROD's "Exchange rate" (E7) as 1.45 in the earlier sheet, on a row the next sheet did not have: PROD kept it as this note and put nothing back.`,
    ]);
    expect(preview.errors).toEqual([]);
  });
});

describe("the incentive line under a template's Top Sheet, in the preview", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  // A whole budget recomputed at each typed cell takes a while on a loaded machine.
  jest.setTimeout(240_000);

  const C = DETAIL_COLUMNS;
  const col = (c: number) => columnLetter(c);

  /** The engine's net cash over the detail as the grid shows it: the Total column and the tags. */
  async function engineNet(program: string): Promise<number> {
    const detail = await showSheet(preview.page, "Budget detail");
    const last = Math.max(...[...detail.keys()].map((a) => Number(/\d+$/.exec(a)![0])));
    const amounts: unknown[][] = [];
    const tags: unknown[][] = [];
    for (let r = 4; r <= last; r++) {
      const shown = detail.get(`${col(C.total)}${r}`) ?? "";
      amounts.push([shown === "" ? null : amount(shown)]);
      tags.push(TAG_COLUMNS.map((_, i) => detail.get(`${col(C.where + i)}${r}`) ?? null));
    }
    return calculateIncentive(program, budgetLines(amounts, tags), null, null).net.toNumber();
  }

  /** The Top Sheet's incentive and net cost rows: label, figure and words. */
  async function topSheetLines() {
    const top = await showSheet(preview.page, "Top Sheet");
    const [row] = rowsShowing(top, "B", "Less: incentive (net)");
    const [net] = rowsShowing(top, "B", "Net cost after incentive");
    const [grand] = rowsShowing(top, "B", "Grand total");
    return {
      incentive: top.get(`C${row}`) ?? "",
      words: top.get(`F${row}`) ?? "",
      net: top.get(`C${net}`) ?? "",
      grand: amount(top.get(`C${grand}`)!),
    };
  }

  it("takes the Globals program's net cash off the grand total, to the cent, and follows the location", async () => {
    const { page } = preview;
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    const detail = await showSheet(page, "Budget detail");
    const [prep, shoot, wrap] = rowsShowing(detail, "A", "2001");
    const [camera] = rowsShowing(detail, "A", "3350");
    // The template's tags: the shooting location (CA, the payroll preset's state), the Person,
    // the account's class, pay form and phase.
    expect(TAG_COLUMNS.map((_, i) => detail.get(`${col(C.where + i)}${prep}`))).toEqual([
      "CA",
      "Unit production manager",
      "",
      "CREW",
      "W2",
      "PREP",
      "",
      "1",
    ]);
    await typeInto(page, `F${prep}`, "4000");
    await typeInto(page, `F${shoot}`, "800");
    await typeInto(page, `F${wrap}`, "4000");
    await typeInto(page, `F${camera}`, "100000");

    let lines = await topSheetLines();
    expect([lines.incentive, lines.net]).toEqual(["", ""]);
    expect(lines.words).toBe("No incentive program chosen: type one in Incentive program on Globals.");

    const globals = await showSheet(page, "Globals");
    const [location] = rowsShowing(globals, "A", "Shooting location");
    const [program] = rowsShowing(globals, "A", "Incentive program");
    await typeInto(page, `B${location}`, "GA");
    await typeInto(page, `B${program}`, "US-GA");
    const georgia = await engineNet("US-GA");
    expect(georgia).toBeGreaterThan(150000);
    lines = await topSheetLines();
    expect(amount(lines.incentive)).toBe(-georgia);
    expect(amount(lines.net)).toBe(Math.round((lines.grand - georgia) * 100) / 100);
    expect(lines.words).toBe("US-GA, the budget in the program's currency");
    await preview.screenshot("incentives-top-sheet");

    // Shot in New Mexico instead: every line follows, Georgia gives nothing and says why; New
    // Mexico counts the non-labour lines (the labour lines' residency is not given).
    await showSheet(page, "Globals");
    await typeInto(page, `B${location}`, "NM");
    lines = await topSheetLines();
    expect(amount(lines.incentive)).toBe(0);
    expect(lines.words).toMatch(/^Not eligible: /);
    expect(amount(lines.net)).toBe(lines.grand);
    await showSheet(page, "Globals");
    await typeInto(page, `B${program}`, "US-NM");
    const newMexico = await engineNet("US-NM");
    expect(newMexico).toBeGreaterThan(0);
    lines = await topSheetLines();
    expect(amount(lines.incentive)).toBe(-newMexico);
    expect(preview.errors).toEqual([]);
  });
});
