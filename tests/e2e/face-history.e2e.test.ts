/**
 * The face model and the history together, in Chromium with the e2e build: one person's photo on Upwork under one
 * name, then the FFHQ-aligned crop of the same photo on Fiverr under another name. The photo hashes differ (a
 * different framing, so no photo-reused), but the face descriptors stored in the history are close: the second
 * badge shows photo-same-person naming the first profile. Photos are served at the marketplaces' image hosts.
 */
import { describe, expect, it } from 'vitest';
import { ruleIds, withExtension } from './with-extension';
import { checkHtml } from '../../lib/cli/check';

const ext = withExtension();
const { byFile } = ext;
const FIRST = 'upwork/cross-face-first.html';
const SECOND = 'fiverr/cross-face-second.html';

// The first photo also loads the face model into the offscreen document.
const openProfile = (url: string) => ext.openProfile(url, 60_000);

describe('the same face under another name, in Chromium', () => {
  it('the pair: two sites, two names, two different image files of one face; each clean in a one-off check', () => {
    const a = byFile(FIRST);
    const b = byFile(SECOND);
    expect(a.photos![0]!.file).toBe('images/astronaut.png');
    expect(b.photos![0]!.file).toBe('images/astronaut_ffhq_aligned.png');
    expect(new URL(a.photos![0]!.url).hostname).not.toBe(new URL(b.photos![0]!.url).hostname);
    for (const f of [a, b]) expect(checkHtml(f.html, f.url).report.level).toBe('none');
  });

  it('the second profile shows photo-same-person naming the first, and not photo-reused', async () => {
    const first = byFile(FIRST);
    const p1 = await openProfile(first.url);
    await p1.locator('.vetter-pill').click();
    expect(await ruleIds(p1)).not.toContain('photo-same-person');
    await p1.close();
    const p2 = await openProfile(byFile(SECOND).url);
    await p2.locator('.vetter-pill').click();
    const finding = p2.locator('.vetter-finding[data-rule-id="photo-same-person"]');
    await finding.waitFor({ timeout: 10_000 });
    const text = (await finding.textContent()) ?? '';
    expect(text).toContain('Olivia B.');
    expect(text).toContain(first.url);
    expect(text).toMatch(/face distance 0\.[0-5]\d/);
    expect(await ruleIds(p2)).not.toContain('photo-reused');
    await p2.close();
  });
});
