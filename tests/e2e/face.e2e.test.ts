/**
 * The face analysis end to end in real Chromium with the production build: the fixture profiles' photos are served
 * at their Upwork profile-portraits URLs, the background fetches them (host permission), the offscreen document runs
 * face-api on the WASM backend, and the badge shows the face findings.
 */
import { describe, expect, it } from 'vitest';
import { ruleIds, withExtension } from './with-extension';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaceAnalyzeResult } from '../../lib/face/messages';
import { ROOT } from '../../lib/cli/harness';
import { defaultSettings } from '../../lib/settings/schema';

declare const chrome: {
  runtime: { getContexts(f: { contextTypes: string[] }): Promise<{ documentUrl?: string }[]>; sendMessage(m: object): Promise<unknown> };
  offscreen: { createDocument(o: object): Promise<void> };
  storage: { local: { set(v: object): Promise<void>; remove(k: string): Promise<void> } };
};

const ext = withExtension();
const byName = (name: string) => ext.byFile(`upwork/${name}.html`);

async function openAndWait(url: string) {
  // The first photo also loads the model into the offscreen document.
  const page = await ext.openProfile(url, 60_000);
  await page.locator('.vetter-pill').click();
  return page;
}

describe('face analysis in Chromium', () => {
  it('serves the fixture photos at their marketplace URLs', () => {
    expect(byName('face-ffhq-photo').photos?.[0]?.url).toMatch(/^https:\/\/www\.upwork\.com\/profile-portraits\//);
    expect(byName('face-logo-photo').photos?.[0]?.file).toBe('images/logo.png');
  });

  it('shows the StyleGAN-framing finding, with the eye positions and the overlay, on the FFHQ-aligned photo', async () => {
    const page = await openAndWait(byName('face-ffhq-photo').url);
    const finding = page.locator('.vetter-finding[data-rule-id="photo-synthetic"]');
    await finding.waitFor({ timeout: 10_000 });
    expect(await finding.textContent()).toContain('consistent with a StyleGAN-generated face');
    expect(await finding.textContent()).toMatch(/eyes at \(0\.3[6-9]\d, 0\.4[6-9]\d\) and \(0\.6[0-4]\d, 0\.4[6-9]\d\)/);
    // The overlay: the photo with the measured eye points and the FFHQ target circles.
    const overlay = finding.locator('.vetter-face-overlay');
    await overlay.waitFor();
    expect(await overlay.locator('[data-eye="left"]').count()).toBe(1);
    expect(await overlay.locator('[data-target]').count()).toBe(2);
    expect(await overlay.locator('image').getAttribute('href')).toBe(byName('face-ffhq-photo').photos![0]!.url);
    expect(await ruleIds(page)).not.toContain('photo-no-face');
    // The model ran in the offscreen document.
    const contexts = await ext.browser.worker.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
    expect(contexts.map((c) => c.documentUrl)).toEqual([expect.stringMatching(/\/offscreen\.html$/)]);
    await page.close();
  });

  it('says "no face" on the logo photo', async () => {
    const page = await openAndWait(byName('face-logo-photo').url);
    await page.locator('.vetter-finding[data-rule-id="photo-no-face"]').waitFor({ timeout: 10_000 });
    expect(await ruleIds(page)).not.toContain('photo-synthetic');
    // The face fixtures reuse the clean Upwork profile's text, so the history of this browser adds cross-profile
    // findings (text-template) to the level; the face rules' own part is what is checked here.
    expect((await ruleIds(page)).filter((r) => String(r).startsWith('photo-'))).toEqual(['photo-no-face']);
    await page.close();
  });

  it('runs the SIMD WASM build with the fast kernels in the offscreen document, warmed up, and answers with where the time went', async () => {
    const data = readFileSync(join(ROOT, 'tests/fixtures/images/astronaut.png')).toString('base64');
    const raw = await ext.browser.worker.evaluate(async (data) => {
      const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] });
      if (open.length === 0) await chrome.offscreen.createDocument({ url: 'offscreen.html', reasons: ['WORKERS'], justification: 'test' });
      return chrome.runtime.sendMessage({ type: 'vetter:face-analyze', target: 'offscreen', data, mime: 'image/png' });
    }, data);
    const res = FaceAnalyzeResult.parse(raw);
    if (!res.ok) throw new Error(res.error);
    expect(res.engine).toMatchObject({ backend: 'wasm', simd: true, threads: false, fastKernels: true });
    expect(res.engine!.warmUpMs).toBeGreaterThan(0);
    expect(res.analysis.faces).toHaveLength(1);
    const t = res.timings!;
    expect(t.detect).toBeGreaterThan(0);
    expect(t.descriptor).toBeGreaterThan(0);
    expect(t.recheck).toBe(0);
    expect(res.analysis.image).toEqual({ width: 512, height: 512 });
  });

  it('does not analyse photos when photo analysis is off in the settings', async () => {
    await ext.browser.worker.evaluate((s) => chrome.storage.local.set({ settings: s }), { ...defaultSettings(), photoAnalysis: false });
    try {
      const page = await openAndWait(byName('face-ffhq-photo').url);
      // No face rule runs without the analysis (cross-profile findings from this browser's history may remain).
      expect((await ruleIds(page)).filter((r) => ['photo-synthetic', 'photo-no-face', 'photo-same-person'].includes(String(r)))).toEqual([]);
      await page.close();
    } finally {
      await ext.browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
    }
  });
});
