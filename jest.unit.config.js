/**
 * `npm run test:unit`: the tests that need neither LibreOffice and poppler (tests/render) nor
 * Chromium (tests/e2e), less the add-in's production build (tests/addin/build.test.ts): a full
 * webpack run of the task pane, minutes on a small machine, which tests/e2e repeats and which tests
 * the bundle rather than any unit. `npm test` runs everything (jest.config.js).
 */
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/tests/render/',
    '<rootDir>/tests/e2e/',
    '<rootDir>/tests/addin/build\\.test\\.ts$',
  ],
};
