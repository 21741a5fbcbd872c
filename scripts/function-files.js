// The PROD custom-function source files: every src/functions/*.ts that declares a
// @customfunction. The add-in build, the preview build and the tests all take them from here,
// so a new function file needs no wiring anywhere.
const fs = require("fs");
const path = require("path");

/** Paths relative to the project root (`./src/functions/x.ts`), sorted. */
function functionFiles(root = path.join(__dirname, "..")) {
  return fs
    .readdirSync(path.join(root, "src/functions"))
    .filter((file) => /\.ts$/.test(file))
    .map((file) => `./src/functions/${file}`)
    .filter((file) => fs.readFileSync(path.join(root, file), "utf8").includes("@customfunction"))
    .sort();
}

module.exports = { functionFiles };
