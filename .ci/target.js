// Which worker an environment of wrangler.toml deploys, and whether it can be deployed yet:
//   node .ci/target.js staging [config]
// Prints the environment's public origin (PUBLIC_ORIGIN), which the smoke check then reads.
// Exits 1, naming each field, while the environment still holds a PLACEHOLDER (README,
// Deployment, says how to fill them in once) or misses its KV namespace or origin.
import console from 'node:console';
import process from 'node:process';
import { unstable_readConfig } from 'wrangler';

const [env, config = 'wrangler.toml'] = process.argv.slice(2);
if (!env) {
  console.error('usage: node .ci/target.js staging|production [wrangler.toml]');
  process.exit(2);
}
let settings;
try {
  settings = unstable_readConfig({ config, env });
} catch (error) {
  // An environment wrangler.toml does not have: wrangler's own message names the ones it has.
  console.error(`✘ ERROR: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
const fields = {
  [`[[env.${env}.kv_namespaces]] RELEASES id`]: settings.kv_namespaces.find((kv) => kv.binding === 'RELEASES')?.id,
  [`[env.${env}.vars] PUBLIC_ORIGIN`]: settings.vars.PUBLIC_ORIGIN,
};
const unset = Object.entries(fields).filter(([, value]) => typeof value !== 'string' || /PLACEHOLDER/.test(value));
if (unset.length > 0) {
  console.error(`✘ ERROR: ${config} cannot deploy the environment "${env}" yet:`);
  for (const [field, value] of unset)
    console.error(`  ${field} is ${value === undefined ? 'missing' : JSON.stringify(value)}`);
  console.error(
    `Create its KV namespace once with \`npx wrangler kv namespace create RELEASES --env ${env}\`, put the id and ` +
      'the origin readers will use in wrangler.toml, and commit (README, Deployment).',
  );
  process.exit(1);
}
console.log(settings.vars.PUBLIC_ORIGIN);
