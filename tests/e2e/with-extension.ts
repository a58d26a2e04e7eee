/**
 * The setup the e2e files share: the fixture pages served at their real URLs and Chromium with the built extension,
 * started before a file's tests and closed after them (lib/cli/harness.ts does the work).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchWithExtension, loadFixtures, startFixtureServer, type FixtureServer, type Launched } from '../../lib/cli/harness';

export interface ExtensionEnv {
  fixtures: ReturnType<typeof loadFixtures>;
  /** The fixture at `file` (e.g. 'upwork/clean.html'). */
  byFile(file: string): ReturnType<typeof loadFixtures>[number];
  /** Set in beforeAll. */
  readonly server: FixtureServer;
  /** Set in beforeAll. */
  readonly browser: Launched;
  /** Opens `url` in a new tab (HTTP 200) and waits for the badge to show a level (`timeout` ms; the face model's first load is slow). */
  openProfile(url: string, timeout?: number): Promise<Page>;
}

export function withExtension(opts: Omit<Parameters<typeof launchWithExtension>[0], 'server'> = {}): ExtensionEnv {
  const fixtures = loadFixtures();
  let server: FixtureServer | undefined;
  let browser: Launched | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(fixtures);
    browser = await launchWithExtension({ server, ...opts });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const env: ExtensionEnv = {
    fixtures,
    byFile: (file) => fixtures.find((f) => f.file === file)!,
    get server() {
      if (!server) throw new Error('The fixture server starts in beforeAll.');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll.');
      return browser;
    },
    async openProfile(url, timeout = 20_000) {
      const page = await env.browser.context.newPage();
      expect((await page.goto(url))?.status()).toBe(200);
      await page.locator('.vetter-badge:not([data-level="pending"])').waitFor({ timeout });
      return page;
    },
  };
  return env;
}

/** The rule ids of the findings in the open details panel. */
export const ruleIds = (page: Page) => page.locator('.vetter-finding').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule-id')));
