// `npm start`: run PROD where it can run.
// - Windows or macOS with desktop Excel: build, serve on https://localhost:3000 and sideload into
//   Excel with office-addin-debugging (called through npx: as a devDependency it pulls a native
//   module that fails to install on Linux; see the engineering notes).
// - Anywhere else (no desktop Excel): start the preview, the real task pane on an in-memory
//   workbook in the browser (`npm run preview`), and say how to sideload into Excel on the web.
import { spawn } from "node:child_process";
import { platform } from "node:os";

const desktopExcel = platform() === "win32" || platform() === "darwin";
const previewPort = process.env.PREVIEW_PORT || "3001";

function run(command, args) {
  const child = spawn(command, args, { stdio: "inherit", shell: platform() === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (desktopExcel) {
  console.log("Sideloading PROD into desktop Excel (office-addin-debugging)...");
  run("npx", ["--yes", "office-addin-debugging@7", "start", "manifest.xml", "desktop", "--app", "excel"]);
} else {
  console.log(`
No desktop Excel on this machine, so this starts the PROD preview instead:
  http://localhost:${previewPort}/
The real task pane beside a workbook that lives in the page. Its formulas, PROD.* included, are
computed by HyperFormula in the browser: not Excel, and nothing is saved. Stop with Ctrl+C.

To try PROD in Excel on the web instead: run "npm run dev-server" (serves the add-in at
https://localhost:3000), open a workbook at office.com > Home > Add-ins > More add-ins >
My add-ins > Upload My Add-in, and choose manifest.xml from this folder. PROD then appears on
the Home tab, and =PROD. functions work in the sheet.
`);
  run("npm", ["run", "preview"]);
}
