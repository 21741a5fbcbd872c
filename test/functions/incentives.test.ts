/**
 * The incentive functions as Excel calls them (ranges as rows of cells), over the worked examples of
 * domain/incentives.md section 5, and their answers to bad input.
 */
import { incentive, incentiveDetail, incentiveNet } from "../../src/functions/incentives";
import { excelError } from "./excelError";
import { budgetRanges as ranges } from "../fixtures/incentiveBudget";

describe("PROD.INCENTIVE and PROD.INCENTIVENET over the worked examples", () => {
  it.each([
    ["US-GA", {}, null, 2400000, 2160000],
    ["US-NM", {}, null, 1719750, 1719750],
    ["UK-AVEC", { insurance: "IN" as const }, null, 2475200, 1856400],
    ["UK-IFTC", { insurance: "IN" as const }, null, 3858400, 2893800],
    ["CAN-BC", {}, null, 1294720, 1294720],
    ["CAN-ON", {}, null, 1512680, 1512680],
    ["CAN-QC", {}, null, 1686000, 1686000],
    ["US-CA", {}, null, 1995000, 1995000],
    ["US-CA", {}, [["REFUND=YES"]], 1995000, 1795500],
    ["US-NY", { flags: "UPSTATE" }, null, 2932000, 2932000],
  ])("%s %j %j: gross %d, net %d", (program, options, settings, gross, net) => {
    const { amounts, tags } = ranges(options);
    expect(incentive(program, amounts, tags, settings ?? undefined, null)).toBe(gross);
    expect(incentiveNet(program, amounts, tags, settings ?? undefined, null)).toBe(net);
  });

  it("reads the tags without their header row too", () => {
    const { amounts, tags } = ranges();
    expect(incentive("US-GA", amounts, tags.slice(1), undefined, null)).toBe(2400000);
  });
});

describe("PROD.INCENTIVEDETAIL", () => {
  it("explains Georgia: buckets, the director's cap, gross, the sale, net, timing, lines not counted, marks", () => {
    const { amounts, tags } = ranges();
    const rows = incentiveDetail("US-GA", amounts, tags, null as never, null);
    const byItem = (item: string) => rows.filter((r) => r[0] === item);
    expect(rows[0]).toEqual(["Item", "Base", "Rate", "Amount"]);
    expect(rows[1][1]).toBe(
      "Georgia Entertainment Industry Investment Act (US-GA), in force from Jan 1, 2025: the statute as in force from 1 Jan 2025",
    );
    expect(rows.slice(3, 5)).toEqual([
      ["Base 20%", 8000000, 0.2, 1600000],
      ["Georgia Entertainment Promotion uplift 10%", 8000000, 0.1, 800000],
    ]);
    expect(byItem("Cap reached")).toHaveLength(1);
    expect(byItem("Gross credit")).toEqual([["Gross credit", "", "", 2400000]]);
    expect(byItem("Cash (not confirmed)")).toEqual([
      [
        "Cash (not confirmed)",
        "sold at 0.90 per 1.00 of credit (set SALE to your broker's price)",
        0.9,
        2160000,
      ],
    ]);
    expect(byItem("Net cash")).toEqual([["Net cash", "", "", 2160000]]);
    expect(byItem("Expected timing")[0][1]).toMatch(/after the mandatory audit/);
    expect(rows.filter((r) => String(r[0]).startsWith("Not counted")).map((r) => r[0])).toEqual(
      [1, 2, 13, 14, 15, 16, 17].map((n) => `Not counted: line ${n}`),
    );
    expect(byItem("Not confirmed")).toHaveLength(1);
    expect(rows.at(-1)).toEqual([
      "Before the budget locks",
      "confirm these rules with the film office",
      "",
      "",
    ]);
    // A rectangle: every row has the header's four cells.
    expect(rows.every((r) => r.length === 4)).toBe(true);
  });

  it("shows the UK's tax on the credit and the budget taken as pounds without an exchange rate", () => {
    const { amounts, tags } = ranges({ insurance: "IN" });
    const rows = incentiveDetail("UK-AVEC", amounts, tags, null as never, null);
    expect(rows.find((r) => r[0] === "Currency")?.[1]).toBe(
      "GBP: no exchange rate given, so the budget is taken to be in GBP",
    );
    expect(rows.find((r) => r[0] === "Cash")).toEqual([
      "Cash",
      "payable credit, taxable at the 25% main rate: 75% of it is paid",
      0.75,
      1856400,
    ]);
  });

  it("lists Louisiana's fee as a negative line, so the cash column adds up to the net", () => {
    const rows = incentiveDetail("US-LA", [[1000000]], [["IN", "", "", "NONLABOUR"]], null as never, null);
    const money = (item: string) => rows.find((r) => String(r[0]).startsWith(item))?.[3];
    expect([money("Gross credit"), money("Cash"), money("Less: application fee"), money("Net cash")]).toEqual(
      [250000, 220000, -1250, 218750],
    );
  });
});

