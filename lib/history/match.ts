/**
 * Cross-profile matching: what the history holds about the profile being checked. Pure.
 * - photo: other identities whose photo is a near-duplicate (pHash Hamming ≤ SAME_PHOTO_BITS, the mirrored image too);
 * - photoVaries: the same identity's earlier photos, or its linked accounts' photos, that are very different;
 * - text: other identities with the same bio or headline template (MinHash estimate, confirmed on the exact shingles);
 * - contacts: other identities sharing a normalized link, e-mail, phone or handle;
 * - faces: other identities whose stored face descriptor is within the "likely same person" band (lib/face/match.ts);
 * - changes and previousChecks of this identity.
 * "Linked accounts" are the same person's profiles as far as the pages show: the same name on another site, or
 * profiles linking to each other; their photos are compared for photoVaries. Another identity is a profile with
 * another key, another name and no link between the two: only those count for photo, text and contact reuse (the
 * same name under two ids on one site is left out of both, so common names do not raise photoVaries, and one
 * person's second account does not raise reuse).
 */
import { jaccard, minhashSimilarity, sharedPassage, TEMPLATE_SIMILARITY } from './fingerprint';
import { diffChanges, normalizeLink } from './record';
import { DIFFERENT_PHOTO_BITS, HashIndex, hamming, SAME_PHOTO_BITS } from '../photos/hash';
import { closeFaces } from '../face/match';
import type { Contact, HistoryEntry, HistoryMatches, Identity, PhotoFingerprint, ProfileSnapshot, TextFingerprint } from './schema';
import { boundedMemo } from '../memo';

/** The part of a history entry that matching reads (stored compactly beside each entry, see store.ts). */
export interface Digest {
  identity: Identity;
  lastSeen: string;
  /** Every distinct photo seen for the identity, the latest included. */
  photos: PhotoFingerprint[];
  text: TextFingerprint[];
  contacts: Contact[];
  /** The latest photo's 128-number face descriptor (HistoryEntry.face), when a face was analysed. */
  face?: number[] | null;
}

export function digestOf(e: HistoryEntry): Digest {
  const photos = [...e.photos];
  if (e.photo && !photos.some((p) => p.phash && p.phash === e.photo!.phash && p.url === e.photo!.url)) photos.push(e.photo);
  return { identity: e.identity, lastSeen: e.lastSeen, photos, text: e.text, contacts: e.contacts, ...(e.face ? { face: e.face.descriptor } : {}) };
}

/** The profile being checked, as the matcher sees it. */
export interface Probe {
  identity: Identity;
  snapshot: ProfileSnapshot;
  photo: PhotoFingerprint | null;
  text: TextFingerprint[];
  contacts: Contact[];
  /** This check's face descriptor (lib/face), when the photo was analysed and shows a face. */
  face?: readonly number[] | null;
}

interface Folded {
  tokens: string[];
  joined: string;
  sorted: string;
}
/** Name tokens, folded (cached: a check compares one name with every stored one). */
const normName = boundedMemo(200_000, (n: string): Folded => {
  const tokens = n
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return { tokens, joined: tokens.join(' '), sorted: [...tokens].sort().join(' ') };
});

/** Same person's name as sites show it: "Daniel K." fits "Daniel Kim"; "Daniel Kim" fits "Kim Daniel". */
export function namesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const fa = normName(a);
  const fb = normName(b);
  const x = fa.tokens;
  const y = fb.tokens;
  if (!x.length || !y.length) return false;
  if (fa.joined === fb.joined || fa.sorted === fb.sorted) return true;
  if (x[0] !== y[0] || x.length < 2 || y.length < 2) return false;
  const lx = x[x.length - 1]!;
  const ly = y[y.length - 1]!;
  return (lx.length === 1 && ly.startsWith(lx)) || (ly.length === 1 && lx.startsWith(ly));
}

