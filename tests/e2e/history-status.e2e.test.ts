/**
 * The page-load check answers before its save (issue 8); when the save then fails, the background tells the tab with
 * 'vetter:history-status' (entrypoints/background.ts replyBeforeSave). In Chromium with the built extension: the
 * badge's details panel shows a follow-up sent from the service worker for this profile, and ignores one for another
 * profile or one that is not a history status.
 */
import { describe, expect, it } from 'vitest';
import { withExtension } from './with-extension';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

const ext = withExtension();
const profile = ext.byFile('upwork/full-flagged.html');

describe("the background's follow-up on the history", () => {
  it('the details panel shows a failed save told after the answer, only for its own profile', async () => {
    const page = await ext.browser.context.newPage();
    await page.goto(profile.url);
    await page.locator('.vetter-badge:not([data-level="pending"])').waitFor({ timeout: 20_000 });
    await page.locator('.vetter-pill').click();
    await page.locator('#vetter-details').waitFor({ timeout: 5_000 });
    // Saved normally: no note.
    expect(await page.locator('#vetter-details .vetter-history-note').count()).toBe(0);
    const send = (status: object, type = 'vetter:history-status') =>
      ext.browser.worker.evaluate(
        async ([url, message]) => {
          const [tab] = await chrome.tabs.query({ url: url as string });
          await chrome.tabs.sendMessage(tab!.id!, message).catch(() => undefined);
        },
        [profile.url, { type, status }] as const,
      );
    const at = new Date().toISOString();
    const message = 'This check was not saved in the history (disk full).';
    // Another profile's status, and a message of another type: nothing shown.
    await send({ state: 'failed', message, key: 'upwork:~0someoneelse', at });
    await send({ state: 'failed', message, key: 'upwork:~01f3a9c2b7d4e5a6b1', at }, 'vetter:something');
    await page.waitForTimeout(300);
    expect(await page.locator('#vetter-details .vetter-history-note').count()).toBe(0);
    // This profile's.
    await send({ state: 'failed', message, key: 'upwork:~01f3a9c2b7d4e5a6b1', at });
    const note = page.locator('#vetter-details .vetter-history-note');
    await note.waitFor({ timeout: 5_000 });
    expect(await note.textContent()).toBe(message);
    await page.close();
  });
});
