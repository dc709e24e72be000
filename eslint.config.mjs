// ESLint flat config: typescript-eslint's recommended rules over the code, tests, bench and scripts,
// and the layer rule (lint/layers.mjs) that keeps the architecture. Formatting is Prettier's job.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layersPlugin from './lint/layers.mjs';

/** Who may import whom (README: Architecture). Paths are from the repository root. */
const layers = [
  // Pure TypeScript: no host, no surface, no package (Node, ExcelJS, JSZip, Office.js, React).
  { name: 'The core', dir: 'src/core', mayImport: ['src/core'], packages: false },
  // Host adapters (ExcelJS, Office.js, JSON): the core and packages, no surface.
  { name: 'The workbook hosts', dir: 'src/workbook', mayImport: ['src/core', 'src/workbook'] },
  // Surfaces reach each other only through src/commands.
  { name: 'The commands', dir: 'src/commands', mayImport: ['src/core', 'src/workbook', 'src/commands'] },
  ...['src/cli', 'src/taskpane', 'src/functions'].map((dir) => ({
    name: `The ${dir.slice(4)} surface`,
    dir,
    mayImport: ['src/core', 'src/workbook', 'src/commands', dir],
  })),
];

export default defineConfig(
  {
    // node_modules is ignored by default.
    ignores: ['lib/', 'dist/', 'out/', 'coverage/', '.bench/', 'examples/'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // Deliberately unused names start with `_` (as tsc's noUnusedParameters accepts); rest siblings drop keys.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Jest tests require() a module after jest.mock(), or to spy on the CommonJS object it exports.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain JavaScript run by Node as CommonJS: config files, bin/, the tests' preload.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/layers': ['error', { root: import.meta.dirname, layers }] },
  },
  {
    // The core reaches no host through globals either (tsconfig's types make them visible everywhere).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension', 'OfficeRuntime', 'CustomFunctions'].map((name) => ({
          name,
          message: 'The core is host-free: Office.js belongs in src/workbook or a surface.',
        })),
        ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: 'The core is pure TypeScript: Node belongs in src/workbook or src/cli.',
        })),
        ...['window', 'document', 'localStorage', 'fetch'].map((name) => ({
          name,
          message: 'The core is pure TypeScript: the browser belongs in src/taskpane.',
        })),
      ],
    },
  },
);
