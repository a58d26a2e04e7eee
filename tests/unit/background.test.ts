import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background';
import { AnalyzeResult } from '@/lib/messages';
import { Report } from '@/lib/report/schema';
import { extractFixture, makeProfile } from './helpers';

/** A content script on a supported profile page, as runtime.onMessage describes it. */
const fromPage = (id: string, url = 'https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1') => ({ id, url, tab: { id: 7, url } });

describe('background handleMessage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('the fake browser gives the extension an id', () => {
    expect(typeof browser.runtime.id).toBe('string');
    expect(browser.runtime.id.length).toBeGreaterThan(0);
  });

  it('answers an analyze message from this extension with {ok: true, report}', async () => {
    const profile = extractFixture('full-flagged');
    const res = handleMessage({ type: 'vetter:analyze', profile }, fromPage(browser.runtime.id, profile.source.url));
    expect(res).toBeInstanceOf(Promise);
    const result = await res!;
    expect(AnalyzeResult.safeParse(result).success).toBe(true);
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error(result.error);
    expect(Report.safeParse(result.report).success).toBe(true);
    expect(result.report.level).toBe('high');
    expect(result.report.source).toEqual(profile.source);
    expect(result.report.findings.map((f) => f.ruleId).sort()).toEqual(['photo-missing', 'edu-asia-emp-west', 'emp-front', 'lang-korean', 'pay-crypto', 'pay-third-party', 'pay-advance', 'off-platform'].sort());
  });

  it('a clean minimal profile gets level none', async () => {
    const result = await handleMessage({ type: 'vetter:analyze', profile: makeProfile() }, fromPage(browser.runtime.id))!;
    expect(result).toMatchObject({ ok: true, report: { level: 'none', findings: [] } });
  });

  it('ignores messages from another sender id', () => {
    const msg = { type: 'vetter:analyze', profile: makeProfile() };
    expect(handleMessage(msg, { id: 'some-other-extension-id' })).toBeUndefined();
    expect(handleMessage(msg, {})).toBeUndefined();
  });

  it('follows the current runtime id', () => {
    const msg = { type: 'vetter:analyze', profile: makeProfile() };
    const original = browser.runtime.id;
    fakeBrowser.runtime.id = 'changed-id';
    expect(handleMessage(msg, fromPage(original))).toBeUndefined();
    expect(handleMessage(msg, fromPage('changed-id'))).toBeInstanceOf(Promise);
  });

  it('ignores an invalid profile', () => {
    const bad = { ...makeProfile(), education: [{ school: 'X' }] };
    expect(handleMessage({ type: 'vetter:analyze', profile: bad }, { id: browser.runtime.id })).toBeUndefined();
    expect(handleMessage({ type: 'vetter:analyze', profile: null }, { id: browser.runtime.id })).toBeUndefined();
    expect(handleMessage({ type: 'vetter:analyze' }, { id: browser.runtime.id })).toBeUndefined();
  });

  it('ignores other and malformed messages', () => {
    const id = browser.runtime.id;
    expect(handleMessage({ type: 'vetter:check' }, { id })).toBeUndefined();
    expect(handleMessage({ type: 'something-else', profile: makeProfile() }, { id })).toBeUndefined();
    expect(handleMessage('vetter:analyze', { id })).toBeUndefined();
    expect(handleMessage(null, { id })).toBeUndefined();
  });
});
