import { declaredFunctions, root } from "./declaredFunctions";
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The host a studio would serve PROD from (a folder of its own site). */
const HOST = "https://addins.studio-films.test/prod/";

const run = promisify(execFile);

describe("the production build", () => {
  const out = mkdtempSync(path.join(tmpdir(), "prod-build-"));
  beforeAll(() => {
    execFileSync("npx", ["webpack", "--mode", "production", "--output-path", out], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, PROD_ADDIN_URL: HOST.slice(0, -1) },
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

  it("points every address of the shipped manifest at the release host, and the manifest is valid", async () => {
    const file = path.join(out, "manifest.xml");
    const manifest = readFileSync(file, "utf8");
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith(HOST))).toEqual([]);
    expect(manifest).not.toMatch(/localhost|example\.com/);
    const { stdout } = await run("node", ["scripts/validate-manifest.mjs", file], { cwd: root });
    expect(stdout).toContain("is valid");
  }, 60_000);

  it("serves a help page (the manifest's support address) with the README's user sections", () => {
    const manifest = readFileSync(path.join(out, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<SupportUrl DefaultValue="${HOST}help.html"/>`);
    const help = readFileSync(path.join(out, "help.html"), "utf8");
    expect(help).toContain("<h2>PROD functions</h2>");
    expect(help).toContain("<code>PROD.FRINGE(wages, fringes");
    // Developer sections stay in the README.
    expect(help).not.toMatch(/<h2>(Test|Set up and run|Releasing)<\/h2>/);
    expect(help).not.toContain("npm ci");
  });

  it("keeps HyperFormula (GPL-3.0, the preview's formula engine) out of the add-in", () => {
    for (const file of readdirSync(out).filter((f) => f.endsWith(".js")))
      expect([file, readFileSync(path.join(out, file), "utf8").includes("HyperFormula")]).toEqual([
        file,
        false,
      ]);
  });

  it("writes the pane page with the functions and pane scripts", () => {
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    for (const script of ["functions.js", "taskpane.js"]) expect(html).toContain(script);
  });
});

describe("the release address (PROD_ADDIN_URL)", () => {
  // The config itself, without a build: webpack.config.js exports (env, options) => config.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js") as (
    env: object,
    options: { mode: string },
  ) => Promise<unknown>;
  const withUrl = async (url: string | undefined) => {
    const saved = process.env.PROD_ADDIN_URL;
    if (url === undefined) delete process.env.PROD_ADDIN_URL;
    else process.env.PROD_ADDIN_URL = url;
    try {
      return await config({}, { mode: "production" });
    } finally {
      if (saved === undefined) delete process.env.PROD_ADDIN_URL;
      else process.env.PROD_ADDIN_URL = saved;
    }
  };

  it.each([
    [undefined, /needs the https address PROD will be served from/],
    ["http://addins.studio.test/", /must be https/],
    ["https://localhost:3000/", /use npm run build:dev/],
    ["addins.studio.test", /is not a web address/],
    ["https://addins.studio.test/?v=2", /without \? or #/],
  ])("refuses a release build for %s, saying what to do", async (url, message) => {
    await expect(withUrl(url)).rejects.toThrow(message);
  });

  it("builds for development without one (localhost)", async () => {
    await expect(config({}, { mode: "development" })).resolves.toBeTruthy();
  });
});
