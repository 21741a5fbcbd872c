/*
 * Opens the built preview (test/e2e/globalSetup.js) in Debian's chromium, driven by
 * playwright-core: no browser download (engineering.md). CHROMIUM_PATH points elsewhere if
 * needed (a Mac's Chrome, say).
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, type Locator, type Page, chromium } from "playwright-core";
import { serveStatic } from "./staticServer";

/** Debian's chromium (CI, Linux) unless CHROMIUM_PATH names another browser. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
/** Where there is no chromium (Windows, macOS): an installed Chrome, else Edge (playwright-core finds them). */
const CHANNELS = ["chrome", "msedge"] as const;
/** Launch flags that work on these machines (engineering.md). */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
/** Where screenshots go (gitignored): one per scenario, for a person to look at. */
export const RESULTS = path.join(__dirname, "../../test-results/e2e");

/** A browser on the served preview, with the page's errors collected. */
export interface Preview {
  page: Page;
  /** Uncaught errors and console errors the page produced. */
  errors: string[];
  /** Saves a screenshot as test-results/e2e/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Chromium at CHROMIUM_PATH or /usr/bin/chromium; else, on a developer's Windows or macOS, the
 * installed Chrome or Edge. Says how to point at a browser when none is found.
 */
async function launchBrowser(): Promise<Browser> {
  if (process.env.CHROMIUM_PATH || existsSync(CHROMIUM)) {
    if (!existsSync(CHROMIUM))
      throw new Error(`CHROMIUM_PATH is ${CHROMIUM}, and there is no browser there.`);
    return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }
  const tried: string[] = [];
  for (const channel of CHANNELS) {
    try {
      return await chromium.launch({ channel, args: FLAGS });
    } catch (error) {
      tried.push(`${channel}: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  throw new Error(
    `No browser for the end-to-end tests: no chromium at ${CHROMIUM}, and no installed Chrome or Edge (${tried.join("; ")}). ` +
      "Install Debian's chromium (apt-get install chromium), Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium-based browser's executable.",
  );
}

export async function openPreview(): Promise<Preview> {
  const dist = process.env.PREVIEW_DIST;
  if (!dist) throw new Error("PREVIEW_DIST is not set: run the end-to-end tests with `npm run test:e2e`.");
  const server = await serveStatic(dist);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(server.url);
    await page.getByRole("grid").waitFor();
    mkdirSync(RESULTS, { recursive: true });
    const opened = browser;
    return {
      page,
      errors,
      screenshot: async (name) => {
        await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: false });
      },
      close: async () => {
        await opened.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/** A panel's tab in the pane (the grid's sheet tabs may have the same name). */
export function panelTab(page: Page, name: string): Locator {
  return page.getByTestId("prod-pane").getByRole("tab", { name });
}

/** The text a cell shows, by its A1 address on the active sheet. */
export async function cellText(page: Page, address: string): Promise<string> {
  return ((await page.locator(`td[data-address="${address}"]`).textContent()) ?? "").trim();
}

/** Types into a cell as a person does: select it, type, Enter. */
export async function typeInto(page: Page, address: string, input: string): Promise<void> {
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(input);
  await page.keyboard.press("Enter");
}

/** A shown amount ("1,234.50 ", "(1,200.00)") as a number. */
export function amount(shown: string): number {
  const negative = /^\(.*\)$/.test(shown.trim());
  const value = Number(shown.replace(/[(),$\s]/g, ""));
  return negative ? -value : value;
}

/** Every cell the grid shows on the active sheet, by A1 address. */
export async function sheetCells(page: Page): Promise<Map<string, string>> {
  const pairs = await page.$$eval("td[data-address]", (cells) =>
    cells.map(
      (td) => [td.getAttribute("data-address") ?? "", (td.textContent ?? "").trim()] as [string, string],
    ),
  );
  return new Map(pairs);
}

/** Rows (1-based) whose `column` shows exactly `text`, in order, from a sheet's cells. */
export const rowsShowing = (cells: Map<string, string>, column: string, text: string): number[] =>
  [...cells.entries()]
    .filter(([a, t]) => new RegExp(`^${column}\\d+$`).test(a) && t === text)
    .map(([a]) => Number(a.slice(column.length)))
    .sort((x, y) => x - y);

/** Opens a sheet's tab and returns the cells it shows. */
export async function showSheet(page: Page, name: string): Promise<Map<string, string>> {
  await page.getByRole("tablist", { name: "Sheets" }).getByRole("tab", { name, exact: true }).click();
  await page.getByRole("grid", { name }).waitFor();
  return sheetCells(page);
}

/**
 * What a line producer types after inserting a template: workers' comp 4% and the payroll fee 1%
 * in the Fringes table's fill-in rows (PROD.FRINGE refuses a labor line until they are typed).
 * Leaves the Fringes sheet showing.
 */
export async function fillInFringeRates(page: Page, sheet = "Fringes"): Promise<void> {
  const cells = await showSheet(page, sheet);
  for (const [name, rate] of [
    ["WORKERS-COMP", "4%"],
    ["PAYROLL-FEE", "1%"],
  ]) {
    const at = [...cells.entries()].find(([a, t]) => /^A\d+$/.test(a) && t === name)![0].slice(1);
    await typeInto(page, `C${at}`, rate);
  }
}

/**
 * reference.md 6.5's terms on two vendors' cards (a 3-day week, 10% off, 9.5% tax, $600 delivery
 * against a 4-day week, 15% off, 9.5% tax), for a 5 + 5 + 2 day schedule, then Compare: A lands
 * at $20,310.00 and B at $20,476.50.
 */
export async function compareReferenceBids(page: Page, vendorA: Locator, vendorB: Locator): Promise<void> {
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
}

/** The pane widths and Office themes the pane must work in: Excel's default 320 px and a wider pane. */
export const PANE_SETTINGS = [
  { width: "400", theme: "light" },
  { width: "320", theme: "light" },
  { width: "400", theme: "dark" },
  { width: "320", theme: "dark" },
] as const;

/** Sets the preview's pane width (px) and Office theme, as a person does in the page's header. */
export async function setPane(page: Page, width: string, theme: "light" | "dark"): Promise<void> {
  await page.getByLabel("Pane width").selectOption(width);
  await page.getByLabel("Office theme").selectOption(theme);
  // Fluent fades colours over a few frames: measure contrast once the new theme has settled.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
}

/**
 * axe-core's violations in the task pane and any dialog or pop-up it opened, as "rule: element"
 * lines. One kind is left out: Fluent's focus guards (tabster's aria-hidden "dummy" elements
 * around a dialog or a focus zone) are focusable on purpose, to hand the Tab key on, and are
 * never read by a screen reader; axe's aria-hidden-focus flags them, and only them is ignored.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  // Fluent fades a dialog and its buttons in: check contrast on the colours that stay, not mid-fade.
  // (A spinner runs for ever: only fades that end are waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const include = ['[data-testid="prod-pane"]', ".fui-Portal", '[role="dialog"]'].filter(
      (selector) => document.querySelector(selector) !== null,
    );
    const result = await axe.run({ include: include.map((s) => [s]) }, { resultTypes: ["violations"] });
    return result.violations.flatMap((v) =>
      v.nodes
        .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
        .map((n) => `${v.id}: ${n.target.join(" ")} (${n.failureSummary?.split("\n")[1]?.trim() ?? v.help})`),
    );
  });
}

/**
 * What sticks out past the pane's right edge (the pane would scroll sideways), as short
 * descriptions of the elements; empty when nothing does. `zoom` 2 lays the pane out as a
 * browser at 200% zoom does: half as many CSS pixels across.
 */
export async function paneOverflow(page: Page, zoom = 1): Promise<string[]> {
  return page.evaluate((z) => {
    const pane = document.querySelector<HTMLElement>('[data-testid="prod-pane"]');
    if (!pane) return ["no pane"];
    pane.style.setProperty("zoom", String(z));
    const right = pane.getBoundingClientRect().right + 0.5;
    const out = [...pane.querySelectorAll<HTMLElement>("*")]
      .filter((el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > right)
      .filter((el) => !el.closest("[data-tabster-dummy]"))
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""} "${(el.textContent ?? "").slice(0, 40)}"`,
      );
    const scrolls = pane.scrollWidth > pane.clientWidth;
    pane.style.removeProperty("zoom");
    return scrolls || out.length > 0
      ? [`scrollWidth ${pane.scrollWidth} > ${pane.clientWidth}`, ...out.slice(0, 8)]
      : [];
  }, zoom);
}

/**
 * Visible controls and words in the pane that lie over one another (issue 20: the Week
 * convention over Discount, a badge over a link, a select over its hint), as "a | b" lines;
 * empty when none do. Controls are compared by their boxes, words line box by line box (a link
 * that wraps is two boxes; a label's padding may touch the next one), an element never with what
 * it holds, and see-through inputs (a checkbox's or radio's input lies over its own label on
 * purpose) are left out.
 */
export async function paneOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.querySelector<HTMLElement>('[data-testid="prod-pane"]');
    if (!pane) return ["no pane"];
    const selector = [
      "input",
      "select",
      "textarea",
      "button",
      "a",
      "label",
      '[role="tab"]',
      ".fui-Field__hint",
      ".fui-Field__validationMessage",
      ".fui-Badge",
      ".fui-Text",
      ".fui-Caption1",
    ].join(", ");
    const shown = [...pane.querySelectorAll<HTMLElement>(selector)].filter(
      (el) =>
        !el.closest("[data-tabster-dummy], [hidden]") &&
        getComputedStyle(el).visibility !== "hidden" &&
        getComputedStyle(el).opacity !== "0" &&
        el.getClientRects().length > 0,
    );
    // A control or badge covers its box; words cover their line boxes, not the padding around them.
    const boxOf = (el: HTMLElement) => {
      if (el.matches('input, select, textarea, button, [role="tab"], .fui-Badge'))
        return [...el.getClientRects()];
      const words = document.createRange();
      words.selectNodeContents(el);
      return [...words.getClientRects()];
    };
    const boxes = shown.map((el) => boxOf(el).filter((r) => r.width > 1 && r.height > 1));
    const name = (el: HTMLElement) =>
      `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 30)}"`;
    const found: string[] = [];
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) {
        if (shown[i].contains(shown[j]) || shown[j].contains(shown[i])) continue;
        const over = boxes[i].some((a) =>
          boxes[j].some(
            (b) =>
              Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
              Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1,
          ),
        );
        if (over) found.push(`${name(shown[i])} | ${name(shown[j])}`);
      }
    return found;
  });
}
