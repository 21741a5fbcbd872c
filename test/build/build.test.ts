import { declaredFunctions, root } from "./declaredFunctions";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

describe("the production build", () => {
  const out = mkdtempSync(path.join(tmpdir(), "prod-build-"));
  beforeAll(() => {
    execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
      cwd: root,
      stdio: "pipe",
    });
  }, 120_000);

  it("writes functions.json with every PROD function, each with help text for every argument", () => {
    const metadata = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as {
      functions: { id: string; description?: string; parameters: { name: string; description?: string }[] }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(declaredFunctions());
    for (const f of metadata.functions) {
      expect(f.description).toBeTruthy();
      for (const p of f.parameters)
        expect([f.id, p.name, p.description ? "ok" : "missing"]).toEqual([f.id, p.name, "ok"]);
    }
  });

  it("writes each function's help as one paragraph short enough for Excel's formula autocomplete", () => {
    const metadata = JSON.parse(readFileSync(path.join(out, "functions.json"), "utf8")) as {
      functions: { id: string; description: string; parameters: { description: string }[] }[];
    };
    for (const f of metadata.functions) {
      const texts = [f.description, ...f.parameters.map((p) => p.description)];
      expect([f.id, texts.filter((t) => t.includes("\n"))]).toEqual([f.id, []]);
      expect([f.id, f.description.length <= 255]).toEqual([f.id, true]);
    }
  });

  it("points the shipped manifest at the production host, not localhost", () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
  });

  it("keeps HyperFormula (GPL-3.0, the preview's formula engine) out of the add-in", () => {
    for (const file of readdirSync(out).filter((f) => f.endsWith(".js")))
      expect([file, readFileSync(path.join(out, file), "utf8").includes("HyperFormula")]).toEqual([
        file,
        false,
      ]);
  });

  it("writes the pane page with the functions, commands and pane scripts", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    for (const script of ["functions.js", "commands.js", "taskpane.js"]) expect(html).toContain(script);
  });
});
