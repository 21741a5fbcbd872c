import {
  type Preview,
  amount,
  fillInFringeRates,
  openPreview,
  sheetCells,
  showSheet,
  typeInto,
} from "./preview";

/** Rows (1-based) of a sheet's cells in column A that hold something, below row `from`. */
function rowsWithAccount(cells: Map<string, string>, from: number): number[] {
  return [...cells.entries()]
    .filter(([address, text]) => /^A\d+$/.test(address) && text !== "" && Number(address.slice(1)) > from)
    .map(([address]) => Number(address.slice(1)))
    .sort((a, b) => a - b);
}

const cents = (value: number) => Math.round(value * 100);

describe.each([
  ["Feature film", "Insert Feature film", "FEATURE"],
  ["TV one-hour episodic", "Insert TV one-hour episodic", "TV"],
  ["Commercial (AICP bid form)", "Insert Commercial (AICP bid form)", "AICP"],
  ["Documentary / unscripted", "Insert Documentary / unscripted", "DOC"],
])("the %s template in the preview", (template, insert, layout) => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("inserts a live budget whose top sheet adds up to its detail lines, rates typed by a person", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: template }).check();
    await page.getByRole("button", { name: insert }).click();
    await page.getByText(/inserted:/).waitFor();
    // The rates only the producer knows: workers' comp and the payroll fee, in the Fringes table.
    await fillInFringeRates(page);

    // A line producer fills a rate on the first line of each part of the chart.
    let detail = await showSheet(page, "Budget detail");
    const lines = rowsWithAccount(detail, 3);
    expect(lines.length).toBeGreaterThan(10);
    const firstOfEachPart = new Map<string, number>();
    for (const row of lines) {
      const part = detail.get(`A${row}`)!.charAt(0);
      if (!firstOfEachPart.has(part)) firstOfEachPart.set(part, row);
    }
    const typed = [...firstOfEachPart.values()].slice(0, 6);
    for (const [i, row] of typed.entries()) await typeInto(page, `F${row}`, String(1000 + 250 * i));
    detail = await sheetCells(page);

    // The detail's line totals (Total = Subtotal + Fringes), lines only, not the category rows.
    const lineTotals = lines.map((row) => amount(detail.get(`J${row}`) ?? "0"));
    const detailSum = lineTotals.reduce((sum, v) => sum + cents(v), 0);
    expect(typed.every((row) => amount(detail.get(`J${row}`) ?? "0") > 0)).toBe(true);

    const top = await showSheet(page, "Top Sheet");
    const totalRow = [...top.entries()].find(
      // The AICP form has no line: its direct cost is the total of its sections.
      ([a, t]) => /^B\d+$/.test(a) && (t === "Total Above + Below-the-line" || t === "Total direct cost"),
    );
    expect(totalRow).toBeDefined();
    const topTotal = amount(top.get(`C${totalRow![0].slice(1)}`) ?? "");
    expect(cents(topTotal)).toBe(detailSum);
    expect(topTotal).toBeGreaterThan(0);

    // PROD.TOPSHEET over the same detail, typed beside the Top Sheet: the same total to the cent.
    await typeInto(page, "H4", `=PROD.TOPSHEET(Detail_Acct,Detail_Total,"${layout}")`);
    const spilled = await sheetCells(page);
    const spillTotal = [...spilled.entries()].find(([a, t]) => /^I\d+$/.test(a) && t === "Total");
    expect(spillTotal).toBeDefined();
    expect(cents(amount(spilled.get(`J${spillTotal![0].slice(1)}`) ?? ""))).toBe(detailSum);
    await preview.screenshot(`template-${template.split(" ")[0].toLowerCase()}`);
    expect(preview.errors).toEqual([]);
  });
});

