/*
 * Issue 20, kept true: one full flow per panel with the keyboard only (Tab, arrows, Enter, typing;
 * a file is picked in the file chooser that Space opens on the focused file control). Each result
 * takes the focus, and Dismiss hands it back to the button that started it.
 */
import type { Page } from "playwright-core";
import { TAG_COLUMNS } from "../../src/engine/incentives/tags";
import { commonBudget } from "../fixtures/incentiveBudget";
import { type Preview, openPreview, showSheet } from "./preview";

/**
 * The focused element's accessible name, as the browser computes it for a screen reader (from
 * playwright's ARIA snapshot: `- tab "Fringes"`, `- combobox "Ledger (GL detail)"`).
 */
async function focusedName(page: Page): Promise<string> {
  const focused = page.locator("*:focus");
  if ((await focused.count()) === 0) return "";
  const snapshot = await focused.first().ariaSnapshot();
  // A line with ": " in it is quoted as a whole in the YAML: `- 'checkbox "US-GA: Georgia…"'`.
  const name = /^- '?[\w-]+ "((?:[^"\\]|\\.)*)"/.exec(snapshot)?.[1];
  return name === undefined ? "" : JSON.parse(`"${name}"`);
}

/** Presses Tab (Shift+Tab with `back`) until the focus is on a control named `name`. */
async function tabTo(page: Page, name: RegExp, back = false): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    const now = await focusedName(page);
    if (name.test(now)) return;
    seen.push(now);
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(
    `No control named ${String(name)} reached with Tab; passed: ${[...seen.slice(0, 12), "…", ...seen.slice(-4)].join(" | ")}`,
  );
}

/** The pane's panels, in the order of their tabs. */
const PANELS = ["Templates", "Fringes", "Bids", "Cost report", "Versions", "What-if", "Incentives"];

/** Opens a panel from its tab with the keyboard. */
async function openPanel(page: Page, name: string): Promise<void> {
  await tabTo(page, new RegExp(`^(${PANELS.join("|")})$`), true);
  for (let i = 0; i < PANELS.length && (await focusedName(page)) !== name; i++)
    await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  // The tab itself (its tab panel has the same name).
  expect(await page.locator("*:focus").getAttribute("role")).toBe("tab");
  expect(await focusedName(page)).toBe(name);
  // Panels load when first opened: Tab goes into the panel once it is there.
  await page.getByTestId("prod-pane").getByRole("tabpanel").getByRole("heading", { level: 2 }).waitFor();
}

/** The outline of the focused control's `box` (the control itself, or the Fluent box round it). */
async function focusRing(page: Page, box: string): Promise<string> {
  return page.evaluate((selector) => {
    const ring = document.activeElement?.closest(selector);
    return ring ? `${getComputedStyle(ring).outlineStyle} ${getComputedStyle(ring).outlineWidth}` : "";
  }, box);
}

/** The result message has the focus; Dismiss (Tab, Enter) gives it back to `button`. */
async function resultTakesFocus(page: Page, text: RegExp, button: RegExp): Promise<void> {
  await page.waitForFunction((source) => {
    const el = document.activeElement;
    return el?.getAttribute("data-pane-status") !== null && new RegExp(source).test(el?.textContent ?? "");
  }, text.source);
  await tabTo(page, /^Dismiss message$/);
  await page.keyboard.press("Enter");
  expect(await focusedName(page)).toMatch(button);
}

/**
 * Picks a file in the chooser Space opens on the focused file input named `input`. CI once saw no
 * chooser in 30 s on a loaded machine: if the focus is still on the input, the press is repeated
 * (up to three times); if the focus moved away, that is a bug a keyboard user would meet, and fails.
 */
async function chooseFile(page: Page, input: RegExp, name: string, text: string): Promise<void> {
  await tabTo(page, input);
  for (let attempt = 1; ; attempt++) {
    const chooser = page.waitForEvent("filechooser", { timeout: 10_000 });
    await page.keyboard.press("Space");
    try {
      await (await chooser).setFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
      return;
    } catch (error) {
      const now = await focusedName(page);
      if (!input.test(now)) throw new Error(`The focus left the file input for "${now}"`);
      if (attempt === 3) throw error;
    }
  }
}

