/**
 * profile-mismatch end to end, in Chromium with the built extension: a LinkedIn profile is checked, then an Upwork
 * profile that links to it and gives another location, employers and school. Each is clean on its own; the Upwork
 * badge then shows profile-mismatch naming the LinkedIn profile and both locations.
 */
import { describe, expect, it } from 'vitest';
import { withExtension } from './with-extension';
import { checkHtml } from '../../lib/cli/check';

const ext = withExtension();
const { byFile } = ext;

const { openProfile } = ext;

describe('profile-mismatch in Chromium', () => {
  it('LinkedIn checked first, then the Upwork profile linking to it with another location: the badge shows profile-mismatch', async () => {
    const li = byFile('linkedin/cross-link-first.html');
    const up = byFile('upwork/cross-link-second.html');
    // Each on its own (a one-off check without history) has no flag.
    for (const f of [li, up]) expect(checkHtml(f.html, f.url).report.level).toBe('none');

    const p1 = await openProfile(li.url);
    expect(await p1.locator('.vetter-badge').getAttribute('data-level')).toBe('none');
    await p1.close();

    const p2 = await openProfile(up.url);
    await expect.poll(() => p2.locator('.vetter-badge').getAttribute('data-level')).toBe('high');
    // Three differences: the country (high), no employer (medium) and no school (low) in common.
    expect(await p2.locator('.vetter-badge').getAttribute('data-flags')).toBe('3');
    await p2.locator('.vetter-pill').click();
    const findings = p2.locator('.vetter-finding[data-rule-id="profile-mismatch"]');
    await findings.first().waitFor();
    const text = (await findings.allTextContents()).join('\n');
    expect(text).toContain('Another location on the linked LinkedIn profile');
    expect(text).toContain('"Daniel Kowalski" on LinkedIn (https://www.linkedin.com/in/daniel-kowalski-dev/)');
    expect(text).toContain('Kyiv, Kyiv City, Ukraine');
    expect(text).toContain('Austin, TX, US');
    expect(text).toContain('No employer in common with the linked LinkedIn profile');
    // The shortened name on Upwork ("Daniel K.") is the same person's name: no name finding.
    expect(text).not.toContain('Another name on the linked');
    await p2.close();
  });
});
