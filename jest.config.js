// Two projects: the engine, functions and Excel adapters run in Node; the React pane in jsdom.
const { transform, reporters } = require("./test/setup/jestShared");

const shared = {
  transform,
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/test/setup/officeAddinManifestStub.js" },
  setupFiles: ["<rootDir>/src/preview/customFunctionsGlobal.ts"],
};

module.exports = {
  reporters,
  // A hang guard, not a time box, for every test of both projects (Jest reads testTimeout from the
  // top level only: set in a project it was ignored, and the default 5 s applied). An adapter test
  // that saves or compares several times takes 3-9 s alone, and React + Fluent renders are slow,
  // on a 2-core machine running other work (whatifAdapter and officeWorkbook went over 5 s at load
  // 10-18 on 2026-12-05). Speed is measured in `npm run bench`.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/{engine,functions,excel,build,preview}/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "pane",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/taskpane/**/*.test.{ts,tsx}"],
      // Fluent UI in jsdom needs matchMedia and ResizeObserver; jest-dom adds DOM matchers.
      setupFilesAfterEnv: ["<rootDir>/test/setup/paneSetup.ts"],
    },
  ],
};
