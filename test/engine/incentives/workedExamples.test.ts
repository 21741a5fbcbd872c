/**
 * domain/incentives.md section 5, the three worked examples, reproduced to the dollar by the
 * engine over the common $10M budget (test/fixtures/incentiveBudget.ts).
 */
import { calculateIncentive, type IncentiveResult } from "../../../src/engine/incentives/calculate";
import { readLine } from "../../../src/engine/incentives/tags";
import { Decimal } from "../../../src/engine/money";
import { commonBudget, type BudgetLine } from "../../fixtures/incentiveBudget";

const TOTAL = 10_000_000;

function run(program: string, budget: BudgetLine[], settings: unknown = null): IncentiveResult {
  const lines = budget.map((l, i) => readLine(i + 1, new Decimal(l.amount), l.tags));
  return calculateIncentive(program, lines, settings, null);
}

const buckets = (r: IncentiveResult) =>
  r.buckets.map((b) => [b.label, b.base.toNumber(), b.amount.toNumber()]);

describe("Example 1: Georgia vs New Mexico vs UK AVEC", () => {
  it("Georgia: base $8,000,000, gross $2,400,000, $2,160,000 at $0.90, net cost $7,840,000", () => {
    const r = run("US-GA", commonBudget());
    expect(buckets(r)).toEqual([
      ["Base 20%", 8000000, 1600000],
      ["Georgia Entertainment Promotion uplift 10%", 8000000, 800000],
    ]);
    expect(r.gross.toNumber()).toBe(2400000);
    expect(r.net.toNumber()).toBe(2160000);
    expect(TOTAL - r.net.toNumber()).toBe(7840000);
    // The director's W-2 pay is counted to $500,000; the loan-out lead is not capped.
    expect(r.caps).toEqual([
      expect.stringMatching(/^Director: Georgia W-2 pay counted 500000 per person; 500000.00 of 600000.00/),
    ]);
    expect(r.excluded.map((x) => x.row)).toEqual([1, 2, 13, 14, 15, 16, 17]);
    // The sale price is the reference's point inside broker quotes, not a confirmed figure.
    expect(r.unconfirmed).toEqual([expect.stringContaining("Georgia sale price 0.90")]);
  });

  it.each([
    ["0.80", 1920000],
    ["0.92", 2208000],
  ])("Georgia at a sale price of %s: $%i", (price, cash) => {
    const r = run("US-GA", commonBudget(), `SALE=${price}`);
    expect(r.net.toNumber()).toBe(cash);
    expect(r.unconfirmed).toEqual([]);
  });

  it("New Mexico: $6,600,000 at 25% + $465,000 at 15% = $1,719,750, net cost $8,280,250", () => {
    const r = run("US-NM", commonBudget());
    expect(buckets(r)).toEqual([
      ["Base 25%", 6600000, 1650000],
      ["Non-resident crew 15%", 465000, 69750],
    ]);
    expect(r.gross.toNumber()).toBe(1719750);
    expect(r.net.toNumber()).toBe(1719750);
    expect(TOTAL - r.net.toNumber()).toBe(8280250);
    expect(r.caps).toEqual([expect.stringContaining("465000.00 of 500000.00 counted")]);
    // A2 writer, A3 director, A4 producers: non-resident non-performers.
    expect(r.excluded.filter((x) => x.reason.includes("non-resident writers")).map((x) => x.row)).toEqual([
      3, 4,
    ]);
  });

  it("New Mexico sensitivity: the local crew and vendors 60 miles out add $420,000", () => {
    const budget = commonBudget();
    for (const i of [8, 9]) budget[i].tags[6] = "RURAL";
    expect(run("US-NM", budget).gross.toNumber()).toBe(1719750 + 420000);
  });

  it("UK AVEC: core $9,100,000, UK core $8,300,000, qualifying $7,280,000, gross $2,475,200, paid $1,856,400", () => {
    const r = run("UK-AVEC", commonBudget({ insurance: "IN" }));
    expect(buckets(r)).toEqual([["AVEC 34%", 7280000, 2475200]]);
    expect(r.gross.toNumber()).toBe(2475200);
    expect(r.net.toNumber()).toBe(1856400);
    expect(TOTAL - r.net.toNumber()).toBe(8143600);
    expect(r.caps).toEqual(["UK qualifying at most 80% of total core: 7280000.00 of 8300000.00 counted"]);
    expect(r.notes).toContain("no exchange rate given: budget amounts taken as GBP");
  });

  it("UK IFTC what-if: $3,858,400 gross, $2,893,800 paid, net cost $7,106,200", () => {
    const r = run("UK-IFTC", commonBudget({ insurance: "IN" }));
    expect(r.gross.toNumber()).toBe(3858400);
    expect(r.net.toNumber()).toBe(2893800);
    expect(TOTAL - r.net.toNumber()).toBe(7106200);
  });
});