/** A profile URL as a normalized link value, without the URL parser (called for every stored profile). */
const profileLink = (url: string) =>
  url
    .replace(/^https?:\/\/(www\.)?/i, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
    .toLowerCase();

type Side = { identity: Identity; contacts: readonly Contact[] };

/** A test "is `b` one of `a`'s accounts" with `a`'s side computed once (it runs for every stored profile). */
export function linkedTo(a: Side): (b: Side) => boolean {
  const au = normalizeLink(a.identity.url) ?? profileLink(a.identity.url);
  const aLinks = new Set(a.contacts.filter((c) => c.kind === 'link').map((c) => c.value));
  return (b) => {
    if (a.identity.key === b.identity.key) return true;
    if (a.identity.platform !== b.identity.platform && namesCompatible(a.identity.name, b.identity.name)) return true;
    if (aLinks.size && aLinks.has(profileLink(b.identity.url))) return true;
    return b.contacts.some((c) => c.kind === 'link' && c.value === au);
  };
}

/** Whether two identities are, as far as the pages show, one person's accounts. */
export const linked = (a: Side, b: Side): boolean => linkedTo(a)(b);

const MAX_PER_KIND = 10;

function best<T extends { other: Identity }>(xs: T[], better: (a: T, b: T) => boolean): T[] {
  const by = new Map<string, T>();
  for (const x of xs) {
    const cur = by.get(x.other.key);
    if (!cur || better(x, cur)) by.set(x.other.key, x);
  }
  return [...by.values()];
}

/**
 * Matches the probe against the stored digests. `prev` is this identity's stored entry (for changes and earlier
 * photos); `photoIndex` may be passed when many probes share one set of digests (bench, bulk imports).
 */
export function findMatches(probe: Probe, digests: readonly Digest[], prev: HistoryEntry | null, now: Date = new Date(), photoIndex?: HashIndex<number>): HistoryMatches {
  const others = digests.filter((d) => d.identity.key !== probe.identity.key);
  const isLinkedTo = linkedTo(probe);
  const isLinked = others.map(isLinkedTo);
  /**
   * Not "another identity": linked, the same name on the same site, or a profile on another site that shows no name
   * (an unnamed GitHub account with the same avatar is not "another name").
   */
  const isSame = others.map(
    (d, i) =>
      isLinked[i] ||
      namesCompatible(probe.identity.name, d.identity.name) ||
      ((!probe.identity.name || !d.identity.name) && probe.identity.platform !== d.identity.platform),
  );


  // Photos: near-duplicates under other identities.
  const photo: HistoryMatches['photo'] = [];
  const p = probe.photo;
  /** A picture served at one address to several accounts is the site's own image (a default avatar), not a photo. */
  const siteImage = (q: PhotoFingerprint) => !!p && q.url === p.url;
  if (p && p.kind === 'photo' && p.phash) {
    const index = photoIndex ?? buildPhotoIndex(digests);
    for (const [hash, mirrored] of [[p.phash, false], [p.phashMirror, true]] as const) {
      if (!hash) continue;
      for (const { id, distance } of index.search(hash, SAME_PHOTO_BITS)) {
        const d = digests[id];
        if (!d || d.identity.key === probe.identity.key || d.photos.some(siteImage)) continue;
        const i = others.indexOf(d);
        if (i >= 0 && !isSame[i]) photo.push({ other: d.identity, distance, mirrored });
      }
    }
  }

  // Photos: the same identity (earlier photos) or linked accounts with very different faces.
  const photoVaries: HistoryMatches['photoVaries'] = [];
  if (p && p.kind === 'photo' && p.phash) {
    const far = (q: PhotoFingerprint) => {
      if (q.kind !== 'photo' || !q.phash) return null;
      const d = Math.min(hamming(p.phash!, q.phash), p.phashMirror ? hamming(p.phashMirror, q.phash) : 64);
      return d >= DIFFERENT_PHOTO_BITS ? d : null;
    };
    for (const q of prev?.photos ?? []) {
      const d = far(q);
      if (d !== null) photoVaries.push({ other: probe.identity, url: q.url, distance: d });
    }
    others.forEach((o, i) => {
      if (!isLinked[i]) return;
      for (const q of o.photos) {
        const d = far(q);
        if (d !== null) photoVaries.push({ other: o.identity, url: q.url, distance: d });
      }
    });
  }

  // Text templates.
  const text: HistoryMatches['text'] = [];
  for (const t of probe.text)
    others.forEach((o, i) => {
      if (isSame[i]) return;
      for (const u of o.text) {
        if (u.field !== t.field || minhashSimilarity(t.minhash, u.minhash) < TEMPLATE_SIMILARITY - 0.15) continue;
        const similarity = jaccard(t.text, u.text);
        if (similarity < TEMPLATE_SIMILARITY) continue;
        text.push({ other: o.identity, field: t.field, similarity: Math.round(similarity * 100) / 100, passage: sharedPassage(t.text, u.text).slice(0, 600) });
      }
    });

  // Shared contacts.
  const contacts: HistoryMatches['contacts'] = [];
  const mine = new Map(probe.contacts.map((c) => [`${c.kind}:${c.value}`, c]));
  others.forEach((o, i) => {
    if (isSame[i]) return;
    for (const c of o.contacts) {
      const m = mine.get(`${c.kind}:${c.value}`);
      if (m) contacts.push({ other: o.identity, contact: m });
    }
  });

  // Faces: other identities whose stored descriptor is close to this photo's (same person, another name). A profile
  // already matched by its photo hash is left to photo reuse, so one shared photo is not counted twice.
  const samePhoto = new Set(photo.map((m) => m.other.key));
  const faces = probe.face
    ? closeFaces(probe.face, others, (o) => o.face)
        .filter(({ item, index }) => !isSame[index] && !samePhoto.has(item.identity.key))
        .slice(0, MAX_PER_KIND)
        .map(({ item, distance }) => ({ other: item.identity, distance }))
    : undefined;

  const changes = prev ? [...prev.changes, ...diffChanges({ snapshot: prev.snapshot, photo: prev.photo }, { snapshot: probe.snapshot, photo: probe.photo }, now.toISOString())] : [];

  return {
    photo: best(photo, (a, b) => a.distance < b.distance)
      .sort((a, b) => a.distance - b.distance)
      .slice(0, MAX_PER_KIND),
    photoVaries: best(photoVaries, (a, b) => a.distance > b.distance)
      .sort((a, b) => b.distance - a.distance)
      .slice(0, MAX_PER_KIND),
    text: best(text, (a, b) => a.similarity > b.similarity)
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, MAX_PER_KIND),
    contacts: contacts.slice(0, MAX_PER_KIND * 3),
    changes: changes.slice(-50),
    ...(faces ? { faces } : {}),
    previousChecks: prev?.checks ?? 0,
  };
}

/** A pHash index over every stored photo of every digest (the id is the digest's position). */
export function buildPhotoIndex(digests: readonly Digest[]): HashIndex<number> {
  const index = new HashIndex<number>();
  digests.forEach((d, i) => {
    for (const q of d.photos) if (q.kind === 'photo' && q.phash) index.add(q.phash, i);
  });
  return index;
}

