import { topsheet } from "../../src/functions/charges";
import { LAYOUTS, LAYOUT_IDS } from "../../src/engine/chart";

const col = (values: unknown[]) => values.map((v) => [v]);
type Sheet = (string | number)[][];
const row = (sheet: Sheet, description: string) => sheet.find((r) => r[1] === description);
const totalOf = (sheet: Sheet, description: string) => row(sheet, description)?.[2];

describe("PROD.TOPSHEET", () => {
  // A small feature budget: story, cast, grip (two ways of writing 2500s), camera, editing, insurance.
  const accounts = col([1101, "14-01", 2501, "2502-00", "33-01", 5001, 6701]);
  const amounts = col([50000, 300000, 12000, 8000, 40000, 90000, 15000]);
  const sheet = topsheet(accounts, amounts) as Sheet;

  it("starts with a header row and ends with the Total", () => {
    expect(sheet[0]).toEqual(["Acct", "Description", "Total"]);
    expect(sheet[sheet.length - 1]).toEqual(["", "Total", 515000]);
  });

  it("rolls accounts up to their category, however the code is written", () => {
    expect(row(sheet, "Set Operations")).toEqual([2500, "Set Operations", 20000]);
    expect(row(sheet, "Cast")).toEqual([1400, "Cast", 300000]);
    expect(row(sheet, "Camera Operations")).toEqual([3300, "Camera Operations", 40000]);
  });

  it("lists every category of the chart in chart order, 0 where nothing is budgeted", () => {
    const codes = sheet.filter((r) => typeof r[0] === "number").map((r) => String(r[0]));
    expect(codes).toEqual(LAYOUTS.FEATURE.categories.map((c) => c.code));
    expect(totalOf(sheet, "Director")).toBe(0);
  });

  it("subtotals each level and below the line", () => {
    expect(totalOf(sheet, "Total Above-the-line")).toBe(350000);
    expect(totalOf(sheet, "Total Production")).toBe(60000);
    expect(totalOf(sheet, "Total Post")).toBe(90000);
    expect(totalOf(sheet, "Total Other")).toBe(15000);
    expect(totalOf(sheet, "Total Below-the-line")).toBe(165000);
  });

  it("puts each level's subtotal right after its categories, in top-sheet order", () => {
    const labels = sheet.map((r) => r[1]);
    const at = (label: string) => labels.indexOf(label);
    expect(at("Fringe Benefits (ATL)") + 1).toBe(at("Total Above-the-line"));
    expect(at("Total Above-the-line") + 1).toBe(at("Production Staff"));
    expect(at("Fringe Benefits (Production)") + 1).toBe(at("Total Production"));
    expect(at("Fringe Benefits (Post)") + 1).toBe(at("Total Post"));
    expect(at("Fringe Benefits (Other)") + 1).toBe(at("Total Other"));
    expect(at("Total Other") + 1).toBe(at("Total Below-the-line"));
  });

  it("never drops an account outside the chart: its hundred gets its own row in the level before it", () => {
    const s = topsheet(col([4501, 2000, 8000]), col([1000, 500, 250])) as Sheet;
    expect(row(s, "4500 (not in the Feature film chart)")).toEqual([
      4500,
      "4500 (not in the Feature film chart)",
      1000,
    ]);
    const labels = s.map((r) => r[1]);
    expect(labels.indexOf("4500 (not in the Feature film chart)")).toBe(labels.indexOf("Tests") + 1);
    expect(totalOf(s, "Total Production")).toBe(1500);
    expect(totalOf(s, "Total Other")).toBe(250);
    expect(totalOf(s, "Total")).toBe(1750);
  });

  it("shows amounts with no account under Other, and skips empty rows", () => {
    const s = topsheet(col([2000, null, null, 0]), col([500, 75, null, 0])) as Sheet;
    expect(row(s, "(no account)")).toEqual(["", "(no account)", 75]);
    expect(totalOf(s, "Total Other")).toBe(75);
    expect(totalOf(s, "Total")).toBe(575);
    expect(s.filter((r) => r[1] === "(no account)")).toHaveLength(1);
  });

  it("rounds each category once, to the cent", () => {
    const s = topsheet(col([2001, 2002]), col([0.1, "$0.205"])) as Sheet;
    expect(totalOf(s, "Production Staff")).toBe(0.31);
  });

  it("foots: subtotals add up the rounded figures shown above them", () => {
    const s = topsheet(col([2001, 2101]), col([0.005, 0.005])) as Sheet;
    expect(totalOf(s, "Production Staff")).toBe(0.01);
    expect(totalOf(s, "Extra Talent")).toBe(0.01);
    expect(totalOf(s, "Total Production")).toBe(0.02);
    expect(totalOf(s, "Total")).toBe(0.02);
  });

  describe("AICP", () => {
    const s = topsheet(
      col(["A", "B101", "D-114", "K", "L", "O", "P"]),
      col([10, 20, 30, 40, 50, 60, 70]),
      "aicp",
    ) as Sheet;

    it("rolls letter-coded lines up by section, sections A-K as production first", () => {
      expect(row(s, "Location Expenses")).toEqual(["D", "Location Expenses", 30]);
      expect(totalOf(s, "Total Production")).toBe(100);
      expect(s[1][0]).toBe("A");
    });

    it("keeps the contract's subtotal rows: director and talent (L-N) above the line, O-P other, Q-X post", () => {
      // spec/functions.md PROD.TOPSHEET: Above-the-line, Production, Post, Other, Below-the-line
      // and Total for every layout; only the AICP template's own top sheet drops the ATL/BTL labels.
      expect(totalOf(s, "Total Above-the-line")).toBe(50);
      expect(totalOf(s, "Total Other")).toBe(130);
      expect(totalOf(s, "Total Post")).toBe(0);
      expect(totalOf(s, "Total Below-the-line")).toBe(230);
      expect(totalOf(s, "Total")).toBe(280);
      expect(s.map((r) => r[1]).filter((name) => String(name).startsWith("Total"))).toEqual([
        "Total Production",
        "Total Above-the-line",
        "Total Other",
        "Total Post",
        "Total Below-the-line",
        "Total",
      ]);
    });
  });

  it("says once, in words, that a chart's category names are not confirmed: no mark on each row", () => {
    const doc = topsheet(col([2501]), col([100]), "DOC") as Sheet;
    expect(doc.filter((r) => String(r[1]).includes("*"))).toEqual([]);
    expect(row(doc, "Field Production Crew")).toEqual([2500, "Field Production Crew", 100]);
    expect(doc[doc.length - 1]).toEqual([
      "",
      "The category names are not confirmed against a published chart of accounts: rename them to your own.",
      "",
    ]);
    const feature = topsheet(col([2501]), col([100])) as Sheet;
    expect(feature[feature.length - 1]).toEqual(["", "Total", 100]);
  });

  it.each(LAYOUT_IDS)("builds a %s top sheet whose Total is the sum of the amounts", (layout) => {
    const s = topsheet(col([1101, 2501, 5001, 6701, "D"]), col([1, 2, 3, 4, 5]), layout) as Sheet;
    expect(totalOf(s, "Total")).toBe(15);
  });

  it("answers an unknown layout with #N/A listing the known ones", () => {
    expect(() => topsheet(col([2000]), col([1]), "FEATUR")).toThrow(
      expect.objectContaining({
        code: "#N/A",
        message: 'Unknown layout "FEATUR". Did you mean FEATURE? Known: FEATURE, TV, AICP, DOC',
      }),
    );
  });

  it.each([
    [col([2000, 2001]), col([1]), "accounts has 2 cells but amounts has 1: they must be the same size"],
    [
      col([2000, "Total"]),
      col([1, 2]),
      'accounts (cell 2) must be an account code such as 2501, 25-01 or D114, got "Total"',
    ],
    [col([2000, 2001]), col([1, "TBD"]), 'amounts (cell 2) must be a number, got "TBD"'],
  ])("answers bad input with #VALUE! naming the cell", (accts, amts, message) => {
    expect(() => topsheet(accts, amts)).toThrow(expect.objectContaining({ code: "#VALUE!", message }));
  });
});
