import { declaredFunctions, root } from "./declaredFunctions";
import { FRINGE_LIBRARY } from "../../src/engine/fringes/library";
import { readmeLibraryRow } from "./readmeLibraryRow";
import { PROGRAM_LIBRARY } from "../../src/engine/incentives/programs";
import { readmeProgramRow } from "./readmeProgramRow";
import { TEMPLATES } from "../../src/engine/templates";
import { templateFringeSet } from "../../src/taskpane/templates/buildPlan";
import { readFileSync } from "node:fs";
import path from "node:path";

describe("README", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("## PROD functions"));

  it.each(declaredFunctions())("lists PROD.%s", (id) => {
    expect(table).toMatch(new RegExp(`\\| \`PROD\\.${id.replace(".", "\\.")}\\(`));
  });

  it("lists no function that does not exist", () => {
    const listed = [...table.matchAll(/^\| `PROD\.([A-Z0-9.]+)\(/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(declaredFunctions());
  });

  // Issue 14: the README's library table shows each figure's dates, source and confirmed mark in
  // words, and stays the library's.
  it.each(FRINGE_LIBRARY.map((d) => [readmeLibraryRow(d)]))("lists the library entry %s", (row) => {
    expect(readme).toContain(row);
  });

  // Issue 22: the Incentives section lists every rule set with its effective dates.
  it.each(PROGRAM_LIBRARY.map((p) => [readmeProgramRow(p)]))("lists the incentive rule set %s", (row) => {
    expect(readme).toContain(row);
  });

  // Issue 18: "The README's template section says what each template holds and which fringes go
  // where": every Fringes set a template writes is in its table of which fringes go where.
  it.each(Object.values(TEMPLATES).map((t) => [t.name, t]))(
    "says which fringes go where on the %s template",
    (_name, template) => {
      const section = readme.slice(
        readme.indexOf("## Budget templates"),
        readme.indexOf("## Fringes and rates"),
      );
      const sets = new Set(
        template.accounts.filter((a) => a.kind === "labor").map((a) => templateFringeSet(a, "Fringes")),
      );
      expect([...sets].filter((set) => !section.includes(`\`${set}\``))).toEqual([]);
    },
  );
});

// Issue 19: a tester in Excel follows docs/excel-checklist.md; every step says what must be seen.
describe("the Excel checklist", () => {
  const checklist = readFileSync(path.join(root, "docs/excel-checklist.md"), "utf8");
  const sections = checklist.split(/^(?=## )/m).slice(1);

  it.each(sections.map((s) => [s.split("\n")[0], s]))("says what must be seen in %s", (_title, section) => {
    // A numbered step is a thing to do: each one says what to see before the next begins.
    const steps = section.split(/^(?=\d+\. )/m).slice(1);
    for (const step of steps)
      expect([step.split("\n")[0], /\*\*See\*\*/.test(step)]).toEqual([step.split("\n")[0], true]);
    expect(section).toMatch(/\*\*See\*\*|Must show/);
  });

  it("walks through each template, each panel and taking back a sheet whose hidden mark was deleted", () => {
    for (const words of [
      "Feature film",
      "TV one-hour",
      "Commercial (AICP)",
      "Documentary",
      "Name Manager",
      "A bid comparison",
      "A cost report",
      "A fringe-table update",
      'Replace "Bid comparison"?',
      "Replace Cost Report",
      'Take back "Budget detail"?',
      "A look-alike of yours",
    ])
      expect(checklist).toContain(words);
  });
});
