import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.join(__dirname, "../..");
const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");

/** Runs `npm run validate:offline`'s script on a manifest text; returns [exit code, output]. */
function validate(xml: string): [number, string] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "prod-manifest-")), "manifest.xml");
  writeFileSync(file, xml);
  try {
    const out = execFileSync("node", [path.join(root, "scripts/validate-manifest.mjs"), file], {
      encoding: "utf8",
      stdio: "pipe",
    });
    return [0, out];
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return [e.status, e.stderr];
  }
}

describe("the offline manifest check", () => {
  it("accepts PROD's manifest", () => {
    expect(validate(manifest)).toEqual([0, expect.stringContaining("is valid")]);
  });

  it("rejects an element the schema does not know", () => {
    const [code, out] = validate(manifest.replace("<Permissions>", "<Bogus/><Permissions>"));
    expect(code).toBe(1);
    expect(out).toContain(
      "Element '{http://schemas.microsoft.com/office/appforoffice/1.1}Bogus': This element is not expected",
    );
  });

  it("rejects a resid that points at no resource", () => {
    const [code, out] = validate(
      manifest.replace('<Title resid="GetStarted.Title"/>', '<Title resid="GetStarted.Nope"/>'),
    );
    expect(code).toBe(1);
    expect(out).toContain('resid "GetStarted.Nope" is not declared under <Resources>');
  });

  it("is ready for release: version 1.0.0.0 or more, a publisher's name, the help page as its support address", () => {
    const version = /<Version>([\d.]+)<\/Version>/.exec(manifest)?.[1] ?? "";
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(Number(version.split(".")[0])).toBeGreaterThanOrEqual(1);
    const provider = /<ProviderName>([^<]*)<\/ProviderName>/.exec(manifest)?.[1] ?? "";
    expect(provider).toBe("PROD Budgeting Tools");
    // The README's help page served with the add-in (the release build puts it on the release host).
    expect(manifest).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/help\.html"\/>/);
  });

  it("asks for what PROD needs and no more: shared runtime, ReadWriteDocument, namespace PROD", () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PROD"\/>/);
    expect(manifest).not.toMatch(/<AppDomains>/);
  });
});
