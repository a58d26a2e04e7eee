/**
 * Turning a checked profile into its history entry. Pure: the background supplies the photo fingerprint and the
 * time. `contactsOf` normalizes links, e-mails, phone numbers and messenger handles so that the same value matches
 * across sites; `diffChanges` lists what changed on one identity between two checks; `mergeEntry` folds a new check
 * into the stored entry.
 */
import type { Profile } from '../profile/schema';
import type { Report } from '../report/schema';
import { fingerprintText } from './fingerprint';
import { profileKey } from './identity';
import { hamming, SAME_PHOTO_BITS } from '../photos/hash';
import { faceFingerprint, type FaceAnalysis, type FaceFingerprint } from '../face/schema';
import {
  HISTORY_VERSION,
  STORED_RAW_TEXT_CAP,
  type Change,
  type Contact,
  type HistoryEntry,
  type Identity,
  type PhotoFingerprint,
  type ProfileSnapshot,
  type TextFingerprint,
} from './schema';

const cut = (s: string | null | undefined, n: number) => (s == null ? null : s.length <= n ? s : s.slice(0, n));

export function identityOf(p: Profile): Identity {
  return { key: profileKey(p.source), platform: p.source.platform, profileId: p.source.profileId, url: p.source.url, name: p.name };
}

export function snapshotOf(p: Profile): ProfileSnapshot {
  return {
    name: p.name,
    headline: p.headline,
    location: p.location ? { raw: p.location.raw, country: p.location.country } : null,
    photoUrl: p.photo?.url ?? null,
    overview: cut(p.overview, 4_000),
    education: p.education.map((e) => ({ school: e.school, degree: e.degree, start: e.start, end: e.end })),
    employment: p.employment.map((e) => ({ company: e.company, title: e.title, country: e.country, start: e.start, end: e.end })),
    links: p.links,
    paymentMentions: p.paymentMentions.slice(0, 20),
    hourlyRate: p.account.hourlyRate,
  };
}

export function textFingerprints(p: Profile): TextFingerprint[] {
  return [fingerprintText('overview', p.overview), fingerprintText('headline', p.headline)].filter((t): t is TextFingerprint => !!t);
}

/** Query parameters that only track where a click came from. */
const TRACKING = /^(utm_\w+|ref|ref_src|referrer|source|fbclid|gclid|mc_\w+|trk|trackingid|lipi|si|igshid|s)$/i;

/** Lower-case host without `www.`, path without a trailing slash, tracking parameters and fragment dropped. */
export function normalizeLink(raw: string): string | null {
  if (/^(?!https?:)[a-z][a-z0-9+.-]*:(?!\d)/i.test(raw.trim())) return null;
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol) || !u.hostname.includes('.')) return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = decodeURIComponent(u.pathname).replace(/\/+$/, '').toLowerCase();
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
  const q = params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  return `${host}${path}${q}`;
}

/** Marketplace and big-platform hosts: their home pages and help pages are on every profile, not the person's. */
const PLATFORM_HOSTS = /(^|\.)(upwork|fiverr|freelancer|toptal|linkedin|github|guru|peopleperhour|google|facebook|twitter|x|instagram|youtube)\.(com|io|co\.uk|de)$/;
const PLATFORM_MAIL = /@(upwork|fiverr|freelancer|toptal|linkedin|github|guru|peopleperhour)\.com$/i;

