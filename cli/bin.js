#!/usr/bin/env node
// The `belarus-release` command: runs cli/main.ts through tsx (Node 20 cannot run TypeScript).
import process from 'node:process';
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
