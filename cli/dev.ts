/**
 * `npm start`: seeds the local store from data/releases/ (cli/seed.ts), then runs `wrangler dev`
 * and, while it runs, announces it in the store's folder (cli/dev-server.ts), so that local CLI
 * commands go through it instead of opening the store themselves. Arguments go to wrangler dev.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { announce } from './dev-server';
import { wranglerSettings } from './local-store';
import { seed } from './seed';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return i === -1 ? undefined : args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
};
// wrangler dev keeps its store in <--persist-to>/v3 (default .wrangler/state/v3): the folder the
// CLI opens, and where the announcement goes.
const persistTo = resolve(option('persist-to') ?? '.wrangler/state', 'v3');
// Where the server reads its admin token: the --env-file files when given, else .dev.vars.
const envFiles = args.flatMap((a, i) =>
  a === '--env-file' ? [args[i + 1]!] : a.startsWith('--env-file=') ? [a.slice(11)] : [],
);
const dev = new URL(wranglerSettings().devOrigin);
const origin = `http://${option('ip') ?? dev.hostname}:${option('port') ?? dev.port}`;

await seed(persistTo);
const wrangler = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));
// The server's own origin is its public origin (worker/origin.ts), so that its pages link to it;
// a --var PUBLIC_ORIGIN:… among the arguments comes later and wins.
const child = spawn(process.execPath, [wrangler, 'dev', '--var', `PUBLIC_ORIGIN:${origin}`, ...args], {
  stdio: 'inherit',
});
const withdraw = await announce(
  persistTo,
  origin,
  (envFiles.length > 0 ? envFiles : ['.dev.vars']).map((f) => resolve(f)),
);
// Ctrl-C reaches wrangler too (same process group); a signal sent to this process alone is
// passed on. Either way this process waits for wrangler to finish before it takes back the
// announcement and exits with wrangler's status.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', async (code, signal) => {
  await withdraw();
  process.exit(code ?? (signal ? 1 : 0));
});
