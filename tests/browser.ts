/** How the tests launch Chromium; tests/ensure-browser.sh makes sure there is one. */
import { existsSync } from 'node:fs';

/** Debian's Chromium, or the one CHROMIUM_PATH names. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without these, Chromium keeps trying to reach Google's hosts, which this machine refuses. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright launch options: our Chromium where it exists, else Playwright's own download. */
export const CHROMIUM_LAUNCH = { ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}), args: ARGS };
