import { declaredFunctions, root } from "./declaredFunctions";
import { FRINGE_LIBRARY } from "../../src/engine/fringes/library";
import { readmeLibraryRow } from "./readmeLibraryRow";
import { PROGRAM_LIBRARY } from "../../src/engine/incentives/programs";
import { readmeProgramRow } from "./readmeProgramRow";
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
});