describe("guild fringes on the lines they belong to (Feature film, in the preview)", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("charges SAG-AFTRA on cast, DGA on the director, IATSE (MPI per hour and IAP) on a 4-person crew line and MPI on drivers by default, with the payroll table, caps per person, to the cent", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: "Feature film" }).check();
    // The first payroll on June 30, 2026: SAG-AFTRA's 21% is in force.
    await page.getByLabel("Rates date (first payroll)").fill("2026-06-30");
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    // Until workers' comp and the payroll fee are typed, the totals leave them out and say so.
    // The UPM's prep line, 8 weeks at $1,000 = 8,000: DGA pension 8.5% = 680.00, SS 496.00,
    // Medicare 116.00, FUTA-CA, SUI and ETT on the first 7,000 = 392.00: 1,684.00.
    let detail = await showSheet(page, "Budget detail");
    const upm = rowsWithAccount(detail, 3).find((row) => detail.get(`A${row}`) === "2001")!;
    await typeInto(page, `F${upm}`, "1000");
    expect(amount((await sheetCells(page)).get(`I${upm}`)!)).toBe(1684);
    const notComplete = (cells: Map<string, string>) =>
      [...cells.values()].find((text) => text.startsWith("Not complete"));
    expect(notComplete(await showSheet(page, "Top Sheet"))).toBe(
      "Not complete: the totals leave out WORKERS-COMP, PAYROLL-FEE, DGA-HEALTH, TEAMSTERS-IAP, whose rates are blank in the Fringes table (sheet Fringes). Type them there.",
    );
    // Typed in: 5% of 8,000 = 400.00 more; DGA health and the Teamsters' IAP are still blank.
    await fillInFringeRates(page);
    detail = await showSheet(page, "Budget detail");
    expect(amount(detail.get(`I${upm}`)!)).toBe(2084);
    expect(notComplete(await showSheet(page, "Top Sheet"))).toBe(
      "Not complete: the totals leave out DGA-HEALTH, TEAMSTERS-IAP, whose rates are blank in the Fringes table (sheet Fringes). Type them there.",
    );
    detail = await showSheet(page, "Budget detail");
    await page.locator(`td[data-address="F${upm}"]`).click();
    await page.keyboard.press("Delete");
    // The line of an account for a period: its description ends in ": shoot", ": prep".
    const lineOf = (account: string, period: string) =>
      rowsWithAccount(detail, 3).find(
        (row) => detail.get(`A${row}`) === account && detail.get(`B${row}`)!.endsWith(`: ${period}`),
      )!;
    const cast = lineOf("1401", "shoot");
    const directorPrep = lineOf("1301", "prep");
    const director = lineOf("1301", "shoot");
    const grips = lineOf("2502", "shoot");
    const drivers = lineOf("3502", "shoot");
    // The guild's fringes are on the lines already, beside the payroll table everyone pays.
    expect(detail.get(`H${cast}`)).toBe("Fringes,SAG-AFTRA");
    expect(detail.get(`H${director}`)).toBe("Fringes,DGA-PENSION,DGA-HEALTH");
    expect(detail.get(`H${grips}`)).toBe("Fringes,MPI,IATSE-IAP");
    expect(detail.get(`H${drivers}`)).toBe("Fringes,MPI,TEAMSTERS-IAP");

    // Cast: 30 shoot days at $5,000 = 150,000. SAG-AFTRA P&H 21% (in force on June 30, 2026) =
    // 31,500.00; 2026 payroll: SS 6.2% = 9,300.00, Medicare 1.45% = 2,175.00, FUTA-CA 2.1% +
    // CA-SUI 3.4% + CA-ETT 0.1% of the first 7,000 = 392.00; workers' comp 4% and the payroll fee
    // 1% typed in = 7,500.00. Fringes 50,867.00.
    await typeInto(page, `F${cast}`, "5000");
    // Director: prep (8 weeks at $10,000 = 80,000) then shoot (30 days at $2,000 = 60,000), one
    // person. Prep: DGA pension 8.5% = 6,800.00, SS 4,960.00, Medicare 1,160.00, 392.00, 5% =
    // 4,000.00: 17,312.00. Shoot: the 7,000 caps were reached on the prep line: DGA 5,100.00,
    // SS 3,720.00, Medicare 870.00, 5% = 3,000.00: 12,690.00.
    await typeInto(page, `F${directorPrep}`, "10000");
    await typeInto(page, `F${director}`, "2000");
    // Grips: 4 people x 30 shoot days x $500 = 60,000, 15,000 each. Each: SS 930.00, Medicare
    // 217.50, 392.00 up to the 7,000 caps = 1,539.50, x 4 = 6,158.00; 5% = 3,000.00; MPI per hour,
    // $14.63 x 4 people x 30 days x 12 hours = 21,067.20; IATSE IAP 6% = 3,600.00: 33,825.20.
    await typeInto(page, `E${grips}`, "4");
    await typeInto(page, `F${grips}`, "500");
    const after = await sheetCells(page);
    expect(amount(after.get(`I${cast}`)!)).toBe(50867);
    expect(amount(after.get(`I${directorPrep}`)!)).toBe(17312);
    expect(amount(after.get(`I${director}`)!)).toBe(12690);
    expect(amount(after.get(`L${grips}`)!)).toBe(1440);
    expect(amount(after.get(`I${grips}`)!)).toBe(33825.2);
    // The names each line's guild fringes were read as: on the workbook's rates date.
    expect(after.get(`P${cast}`)).toBe("SAG-AFTRA@2026-06-30");

    // The Top Sheet against the same arithmetic: ATL fringes post to 1900, crew fringes to 4900.
    const top = await showSheet(page, "Top Sheet");
    const row = (name: string) =>
      [...top.entries()].find(([a, t]) => /^B\d+$/.test(a) && t === name)![0].slice(1);
    const value = (name: string) => cents(amount(top.get(`C${row(name)}`)!));
    const atlFringes = 50867 + 17312 + 12690;
    expect(value("Cast")).toBe(cents(150000));
    expect(value("Director")).toBe(cents(140000));
    expect(value("Fringe Benefits (ATL)")).toBe(cents(atlFringes));
    expect(value("Total Above-the-line")).toBe(cents(150000 + 140000 + atlFringes));
    expect(value("Set Operations")).toBe(cents(60000));
    expect(value("Fringe Benefits (Production)")).toBe(cents(33825.2));
    const direct = 150000 + 140000 + atlFringes + 60000 + 33825.2;
    expect(value("Total Above + Below-the-line")).toBe(cents(direct));

    // PROD.TOPSHEET over the detail gives the same total.
    await typeInto(page, "H4", `=PROD.TOPSHEET(Detail_Acct,Detail_Total,"FEATURE")`);
    const spilled = await sheetCells(page);
    const spillTotal = [...spilled.entries()].find(([a, t]) => /^I\d+$/.test(a) && t === "Total")!;
    expect(cents(amount(spilled.get(`J${spillTotal[0].slice(1)}`)!))).toBe(cents(direct));

    // The first payroll moves to July 1, 2026: SAG-AFTRA's 22% = 33,000.00, the cast's fringes
    // 52,367.00; the Fringes sheet's title says the same date.
    const globals = await showSheet(page, "Globals");
    const dateRow = [...globals.entries()].find(([, t]) => t === "Rates date (first payroll)")![0].slice(1);
    await typeInto(page, `B${dateRow}`, "2026-07-01");
    detail = await showSheet(page, "Budget detail");
    expect(detail.get(`P${cast}`)).toBe("SAG-AFTRA@2026-07-01");
    expect(amount(detail.get(`I${cast}`)!)).toBe(52367);
    const fringes = await showSheet(page, "Fringes");
    expect(fringes.get("A1")).toBe("Fringes: PAYROLL-CA 2026, rates in force on 2026-07-01");
    expect(preview.errors).toEqual([]);
    // A template insert and two dozen recomputes of it: minutes on a loaded 2-core machine.
  }, 240_000);
});

