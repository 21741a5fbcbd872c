// Builds the add-in: the task pane (React) and the custom functions (functions.json generated from
// their JSDoc by custom-functions-metadata-plugin). With the shared runtime, both run in one page,
// taskpane.html, which also sets up the add-in's start (src/taskpane/index.tsx).
const fs = require("fs");
const path = require("path");
const { typescriptBuild } = require("./scripts/webpack-common");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { functionFiles } = require("./scripts/function-files");

const { helpPage } = require("./scripts/help-page");

// manifest.xml points at localhost for development; a release build rewrites it to the address
// the add-in is served from, which the person releasing must give (PROD_ADDIN_URL).
const DEV_URL = "https://localhost:3000/";

/**
 * The release host from PROD_ADDIN_URL, with a trailing slash. There is no default: a manifest
 * pointing at a made-up host installs and then shows a blank pane, so a release build without a
 * real https address is refused with the reason and what to run instead.
 */
function releaseUrl(value) {
  const example = "PROD_ADDIN_URL=https://addins.your-studio.com/prod/ npm run build";
  if (!value) {
    throw new Error(
      `A release build needs the https address PROD will be served from: ${example}. ` +
        "For a build that runs from this machine (https://localhost:3000), use npm run build:dev.",
    );
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PROD_ADDIN_URL "${value}" is not a web address; for example ${example}.`);
  }
  if (url.protocol !== "https:")
    throw new Error(`PROD_ADDIN_URL must be https (Excel loads add-ins only over https), got "${value}".`);
  if (["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new Error(
      `PROD_ADDIN_URL "${value}" is this machine: use npm run build:dev for a localhost build.`,
    );
  }
  if (url.search || url.hash)
    throw new Error(`PROD_ADDIN_URL must be a folder address, without ? or #, got "${value}".`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
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
  const host = dev ? DEV_URL : releaseUrl(process.env.PROD_ADDIN_URL);
  // Only `webpack serve` needs the certificate: a build (npm run build, the build test, the
  // bench) must not make, replace or try to install one.
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: FUNCTION_FILES,
    },
    ...typescriptBuild("dist"),
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTION_FILES, output: "functions.json" }),
      new OneParagraphHelpPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString().replaceAll(DEV_URL, host),
          },
          { from: "README.md", to: "help.html", transform: (content) => helpPage(content.toString()) },
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
