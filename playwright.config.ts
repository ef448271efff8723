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
    { name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() }, testIgnore: ['reproducible.spec.ts', 'publish-build.spec.ts'] },
    // A second full build, compared with the first: it runs after the browser tests, so its minute of both
    // cores does not slow the pages those tests are timing their waits on.
    { name: 'second build', testMatch: 'reproducible.spec.ts', dependencies: ['chromium'] },
    // A build for publishing (SITE_URL set, PUBLISH=1), after the second build so two builds never share the cores.
    { name: 'publish build', testMatch: 'publish-build.spec.ts', dependencies: ['second build'] },
  ],
  webServer: {
    command: `node scripts/serve.ts ${process.env.OUT_DIR ?? 'dist'} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
