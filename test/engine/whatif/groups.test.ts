import fc from "fast-check";
import {
  groupKey,
  lineGroupKeys,
  lineInTotal,
  priorWages,
  summarizeGroups,
  switchedOut,
  type GroupedLine,
} from "../../../src/engine/whatif/groups";
import { calculateFringes } from "../../../src/engine/fringes/calculate";
import { resolveFringes } from "../../../src/engine/fringes/resolve";
import { type Decimal, fromNumber, roundCents } from "../../../src/engine/money";

describe("reading group tags as the template's formulas do", () => {
  it("ignores ordinary spaces and case, and splits at commas", () => {
    expect(groupKey("Night shoot")).toBe("NIGHTSHOOT");
    expect(groupKey(" night  SHOOT ")).toBe("NIGHTSHOOT");
    expect(lineGroupKeys("Stunts, Night shoot,,Option: crane")).toEqual([
      "STUNTS",
      "NIGHTSHOOT",
      "OPTION:CRANE",
    ]);
    expect(lineGroupKeys("  ")).toEqual([]);
  });

  it('keeps a tab or a no-break space, as Excel\'s SUBSTITUTE(x," ","") does', () => {
    expect(groupKey("Night\u00a0shoot")).toBe("NIGHT\u00a0SHOOT");
  });

  it("switches a group out on No in any case, and on nothing else", () => {
    expect([switchedOut("No"), switchedOut("no"), switchedOut("NO")]).toEqual([true, true, true]);
    expect([
      switchedOut("Yes"),
      switchedOut(""),
      switchedOut(" No"),
      switchedOut(false),
      switchedOut(0),
    ]).toEqual([false, false, false, false, false]);
  });
});

describe("lineInTotal", () => {
  const table = [
    { name: "Stunts", inTotal: "No" },
    { name: "Night shoot", inTotal: "Yes" },
    { name: "  ", inTotal: "No" },
  ];
  it("is out when any of the line's groups is out", () => {
    expect(lineInTotal("stunts", table)).toBe(false);
    expect(lineInTotal("Night shoot, Stunts", table)).toBe(false);
    expect(lineInTotal("Night shoot", table)).toBe(true);
  });
  it("never matches part of a name, a blank group or a blank row", () => {
    expect(lineInTotal("Stunts 2nd unit", table)).toBe(true);
    expect(lineInTotal("", table)).toBe(true);
  });
});