describe("the guilds' commercial agreements on the commercial's lines (AICP, in the preview)", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("carries SAG-AFTRA's on the talent and the DGA's on the first AD as rows to fill in: left out and said while blank, charged on those lines only once typed, to the cent", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: "Commercial (AICP bid form)" }).check();
    await page.getByRole("button", { name: "Insert Commercial (AICP bid form)" }).click();
    await page.getByText(/inserted:/).waitFor();
    await fillInFringeRates(page);
    const detail = await showSheet(page, "Budget detail");
    const lineOf = (account: string) =>
      rowsWithAccount(detail, 3).find((row) => detail.get(`A${row}`) === account)!;
    const [talent, ad, dp] = [lineOf("M234"), lineOf("B52"), lineOf("B51")];
    expect([talent, ad, dp].map((row) => detail.get(`H${row}`))).toEqual([
      "Fringes,SAG-AFTRA-COMMERCIALS",
      "Fringes,DGA-COMMERCIALS",
      "Fringes",
    ]);
    // Talent: 3 performers x 2 shoot days x $1,000 = 6,000: SS 372.00, Medicare 87.00, the
    // $7,000 ones 336.00, workers' comp and the payroll fee 300.00 = 1,095.00. First AD: 2 days at
    // $1,500 = 3,000: 547.50. DP: 2 days at $2,000 = 4,000: 730.00.
    await typeInto(page, `E${talent}`, "3");
    await typeInto(page, `F${talent}`, "1000");
    await typeInto(page, `F${ad}`, "1500");
    await typeInto(page, `F${dp}`, "2000");
    const fringesOf = (cells: Map<string, string>) =>
      [talent, ad, dp].map((row) => amount(cells.get(`I${row}`)!));
    expect(fringesOf(await sheetCells(page))).toEqual([1095, 547.5, 730]);
    const notComplete = async () =>
      [...(await showSheet(page, "Top Sheet")).values()].find((text) => text.startsWith("Not complete"));
    expect(await notComplete()).toBe(
      "Not complete: the totals leave out SAG-AFTRA-COMMERCIALS, DGA-COMMERCIALS, whose rates are blank in the Fringes table (sheet Fringes). Type them there.",
    );
    // The producer types both rates (10%, test figures): the talent's 600.00 and the AD's 300.00.
    const fringeSheet = await showSheet(page, "Fringes");
    for (const name of ["SAG-AFTRA-COMMERCIALS", "DGA-COMMERCIALS"]) {
      const at = [...fringeSheet.entries()].find(([a, t]) => /^A\d+$/.test(a) && t === name)![0].slice(1);
      await typeInto(page, `C${at}`, "10%");
    }
    expect(await notComplete()).toBeUndefined();
    expect(fringesOf(await showSheet(page, "Budget detail"))).toEqual([1695, 847.5, 730]);
    expect(preview.errors).toEqual([]);
  }, 180_000);
});

