// Builds the add-in: the task pane (React), the custom functions (functions.json generated from
// their JSDoc by custom-functions-metadata-plugin) and the commands script. With the shared
// runtime, all three run in one page, taskpane.html.
const fs = require("fs");
const path = require("path");
const { typescriptBuild } = require("./scripts/webpack-common");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { functionFiles } = require("./scripts/function-files");

const DEV_URL = "https://localhost:3000/";
// The production host; manifest.xml points at localhost for development and is rewritten to
// this URL on a production build.
const PROD_URL = process.env.PROD_ADDIN_URL || "https://prod-addin.example.com/";
// Every file in src/functions that declares a @customfunction: the plugin writes their metadata
// and registers them, and together they are the functions bundle.
const FUNCTION_FILES = functionFiles();

// The metadata generator keeps the line breaks of the wrapped JSDoc; Excel shows a function's and
// an argument's help as one paragraph in the formula autocomplete, so fold them into spaces.
class OneParagraphHelpPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.compilation.tap("OneParagraphHelpPlugin", (compilation) => {
      // Child compilations (the HTML template) hand their copy of functions.json to this one
      // before it is folded; folding theirs too would make two different functions.json.
      if (compilation.compiler.isChild()) return;
      compilation.hooks.processAssets.tap(
        { name: "OneParagraphHelpPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          if (!assets["functions.json"]) return;
          const metadata = JSON.parse(assets["functions.json"].source().toString());
          const fold = (text) => (typeof text === "string" ? text.replace(/\s*\n\s*/g, " ") : text);
          for (const f of metadata.functions) {
            f.description = fold(f.description);
            if (f.result) f.result.description = fold(f.result.description);
            for (const p of f.parameters) p.description = fold(p.description);
          }
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
        },
      );
    });
  }
}

async function devServerHttps() {
  // office-addin-dev-certs makes (once) and trusts a localhost certificate. Where it cannot trust
  // it (Linux: it needs sudo), serve with the certificate it made anyway and say how to trust it;
  // where there is none at all, fall back to http (Excel needs https; a browser preview does not).
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
    const file = (name) => path.join(dir, name);
    if (fs.existsSync(file("localhost.key")) && fs.existsSync(file("localhost.crt"))) {
      console.warn(
        `The localhost certificate is not trusted yet (${error.message}).\n` +
          `Trust ${file("ca.crt")} in your browser (or run "npx office-addin-dev-certs install" as an administrator) before sideloading into Excel.`,
      );
      return {
        type: "https",
        options: {
          ca: fs.readFileSync(file("ca.crt")),
          key: fs.readFileSync(file("localhost.key")),
          cert: fs.readFileSync(file("localhost.crt")),
        },
      };
    }
    console.warn(
      `No localhost certificate (${error.message}); serving over http, which Excel will not load.`,
    );
    return { type: "http" };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  // Only `webpack serve` needs the certificate: a build (npm run build, the build test, the
  // bench) must not make, replace or try to install one.
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTION_FILES,
      commands: "./src/commands/commands.ts",
    },
    ...typescriptBuild("dist"),
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTION_FILES, output: "functions.json" }),
      new OneParagraphHelpPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "commands", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_URL, PROD_URL)),
          },
        ],
      }),
    ],
    ...(serving && {
      devServer: {
        static: { directory: path.resolve(__dirname, "dist") },
        headers: { "Access-Control-Allow-Origin": "*" },
        server: await devServerHttps(),
        port: Number(process.env.PORT || 3000),
        hot: false,
        client: { overlay: { warnings: false } },
      },
    }),
  };
};
