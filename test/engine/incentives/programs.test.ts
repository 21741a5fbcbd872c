/**
 * The program library beyond the worked examples (hand-computed from domain/incentives.md section
 * 3), effective dating, exchange rates, California's account codes, and bad input.
 */
import {
  calculateIncentive,
  findProgram,
  type IncentiveResult,
} from "../../../src/engine/incentives/calculate";
import { FIGURES, PROGRAM_LIBRARY, PROGRAM_NAMES } from "../../../src/engine/incentives/programs";
import { SOURCES } from "../../../src/engine/incentives/sources";
import { readLine } from "../../../src/engine/incentives/tags";
import { ProdError } from "../../../src/engine/errors";
import { Decimal } from "../../../src/engine/money";

type Row = [number, (string | number)[]];

/** A $2.65M budget: a non-resident director, 10 local crew, local vendors, and one untagged line. */
const SMALL: Row[] = [
  [600000, ["IN", "Dir", "OUT", "DIRECTOR", "W2", "", "", ""]],
  [1000000, ["IN", "Crew", "IN", "CREW", "W2", "", "", 10]],
  [1000000, ["IN", "", "", "NONLABOUR", "VENDOR", "", "", ""]],
  [50000, ["", "", "", "", "", "", "", ""]],
];

function run(
  program: string,
  rows: Row[] = SMALL,
  settings: unknown = null,
  fx: number | null = null,
): IncentiveResult {
  const lines = rows.map(([a, t], i) => readLine(i + 1, new Decimal(a), t));
  return calculateIncentive(program, lines, settings, fx === null ? null : new Decimal(fx));
}

function thrown(call: () => unknown): ProdError {
  try {
    call();
  } catch (e) {
    if (e instanceof ProdError) return e;
    throw e;
  }
  throw new Error("expected a ProdError");
}

describe("the library", () => {
  it("holds the programs the issue lists, every figure's source in the catalogue", () => {
    expect(PROGRAM_NAMES).toEqual([
      "US-CA",
      "US-GA",
      "US-NM",
      "US-NY",
      "US-LA",
      "US-IL",
      "US-NJ",
      "US-TX",
      "UK-AVEC",
      "UK-IFTC",
      "IE-481",
      "CAN-PSTC",
      "CAN-BC",
      "CAN-ON",
      "CAN-QC",
      "AU-LO",
      "HU-REBATE",
      "CZ-REBATE",
    ]);
    for (const f of FIGURES)
      for (const id of f.source.split(",")) expect([f.words, id, id in SOURCES]).toEqual([f.words, id, true]);
  });

  it("is frozen: a shipped rule set cannot be edited in place", () => {
    expect(Object.isFrozen(PROGRAM_LIBRARY)).toBe(true);
    expect(Object.isFrozen(PROGRAM_LIBRARY[0])).toBe(true);
  });
});

