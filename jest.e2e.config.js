// End-to-end tests: the built preview (webpack.preview.config.js) served on localhost and driven
// in Debian's chromium by playwright-core (no browser download). `npm run test:e2e`.
const { transform, reporters } = require("./test/setup/jestShared");

module.exports = {
  displayName: "e2e",
  testEnvironment: "node",
  testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
  transform,
  reporters,
  globalSetup: "<rootDir>/test/e2e/globalSetup.js",
  testTimeout: 60_000,
  // One browser at a time: CI has two cores and the build already used them.
  maxWorkers: 1,
};
