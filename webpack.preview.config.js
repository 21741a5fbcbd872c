// Builds the preview: the real task pane beside a grid of an in-memory workbook computed by
// HyperFormula with the PROD functions, for trying PROD without Excel and for the end-to-end
// tests. Dev-only: HyperFormula is GPL-3.0 and never goes into the add-in (webpack.config.js).
const { typescriptBuild } = require("./scripts/webpack-common");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { functionFiles } = require("./scripts/function-files");

const FUNCTION_FILES = functionFiles();

module.exports = (_env, options) => {
  const dev = options.mode !== "production";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // In this order: the CustomFunctions stand-in, the functions (each registering itself
      // with CustomFunctions.associate), then the page.
      preview: ["./src/preview/customFunctionsGlobal.ts", ...FUNCTION_FILES, "./src/preview/index.tsx"],
    },
    ...typescriptBuild(process.env.PREVIEW_OUT || "dist-preview"),
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTION_FILES, output: "functions.json" }),
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" }),
    ],
    devServer: {
      static: false,
      host: "localhost",
      port: Number(process.env.PREVIEW_PORT || 3001),
      hot: false,
      open: false,
      client: { overlay: { warnings: false } },
    },
  };
};
