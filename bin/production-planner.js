#!/usr/bin/env node
'use strict';
// Built from src/cli by `npm install` (the prepare script) or `npm run build:lib`.
const cli = require('../lib/src/cli/main');
cli.exitQuietlyWhenOutputCloses();
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
