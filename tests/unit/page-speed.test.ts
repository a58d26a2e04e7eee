/**
 * The page-speed changes (issue 8): the content script sends the profile unchecked and before reading the settings,
 * the background checks both; the content script checks the background's replies by hand (no zod in the page); the
 * extractors' country lookup skips text longer than any country name.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import countries from 'i18n-iso-countries';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, savesSettled, type BackgroundDeps } from '@/entrypoints/background';
import { analyzeReply, annotationsReply, isCheckRequest, isReport } from '@/entrypoints/content/replies';
import { analyze } from '@/lib/engine';
import { TEXT_NODE_CAP, visibleText } from '@/lib/extractors/dom';
import { COUNTRY_TEXT_MAX, countryAliasNames, parseLocation, toCountryCode } from '@/lib/extractors/parse';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { AnalyzeResult } from '@/lib/messages';
import { checkProfile } from '@/lib/profile/check';
import { checkProfile as pageCheckProfile } from '@/lib/profile/check-page';
import { Profile } from '@/lib/profile/schema';
import { Report } from '@/lib/report/schema';
import { defaultSettings, type Settings } from '@/lib/settings/schema';
import { extractFixture, makeProfile, NOW } from './helpers';

let store: HistoryStoreExt;
let settings: Settings;
let deps: BackgroundDeps;
beforeEach(async () => {
  fakeBrowser.reset();
  store = await openHistory(new IDBFactory());
  settings = defaultSettings();
  deps = { openStore: async () => store, photo: vi.fn(async () => Promise.reject(new Error('no photos here'))), settings: async () => settings, now: () => NOW };
});
const contentScript = () => ({ id: browser.runtime.id, url: 'https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1', tab: { id: 3, url: 'https://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1' } });

describe('background: the page-load check (auto) and unchecked profiles', () => {
  it('answers autoCheckOff, analysing and storing nothing, when the automatic check is off for the site', async () => {
    settings = { ...settings, autoCheck: { ...settings.autoCheck, upwork: false } };
    const p = extractFixture('full-flagged');
    const res = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: p, auto: true, unchecked: true }, contentScript(), deps));
    expect(res).toMatchObject({ ok: false, autoCheckOff: true });
    expect(await store.get('upwork:~01f3a9c2b7d4e5a6b1')).toBeNull();
    // The same profile from the toolbar's check (no `auto`) is analysed.
    const asked = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: p, unchecked: true }, contentScript(), deps));
    expect(asked.ok && asked.report.level).toBe('high');
  });

  it('analyses the page-load check when the automatic check is on (the default for site extractors)', async () => {
    const res = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: extractFixture('full-flagged'), auto: true, unchecked: true }, contentScript(), deps));
    expect(res.ok).toBe(true);
    await savesSettled(); // the page-load check answers before its save
    expect(await store.get('upwork:~01f3a9c2b7d4e5a6b1')).not.toBeNull();
  });

  it('checks an unchecked profile: an invalid field is dropped and recorded missing, and the checked profile comes back', async () => {
    const bad = { ...makeProfile(), education: [{ school: 'X' }], photo: { url: 'not a url', alt: null } };
    expect(handleMessage({ type: 'vetter:analyze', profile: bad }, contentScript(), deps)).toBeUndefined(); // strict without `unchecked`
    const res = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: bad, unchecked: true }, contentScript(), deps));
    if (!res.ok) throw new Error(res.error);
    expect(res.profile?.education).toEqual([]);
    expect(res.profile?.photo).toBeNull();
    expect(res.profile?.missing).toEqual(expect.arrayContaining(['education', 'photo']));
    expect(res.report.missing).toEqual(expect.arrayContaining(['education', 'photo']));
  });

  it('refuses an unchecked message whose source cannot be repaired', () => {
    const p = makeProfile();
    const bad = { ...p, source: { ...p.source, url: 'javascript:alert(1)' } };
    expect(handleMessage({ type: 'vetter:analyze', profile: bad, unchecked: true }, contentScript(), deps)).toBeUndefined();
    expect(handleMessage({ type: 'vetter:analyze', profile: 'nope', unchecked: true }, contentScript(), deps)).toBeUndefined();
  });
});

describe('checkProfile (lib/profile/check.ts) and its page stand-in', () => {
  it('returns a valid profile unchanged, and repairs like the builder did (provenance of dropped fields removed)', () => {
    const p = extractFixture('full-flagged');
    expect(checkProfile(p as unknown as Record<string, unknown>)).toEqual(p);
    const dropped: string[] = [];
    const out = checkProfile({ ...p, reviews: [{ rating: 9 }], provenance: { ...p.provenance, reviews: 'markup' } } as unknown as Record<string, unknown>, (k) => dropped.push(k));
    expect(dropped).toEqual(['reviews']);
    expect(out.reviews).toEqual([]);
    expect(out.provenance.reviews).toBeUndefined();
    expect(Profile.safeParse(out).success).toBe(true);
  });
  it('the page build passes the profile through as read (the background checks it)', () => {
    const c = { anything: 1 };
    expect(pageCheckProfile(c)).toBe(c);
  });
});

describe('content script: hand checks of the background replies', () => {
  const report = analyze(extractFixture('full-flagged'), { now: NOW });
  it('accepts real reports (and everything the zod schema accepts among them)', () => {
    for (const name of ['full-flagged', 'clean', 'sparse-logged-out'] as const) {
      const r = analyze(extractFixture(name), { now: NOW });
      expect(Report.safeParse(r).success).toBe(true);
      expect(isReport(r)).toBe(true);
      expect(analyzeReply({ ok: true, report: r })).toEqual({ ok: true, value: r });
    }
  });
  it("passes on the history status's message when the check was not saved, and nothing when it was", () => {
    const history = { key: 'upwork:x', at: NOW.toISOString() };
    expect(analyzeReply({ ok: true, report, history: { ...history, state: 'full', message: 'History is full: this check was not saved.' } })).toEqual({
      ok: true,
      value: report,
      historyNote: 'History is full: this check was not saved.',
    });
    expect(analyzeReply({ ok: true, report, history: { ...history, state: 'saved', message: null } })).toEqual({ ok: true, value: report });
    expect(analyzeReply({ ok: true, report, history: { ...history, state: 'unavailable', message: 42 } })).toEqual({ ok: true, value: report });
  });
  it('refuses a reply that is not a report, with a message', () => {
    const broken = [
      null,
      'x',
      { ok: true },
      { ok: true, report: { ...report, level: 'extreme' } },
      { ok: true, report: { ...report, findings: [{ ...report.findings[0], severity: 'huge' }] } },
      { ok: true, report: { ...report, findings: [{ ...report.findings[0], evidence: [{ field: 'x', excerpt: 3 }] }] } },
      { ok: true, report: { ...report, findings: [{ ...report.findings[0], indicator: { id: 'x', source: 'BLOG', url: 'https://x' } }] } },
      { ok: true, report: { ...report, missing: 'name' } },
      { ok: true, report: { ...report, source: null } },
    ];
    for (const raw of broken) {
      const r = analyzeReply(raw);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/Unexpected answer/);
    }
  });
  it('passes on the background’s own error and the autoCheckOff flag', () => {
    expect(analyzeReply({ ok: false, error: 'History unavailable' })).toEqual({ ok: false, error: 'History unavailable' });
    expect(analyzeReply({ ok: false, error: 'off', autoCheckOff: true })).toEqual({ ok: false, error: 'off', autoCheckOff: true });
  });
  it('checks annotations and check requests', () => {
    const annotations = { dismissals: [{ ruleId: 'r', title: 't', note: '', at: NOW.toISOString() }], verified: null };
    expect(annotationsReply({ ok: true, annotations })).toEqual({ ok: true, value: annotations });
    expect(annotationsReply({ ok: true, annotations: { dismissals: [{ ruleId: 'r' }], verified: null } }).ok).toBe(false);
    expect(annotationsReply({ ok: true, annotations: { dismissals: [], verified: 'yes' } }).ok).toBe(false);
    expect(isCheckRequest({ type: 'vetter:check' })).toBe(true);
    expect(isCheckRequest({ type: 'vetter:analyze' })).toBe(false);
    expect(isCheckRequest(null)).toBe(false);
  });
});

describe('country lookup on long text', () => {
  it('no country name, alias or code is longer than COUNTRY_TEXT_MAX, so longer text is no country', () => {
    const names = Object.values(countries.getNames('en', { select: 'all' })).flat();
    expect(names.length).toBeGreaterThan(240);
    for (const n of [...names, ...countryAliasNames()]) expect(n.length).toBeLessThanOrEqual(COUNTRY_TEXT_MAX);
  });
  it('still finds the country after a long city part, and a flag in long text', () => {
    expect(parseLocation(`${'A'.repeat(50_000)}, Germany`).country).toBe('DE');
    expect(toCountryCode(`${'x'.repeat(200)} 🇰🇷`)).toBe('KR');
    expect(toCountryCode(`🇰🇷 🇯🇵`)).toBeNull();
    expect(toCountryCode('x'.repeat(COUNTRY_TEXT_MAX + 1))).toBeNull();
  });
});

describe('text read per text node (TEXT_NODE_CAP)', () => {
  const el = (html: string) => {
    const d = document.createElement('div');
    d.innerHTML = html;
    return d;
  };
  it('reads at most TEXT_NODE_CAP characters of one text node, the nodes after it still', () => {
    const t = visibleText(el(`<p>${'a'.repeat(100_000)}</p><p>Germany</p>`));
    expect(t).toBe(`${'a'.repeat(TEXT_NODE_CAP)}\nGermany`);
  });
  it('leaves text up to four times the longest kept field as it was, and never splits a surrogate pair', () => {
    expect(TEXT_NODE_CAP).toBeGreaterThanOrEqual(4 * 5_000);
    const long = 'word '.repeat(3_000).trim();
    expect(visibleText(el(`<p>${long}</p>`))).toBe(long);
    const cut = visibleText(el(`<p>${'a'.repeat(TEXT_NODE_CAP - 1)}😀tail</p>`));
    expect(cut).toBe('a'.repeat(TEXT_NODE_CAP - 1));
  });

});
