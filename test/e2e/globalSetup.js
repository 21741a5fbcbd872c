// Builds the preview once for all end-to-end tests, into a folder of its own. PREVIEW_DIST set
// to an existing build skips the build (for working on the tests themselves).
const { execFileSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const path = require("node:path");

module.exports = async () => {
  const root = path.join(__dirname, "../..");
  if (process.env.PREVIEW_DIST && existsSync(path.join(process.env.PREVIEW_DIST, "index.html"))) return;
  const out = path.join(root, "test-results/preview-build");
  process.env.PREVIEW_DIST = out;
  try {
    execFileSync("npx", ["webpack", "--config", "webpack.preview.config.js", "--mode", "production"], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, PREVIEW_OUT: out },
    });
  } catch (error) {
    throw new Error(`The preview did not build:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
  }
};
