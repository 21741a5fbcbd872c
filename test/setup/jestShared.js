// What both Jest configs (jest.config.js, jest.e2e.config.js) share: ts-jest only transpiles
// (type checking is `npm run typecheck`), and every run ends with the plain summary line.
const transform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    {
      tsconfig: {
        module: "commonjs",
        moduleResolution: "node",
        jsx: "react-jsx",
        isolatedModules: true,
        esModuleInterop: true,
      },
    },
  ],
};
const reporters = ["default", "<rootDir>/test/setup/summaryReporter.js"];
module.exports = { transform, reporters };