describe("Example 2: the same shoot as a service production in BC, Ontario and Quebec", () => {
  it("British Columbia: $1,008,000 + federal $286,720 = $1,294,720, net cost $8,705,280", () => {
    const r = run("CAN-BC", commonBudget());
    expect(buckets(r)).toEqual([
      ["BC PSTC 36%", 2800000, 1008000],
      ["Federal PSTC 16% (labour net of the provincial credit)", 1792000, 286720],
    ]);
    expect(r.gross.toNumber()).toBe(1294720);
    expect(TOTAL - r.net.toNumber()).toBe(8705280);
  });

  it("British Columbia with the post labour under DAVE: +$80,640", () => {
    const budget = commonBudget();
    budget[10].tags[6] = "VFX";
    expect(run("CAN-BC", budget).gross.toNumber()).toBe(1294720 + 80640);
  });

  it("Ontario: $1,161,000 + federal $351,680 = $1,512,680, net cost $8,487,320", () => {
    const r = run("CAN-ON", commonBudget());
    expect(buckets(r)).toEqual([
      ["OPSTC 21.5%", 5400000, 1161000],
      ["Federal PSTC 16% (labour net of the provincial credit)", 2198000, 351680],
    ]);
    expect(TOTAL - r.net.toNumber()).toBe(8487320);
  });

  it("Quebec: $1,350,000 + federal $336,000 = $1,686,000, net cost $8,314,000, marked not confirmed", () => {
    const r = run("CAN-QC", commonBudget());
    expect(r.gross.toNumber()).toBe(1686000);
    expect(TOTAL - r.net.toNumber()).toBe(8314000);
    expect(r.unconfirmed.some((u) => u.startsWith("Quebec QPSTC 25%"))).toBe(true);
  });
});

describe("Example 3: California 4.0 vs New York (Erie County)", () => {
  it("California: qualified $5,700,000, credit $1,995,000, net cost $8,005,000 against tax", () => {
    const r = run("US-CA", commonBudget());
    expect(buckets(r)).toEqual([["Base 35%", 5700000, 1995000]]);
    expect(r.net.toNumber()).toBe(1995000);
    expect(TOTAL - r.net.toNumber()).toBe(8005000);
    expect(r.excluded.filter((x) => x.reason.startsWith("above the line")).map((x) => x.row)).toEqual([
      3, 4, 5, 6, 7,
    ]);
    // The 4.0 minimum is the 3.0 rule: the answer carries the mark.
    expect(r.unconfirmed.some((u) => u.startsWith("California minimum spend"))).toBe(true);
  });

  it("California with the refund election: $1,795,500 (90%), net cost $8,204,500, marked not confirmed", () => {
    const r = run("US-CA", commonBudget(), "REFUND=YES");
    expect(r.net.toNumber()).toBe(1795500);
    expect(TOTAL - r.net.toNumber()).toBe(8204500);
    expect(r.unconfirmed.some((u) => u.includes("refund election"))).toBe(true);
  });

  it("New York: ATL counted $2,280,000; $2,394,000 + upstate $538,000 = $2,932,000, net cost $7,068,000", () => {
    const r = run("US-NY", commonBudget({ flags: "UPSTATE" }));
    expect(buckets(r)).toEqual([
      ["Base 30%", 7980000, 2394000],
      ["Upstate labour uplift 10%", 5380000, 538000],
    ]);
    expect(r.caps).toEqual([
      "New York above-the-line at most 40% of other qualified costs: 2280000.00 of 2400000.00 counted",
    ]);
    expect(r.net.toNumber()).toBe(2932000);
    expect(TOTAL - r.net.toNumber()).toBe(7068000);
  });

  it("New York variant: over half the shoot days upstate, 10% on all $7,980,000 = $798,000", () => {
    const r = run("US-NY", commonBudget({ flags: "UPSTATE" }), "UPSTATEALL=YES");
    expect(r.gross.toNumber()).toBe(2394000 + 798000);
  });
});