describe("every panel with the keyboard only", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
    await preview.page.keyboard.press("Tab");
  });
  afterAll(async () => preview?.close());

  it("Templates: choose a template with the arrows, Insert with Enter", async () => {
    const { page } = preview;
    await tabTo(page, /^Feature film$/);
    await page.keyboard.press("ArrowDown");
    expect(await focusedName(page)).toBe("TV one-hour episodic");
    await page.keyboard.press("ArrowUp");
    await tabTo(page, /^Insert Feature film$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /inserted:/, /^Insert Feature film$/);
  });

  it("Fringes: copy a preset into a new sheet, answering the question with the keyboard", async () => {
    const { page } = preview;
    await openPanel(page, "Fringes");
    await tabTo(page, /^Copy /);
    await page.keyboard.press("Enter");
    // The budget's Fringes table has rows: the question opens on the answer that keeps them.
    await page.getByRole("dialog").waitFor();
    expect(await focusedName(page)).toBe("Cancel");
    // Escape keeps the rows and gives the focus back to the button that asked.
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    expect(await focusedName(page)).toMatch(/^Copy /);
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    expect(await focusedName(page)).toBe("Cancel");
    await tabTo(page, /^Replace rows$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /copied into the table/, /^Copy /);
    // A focused link shows a 2 px ring too, not only the browser's thin outline (issue 20): the
    // fringe library's first source.
    const source = (await page.getByTestId("prod-pane").getByRole("link").first().textContent()) ?? "";
    await tabTo(page, new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(await page.locator("*:focus").evaluate((el) => el.tagName)).toBe("A");
    expect(await focusRing(page, "a")).toBe("solid 2px");
  });

  it("Bids: add two vendors' files, set a term, compare, write the sheet and the award, with the keyboard", async () => {
    const { page } = preview;
    const bid = (rate: string) => `Item,Qty,Day Rate,Taxable\nCamera package,1,${rate},Y\n`;
    await openPanel(page, "Bids");
    // Space on "Add bid from a file…" opens the file chooser.
    await chooseFile(page, /^Add bid from a file/, "Vendor A.csv", bid("2500"));
    await tabTo(page, /^Use these columns$/);
    await page.keyboard.press("Enter");
    // The button gives way to "Change columns", which keeps the focus where the user was.
    await page.getByText(/1 line read/).waitFor();
    expect(await focusedName(page)).toBe("Change columns");
    await tabTo(page, /^Add bid from a file/, true);
    await chooseFile(page, /^Add bid from a file/, "Vendor B.csv", bid("2200"));
    await page.getByText(/1 line read with the columns you chose/).waitFor();
    await tabTo(page, /^Discount %/);
    await page.keyboard.type("10");
    await tabTo(page, /^Days used each week/);
    await page.keyboard.type("5+5+2");
    await tabTo(page, /^Compare bids$/);
    await page.keyboard.press("Enter");
    // The comparison takes the focus: the next Tab goes through the result, not back to the top.
    await page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Comparison");
    await page.getByText(/^Best single vendor: /).waitFor();
    await tabTo(page, /^Write comparison sheet$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /The comparison is on the sheet/, /^Write comparison sheet$/);
    // The award goes into the selected cell (Sheet1!A1, empty): the question opens on its answer.
    await tabTo(page, /^Write award into the selected cell/);
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    expect(await focusedName(page)).toBe("Link it");
    await page.keyboard.press("Enter");
    await resultTakesFocus(
      page,
      /Sheet1!A1 now shows the split award: Vendor B total from "Bid comparison" \(\$26,400\.00\)/,
      /^Write award into the selected cell/,
    );
    expect(preview.errors).toEqual([]);
  });

  it("Cost report: pick the ledger file and build, with the keyboard", async () => {
    const { page } = preview;
    await openPanel(page, "Cost report");
    await page.getByText(/sheet Budget detail, headings on row/).waitFor();
    // Arrowing to "A file" loads nothing until Enter.
    await tabTo(page, /^Ledger \(GL detail\)$/);
    await page.keyboard.press("End");
    await page.getByText("Press Enter to read it.").waitFor();
    await page.keyboard.press("Enter");
    await chooseFile(
      page,
      /^Ledger \(GL detail\) file$/,
      "GL.csv",
      "Account,Date,Description,Amount\n1101,2026-11-02,Option payment,12000\n",
    );
    await page.getByText(/GL\.csv.*headings on row 1/).waitFor();
    await tabTo(page, /^Period end date/);
    // A focused field shows a ring all round, not only Fluent's thin underline (issue 20).
    expect(await focusRing(page, ".fui-Input")).toBe("solid 2px");
    await page.keyboard.type("11202026");
    await tabTo(page, /^Build cost report$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /Cost Report 2026-11-20 is ready/, /^Build cost report$/);
    expect(preview.errors).toEqual([]);
  });

  it("Versions: save the budget as a version and compare it, with the keyboard", async () => {
    const { page } = preview;
    await openPanel(page, "Versions");
    // The Feature film budget inserted above is found (its Top Sheet can show the original totals).
    await page.getByRole("heading", { name: "Lock original totals" }).waitFor();
    await tabTo(page, /^Version name/);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("Studio approved");
    await tabTo(page, /^Save version$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /Saved "Studio approved": \d+ lines/, /^Save version$/);
    // Space checks the version to compare; Compare writes the sheet and its result takes the focus.
    await tabTo(page, /^Studio approved \(saved /);
    await page.keyboard.press("Space");
    await tabTo(page, /^Compare$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /Budget comparison written\. Totals: Current /, /^Compare$/);
    expect(preview.errors).toEqual([]);
  });

  it("What-if: save two scenarios, compare them and apply one, with the keyboard", async () => {
    const { page } = preview;
    await openPanel(page, "What-if");
    for (const name of ["Short shoot", "Long shoot"]) {
      await tabTo(page, /^Scenario name/);
      await page.keyboard.type(name);
      await tabTo(page, /^Save current globals$/);
      await page.keyboard.press("Enter");
      await resultTakesFocus(
        page,
        new RegExp(`Scenario "${name}" saved with \\d+ globals`),
        /^Save current globals$/,
      );
    }
    await tabTo(page, /^Short shoot \(saved /);
    await page.keyboard.press("Space");
    await tabTo(page, /^Long shoot \(saved /);
    await page.keyboard.press("Space");
    await tabTo(page, /^Compare checked scenarios$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /2 scenarios compared on /, /^Compare checked scenarios$/);
    // The scenario to apply is picked with the arrows; Apply scenario applies it.
    await tabTo(page, /^Scenario to apply/, true);
    await page.keyboard.press("ArrowDown");
    await tabTo(page, /^Apply scenario$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(page, /Scenario "Long shoot" applied to /, /^Apply scenario$/);
    expect(preview.errors).toEqual([]);
  });

  it("Incentives: pick a program, see what it pays back, compare three, with the keyboard", async () => {
    const { page } = preview;
    // Setup, not the pane: the worked examples' tagged $10M budget typed into Sheet1 and selected
    // with its headings, as incentives.e2e.test.ts does.
    const lines = commonBudget();
    const rows = [["Total", ...TAG_COLUMNS], ...lines.map((l) => [l.amount, ...l.tags])];
    await showSheet(page, "Sheet1");
    for (let c = 0; c < rows[0].length; c++) {
      await page.locator(`td[data-address="${String.fromCharCode(65 + c)}1"]`).click();
      for (const row of rows) {
        const value = String(row[c]);
        if (value === "") await page.keyboard.press("ArrowDown");
        else {
          await page.keyboard.type(value);
          await page.keyboard.press("Enter");
        }
      }
    }
    await page.locator('td[data-address="A1"]').click();
    await page.locator(`td[data-address="I${rows.length}"]`).click({ modifiers: ["Shift"] });
    // The grid keeps Tab (it moves the cell, as Excel's does); Excel's F6 moves into the task pane,
    // which the preview has not: the setup puts the focus on the pane's open tab.
    await page.getByTestId("prod-pane").getByRole("tab", { selected: true }).focus();

    // The pane, with the keyboard only.
    await openPanel(page, "Incentives");
    await tabTo(page, /^Program$/);
    const program = page.locator("*:focus");
    // Arrowing through the programs does nothing until Enter (ChoiceField): the hint says so.
    for (let i = 0; i < 20 && (await program.inputValue()) !== "US-GA"; i++)
      await page.keyboard.press("ArrowDown");
    expect(await program.inputValue()).toBe("US-GA");
    await page.getByText("Press Enter to pick this program.").waitFor();
    await page.keyboard.press("Enter");
    await page.getByText("Press Enter to pick this program.").waitFor({ state: "detached" });
    await tabTo(page, /^Show what it pays back$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(
      page,
      /US-GA pays back \$2,400,000\.00 gross, \$2,160,000\.00 net cash on this budget/,
      /^Show what it pays back$/,
    );
    await page
      .getByRole("region", { name: "What US-GA pays back" })
      .getByText(/gross credit \$2,400,000\.00, net cash \$2,160,000\.00/)
      .waitFor();
    // Space ticks three programs; Enter on the button writes the comparison.
    for (const name of ["US-GA", "US-NM", "CAN-BC"]) {
      await tabTo(page, new RegExp(`^${name}: `));
      await page.keyboard.press("Space");
      expect(await page.locator("*:focus").isChecked()).toBe(true);
    }
    await tabTo(page, /^Write the comparison$/);
    await page.keyboard.press("Enter");
    await resultTakesFocus(
      page,
      /"Incentive comparison" written: US-GA gross \$2,400,000\.00, net cash \$2,160,000\.00; US-NM gross \$1,719,750\.00, net cash \$1,719,750\.00; CAN-BC gross \$1,294,720\.00/,
      /^Write the comparison$/,
    );
    expect(preview.errors).toEqual([]);
  }, 180_000);
});
