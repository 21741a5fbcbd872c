// Two projects: the engine, functions and Excel adapters run in Node; the React pane in jsdom.
const { transform, reporters } = require("./test/setup/jestShared");

const shared = {
  transform,
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/setup/officeAddinManifestStub.js" },
  setupFiles: ["<rootDir>/src/preview/customFunctionsGlobal.ts"],
};

module.exports = {
  reporters,
  projects: [
    {
      ...shared,
      displayName: "node",
      testEnvironment: "node",
      // A hang guard, not a time box: an adapter test that saves or compares several times takes
      // 3-9 s alone and went over Jest's default 5 s when the 2-core machine ran other work
      // (whatifAdapter, 2026-12-05). Speed is measured in `npm run bench`.
      testTimeout: 30000,
      testMatch: ["<rootDir>/test/{engine,functions,excel,build,preview}/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "pane",
      testEnvironment: "jsdom",
      // React + Fluent renders are slow on a loaded 2-core CI machine; a test's waits need room.
      testTimeout: 20000,
      testMatch: ["<rootDir>/test/taskpane/**/*.test.{ts,tsx}"],
      // Fluent UI in jsdom needs matchMedia and ResizeObserver; jest-dom adds DOM matchers.
      setupFilesAfterEnv: ["<rootDir>/test/setup/paneSetup.ts"],
    },
  ],
};
