import { LAYOUTS, type LayoutId } from "../../src/engine/chart";
import { TEMPLATES, UNITS, categoryOf, isFringeCategory } from "../../src/engine/templates";

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
    const pattern = layout.coding === "digits" ? /^\d{4}$/ : /^[A-P]\d+$/;
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
  it("marks the AICP sections G-O as unconfirmed and A-F, P as confirmed (reference.md 2.3)", () => {
    const sections = LAYOUTS.AICP.categories;
    expect(sections.filter((c) => !c.confirmed).map((c) => c.code)).toEqual("GHIJKLMNO".split(""));
    expect(TEMPLATES.AICP.charges.find((c) => c.global === "Markup_Pct")?.base).toBe("markupSections");
  });

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
