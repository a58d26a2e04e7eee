import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '@/entrypoints/background';
import { analyze } from '@/lib/engine';
import { AnnotationsResult } from '@/lib/messages';
import { defaultSettings } from '@/lib/settings/schema';
import { saveSettings } from '@/lib/settings/store';
import { parseSettingsFile, settingsFile } from '@/lib/settings/io';
import { checkTab, handleUiMessage, READER_FILE, runOptions } from '@/lib/ui-background';
import { extractFixture, NOW } from './helpers';
import { installCatalogue } from './ui-helpers';

const me = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  installCatalogue('en');
});

describe('settings reach the engine', () => {
  it('runOptions turns rule settings into disabled ids and severity overrides', () => {
    const s = { ...defaultSettings(), rules: { 'emp-front': { enabled: false, severity: null }, 'pay-crypto': { enabled: true, severity: 'high' as const } } };
    const o = runOptions(s);
    expect([...o.disabled!]).toEqual(['emp-front']);
    expect([...o.severity!]).toEqual([['pay-crypto', 'high']]);
  });

  it('the background analysis honours them and sets the toolbar badge of the sending tab', async () => {
    const setText = vi.spyOn(browser.action, 'setBadgeText');
    await saveSettings({ ...defaultSettings(), rules: { 'emp-front': { enabled: false, severity: null }, 'pay-crypto': { enabled: true, severity: 'low' } } });
    const res = await handleMessage({ type: 'vetter:analyze', profile: extractFixture('full-flagged') }, { ...me(), tab: { id: 7 } })!;
    if (!res.ok) throw new Error(res.error);
    const ids = res.report.findings.map((f) => f.ruleId);
    expect(ids).not.toContain('emp-front');
    expect(res.report.findings.find((f) => f.ruleId === 'pay-crypto')!.severity).toBe('low');
    expect(setText).toHaveBeenCalledWith({ tabId: 7, text: { none: 'OK', low: 'LOW', medium: 'MED', high: 'HIGH' }[res.report.level] });
  });
});

describe('checkTab (popup, context menu and shortcut)', () => {
  it('uses the content script when the tab has one', async () => {
    const profile = extractFixture('clean');
    const report = analyze(profile, { now: NOW });
    const send = vi.spyOn(browser.tabs, 'sendMessage').mockResolvedValue({ ok: true, profile, report } as never);
    const exec = vi.spyOn(browser.scripting, 'executeScript');
    const res = await checkTab(3);
    expect(res).toEqual({ ok: true, profile, report });
    expect(send).toHaveBeenCalledWith(3, { type: 'vetter:check' });
    expect(exec).not.toHaveBeenCalled();
  });

  it('injects the reader into other pages and analyses what it returns', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const exec = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: extractFixture('full-flagged') }] as never);
    const setText = vi.spyOn(browser.action, 'setBadgeText');
    const res = await checkTab(5);
    expect(exec).toHaveBeenCalledWith({ target: { tabId: 5 }, files: [READER_FILE] });
    if (!res.ok) throw new Error(res.error);
    expect(res.report.level).toBe('high');
    expect(setText).toHaveBeenCalledWith({ tabId: 5, text: 'HIGH' });
  });

  it('remembers the last result per tab for the popup, without checking again', async () => {
    expect(await handleUiMessage({ type: 'vetter:check-tab', tabId: 9, last: true }, me())).toBeUndefined();
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const exec = vi.spyOn(browser.scripting, 'executeScript').mockResolvedValue([{ frameId: 0, result: extractFixture('full-flagged') }] as never);
    const first = await handleUiMessage({ type: 'vetter:check-tab', tabId: 9 }, me());
    expect(exec).toHaveBeenCalledTimes(1);
    expect(await handleUiMessage({ type: 'vetter:check-tab', tabId: 9, last: true }, me())).toEqual(first);
    expect(exec).toHaveBeenCalledTimes(1);
    expect(await handleUiMessage({ type: 'vetter:check-tab', tabId: 10, last: true }, me())).toBeUndefined();
  });

  it('explains when the page cannot be read or holds no profile', async () => {
    vi.spyOn(browser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    vi.spyOn(browser.scripting, 'executeScript').mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const a = await checkTab(5);
    expect(a).toEqual({ ok: false, error: expect.stringContaining('not a supported profile page, and Vetter could not read it (Cannot access contents of the page)') });
    vi.spyOn(browser.scripting, 'executeScript').mockResolvedValueOnce([{ frameId: 0, result: { not: 'a profile' } }] as never);
    const b = await checkTab(5);
    expect(b.ok).toBe(false);
  });
});

