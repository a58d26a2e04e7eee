/**
 * profile-mismatch: the profile against the same person's linked accounts in Vetter's history (HistoryMatches.linked,
 * filled by lib/history/linked.ts in the background's check), and the background pipeline end to end.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, type BackgroundDeps } from '@/entrypoints/background';
import { analyze } from '@/lib/engine';
import { linkedDigests } from '@/lib/history/linked';
import { digestOf } from '@/lib/history/match';
import { contactsOf, identityOf, mergeEntry, snapshotOf } from '@/lib/history/record';
import { emptyMatches, HistoryMatches, type ProfileSnapshot } from '@/lib/history/schema';
import { openHistory, type HistoryStoreExt } from '@/lib/history/store';
import { AnalyzeResult } from '@/lib/messages';
import type { Profile } from '@/lib/profile/schema';
import { Finding } from '@/lib/report/schema';
import { RULES, type FindingDraft } from '@/lib/rules';
import { enLookup } from '@/lib/rules/msg';
import { profileMismatch } from '@/lib/rules/profile-mismatch';
import { renderMsg } from '@/lib/msg-render';
import { defaultSettings } from '@/lib/settings/schema';
import en from '@/public/_locales/en/messages.json';
import ja from '@/public/_locales/ja/messages.json';
import { edu, emp, makeProfile, NOW, resolvePath } from './helpers';

const LINKEDIN = 'https://www.linkedin.com/in/daniel-kowalski-dev/';

function linkedin(over: Partial<Profile> = {}): Profile {
  return makeProfile({
    name: 'Daniel Kowalski',
    source: { platform: 'linkedin', url: LINKEDIN, profileId: 'daniel-kowalski-dev', capturedAt: NOW.toISOString() },
    location: { raw: 'Kyiv, Ukraine', city: 'Kyiv', country: 'UA' },
    employment: [emp('Bluewave Software', 'UA', { start: '2019-03' }), emp('Harbor Labs', 'UA', { start: '2016-01', end: '2019-02' })],
    education: [edu('Kyiv Polytechnic Institute', { start: '2010', end: '2015' })],
    ...over,
  });
}
function upwork(over: Partial<Profile> = {}): Profile {
  return makeProfile({
    name: 'Daniel K.',
    source: { platform: 'upwork', url: 'https://www.upwork.com/freelancers/~01d4e5f6a7b8c9d0e1', profileId: '~01d4e5f6a7b8c9d0e1', capturedAt: NOW.toISOString() },
    location: { raw: 'Austin, TX, US', city: 'Austin', country: 'US' },
    employment: [emp('Cedar Health Analytics', 'US', { start: '2020-02' }), emp('Lone Star Retail Group', null, { start: '2016-07', end: '2020-01' })],
    education: [edu('The University of Texas at Austin', { start: '2014', end: '2016' })],
    links: [{ url: LINKEDIN, kind: 'linkedin' }],
    ...over,
  });
}
const linkedOf = (other: Profile, direction: 'links-to' | 'linked-from' = 'links-to', checkedAt = '2026-03-01T10:00:00.000Z'): HistoryMatches =>
  HistoryMatches.parse({ ...emptyMatches(), linked: [{ other: identityOf(other), direction, snapshot: snapshotOf(other), checkedAt }] });

/** Runs the rule; evidence resolves in the profile or the history, findings are valid, wording is a prompt to verify. */
function fire(p: Profile, history: HistoryMatches | null | undefined): FindingDraft[] {
  const drafts = profileMismatch.check(p, { now: NOW, history });
  for (const d of drafts) {
    expect(d.evidence.length).toBeGreaterThan(0);
    for (const ev of d.evidence) {
      const v = ev.field.startsWith('history.') ? resolvePath({ history }, ev.field) : resolvePath(p, ev.field);
      expect(v, ev.field).not.toBeUndefined();
      expect(v, ev.field).not.toBeNull();
    }
    const f = Finding.safeParse({ ruleId: 'profile-mismatch', category: 'text', severity: d.severity ?? 'high', weight: 'strong', title: d.title, explanation: d.explanation, evidence: d.evidence, indicator: { id: 'profile-mismatch', ...profileMismatch.meta.indicator }, nextStep: d.nextStep, msg: d.msg });
    expect(f.success, JSON.stringify(f.error?.issues)).toBe(true);
    const words = `${d.title} ${d.explanation} ${d.nextStep}`;
    expect(words).not.toMatch(/north korean|\b(reject|do not hire|don't hire|fraud(ster)?|scam(mer)?)\b/i);
    expect(d.explanation).toMatch(/\?/);
    // The English catalogue, filled with the params, says exactly what the rule says; Japanese has every key.
    for (const part of ['title', 'explanation', 'nextStep'] as const) {
      const key = d.msg![part]!;
      expect((en as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
      expect(renderMsg(enLookup, key, d.msg!.params), key).toBe(d[part]);
      expect((ja as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
    }
  }
  return drafts;
}

describe('profile-mismatch', () => {
  it('is in the rule set and silent without history, with empty matches, or without linked profiles (missing data)', () => {
    expect(RULES).toContain(profileMismatch);
    const p = upwork();
    expect(fire(p, null)).toEqual([]);
    expect(fire(p, undefined)).toEqual([]);
    expect(fire(p, emptyMatches())).toEqual([]);
  });

  it('fires on another country on the linked LinkedIn profile: what each says, where, and when it was checked', () => {
    const hits = fire(upwork(), linkedOf(linkedin()));
    const loc = hits.find((d) => d.msg?.title === 'f_profMismatchLocation_title')!;
    expect(loc.title).toBe('Another location on the linked LinkedIn profile');
    expect(loc.explanation).toContain('"Austin, TX, US" (US)');
    expect(loc.explanation).toContain(`"Daniel Kowalski" on LinkedIn (${LINKEDIN})`);
    expect(loc.explanation).toContain('"Kyiv, Ukraine" (UA) when you checked it on 2026-03-01');
    expect(loc.severity).toBeUndefined();
    expect(loc.evidence.map((e) => e.field)).toEqual(['location.raw', 'history.linked[0].snapshot.location.raw']);
    // The same person's shortened name on Upwork is not a difference.
    expect(hits.some((d) => d.msg?.title === 'f_profMismatchName_title')).toBe(false);
  });

  it('reports disjoint employers (medium) and schools (low), each side listed', () => {
    const hits = fire(upwork(), linkedOf(linkedin()));
    const jobs = hits.find((d) => d.msg?.title === 'f_profMismatchEmployers_title')!;
    expect(jobs.severity).toBe('medium');
    expect(jobs.explanation).toContain('"Cedar Health Analytics", "Lone Star Retail Group" as employers');
    expect(jobs.explanation).toContain('listed "Bluewave Software", "Harbor Labs"');
    expect(jobs.evidence.map((e) => e.field)).toEqual(['employment[0].company', 'employment[1].company', 'history.linked[0].snapshot.employment[0].company', 'history.linked[0].snapshot.employment[1].company']);
    const schools = hits.find((d) => d.msg?.title === 'f_profMismatchSchools_title')!;
    expect(schools.severity).toBe('low');
    expect(schools.explanation).toContain('"Kyiv Polytechnic Institute"');
  });

  it('fires on a different name, also for a stored profile that links to this one', () => {
    const other = linkedin({ name: 'Ri Song Chol', location: { raw: 'Austin, TX', city: 'Austin', country: 'US' } });
    const hits = fire(upwork(), linkedOf(other, 'linked-from'));
    const name = hits.find((d) => d.msg?.title === 'f_profMismatchName_title')!;
    expect(name.explanation).toContain('This profile is under the name "Daniel K."');
    expect(name.explanation).toContain('was under "Ri Song Chol"');
    expect(name.evidence.map((e) => e.field)).toEqual(['name', 'history.linked[0].snapshot.name']);
    expect(hits.some((d) => d.msg?.title === 'f_profMismatchLocation_title')).toBe(false);
  });

  it('near misses: shortened, reordered or first-name-only names; a move shown with dates; the same country; a shared employer or school', () => {
    const base = linkedin();
    for (const name of ['Daniel K.', 'Kowalski Daniel', 'Daniel', 'DANIEL KOWALSKI']) expect(fire(upwork({ name }), linkedOf(base)).filter((d) => d.msg?.title === 'f_profMismatchName_title'), name).toEqual([]);
    // Moved: the Upwork profile shows a dated job in Ukraine before the current one in the US.
    const movedUp = upwork({ employment: [emp('Cedar Health Analytics', 'US', { start: '2023-02' }), emp('Bluewave Software', 'UA', { start: '2019-03', end: '2023-01' })] });
    expect(fire(movedUp, linkedOf(base)).filter((d) => d.msg?.title === 'f_profMismatchLocation_title')).toEqual([]);
    // Another city in the same country is not a difference of place.
    const seattle = upwork({ location: { raw: 'Seattle, WA', city: 'Seattle', country: 'US' } });
    const austin = linkedin({ location: { raw: 'Austin, Texas, United States', city: 'Austin', country: 'US' } });
    expect(fire(seattle, linkedOf(austin)).some((d) => d.msg?.title === 'f_profMismatchLocation_title')).toBe(false);
    // One employer in common ("Acme Corp" / "ACME Corporation"), and one school in common under two spellings.
    const same = fire(
      upwork({ employment: [emp('Acme Corp', 'US'), emp('Globex', 'US')], education: [edu('UT Austin')] }),
      linkedOf(linkedin({ employment: [emp('ACME Corporation', 'UA'), emp('Initech', 'UA')], education: [edu('The University of Texas at Austin')] })),
    );
    expect(same.filter((d) => /Employers|Schools/.test(d.msg!.title!))).toEqual([]);
  });

  it('missing data on either side: no location, a single employer, no school, no name', () => {
    const thin = linkedin({ name: null, location: null, employment: [emp('Harbor Labs', 'UA')], education: [] });
    expect(fire(upwork(), linkedOf(thin))).toEqual([]);
    expect(fire(upwork({ name: null, location: null, employment: [], education: [] }), linkedOf(linkedin()))).toEqual([]);
  });

  it('raises the level: a different country on a linked account is a strong, high finding', () => {
    const r = analyze(upwork({ employment: [], education: [] }), { now: NOW, history: linkedOf(linkedin()) });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['profile-mismatch']);
    expect(r.level).toBe('high');
  });
});

describe('linked accounts in the history (lib/history/linked.ts)', () => {
  const entry = (p: Profile) => mergeEntry(null, p, analyze(p, { now: NOW }), null, [], NOW);
  const probeOf = (p: Profile) => ({ identity: identityOf(p), contacts: contactsOf(p) });

  it('finds the stored profile this one links to, and the stored profile that links to this one', () => {
    const li = linkedin();
    const up = upwork();
    const unrelated = makeProfile({ name: 'Daniel Kowalski', source: { platform: 'fiverr', url: 'https://www.fiverr.com/dkowal', profileId: 'dkowal', capturedAt: NOW.toISOString() } });
    const digests = [entry(li), entry(unrelated)].map(digestOf);
    const to = linkedDigests(probeOf(up), digests);
    // Only the explicit link counts: the same name on Fiverr without a link is not a linked account here.
    expect(to.map((x) => [x.digest.identity.key, x.direction])).toEqual([['linkedin:daniel-kowalski-dev', 'links-to']]);
    const from = linkedDigests(probeOf(li), [entry(up), entry(unrelated)].map(digestOf));
    expect(from.map((x) => [x.digest.identity.key, x.direction])).toEqual([['upwork:~01d4e5f6a7b8c9d0e1', 'linked-from']]);
    expect(linkedDigests(probeOf(up), [entry(up)].map(digestOf))).toEqual([]);
  });
});

describe('background check with linked accounts', () => {
  let store: HistoryStoreExt;
  let deps: BackgroundDeps;
  beforeEach(async () => {
    fakeBrowser.reset();
    store = await openHistory(new IDBFactory());
    deps = { openStore: async () => store, photo: async () => { throw new Error('no photos here'); }, settings: async () => ({ ...defaultSettings(), photoAnalysis: false }), now: () => NOW };
  });
  const me = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
  async function check(p: Profile) {
    const r = AnalyzeResult.parse(await handleMessage({ type: 'vetter:analyze', profile: p }, me(), deps)!);
    if (!r.ok) throw new Error(r.error);
    return r.report;
  }

  it('LinkedIn checked first, then the Upwork profile linking to it: profile-mismatch names the LinkedIn profile', async () => {
    expect((await check(linkedin())).findings.filter((f) => f.ruleId === 'profile-mismatch')).toEqual([]);
    const r = await check(upwork());
    const f = r.findings.filter((x) => x.ruleId === 'profile-mismatch');
    expect(f.map((x) => x.msg?.title)).toContain('f_profMismatchLocation_title');
    expect(f.find((x) => x.msg?.title === 'f_profMismatchLocation_title')!.explanation).toContain(`on LinkedIn (${LINKEDIN})`);
  });

  it('the reverse order: Upwork first, then its LinkedIn profile finds the Upwork profile that links to it', async () => {
    await check(upwork());
    const r = await check(linkedin());
    const f = r.findings.filter((x) => x.ruleId === 'profile-mismatch');
    expect(f.find((x) => x.msg?.title === 'f_profMismatchLocation_title')!.explanation).toContain('"Daniel K." on Upwork');
  });

  it('a snapshot stored by the history is what gets compared (the stored entry, not the page)', async () => {
    await check(linkedin());
    const stored = await store.get('linkedin:daniel-kowalski-dev');
    const snap: ProfileSnapshot = stored!.snapshot;
    expect(snap.location?.country).toBe('UA');
  });
});
