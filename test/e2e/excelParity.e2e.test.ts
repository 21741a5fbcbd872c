/*
 * The preview computes what Excel computes (issue 18), driven as a line producer drives it: the
 * Feature template inserted from the pane, a rate typed as "$4,000", a per-hour guild fringe typed
 * under the Fringes table, fringe names typed into "Fringes set". Expected figures are
 * independent arithmetic (test/preview/templateFringesPreview.test.ts works them out).
 */
import {
  type Preview,
  amount,
  fillInFringeRates,
  openPreview,
  sheetCells,
  showSheet,
  typeInto,
} from "./preview";

describe("the Feature template in the preview computes as Excel would", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await openPreview();
  });
  afterAll(async () => preview?.close());

  it("reads $4,000, charges a per-hour fringe typed under Fringes, and takes typed fringe names", async () => {
    const { page } = preview;
    await page.getByRole("radio", { name: "Feature film" }).check();
    await page.getByRole("button", { name: "Insert Feature film" }).click();
    await page.getByText(/inserted:/).waitFor();
    await fillInFringeRates(page);

    // The UPM's prep line: 8 weeks (480 hours) at $4,000 a week.
    let detail = await showSheet(page, "Budget detail");
    const prep = [...detail.entries()]
      .find(([address, text]) => /^A\d+$/.test(address) && text === "2001")![0]
      .slice(1);
    await typeInto(page, `F${prep}`, "$4,000");
    detail = await sheetCells(page);
    expect(amount(detail.get(`G${prep}`)!)).toBe(32000);
    expect(detail.get(`L${prep}`)).toBe("480");
    // The UPM's Fringes set is the table and the DGA pension: PAYROLL-CA 2,840.00, workers' comp
    // and the payroll fee typed in, 5% = 1,600.00, and DGA 8.5% of 32,000 = 2,720.00.
    expect(amount(detail.get(`I${prep}`)!)).toBe(7160);

    // A guild's per-hour fringe typed on the row under the Fringes table joins the table.
    const fringes = await showSheet(page, "Fringes");
    const last = Math.max(
      ...[...fringes.entries()]
        .filter(([a, t]) => /^A\d+$/.test(a) && t !== "")
        .map(([a]) => Number(a.slice(1))),
    );
    await typeInto(page, `A${last + 1}`, "MPI-TEST");
    await typeInto(page, `B${last + 1}`, "HOUR");
    await typeInto(page, `C${last + 1}`, "1.50");
    detail = await showSheet(page, "Budget detail");
    // 7,160.00 + 1.50 x 480 hours = 7,880.00.
    expect(amount(detail.get(`I${prep}`)!)).toBe(7880);

    // Fringe names typed in Fringes set instead of the table: SAG-AFTRA on 1 January 2026 (21%) of
    // 32,000 + 2,840.00.
    await typeInto(page, `H${prep}`, "SAG-AFTRA-2026,PAYROLL-CA");
    detail = await sheetCells(page);
    expect(amount(detail.get(`I${prep}`)!)).toBe(9560);
    const top = await showSheet(page, "Top Sheet");
    expect([...top.values()].filter((text) => text.startsWith("#"))).toEqual([]);
    await preview.screenshot("parity-fringes");
    expect(preview.errors).toEqual([]);
    // A template insert and a dozen recomputes of it: minutes on a loaded 2-core machine.
  }, 180_000);

  it('reads typed dates and times, formats with TEXT, joins with CONCAT and refuses IF("") as Excel does', async () => {
    const { page } = preview;
    await showSheet(page, "Sheet1");
    await typeInto(page, "A1", "1/2/2026");
    await typeInto(page, "B1", "9:30 PM");
    await typeInto(page, "C1", "$1,234.5");
    await typeInto(page, "A2", '=TEXT(A1+B1,"mmm d, yyyy h:mm AM/PM")');
    await typeInto(page, "B2", '=CONCAT(TEXT(C1,"$#,##0.00")," at ",TEXT(B1,"h:mm"))');
    await typeInto(page, "C2", '=IF("",1,2)');
    const cells = await sheetCells(page);
    expect(["A1", "B1", "C1", "A2", "B2", "C2"].map((a) => cells.get(a))).toEqual([
      "1/2/2026",
      "9:30 PM",
      "$1,234.50",
      "Jan 2, 2026 9:30 PM",
      "$1,234.50 at 21:30",
      "#VALUE!",
    ]);
    expect(preview.errors).toEqual([]);
  }, 60_000);

  it('selects a formula\'s "" with the criterion "", and computes with "", dates and & as Excel does', async () => {
    // Excel: "" selects blank cells and a formula's "" (COUNTBLANK), "=" only blank cells; ""+1
    // is #VALUE!; YEAR of a blank cell is 1900 (serial 0 is 1/0/1900); & writes 15 digits.
    const { page } = preview;
    await showSheet(page, "Sheet1");
    await typeInto(page, "D1", '=""');
    await typeInto(page, "E1", "5");
    await typeInto(page, "D3", '=SUMIFS(E1,D1,"")');
    await typeInto(page, "E3", '=COUNTIF(D1:D2,"=")');
    await typeInto(page, "F3", "=D1+1");
    await typeInto(page, "G3", "=YEAR(Z99)");
    await typeInto(page, "H3", '="x"&(0.1+0.2)');
    const cells = await sheetCells(page);
    expect(["D3", "E3", "F3", "G3", "H3"].map((a) => cells.get(a))).toEqual([
      "5",
      "1",
      "#VALUE!",
      "1900",
      "x0.3",
    ]);
    expect(preview.errors).toEqual([]);
  }, 60_000);
});