describe('dismissals and verification', () => {
  const key = 'upwork:~01abc';
  const dismissal = { ruleId: 'photo-missing', title: 'Default avatar instead of a photo', note: 'seen on video', at: '2026-11-20T10:00:00.000Z' };
  const send = async (m: object) => AnnotationsResult.parse(await handleUiMessage(m, me()));

  it('stores, lists, replaces and removes dismissals per profile', async () => {
    expect(await send({ type: 'vetter:annotations', key })).toEqual({ ok: true, annotations: { dismissals: [], verified: null } });
    await send({ type: 'vetter:dismiss', key, dismissal });
    await send({ type: 'vetter:dismiss', key, dismissal: { ...dismissal, note: 'updated' } });
    const got = await send({ type: 'vetter:annotations', key });
    expect(got.ok && got.annotations.dismissals).toEqual([{ ...dismissal, note: 'updated' }]);
    expect(await send({ type: 'vetter:annotations', key: 'other' })).toMatchObject({ annotations: { dismissals: [] } });
    await send({ type: 'vetter:undismiss', key, ruleId: dismissal.ruleId, title: dismissal.title });
    expect(await send({ type: 'vetter:annotations', key })).toMatchObject({ annotations: { dismissals: [] } });
  });

  it('marks and unmarks verified', async () => {
    const v = { note: 'ID call', at: '2026-11-21T00:00:00.000Z' };
    expect(await send({ type: 'vetter:verify', key, verified: v })).toMatchObject({ annotations: { verified: v } });
    expect(await send({ type: 'vetter:annotations', key })).toMatchObject({ annotations: { verified: v } });
    await send({ type: 'vetter:verify', key, verified: null });
    expect(await send({ type: 'vetter:annotations', key })).toMatchObject({ annotations: { verified: null } });
  });

  it('refuses invalid messages and other senders; an invalid stored value is reported and left as it is', async () => {
    expect(handleUiMessage({ type: 'vetter:dismiss', key, dismissal: { ...dismissal, at: 'yesterday' } }, me())).toBeUndefined();
    expect(handleUiMessage({ type: 'vetter:annotations', key }, { id: 'another-extension' })).toBeUndefined();
    await browser.storage.local.set({ [`dismissals:${key}`]: [{ ruleId: '' }] });
    const res = await send({ type: 'vetter:dismiss', key, dismissal });
    expect(res.ok).toBe(false);
    expect((await browser.storage.local.get(`dismissals:${key}`))[`dismissals:${key}`]).toEqual([{ ruleId: '' }]);
  });
});

describe('settings files', () => {
  it('round-trips an export', () => {
    const s = { ...defaultSettings(), historyDays: 30, autoCheck: { upwork: false } };
    expect(parseSettingsFile(settingsFile(s))).toEqual({ ok: true, settings: s });
  });

  it('refuses with a reason: not JSON, wrong values', () => {
    expect(parseSettingsFile('{oops')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    const r = parseSettingsFile(JSON.stringify({ ...defaultSettings(), historyDays: -3 }));
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('historyDays') });
    expect(parseSettingsFile(JSON.stringify({ ...defaultSettings(), rules: { x: { enabled: 'yes', severity: null } } }))).toMatchObject({ ok: false });
  });
});
