/*
 * Every Office.js API the add-in calls needs a requirement set ([Api set: ExcelApi 1.13] in
 * @types/office-js). An Excel build without that set fails at run time, far from here. So: every
 * API used in the add-in's code is within the sets manifest.xml declares (Office then loads PROD
 * only where they exist), or sits inside `if (...isSetSupported("Set", "x.y"))` for a set at
 * least that high. Read from the type checker, so a new call is checked the day it is written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { root } from "./declaredFunctions";

/** The folders whose code ships in the add-in (the preview and the engine never call Office). */
const SHIPPED = ["src/excel", "src/taskpane", "src/functions"];

interface Use {
  member: string;
  set: string;
  version: string;
  where: string;
}

/** "1.13" > "1.9": compare requirement-set versions part by part. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The sets manifest.xml requires: <Set Name="ExcelApi" MinVersion="1.13"/>. */
function declaredSets(): Map<string, string> {
  const xml = readFileSync(path.join(root, "manifest.xml"), "utf8");
  const block = /<Requirements>[\s\S]*?<\/Requirements>/.exec(xml)?.[0] ?? "";
  const fallback = /DefaultMinVersion="([\d.]+)"/.exec(block)?.[1] ?? "1.1";
  const sets = new Map<string, string>();
  for (const m of block.matchAll(/<Set Name="(\w+)"(?: MinVersion="([\d.]+)")?\s*\/>/g))
    sets.set(m[1], m[2] ?? fallback);
  return sets;
}

/** The requirement sets named in a declaration's doc comment (Excel's and Office's styles). */
function setsOf(declaration: ts.Declaration): { set: string; version: string }[] {
  const text = declaration.getSourceFile().text;
  const comments = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  return comments.flatMap((r) =>
    [
      ...text
        .slice(r.pos, r.end)
        .matchAll(/\[Api set: (\w+) ([\d.]+)|Requirement set\*\*:.*\| (\w+) ([\d.]+)\}/g),
    ].map((m) => ({ set: m[1] ?? m[3], version: m[2] ?? m[4] })),
  );
}

/** Is `node` inside `if (... isSetSupported("set", "v") ...)` with v >= version? */
function guarded(node: ts.Node, set: string, version: string): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (!ts.isIfStatement(at) || !at.thenStatement.getFullText().includes(node.getText())) continue;
    for (const m of at.expression.getText().matchAll(/isSetSupported\(\s*"(\w+)"\s*,\s*"([\d.]+)"\s*\)/g))
      if (m[1] === set && compareVersions(m[2], version) >= 0) return true;
  }
  return false;
}

/** The compiler options of tsconfig.json, and the shipped files it compiles. */
function projectConfig(): ts.ParsedCommandLine {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (!config) throw new Error("tsconfig.json did not parse");
  return config;
}

/** The Office.js calls in `files` (by default the shipped code) that no isSetSupported guards. */
function officeApiUses(
  files = projectConfig().fileNames.filter((f) =>
    SHIPPED.some((dir) => path.relative(root, f).startsWith(dir + "/")),
  ),
): Use[] {
  const program = ts.createProgram(files, projectConfig().options);
  const checker = program.getTypeChecker();
  const uses: Use[] = [];
  const read = new Set(files.map((f) => path.resolve(f)));
  for (const sf of program.getSourceFiles().filter((f) => read.has(path.resolve(f.fileName)))) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        for (const declaration of checker.getSymbolAtLocation(node.name)?.declarations ?? []) {
          for (const { set, version } of setsOf(declaration)) {
            if (guarded(node, set, version)) continue;
            const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
            uses.push({
              member: node.name.text,
              set,
              version,
              where: `${path.relative(root, sf.fileName)}:${line + 1}`,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

describe("Office.js requirement sets", () => {
  const uses = officeApiUses();
  const declared = declaredSets();

  it("finds the add-in's Office.js calls (the check reads the real code)", () => {
    // Table.resize is ExcelApi 1.13; a check that found nothing would pass for the wrong reason.
    expect(uses.some((u) => u.member === "resize" && u.set === "ExcelApi" && u.version === "1.13")).toBe(
      true,
    );
  });

  it("catches a call above the declared sets unless an isSetSupported check at that level guards it", () => {
    // Range.getPrecedents is ExcelApi 1.14, above the manifest's 1.13.
    const dir = mkdtempSync(path.join(tmpdir(), "prod-api-sets-"));
    const file = path.join(dir, "precedents.ts");
    writeFileSync(
      file,
      [
        "export function unguarded(range: Excel.Range) {",
        "  return range.getPrecedents();",
        "}",
        "export function guarded(range: Excel.Range) {",
        '  if (Office.context.requirements.isSetSupported("ExcelApi", "1.14")) return range.getPrecedents();',
        "  return null;",
        "}",
        "export function guardedTooLow(range: Excel.Range) {",
        '  if (Office.context.requirements.isSetSupported("ExcelApi", "1.13")) return range.getPrecedents();',
        "  return null;",
        "}",
      ].join("\n"),
    );
    try {
      const found = officeApiUses([file]).filter(
        (u) => compareVersions(u.version, declared.get(u.set) ?? "0") > 0,
      );
      expect(found.map((u) => `${path.basename(u.where)} ${u.member} ${u.set} ${u.version}`)).toEqual([
        "precedents.ts:2 getPrecedents ExcelApi 1.14",
        "precedents.ts:9 getPrecedents ExcelApi 1.14",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("uses no API above the sets manifest.xml declares, unless guarded by isSetSupported", () => {
    const above = uses
      .filter((u) => {
        const have = declared.get(u.set);
        return have === undefined || compareVersions(u.version, have) > 0;
      })
      .map((u) => `${u.where} ${u.member} needs ${u.set} ${u.version}`);
    expect(above).toEqual([]);
  });

  it("declares each set the code needs at the version it needs, no higher (Office would refuse builds PROD runs on)", () => {
    const needs = new Map<string, string>();
    for (const u of uses)
      if (compareVersions(u.version, needs.get(u.set) ?? "0") > 0) needs.set(u.set, u.version);
    expect(Object.fromEntries([...needs].map(([set]) => [set, declared.get(set)]))).toEqual(
      Object.fromEntries(needs),
    );
  });
});
