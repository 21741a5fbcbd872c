// What the add-in build (webpack.config.js) and the preview build (webpack.preview.config.js)
// share: TypeScript through ts-loader (transpile only: type checking is `npm run typecheck`),
// named entry files and hashed lazy chunks in one output folder.
const path = require("path");

/** The output, resolution and loader settings of a PROD build writing into `outDir`. */
function typescriptBuild(outDir) {
  return {
    output: {
      path: path.resolve(__dirname, "..", outDir),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
  };
}

module.exports = { typescriptBuild };