describe("a budget detail whose hidden mark was deleted (Feature film, in the preview)", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("asks before taking the detail back: Cancel writes nothing; yes puts the set on the line and changes nothing else", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: "Feature film" }).check();
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    const before = await showSheet(page, "Budget detail");
    const upm = rowsWithAccount(before, 3).find((row) => before.get(`A${row}`) === "2001")!;
    await page.locator(`td[data-address="H${upm}"]`).click();
    // What a macro or a name tool can do in Excel: every hidden name, PROD's marks, is gone.
    await page.getByRole("button", { name: "Delete hidden names" }).click();
    await page.getByText(/^[1-9]\d* hidden names deleted$/).waitFor();

    await page.getByRole("tablist", { name: "PROD panels" }).getByRole("tab", { name: "Fringes" }).click();
    const section = page.getByRole("region", { name: "Apply to selected lines" });
    await section.getByLabel("Fringes set").fill("SAG-AFTRA");
    await section.getByRole("button", { name: "Apply to selection" }).click();
    const dialog = page.getByRole("dialog", { name: 'Take back "Budget detail"?' });
    await dialog.getByText(/looks like a budget detail sheet PROD made, but the hidden mark/).waitFor();
    await preview.screenshot("template-take-back-question");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await section.getByText(/Nothing more was written/).waitFor();
    expect(await sheetCells(page)).toEqual(before);

    await section.getByRole("button", { name: "Apply to selection" }).click();
    await page
      .getByRole("dialog", { name: 'Take back "Budget detail"?' })
      .getByRole("button", { name: "Take it back" })
      .click();
    await section.getByText(/Fringes set "SAG-AFTRA" put on 1 selected line of Budget detail/).waitFor();
    const after = await sheetCells(page);
    expect(after.get(`H${upm}`)).toBe("SAG-AFTRA");
    // Nothing else was rewritten: every cell off that line is as it was.
    const offTheLine = (cells: Map<string, string>) =>
      [...cells].filter(([address]) => Number(address.replace(/^[A-Z]+/, "")) !== upm);
    expect(offTheLine(after)).toEqual(offTheLine(before));
    expect(after.get(`A${upm}`)).toBe("2001");

    // PROD's again: the next set goes on without a question.
    await section.getByLabel("Fringes set").fill("DGA-PENSION");
    await section.getByRole("button", { name: "Apply to selection" }).click();
    await section.getByText(/Fringes set "DGA-PENSION" put on 1 selected line/).waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect((await sheetCells(page)).get(`H${upm}`)).toBe("DGA-PENSION");
    expect(preview.errors).toEqual([]);
  }, 180_000);
});
