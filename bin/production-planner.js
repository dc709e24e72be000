#!/usr/bin/env node
'use strict';
// The heap grows by at most 30% between full collections (V8 picks up to 4x): a regenerate of
// 100,000 tasks then peaks under 1 GB rather than 1.2 GB, for about 5% more time (docs/performance.md).
// V8 reads this factor at each collection, so setting it here, before any work, takes effect.
require('v8').setFlagsFromString('--heap-growing-percent=30');
// Built from src/cli by `npm install` (the prepare script) or `npm run build:lib`.
const cli = require('../lib/src/cli/main');
cli.exitQuietlyWhenOutputCloses();
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
