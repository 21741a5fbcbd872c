// Offline check of manifest.xml (`npm run validate:offline`, part of `npm test`):
// 1. XML Schema validation against Microsoft's add-in manifest schemas (scripts/manifest-schemas,
//    from MS-OWEMXML; the online `office-addin-manifest validate` needs a Microsoft service);
// 2. every resid in the manifest points at a resource declared under <Resources>, and every
//    declared resource is used (the schemas cannot check either).
// Usage: node scripts/validate-manifest.mjs <manifest.xml>. Exit code 0 = valid.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** Schema problems as xmllint reports them ("line N: message"), or [] when valid. */
export async function schemaErrors(xml) {
  const files = readdirSync(schemaDir).filter((f) => f.endsWith(".xsd"));
  const load = (fileName) => ({ fileName, contents: readFileSync(path.join(schemaDir, fileName), "utf8") });
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [load(MAIN_SCHEMA)],
    preload: files.filter((f) => f !== MAIN_SCHEMA).map(load),
  });
  return result.valid
    ? []
    : result.errors.map((e) => (e.loc ? `line ${e.loc.lineNumber}: ${e.message}` : e.rawMessage));
}

/** resid problems: references to undeclared resources, and declared resources nobody uses. */
export function residErrors(xml) {
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  const resources = withoutComments.match(/<Resources>[\s\S]*<\/Resources>/);
  const declared = new Set();
  for (const m of (resources ? resources[0] : "").matchAll(
    /<bt:(?:Image|Url|String)\s[^>]*\bid="([^"]+)"/g,
  )) {
    declared.add(m[1]);
  }
  const used = new Set();
  const problems = [];
  const lines = withoutComments.split("\n");
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\bresid="([^"]*)"/g)) {
      used.add(m[1]);
      if (!declared.has(m[1]))
        problems.push(`line ${i + 1}: resid "${m[1]}" is not declared under <Resources>`);
    }
  });
  for (const id of declared)
    if (!used.has(id)) problems.push(`resource "${id}" is declared but no resid uses it`);
  return problems;
}

async function main() {
  const file = process.argv[2] ?? "manifest.xml";
  const xml = readFileSync(file, "utf8");
  const problems = [...(await schemaErrors(xml)), ...residErrors(xml)];
  if (problems.length > 0) {
    console.error(`${file} is not valid:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`${file} is valid (schema and resids).`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
