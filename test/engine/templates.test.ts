import { LAYOUTS, type LayoutId } from "../../src/engine/chart";
import {
  FILL_IN_FRINGES,
  TEMPLATES,
  UNION_FRINGES,
  UNITS,
  categoryOf,
  guildFillIns,
  isFringeCategory,
} from "../../src/engine/templates";
import { FRINGE_LIBRARY } from "../../src/engine/fringes/library";
import { resolveFringes } from "../../src/engine/fringes/resolve";

const IDS = Object.keys(TEMPLATES) as LayoutId[];

describe.each(IDS)("%s template data", (id) => {
  const template = TEMPLATES[id];
  const layout = LAYOUTS[template.layout];

  it("uses every account number once", () => {
    const codes = template.accounts.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("puts every account in a named category of its chart (never a fringe category)", () => {
    for (const account of template.accounts) {
      const category = categoryOf(template, account);
      expect({ account: account.code, category: category?.code }).toEqual({
        account: account.code,
        category: expect.any(String),
      });
      expect(category!.name.trim()).not.toBe("");
      expect(isFringeCategory(category!)).toBe(false);
    }
  });

  it("names every category of its chart", () => {
    for (const category of layout.categories) expect(category.name.trim().length).toBeGreaterThan(2);
  });

  it("codes accounts the way the chart does", () => {
    const pattern = layout.coding === "digits" ? /^\d{4}$/ : /^[A-X]\d*$/;
    for (const account of template.accounts) expect(account.code).toMatch(pattern);
  });

  it("gives labor accounts at least one period and defaults within range", () => {
    for (const account of template.accounts.filter((a) => a.kind === "labor")) {
      expect(account.periods?.length ?? 1).toBeGreaterThan(0);
    }
    const d = template.defaults;
    for (const pct of [d.contingencyPct, d.insurancePct, d.bondPct, d.markupPct]) {
      expect(pct).toBeGreaterThanOrEqual(0);
      expect(pct).toBeLessThan(1);
    }
  });
});

describe("template specifics", () => {
  it("budgets production insurance once: as the top-sheet percent, with no insurance-package account", () => {
    for (const id of ["FEATURE", "TV"] as const) {
      expect(TEMPLATES[id].accounts.filter((a) => a.code.startsWith("67"))).toEqual([]);
      expect(TEMPLATES[id].charges.find((c) => c.global === "Insurance_Pct")?.bases[0]).toBe("insurable");
    }
  });

  it("follows the AICP 2023 form: sections A-X without U, its names, one markup on A-K (figures-audit.md 8.2)", () => {
    const sections = LAYOUTS.AICP.categories;
    expect(sections.map((c) => c.code).join("")).toBe("ABCDEFGHIJKLMNOPQRSTVWX");
    expect(sections.filter((c) => !c.confirmed)).toEqual([]);
    expect(Object.fromEntries(sections.map((c) => [c.code, c.name]))).toMatchObject({
      A: "Prep Crew",
      B: "Shoot Crew",
      E: "Props, Wardrobe & Animals",
      G: "Art Department Labor",
      O: "Other",
      Q: "Editorial",
      X: "VFX, Design, Animation & Interactive",
    });
    expect(sections.filter((c) => c.level === "POST").map((c) => c.code)).toEqual("QRSTVWX".split(""));
    expect(TEMPLATES.AICP.charges.find((c) => c.global === "Markup_Pct")?.bases).toEqual(["markupSections"]);
  });

  it("codes AICP lines to the form's line numbers, inside each section's range", () => {
    const ranges: Record<string, [number, number]> = {
      A: [1, 49],
      B: [51, 99],
      C: [101, 113],
      D: [114, 139],
      E: [140, 150],
      F: [151, 167],
      G: [168, 178],
      H: [181, 190],
      I: [193, 210],
      J: [211, 215],
      K: [217, 224],
      L: [227, 231],
      M: [234, 268],
      N: [271, 273],
    };
    const codes = TEMPLATES.AICP.accounts.map((a) => a.code);
    expect(codes).toEqual(expect.arrayContaining(["D114", "I193"]));
    for (const code of codes.filter((c) => ranges[c[0]])) {
      const [lo, hi] = ranges[code[0]];
      expect({ code, inRange: Number(code.slice(1)) >= lo && Number(code.slice(1)) <= hi }).toEqual({
        code,
        inRange: true,
      });
    }
  });

  it("pays writers by the draft or a flat fee, and counts AICP prep and wrap in days", () => {
    expect(TEMPLATES.FEATURE.accounts.find((a) => a.code === "1111")).toMatchObject({
      kind: "labor",
      paidBy: "Draft",
    });
    expect(TEMPLATES.TV.accounts.find((a) => a.code === "1101")).toMatchObject({
      kind: "labor",
      paidBy: "Flat",
    });
    expect(TEMPLATES.AICP.schedule).toBe("days");
    for (const template of Object.values(TEMPLATES)) expect(template.defaults.payRule).toBe("IATSE");
    expect(TEMPLATES.FEATURE.schedule).toBe("weeks");
  });

  it.each(IDS)(
    "budgets the payroll company's fee once, in the Fringes table's PAYROLL-FEE row: %s has no payroll-fee account, and its bank account says where the fee is",
    (id) => {
      expect(FILL_IN_FRINGES).toContain("PAYROLL-FEE");
      const names = TEMPLATES[id].accounts.map((a) => a.name);
      expect(names.filter((name) => /payroll/i.test(name) && !/PAYROLL-FEE row/.test(name))).toEqual([]);
      const bank = TEMPLATES[id].accounts.find((a) => a.code === "7510");
      if (id === "FEATURE" || id === "TV")
        expect(bank?.name).toBe("Bank charges (the payroll company's fee is the PAYROLL-FEE row of Fringes)");
    },
  );

  it("gives the TV template an amortization with the four amort types", () => {
    const types = new Set(TEMPLATES.TV.amortization?.map((a) => a.type));
    expect([...types].sort()).toEqual(["Construction", "Enhancement", "Holiday", "Main"]);
  });

  it("has MMB's default units: Hour 1, Day 12, Week 60 (reference.md 1.1)", () => {
    expect(Object.fromEntries(UNITS.map((u) => [u.unit, u.hours]))).toMatchObject({
      Hour: 1,
      Day: 12,
      Week: 60,
      Month: 240,
    });
  });

  it("starts a feature budget with the studio-form accounts of reference.md 2.1", () => {
    expect(TEMPLATES.FEATURE.accounts.map((a) => a.code)).toEqual(
      expect.arrayContaining(["1101", "1111", "1161", "1201", "1285", "1301", "1305"]),
    );
  });
});

describe("guild and union fringes on the lines they belong to (issue 18)", () => {
  const unionOf = (id: keyof typeof TEMPLATES, code: string) =>
    TEMPLATES[id].accounts.find((a) => a.code === code)?.union;

  it("puts SAG-AFTRA on cast, DGA on the director, UPM and ADs, IATSE on crew", () => {
    expect(["1401", "1405", "1407"].map((c) => unionOf("FEATURE", c))).toEqual([
      "SAG-AFTRA",
      "SAG-AFTRA",
      "SAG-AFTRA",
    ]);
    expect(["2101", "2105"].map((c) => unionOf("FEATURE", c))).toEqual(["SAG-AFTRA-BG", "SAG-AFTRA-BG"]);
    expect(["1301", "1305", "2001", "2002", "2003"].map((c) => unionOf("FEATURE", c))).toEqual(
      Array(5).fill("DGA"),
    );
    expect(["2502", "3202", "3303", "3402", "5001"].map((c) => unionOf("FEATURE", c))).toEqual(
      Array(5).fill("IATSE"),
    );
    // A one-hour episode's cast under the television per-episode ceiling.
    expect(unionOf("TV", "1401")).toBe("SAG-AFTRA-TV");
    expect(UNION_FRINGES["SAG-AFTRA-TV"]).toEqual(["SAG-AFTRA-TV-60"]);
  });

  it("leaves producers, assistants and PAs on the payroll preset alone", () => {
    expect(["1201", "1211", "1271", "2015"].map((c) => unionOf("FEATURE", c))).toEqual(
      Array(4).fill(undefined),
    );
  });

  it("puts SAG-AFTRA's and the DGA's commercial agreements on the commercial's talent, director and first AD, as rows to fill in, and no guild on the documentary", () => {
    const unions = (id: "AICP" | "DOC") =>
      TEMPLATES[id].accounts.filter((a) => a.union !== undefined).map((a) => [a.code, a.union]);
    expect(unions("AICP")).toEqual([
      ["B52", "DGA-COMMERCIALS"],
      ["L227", "DGA-COMMERCIALS"],
      ["M234", "SAG-AFTRA-COMMERCIALS"],
    ]);
    expect(guildFillIns(TEMPLATES.AICP)).toEqual(["SAG-AFTRA-COMMERCIALS", "DGA-COMMERCIALS"]);
    // No figure of either rate in the audit or the research notes: the library's rows have none.
    for (const name of guildFillIns(TEMPLATES.AICP))
      expect(FRINGE_LIBRARY.filter((d) => d.name === name).map((d) => d.rate)).toEqual([null, null]);
    expect(unions("DOC")).toEqual([]);
    expect(guildFillIns(TEMPLATES.DOC)).toEqual([]);
  });

  it.each(Object.entries(UNION_FRINGES).filter(([, names]) => names.length > 0))(
    "%s's fringes are library names in force on the templates' rates date",
    (_union, names) => {
      const date = TEMPLATES.FEATURE.defaults.ratesDate;
      const fringes = resolveFringes(names.map((name) => `${name}@${date}`).join(","));
      expect(fringes.map((f) => f.label.replace(/[-@][\d-]+$/, ""))).toEqual(names);
    },
  );
});
