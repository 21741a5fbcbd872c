import fc from "fast-check";
import {
  groupKey,
  lineGroupKeys,
  lineInTotal,
  summarizeGroups,
  switchedOut,
  type GroupedLine,
} from "../../../src/engine/whatif/groups";

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
    expect(out.map((g) => [g.name, g.inTable, g.inTotal, g.lines, g.cost?.toFixed(2), g.error])).toEqual([
      ["Night shoot", true, false, 1, "2500.01", null],
      ["Stunts", true, true, 2, "3711.63", null],
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