describe("summarizeGroups", () => {
  it("lists the table's groups, then the tags it lacks, with each one's cost to the cent", () => {
    const lines: GroupedLine[] = [
      { group: "Stunts", subtotal: 1000.1, fringes: 211.52 },
      { group: "Stunts, Night shoot", subtotal: 2500, fringes: 0.005 },
      { group: "Crane", subtotal: 0.1, fringes: 0.2 },
      { group: "", subtotal: 99, fringes: 1 },
      { group: "", subtotal: "", fringes: "" },
    ];
    const out = summarizeGroups(
      [
        { name: "Night shoot", inTotal: "No" },
        { name: "Stunts", inTotal: "Yes" },
      ],
      lines,
    );
    // Stunts' second line is in Night shoot too, which is out: it stays out whatever Stunts' switch
    // says, so it costs Stunts nothing; switching Night shoot in adds it.
    expect(out.map((g) => [g.name, g.inTable, g.inTotal, g.lines, g.cost?.toFixed(2), g.error])).toEqual([
      ["Night shoot", true, false, 1, "2500.01", null],
      ["Stunts", true, true, 2, "1211.62", null],
      ["Crane", false, true, 1, "0.30", null],
    ]);
  });

  it("gives no cost for a group one of whose lines shows an error, and names the error", () => {
    const out = summarizeGroups(
      [],
      [
        { group: "Stunts", subtotal: 100, fringes: "#VALUE!" },
        { group: "Crane", subtotal: 100, fringes: 5 },
      ],
    );
    expect(out.map((g) => [g.name, g.cost?.toFixed(2) ?? null, g.error])).toEqual([
      ["Stunts", null, "#VALUE!"],
      ["Crane", "105.00", null],
    ]);
  });

  it("counts a line once in a group it names twice", () => {
    const [g] = summarizeGroups([], [{ group: "Stunts, stunts", subtotal: 10, fringes: 1 }]);
    expect([g.lines, g.cost?.toFixed(2)]).toEqual([1, "11.00"]);
  });

  it("adds each line to each of its groups: a group holding every line costs the whole budget", () => {
    const cents = fc.integer({ min: -10_000_000, max: 10_000_000 });
    const line = fc.record({
      tags: fc.subarray(["A", "B", "C"]),
      subtotal: cents,
      fringes: cents,
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (raw) => {
        const lines = raw.map((l) => ({
          group: ["All", ...l.tags].join(", "),
          subtotal: l.subtotal / 100,
          fringes: l.fringes / 100,
        }));
        const byName = new Map(summarizeGroups([], lines).map((g) => [g.name, g]));
        const total = (pick: (l: (typeof raw)[number]) => boolean) =>
          (raw.filter(pick).reduce((s, l) => s + l.subtotal + l.fringes, 0) / 100).toFixed(2);
        if (raw.length > 0) expect(byName.get("All")!.cost!.toFixed(2)).toBe(total(() => true));
        for (const tag of ["A", "B", "C"]) {
          const g = byName.get(tag);
          const has = (l: (typeof raw)[number]) => l.tags.includes(tag);
          expect(g?.cost?.toFixed(2) ?? "0.00").toBe(total(has));
          expect(g?.lines ?? 0).toBe(raw.filter(has).length);
        }
      }),
    );
  });
});

/**
 * A labor line paying `person` (`people` of them) `wages`, charged `fringes` (PROD.FRINGE's
 * arithmetic), in `group`; its Fringes cell as the sheet shows it with the groups `out` switched
 * out is filled in by {@link onSheet}.
 */
function labor(fringes: string, person: string, wages: number, group = "", people = 1): GroupedLine {
  const set = resolveFringes(fringes);
  return {
    group,
    subtotal: wages,
    fringes: null,
    caps: {
      person,
      people,
      fringesAt: (prior: Decimal) =>
        calculateFringes(set, [{ wages: fromNumber(wages), people }], prior).total,
    },
  };
}

/** The lines with each Fringes cell as the sheet computes it, the groups `out` switched out. */
/**
 * The budget's total with the groups `out` (keys) switched out, worked out afresh over every line,
 * for the property below: each line in the total, its fringes at its prior wages. Independent of
 * switchSaves, which works out only the lines a switch changes.
 */
function totalWith(lines: readonly GroupedLine[], out: ReadonlySet<string>): Decimal {
  const table = [...out].map((name) => ({ name, inTotal: "No" }));
  const priors = priorWages(lines, out);
  return lines.reduce(
    (total, line, i) =>
      lineInTotal(line.group, table)
        ? total.plus(fromNumber(line.subtotal as number)).plus(line.caps!.fringesAt(priors[i]) as Decimal)
        : total,
    fromNumber(0),
  );
}

function onSheet(lines: GroupedLine[], out: ReadonlySet<string>): GroupedLine[] {
  const priors = priorWages(lines, out);
  return lines.map((line, i) => ({
    ...line,
    fringes: line.caps ? (line.caps.fringesAt(priors[i]) as Decimal).toNumber() : line.fringes,
  }));
}