describe("programs on a small budget, by hand", () => {
  it("Louisiana: 25% of $2.6M + 15% resident payroll = $800,000; bought back at 88% less the 0.5% fee = $700,000", () => {
    const r = run("US-LA");
    expect(r.gross.toNumber()).toBe(800000);
    expect(r.fees.map((f) => f.toNumber())).toEqual([4000]);
    expect(r.net.toNumber()).toBe(700000);
    expect(r.unconfirmed.length).toBeGreaterThan(0);
  });

  it("Louisiana: no line earns more than 40% (resident VFX crew 25 + 15 + 5)", () => {
    const r = run("US-LA", [[1000000, ["IN", "Crew", "IN", "CREW", "W2", "", "VFX", 10]]]);
    expect(r.gross.toNumber()).toBe(400000);
  });

  it("Illinois: the director's first $500K at 30%, residents and vendors at 35% = $850,000", () => {
    const r = run("US-IL");
    expect(r.gross.toNumber()).toBe(850000);
    expect(r.caps).toEqual([expect.stringMatching(/^Dir: Illinois pay counted 500000 per person/)]);
  });

  it("Illinois caps a person once across lines that type the name with other spaces or case: $150,000.00", () => {
    // The template's Payee copies the line's Person as typed: "Mara Vance", the same name pasted
    // from a PDF with a no-break space, and typed again with two spaces and a trailing space.
    const dir = (payee: string): (string | number)[] => ["IN", payee, "OUT", "DIRECTOR", "W2", "", "", ""];
    const r = run("US-IL", [
      [400000, dir("Mara Vance")],
      [400000, dir("Mara\u00a0Vance")],
      [200000, dir("mara  vance ")],
    ]);
    // 30% of the first $500,000 of one person's pay, not of each spelling's (300,000.00).
    expect(r.gross.toFixed(2)).toBe("150000.00");
    expect(r.caps).toEqual([
      expect.stringMatching(
        /^Mara Vance: Illinois pay counted 500000 per person; 500000.00 of 1000000.00 counted \(line 1, 2, 3\)/,
      ),
    ]);
  });

  it("Illinois counts at most 13 non-resident positions, the best paid first", () => {
    const crew: Row[] = Array.from({ length: 14 }, (_, i): Row => [
      100000 + i,
      ["IN", `P${i}`, "OUT", "CREW", "W2", "", "", ""],
    ]);
    const r = run("US-IL", crew);
    expect(r.excluded.map((x) => [x.row, x.reason])).toEqual([
      [1, "beyond the 13 non-resident positions Illinois counts (IL2)"],
    ]);
  });

  it("New Jersey: $2.5M at 35% = $875,000, less the 0.5% issuance fee and $1,000 transfer fee", () => {
    const r = run("US-NJ");
    expect(r.gross.toNumber()).toBe(875000);
    expect(r.net.toNumber()).toBe(875000 - 4375 - 1000);
  });

  it("Texas: $2.6M in-state is the 25% tier = $650,000 cash grant", () => {
    const r = run("US-TX");
    expect(r.gross.toNumber()).toBe(650000);
    expect(r.net.toNumber()).toBe(650000);
  });

  it("Texas: tiers of 5% and 10% below $1.5M", () => {
    expect(run("US-TX", [[500000, ["IN", "", "", "NONLABOUR", "", "", "", ""]]]).gross.toNumber()).toBe(
      25000,
    );
    expect(run("US-TX", [[1200000, ["IN", "", "", "NONLABOUR", "", "", "", ""]]]).gross.toNumber()).toBe(
      120000,
    );
  });

  it("Texas: a crew under 35% Texas residents (by pay) gets 0 and says why", () => {
    const r = run("US-TX", [[2000000, ["IN", "", "OUT", "CREW", "", "", "", 20]]]);
    expect(r.gross.toNumber()).toBe(0);
    expect(r.failed).toMatch(/^Texas resident share .* not met: 0.0% \(the credit is 0\)$/);
  });

  it("Ireland: 32% of the lower of $2.6M eligible and 80% of $2.65M total = $678,400", () => {
    expect(run("IE-481").gross.toNumber()).toBe(678400);
  });

  it("Hungary: 30% of $2.6M Hungarian spend = $780,000", () => {
    expect(run("HU-REBATE").gross.toNumber()).toBe(780000);
  });

  it("Australia: under the A$20M minimum the Location Offset is 0 and says so", () => {
    const r = run("AU-LO");
    expect(r.gross.toNumber()).toBe(0);
    expect(r.net.toNumber()).toBe(0);
    expect(r.failed).toBe(
      "Australia Location Offset minimum QAPE A$20M not met: 2600000.00 against 20000000.00 (the credit is 0)",
    );
  });

  it("Canada federal alone: 16% of Canadian-resident labour = $160,000", () => {
    expect(run("CAN-PSTC").gross.toNumber()).toBe(160000);
  });
});

describe("effective dating", () => {
  it("BC before 2025 is 28%: $280,000 + federal 16% of $720,000 = $395,200", () => {
    expect(findProgram("CAN-BC@2024-06-01").to).toBe("2024-12-31");
    expect(run("CAN-BC-2024").gross.toNumber()).toBe(395200);
    expect(run("CAN-BC").gross.toNumber()).toBe(360000 + 102400);
  });

  it("the Czech rebate is 25% from 2025 and 20% before, in crowns at the budget's exchange rate", () => {
    expect(run("CZ-REBATE", SMALL, null, 23).gross.toNumber()).toBe(530000);
    expect(run("CZ-REBATE@2024-12-31", SMALL, null, 23).gross.toNumber()).toBe(424000);
  });

  it("a date no rule set covers is #N/A listing the rule sets and their dates", () => {
    const e = thrown(() => findProgram("US-GA@2020-01-01"));
    expect([e.kind, e.message]).toEqual([
      "notFound",
      "PROD has no rate for US-GA@2020-01-01. Known: US-GA from Jan 1, 2025",
    ]);
  });
});

