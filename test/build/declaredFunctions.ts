import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The project's root folder. */
export const root = path.join(__dirname, "../..");

/** The ids of every @customfunction declared in src/functions (what Excel registers), sorted. */
export function declaredFunctions(): string[] {
  const dir = path.join(root, "src/functions");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => [...readFileSync(path.join(dir, f), "utf8").matchAll(/@customfunction\s+([A-Z0-9.]+)/g)])
    .map((m) => m[1])
    .sort();
}
