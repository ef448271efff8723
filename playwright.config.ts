import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.ts';

// The tests run against the built site (npm run build), served as a static host would serve it.
// OUT_DIR picks another build folder; PORT another port.
const port = Number(process.env.PORT ?? 4321);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromiumLaunchOptions(),
    // Recording a trace for every test costs a quarter of the suite's CPU on two cores, which is what makes
    // a busy machine busier. A failure keeps its screenshot and its page snapshot (error-context.md); to see
    // a failing test step by step, run it again with `npx playwright test <file> --trace on`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    // A second full build, compared with the first. It starts first, beside the browser tests (which wait on
    // conditions, never on time, so a busy machine slows them and fails none), rather than after them with
    // one core idle.
    { name: 'second build', testMatch: 'reproducible.spec.ts' },
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() }, testIgnore: ['reproducible.spec.ts', 'publish-build.spec.ts'] },
    // A build for publishing (SITE_URL set, PUBLISH=1), after the second build: two builds at once would
    // share .astro/ and clear each other's staging folders.
    { name: 'publish build', testMatch: 'publish-build.spec.ts', dependencies: ['second build'] },
  ],
  webServer: {
    command: `node scripts/serve.ts ${process.env.OUT_DIR ?? 'dist'} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
