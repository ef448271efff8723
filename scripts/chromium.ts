import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The one place that finds a Chromium for the build's PDFs, the tests and the benchmark.
 * Order: the CHROMIUM_PATH variable, then a system Chromium or Chrome, then Playwright's own browser
 * (what `npx playwright install chromium` puts on a developer's machine).
 */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const HOW_TO_GET_CHROMIUM =
  'No Chromium found. Set CHROMIUM_PATH to a Chromium or Chrome binary, install one (Debian: apt-get install -y chromium), ' +
  'or run `npx playwright install chromium`.';

/** The path of a Chromium binary, or undefined when there is none. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const system = SYSTEM_BROWSERS.find((path) => existsSync(path));
  if (system) return system;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const own = chromium.executablePath();
    return existsSync(own) ? own : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Flags for a headless Chromium that works in containers and stays quiet: no sandbox when running as root
 * (Chromium refuses to start otherwise), and none of its calls home, which a closed network refuses at length.
 */
export const CHROMIUM_ARGS = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
];

/** Launch options for Playwright's chromium.launch(); throws with how to get a browser when there is none. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  return { executablePath, args: CHROMIUM_ARGS };
}