describe("what a group costs when one person has lines in two groups", () => {
  // SS 6.2% up to 184,500, Medicare 1.45%, SAG-AFTRA 21% up to 232,000 a picture (2026 figures).
  const STAR = "SS@2026-03-01,MEDICARE@2026-03-01,SAG-AFTRA@2026-03-01";
  const star = [
    labor(STAR, "P:STAR", 150000),
    labor(STAR, "P:STAR", 50000, "Option: week one"),
    labor(STAR, "P:STAR", 50000, "Option: week two"),
  ];

  it("pays the star's lines in no group first, then the grouped ones in order", () => {
    expect(priorWages(star, new Set()).map(String)).toEqual(["0", "150000", "200000"]);
    expect(priorWages(star, new Set(["OPTION:WEEKONE"])).map(String)).toEqual(["0", "150000", "150000"]);
  });

  it("costs each week at what switching it alone out saves, to the cent, though the star is above the ceiling", () => {
    // Week one, from 150,000 to 200,000: SAG-AFTRA 10,500.00, SS 2,139.00 (to 184,500), Medicare
    // 725.00 = 13,364.00. Week two, from 200,000: SAG-AFTRA on 32,000 = 6,720.00 and Medicare
    // 725.00 = 7,445.00. Either out alone leaves the other paid from 150,000 at 13,364.00: each
    // saves 50,000 + 7,445.00.
    const lines = onSheet(star, new Set());
    expect(lines.map((l) => l.fringes)).toEqual([42975, 13364, 7445]);
    const groups = summarizeGroups([], lines);
    expect(groups.map((g) => [g.name, g.cost?.toFixed(2)])).toEqual([
      ["Option: week one", "57445.00"],
      ["Option: week two", "57445.00"],
    ]);
    // With week one out, it adds 57,445.00 back; week two alone saves 63,364.00.
    const table = [{ name: "Option: week one", inTotal: "No" }];
    const out = summarizeGroups(table, onSheet(star, new Set(["OPTION:WEEKONE"])));
    expect(out.map((g) => [g.name, g.inTotal, g.cost?.toFixed(2)])).toEqual([
      ["Option: week one", false, "57445.00"],
      ["Option: week two", true, "63364.00"],
    ]);
  });

  it("names the error of a line whose prior wages the switch changes, and no error of a line it leaves alone", () => {
    const broken = { ...star[2], caps: { ...star[2].caps!, fringesAt: () => "#VALUE!" } };
    const untouched = { group: "", subtotal: 10, fringes: "#VALUE!" };
    const lines = [...onSheet(star, new Set()).slice(0, 2), { ...broken, fringes: 7445 }, untouched];
    expect(summarizeGroups([], lines).map((g) => [g.name, g.cost?.toFixed(2) ?? g.error])).toEqual([
      ["Option: week one", "#VALUE!"],
      ["Option: week two", "57445.00"],
    ]);
  });

  it("lists for every group the total with it in less the total with it out, both worked out afresh", () => {
    const PAYROLL = "SS@2026-03-01,MEDICARE@2026-03-01,FUTA@2026-03-01";
    const line = fc.record({
      person: fc.constantFrom("", "P:A", "P:B"),
      people: fc.integer({ min: 1, max: 3 }),
      wages: fc.integer({ min: 0, max: 20_000_000 }),
      group: fc.constantFrom("", " ", "G1", "G2", "G1, G2", "G3"),
    });
    const switches = fc.record({ G1: fc.boolean(), G2: fc.boolean(), G3: fc.boolean() });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), switches, (raw, on) => {
        const table = Object.entries(on).map(([name, inTotal]) => ({
          name,
          inTotal: inTotal ? "Yes" : "No",
        }));
        const out = new Set(table.filter((r) => r.inTotal === "No").map((r) => r.name));
        const lines = onSheet(
          raw.map((l) => labor(PAYROLL, l.person, l.wages / 100, l.group, l.people)),
          out,
        );
        for (const g of summarizeGroups(table, lines)) {
          const withIt = new Set([...out].filter((k) => k !== g.key));
          const withoutIt = new Set([...out, g.key]);
          const saves = totalWith(lines, withIt).minus(totalWith(lines, withoutIt));
          expect(g.cost?.toFixed(2)).toBe(roundCents(saves).toFixed(2));
        }
      }),
      { numRuns: 300 },
    );
  });
});
