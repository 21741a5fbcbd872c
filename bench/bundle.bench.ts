/**
 * Bundle sizes from a production build (webpack --mode production, into a scratch folder so dist/
 * is left alone): the functions bundle, and what the task pane loads at start (its entry's initial
 * chunks; lazy chunks are listed apart). Gzipped with zlib's default level, as a web server would.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { bytes, REPO, type Row } from "./lib";

const KB = 1024;
/** Issue 10's targets, gzipped. */
const TARGETS: Record<string, number> = { functions: 60 * KB, taskpane: 350 * KB };

interface Stats {
  entrypoints: Record<string, { assets: { name: string }[] }>;
  assets: { name: string; chunkNames: string[]; info?: { javascriptModule?: boolean } }[];
}

/** Rows of the table: gzipped size of each entry's initial JavaScript, and of the lazy chunks. */
export function bundleRows(): Row[] {
  const out = mkdtempSync(path.join(os.tmpdir(), "prod-bench-build-"));
  try {
    const statsFile = path.join(out, "stats.json");
    const cli = path.join(REPO, "node_modules/webpack-cli/bin/cli.js");
    const built = spawnSync(
      process.execPath,
      [cli, "--mode", "production", "--output-path", path.join(out, "dist"), "--json", statsFile],
      // The size does not depend on the host; a release build must be given one.
      {
        cwd: REPO,
        encoding: "utf8",
        env: { ...process.env, PROD_ADDIN_URL: "https://addins.bench.invalid/prod/" },
      },
    );
    if (built.status !== 0) throw new Error(`The production build failed:\n${built.stderr}${built.stdout}`);
    const stats = JSON.parse(readFileSync(statsFile, "utf8")) as Stats;
    const gz = (name: string) => gzipSync(readFileSync(path.join(out, "dist", name))).length;
    const raw = (name: string) => readFileSync(path.join(out, "dist", name)).length;

    const rows: Row[] = [];
    const initial = new Set<string>();
    for (const entry of ["functions", "taskpane"]) {
      const names = (stats.entrypoints[entry]?.assets ?? [])
        .map((a) => a.name)
        .filter((n) => n.endsWith(".js"));
      names.forEach((n) => initial.add(n));
      const size = names.reduce((s, n) => s + gz(n), 0);
      const target = TARGETS[entry];
      rows.push({
        section: "Bundle",
        measure: `${entry} entry, initial JS (${names.join(" + ")})`,
        value: `${bytes(size)} gz`,
        spread: `${bytes(names.reduce((s, n) => s + raw(n), 0))} minified`,
        target: target ? `<= ${bytes(target)} gz` : "",
        verdict: target ? (size <= target ? "ok" : "MISS") : "",
      });
    }
    // taskpane.html loads all three entries (shared runtime): what the pane page fetches at start.
    const page = [...initial];
    rows.push({
      section: "Bundle",
      measure: "pane page at start (taskpane.html: functions + taskpane)",
      value: `${bytes(page.reduce((s, n) => s + gz(n), 0))} gz`,
      spread: `${bytes(page.reduce((s, n) => s + raw(n), 0))} minified`,
      target: "",
      verdict: "",
    });
    const lazy = stats.assets.map((a) => a.name).filter((n) => n.endsWith(".js") && !initial.has(n));
    if (lazy.length > 0) {
      rows.push({
        section: "Bundle",
        measure: `lazy chunks, loaded on demand (${lazy.length})`,
        value: `${bytes(lazy.reduce((s, n) => s + gz(n), 0))} gz`,
        spread: lazy.map((n) => `${n} ${bytes(gz(n))}`).join(", "),
        target: "",
        verdict: "",
      });
    }
    return rows;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
