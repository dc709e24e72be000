/* Builds the add-in into dist/: the task pane page and its bundle, with the icons. */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (env, argv) => ({
  mode: argv.mode === 'development' ? 'development' : 'production',
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: { taskpane: './src/taskpane/index.tsx' },
  output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: path.resolve(__dirname, 'src/taskpane/tsconfig.json') } } },
      { test: /\.png$/, type: 'asset/resource', generator: { filename: 'assets/[name][ext]' } },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
    {
      // Copies assets/ as they are, so the manifest's icon URLs resolve.
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('CopyAssets', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'CopyAssets', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
            const fs = require('fs');
            for (const f of fs.readdirSync(path.resolve(__dirname, 'assets'))) {
              compilation.emitAsset(`assets/${f}`, new compiler.webpack.sources.RawSource(fs.readFileSync(path.resolve(__dirname, 'assets', f))));
            }
          });
        });
      },
    },
  ],
  performance: { hints: false },
});