describe("other currencies", () => {
  it("converts the UK IFTC's £ limits at the budget's rate: $25M core at 0.8 is £20M, under £23.5M", () => {
    const uk: Row[] = [[25000000, ["UK", "", "", "NONLABOUR", "", "SHOOT", "", ""]]];
    const r = run("UK-IFTC", uk, null, 0.8);
    // Capped at the £15M level: 80% of £15M = £12M = $15M, at 53%.
    expect(r.gross.toNumber()).toBe(7950000);
    expect(r.notes.some((n) => n.startsWith("no exchange rate"))).toBe(false);
    // Without a rate the dollars are taken as pounds: £25M core is over the IFTC limit.
    expect(run("UK-IFTC", uk).failed).toMatch(/IFTC total core at most £23.5M/);
  });

  it("refuses an exchange rate of 0 or less", () => {
    expect(thrown(() => run("UK-AVEC", SMALL, null, 0)).message).toBe(
      "exchange_rate must be more than 0, got 0",
    );
  });
});

describe("California's account codes", () => {
  it("reads QW as qualified wages, QE as qualified spend, VU as VFX spend (uplift), NQ as not qualified", () => {
    const r = run("US-CA", [
      [600000, ["IN", "", "", "QW", "", "", "", ""]],
      [400000, ["IN", "", "", "QE", "", "", "", ""]],
      [200000, ["IN", "", "", "VU", "", "", "", ""]],
      [100000, ["IN", "", "", "NQ", "", "", "", ""]],
      [100000, ["IN", "", "", "XX", "", "", "", ""]],
    ]);
    expect(r.gross.toNumber()).toBe(1200000 * 0.35 + 200000 * 0.05);
    expect(r.excluded.map((x) => [x.row, x.reason])).toEqual([
      [4, "tagged NQ (not qualified): give it another class to count it"],
      [5, "not incurred in the jurisdiction"],
    ]);
  });
});

describe("bad input", () => {
  it("lists an untagged line as not counted, never counts it", () => {
    const r = run("US-GA");
    expect(r.excluded).toEqual([
      { row: 4, amount: new Decimal(50000), reason: "no tag: give it at least Where and Class to count it" },
    ]);
  });

  it("answers an unknown program with #N/A listing the known ones", () => {
    const e = thrown(() => run("US-ZZ"));
    expect(e.kind).toBe("notFound");
    expect(e.message).toMatch(/^Unknown program "US-ZZ"\. Did you mean .*Known: US-CA, US-GA, US-NM/);
  });

  it("gives 0 and says so when a minimum spend is not met", () => {
    const r = run("US-GA", [[100000, ["IN", "", "", "NONLABOUR", "", "", "", ""]]]);
    expect([r.gross.toNumber(), r.net.toNumber(), r.failed]).toEqual([
      0,
      0,
      "Georgia minimum spend $500K a year not met: 100000.00 against 500000.00 (the credit is 0)",
    ]);
  });

  it("refuses a setting the program does not read, listing the ones it does", () => {
    expect(thrown(() => run("US-GA", SMALL, "TV=YES")).message).toBe(
      "settings names TV, which US-GA does not read: its settings: GEP (Georgia logo (GEP) uplift claimed), SALE (the price per 1.00 of credit when it is sold (0 to 1))",
    );
    expect(thrown(() => run("US-GA", SMALL, "SALE=1.2")).message).toBe(
      'settings SALE must be a price per 1.00 of credit between 0 and 1, got "1.2"',
    );
    expect(thrown(() => run("US-GA", SMALL, "GEP")).message).toMatch(/^settings "GEP" must be NAME=VALUE/);
  });

  it("reads settings from a two-column range too", () => {
    expect(
      run("US-GA", SMALL, [
        ["GEP", "NO"],
        ["SALE", 0.85],
      ]).net.toNumber(),
    ).toBe((500000 + 2000000) * 0.2 * 0.85);
  });

  it("names the line and column of a tag it cannot read", () => {
    expect(thrown(() => readLine(3, new Decimal(1), ["IN", "", "", "ALIEN"])).message).toMatch(
      /^tags line 3 Class must be one of WRITER, DIRECTOR, .*got "ALIEN"$/,
    );
    expect(
      thrown(() => readLine(2, new Decimal(1), ["IN", "", "", "CREW", "", "", "SPACE"])).message,
    ).toMatch(/^tags line 2 Flags must be flags joined by commas from VFX, MUSIC/);
    expect(thrown(() => readLine(2, new Decimal(1), ["IN", "", "", "CREW", "", "", "", 1.5])).message).toBe(
      "tags line 2 People must be a whole number of people, 1 or more, got 1.5",
    );
  });

  it("marks an answer that rests on an unconfirmed figure", () => {
    expect(run("US-GA").unconfirmed).toEqual([
      "Georgia sale price 0.90 (quotes 0.80 to 0.92) (GA5: [L] gataxcredits.com (broker); GA6: [S] State Affairs, The Market of Film Credits)",
    ]);
    expect(run("US-GA", SMALL, "SALE=0.9").unconfirmed).toEqual([]);
  });
});
