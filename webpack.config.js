/*
 * Builds the Excel add-in into dist/ (or wherever --output-path says):
 *   taskpane.html   the one page of the shared runtime; loads office.js from Microsoft's CDN
 *   taskpane.js     one bundle for the task pane, the ribbon command and the PROD custom functions
 *   functions.json  the custom functions' metadata, generated from the JSDoc tags in FUNCTIONS_SOURCE
 *   assets/, manifest.xml  copied as they are
 * `webpack serve` adds the https dev server on port 3000 with the certificates of
 * office-addin-dev-certs; a plain build needs neither certificates nor the network.
 */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

/** The PROD custom functions (`@customfunction` JSDoc tags): in the bundle, and the source of functions.json. */
const FUNCTIONS_SOURCE = path.resolve(__dirname, 'src/functions/functions.ts');
/** The origin every URL in manifest.xml names. */
const DEV_SERVER_PORT = 3000;

async function httpsOptions() {
  // Only for `webpack serve`: creates and trusts the localhost certificates on first use (it may ask).
  const devCerts = require('office-addin-dev-certs');
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const development = argv.mode === 'development';
  const serve = Boolean(env.WEBPACK_SERVE);
  const withFunctions = fs.existsSync(FUNCTIONS_SOURCE);
  if (!withFunctions) {
    console.warn(
      `webpack.config.js: ${path.relative(__dirname, FUNCTIONS_SOURCE)} not found; building without the PROD custom functions (no functions.json).`,
    );
  }

  return {
    context: __dirname,
    mode: development ? 'development' : 'production',
    devtool: development ? 'source-map' : false,
    // The functions file is named here as well as wherever the pane imports it, so that the
    // registrations the metadata plugin appends to it are always in the bundle (webpack includes a module once).
    entry: { taskpane: ['./src/taskpane/index.tsx', ...(withFunctions ? [FUNCTIONS_SOURCE] : [])] },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { configFile: path.resolve(__dirname, 'src/taskpane/tsconfig.json') } },
        },
        { test: /\.png$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
      ],
    },
    plugins: [
      ...(withFunctions
        ? [new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: 'functions.json' })]
        : []),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: serve
      ? {
          port: DEV_SERVER_PORT,
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
        }
      : undefined,
  };
};

module.exports.FUNCTIONS_SOURCE = FUNCTIONS_SOURCE;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