describe("bad input", () => {
  const { amounts, tags } = ranges();

  it("an unknown program is #N/A listing the known ones", () => {
    const e = excelError(() => incentive("GEORGIA", amounts, tags, undefined, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/^Unknown program "GEORGIA"\..*Known: US-CA, US-GA/);
  });

  it("a blank program is #VALUE!", () => {
    expect(excelError(() => incentive(null, amounts, tags, undefined, null))).toMatchObject({
      code: "#VALUE!",
      message: "program is required, got a blank cell",
    });
  });

  it("tags and amounts of different sizes are #VALUE!", () => {
    expect(excelError(() => incentive("US-GA", amounts, tags.slice(0, 5), undefined, null)).message).toBe(
      "tags has 4 cells but amounts has 17: they must be the same size",
    );
  });

  it("a negative amount is #VALUE! naming the line", () => {
    expect(
      excelError(() =>
        incentive(
          "US-GA",
          [[1], [-5]],
          [
            ["IN", "", "", "CREW"],
            ["IN", "", "", "CREW"],
          ],
          undefined,
          null,
        ),
      ).message,
    ).toBe("amounts line 2 must be 0 or more, got -5");
  });

  it("a minimum not met gives 0, and the detail says why", () => {
    expect(incentive("US-GA", [[1000]], [["IN", "", "", "CREW"]], undefined, null)).toBe(0);
    const rows = incentiveDetail("US-GA", [[1000]], [["IN", "", "", "CREW"]], null as never, null);
    expect(rows.find((r) => r[0] === "Not eligible")?.[1]).toBe(
      "Georgia minimum spend $500K a year not met: 1000.00 against 500000.00 (the credit is 0)",
    );
  });
});

describe("the incentive cells of a budget share one reading of its detail", () => {
  // Excel hands each cell a fresh copy of the same ranges: a Top Sheet line and a comparison sheet
  // of four programs, gross and net, would otherwise read and evaluate 5,000 lines each.
  const tagsModule = jest.requireActual<typeof import("../../src/engine/incentives/tags")>(
    "../../src/engine/incentives/tags",
  );
  const calculateModule = jest.requireActual<typeof import("../../src/engine/incentives/calculate")>(
    "../../src/engine/incentives/calculate",
  );
  afterEach(() => jest.restoreAllMocks());

  it("reads the lines once and evaluates each program once over the same content", () => {
    const read = jest.spyOn(tagsModule, "budgetLines");
    const calculate = jest.spyOn(calculateModule, "calculateIncentive");
    const budget = ranges();
    budget.amounts[0][0] = 300001; // content no other test passes (story rights: counted by none)
    const call = (fn: typeof incentive, program: string) => {
      const fresh = { amounts: budget.amounts.map((r) => [...r]), tags: budget.tags.map((r) => [...r]) };
      return fn(program, fresh.amounts, fresh.tags, undefined, null);
    };
    expect(call(incentive, "US-GA")).toBe(2400000);
    expect(call(incentiveNet, "US-GA")).toBe(2160000);
    expect(call(incentive, "US-NM")).toBe(1719750);
    expect(call(incentive, "US-GA")).toBe(2400000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(calculate).toHaveBeenCalledTimes(2);
  });

  it("answers the edited budget after an edit, and the settings and rate given", () => {
    const { amounts, tags } = ranges();
    expect(incentive("US-GA", amounts, tags, undefined, null)).toBe(2400000);
    amounts[9][0] = 1200000; // B3 stages: 2,200,000 -> 1,200,000, 30% of 1,000,000 less
    expect(incentive("US-GA", amounts, tags, undefined, null)).toBe(2100000);
    expect(incentiveNet("US-GA", amounts, tags, [["SALE=0.5"]], null)).toBe(1050000);
    // Two GA dollars per budget dollar: the $500K W-2 cap is 250,000 in the budget's currency, so
    // the director (600,000) counts 250,000 and lead actor 2 (300,000) 250,000: 6,700,000 x 30%.
    expect(incentive("US-GA", amounts, tags, undefined, 2)).toBe(2010000);
  });
});