const EMAIL = /\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b/gi;
const PHONE = /(?:\+|\b00)\d[\d\s().-]{7,18}\d\b/g;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"')]+|\b(?:www\.)?(?:github\.com|gitlab\.com|behance\.net|dribbble\.com|t\.me)\/[^\s<>"')]+/gi;
const HANDLES: { service: string; re: RegExp }[] = [
  { service: 'telegram', re: /\b(?:telegram|tg)\s*(?:id|handle|username)?\s*[:-]?\s*@?([a-z0-9_]{5,32})\b|\bt\.me\/([a-z0-9_]{5,32})\b/gi },
  { service: 'skype', re: /\bskype\s*(?:id|name)?\s*[:-]?\s*((?:live:)?[a-z0-9_.,-]{5,40})\b/gi },
  { service: 'whatsapp', re: /\b(?:whats\s?app|wa)\s*(?:number|no\.?)?\s*[:-]?\s*(\+?\d[\d\s-]{7,16}\d)\b/gi },
  { service: 'discord', re: /\bdiscord\s*(?:id|handle|username|tag)?\s*[:-]?\s*@?([a-z0-9_.]{2,32}(?:#\d{4})?)\b/gi },
];
/** Words that follow "telegram:"/"skype:" in prose and are not handles. */
const NOT_HANDLE = /^(and|or|for|the|with|bots?|apps?|integration|api|channel|group|me|please|only|available|contact|call|chat|messages?|number)$/i;

/** Links, e-mails, phone numbers and messenger handles on the profile, normalized and de-duplicated. */
export function contactsOf(p: Profile): Contact[] {
  const out = new Map<string, Contact>();
  const add = (kind: Contact['kind'], value: string | null, raw: string) => {
    if (!value) return;
    const k = `${kind}:${value}`;
    if (!out.has(k)) out.set(k, { kind, value, raw: raw.trim().slice(0, 300) });
  };
  const own = normalizeLink(p.source.url);
  const addLink = (raw: string) => {
    const n = normalizeLink(raw.replace(/[.,;:!?]+$/, ''));
    if (!n || n === own) return;
    const [host, ...rest] = n.split('/');
    if (PLATFORM_HOSTS.test(host!) && !rest.join('/')) return;
    add('link', n, raw);
  };
  for (const l of p.links) addLink(l.url);
  // Free text the person wrote; rawText (the whole page, with its footer) is read only for explicit handles.
  const own_text = [p.headline, p.overview, ...p.paymentMentions].filter((t): t is string => !!t).join('\n');
  for (const m of own_text.matchAll(URL_IN_TEXT)) addLink(m[0]);
  for (const m of own_text.matchAll(EMAIL)) if (!PLATFORM_MAIL.test(m[0])) add('email', m[0].toLowerCase(), m[0]);
  for (const m of own_text.matchAll(PHONE)) {
    const digits = m[0].replace(/\D/g, '').replace(/^00/, '');
    if (digits.length >= 8 && digits.length <= 15) add('phone', digits, m[0]);
  }
  for (const text of [own_text, p.rawText])
    for (const { service, re } of HANDLES)
      for (const m of text.matchAll(re)) {
        const h = (m[1] ?? m[2] ?? '').replace(/[.,]+$/, '');
        if (!h || NOT_HANDLE.test(h)) continue;
        const v = service === 'whatsapp' ? h.replace(/\D/g, '') : h.toLowerCase();
        if (service === 'whatsapp') add('phone', v, m[0]);
        else add('handle', `${service}:${v}`, m[0]);
      }
  return [...out.values()];
}

const sameText = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === (b ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const photoPath = (u: string | null) => (u ? (normalizeLink(u)?.replace(/\?.*$/, '') ?? u) : null);
const listOf = (xs: readonly string[]) => [...new Set(xs.map((x) => x.replace(/\s+/g, ' ').trim()).filter(Boolean))].sort();

export interface Observed {
  snapshot: ProfileSnapshot;
  photo: PhotoFingerprint | null;
}

/**
 * What changed between two checks of one identity. A field counts only when both checks read it (a field missing
 * from a partial read is not a change); the photo changed when its hashes differ beyond the same-photo threshold
 * (or, without hashes, when its address changed).
 */
export function diffChanges(prev: Observed, next: Observed, at: string): Change[] {
  const out: Change[] = [];
  const a = prev.snapshot;
  const b = next.snapshot;
  if (a.name && b.name && !sameText(a.name, b.name)) out.push({ field: 'name', from: a.name, to: b.name, at });
  if (a.headline && b.headline && !sameText(a.headline, b.headline)) out.push({ field: 'headline', from: a.headline, to: b.headline, at });
  if (a.location && b.location && !sameText(a.location.raw, b.location.raw) && (a.location.country !== b.location.country || !a.location.country))
    out.push({ field: 'location', from: a.location.raw, to: b.location.raw, at });
  if (a.photoUrl && b.photoUrl) {
    const ph = prev.photo?.phash;
    const nh = next.photo?.phash;
    const changed = ph && nh ? hamming(ph, nh) > SAME_PHOTO_BITS : photoPath(a.photoUrl) !== photoPath(b.photoUrl) && !(ph || nh);
    if (changed) out.push({ field: 'photo', from: a.photoUrl, to: b.photoUrl, at });
  }
  const pa = listOf(a.paymentMentions);
  const pb = listOf(b.paymentMentions);
  if (pa.length && pb.length && pa.join('\n') !== pb.join('\n')) out.push({ field: 'payment', from: pa.join(' | ').slice(0, 1000), to: pb.join(' | ').slice(0, 1000), at });
  const la = listOf(a.links.map((l) => normalizeLink(l.url) ?? l.url));
  const lb = listOf(b.links.map((l) => normalizeLink(l.url) ?? l.url));
  if (la.length && lb.length && la.join('\n') !== lb.join('\n')) out.push({ field: 'links', from: la.join(' '), to: lb.join(' '), at });
  return out;
}

/**
 * The face to keep: the new analysis's (null when it found no face), else the stored one while the photo is the same
 * (same address, or hashes within the same-photo threshold), else none (a stale face of an old photo is dropped).
 */
export function faceToKeep(prev: HistoryEntry | null, profile: Profile, photo: PhotoFingerprint | null, face: FaceAnalysis | null, now: Date): FaceFingerprint | null {
  const url = profile.photo?.url;
  if (!url) return null;
  if (face) return faceFingerprint(face, url, now);
  const old = prev?.face;
  if (!old) return null;
  const samePhoto = photo?.phash && prev.photo?.phash ? hamming(photo.phash, prev.photo.phash) <= SAME_PHOTO_BITS : photoPath(old.photoUrl) === photoPath(url);
  return samePhoto ? old : null;
}

const MAX_CHANGES = 100;
const MAX_PHOTOS = 20;
const MAX_CONTACTS = 200;

/** Folds one check into the stored entry (or starts one). The manager's notes, dismissals and verification are kept. */
export function mergeEntry(
  prev: HistoryEntry | null,
  profile: Profile,
  report: Report,
  photo: PhotoFingerprint | null,
  text: TextFingerprint[],
  now: Date,
  /** This check's face analysis (lib/face), if one ran. */
  faceAnalysis: FaceAnalysis | null = null,
): HistoryEntry {
  const face = faceToKeep(prev, profile, photo, faceAnalysis, now);
  const at = now.toISOString();
  const snapshot = snapshotOf(profile);
  const changes = prev ? [...prev.changes, ...diffChanges({ snapshot: prev.snapshot, photo: prev.photo }, { snapshot, photo }, at)].slice(-MAX_CHANGES) : [];
  const photos = [...(prev?.photos ?? [])];
  if (photo && photo.kind === 'photo' && photo.phash) {
    const known = photos.some((p) => p.phash && hamming(p.phash, photo.phash!) <= SAME_PHOTO_BITS);
    if (!known) photos.push(photo);
  }
  const contacts = new Map<string, Contact>();
  for (const c of [...contactsOf(profile), ...(prev?.contacts ?? [])]) if (!contacts.has(`${c.kind}:${c.value}`)) contacts.set(`${c.kind}:${c.value}`, c);
  return {
    version: HISTORY_VERSION,
    identity: identityOf(profile),
    firstSeen: prev?.firstSeen ?? at,
    lastSeen: at,
    checks: (prev?.checks ?? 0) + 1,
    snapshot,
    report,
    photo: photo ?? prev?.photo ?? null,
    photos: photos.slice(-MAX_PHOTOS),
    text,
    contacts: [...contacts.values()].slice(0, MAX_CONTACTS),
    changes,
    dismissals: prev?.dismissals ?? [],
    verified: prev?.verified ?? null,
    notes: prev?.notes ?? null,
    // The full read, for re-analysis when the notes change; rawText capped to keep storage small.
    profile: { ...profile, rawText: profile.rawText.slice(0, STORED_RAW_TEXT_CAP) },
    ...(face ? { face } : {}),
  };
}
