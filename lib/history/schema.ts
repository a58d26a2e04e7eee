/**
 * Vetter's memory: one `HistoryEntry` per checked profile (IndexedDB, lib/history/store.ts), validated with zod on
 * every read and write, versioned (`HISTORY_VERSION`; older entries are migrated, entries that fail validation are
 * set aside with a notice, never dropped silently). Exports and imports (lib/export) carry the same entries.
 */
import { z } from 'zod';
import { CountryCode, DatePoint, Link, Money, PlatformId, Profile } from '../profile/schema';
import { ManagerNotes } from '../notes/schema';
import { Report } from '../report/schema';
import { FaceFingerprint } from '../face/schema';
import { Hash64 } from './hash64';

export const HISTORY_VERSION = 1;
/** `HistoryEntry.profile.rawText` is kept up to this many characters. */
export const STORED_RAW_TEXT_CAP = 4_000;

const iso = z.string().datetime({ offset: true });
export { Hash64 };

export const Identity = z.object({
  /** `profileKey(source)`: platform + id, else normalized URL. */
  key: z.string().min(1),
  platform: PlatformId,
  profileId: z.string().nullable(),
  url: z.string().url(),
  name: z.string().nullable(),
});
export type Identity = z.infer<typeof Identity>;

export const PhotoFingerprint = z.object({
  url: z.string(),
  /** What the image is: a photo, the site's default avatar, an image with no face-like content, or unreadable. */
  kind: z.enum(['photo', 'default-avatar', 'no-face', 'unreadable']),
  phash: Hash64.nullable(),
  /** pHash of the mirrored image (a mirror flips ~30 bits). */
  phashMirror: Hash64.nullable(),
  dhash: Hash64.nullable(),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
  hashedAt: iso,
});
export type PhotoFingerprint = z.infer<typeof PhotoFingerprint>;

export const TextFingerprint = z.object({
  field: z.enum(['overview', 'headline']),
  /** 64-bit SimHash over word shingles. */
  simhash: Hash64,
  /** MinHash signature (fixed length) over word shingles, for Jaccard estimates. */
  minhash: z.array(z.number().int().nonnegative()),
  /** The text (capped), to show the shared passage. */
  text: z.string().max(4_000),
});
export type TextFingerprint = z.infer<typeof TextFingerprint>;

/** Links, emails, phones and messenger handles, normalized so that the same value matches across sites. */
export const Contact = z.object({
  kind: z.enum(['link', 'email', 'phone', 'handle']),
  /** Normalized value (lower-case host+path without tracking; E.164-ish digits; lower-case handle with service). */
  value: z.string().min(1),
  /** As seen on the page. */
  raw: z.string(),
});
export type Contact = z.infer<typeof Contact>;

/** A compact copy of what the profile said, enough to show what changed and to rebuild the report's context. */
export const ProfileSnapshot = z.object({
  name: z.string().nullable(),
  headline: z.string().nullable(),
  location: z.object({ raw: z.string(), country: CountryCode.nullable() }).nullable(),
  photoUrl: z.string().nullable(),
  overview: z.string().max(4_000).nullable(),
  education: z.array(z.object({ school: z.string(), degree: z.string().nullable(), start: DatePoint.nullable(), end: DatePoint.nullable() })),
  employment: z.array(
    z.object({ company: z.string().nullable(), title: z.string().nullable(), country: CountryCode.nullable(), start: DatePoint.nullable(), end: DatePoint.nullable() }),
  ),
  links: z.array(Link),
  paymentMentions: z.array(z.string()),
  hourlyRate: Money.nullable(),
});
export type ProfileSnapshot = z.infer<typeof ProfileSnapshot>;

export const CHANGE_FIELDS = ['name', 'photo', 'location', 'payment', 'links', 'headline'] as const;
export const Change = z.object({
  field: z.enum(CHANGE_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** When the new value was first seen. */
  at: iso,
});
export type Change = z.infer<typeof Change>;

/** The manager dismissed a finding as explained (matched by rule id and title on later checks). */
export const Dismissal = z.object({
  ruleId: z.string().min(1),
  title: z.string(),
  note: z.string().max(2_000),
  at: iso,
});
export type Dismissal = z.infer<typeof Dismissal>;

/** The manager marked the whole profile as verified (e.g. after a video interview). */
export const Verification = z.object({ note: z.string().max(2_000), at: iso });
export type Verification = z.infer<typeof Verification>;

export const HistoryEntry = z.object({
  version: z.literal(HISTORY_VERSION),
  identity: Identity,
  firstSeen: iso,
  lastSeen: iso,
  checks: z.number().int().positive(),
  snapshot: ProfileSnapshot,
  /** The latest report. */
  report: Report,
  /** The latest photo's fingerprint, and every distinct one seen for this identity (newest last). */
  photo: PhotoFingerprint.nullable(),
  photos: z.array(PhotoFingerprint),
  text: z.array(TextFingerprint),
  contacts: z.array(Contact),
  changes: z.array(Change),
  dismissals: z.array(Dismissal),
  verified: Verification.nullable(),
  notes: ManagerNotes.nullable(),
  /**
   * The last full Profile read, so that the manager's notes can be applied at once ('vetter:reanalyze') without
   * waiting for the next check of the page. Its `rawText` is capped to STORED_RAW_TEXT_CAP (4,000) characters to
   * keep storage small (no rule reads rawText; only messenger handles beyond the first 4,000 characters are not
   * re-read). Absent on entries stored by older versions and on some imports.
   */
  profile: Profile.nullable().optional(),
  /**
   * The face in the latest photo (face descriptor, face-crop pHash; lib/face): biometric, kept only here (wiped with
   * the history) and left out of exports unless the user ticks photo data. Absent when no face was analysed.
   */
  face: FaceFingerprint.nullable().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** What the background found in the history for the profile being checked; the cross-profile rules read it. */
export const HistoryMatches = z.object({
  /** Other identities whose stored photo is a near-duplicate of this one (Hamming distance of 64-bit pHashes). */
  photo: z.array(z.object({ other: Identity, distance: z.number().int().min(0).max(64), mirrored: z.boolean() })),
  /** Earlier photos of this same identity (or its linked accounts) that are very different from the current one. */
  photoVaries: z.array(z.object({ other: Identity, url: z.string(), distance: z.number().int().min(0).max(64) })),
  /** Other identities with a near-identical bio/headline: estimated similarity 0–1 and the shared passage. */
  text: z.array(z.object({ other: Identity, field: z.enum(['overview', 'headline']), similarity: z.number().min(0).max(1), passage: z.string() })),
  /** Other identities sharing a link, email, phone or handle. */
  contacts: z.array(z.object({ other: Identity, contact: Contact })),
  /** What changed on this identity since it was first seen. */
  changes: z.array(Change),
  /**
   * Other identities whose stored face descriptor is within the "likely same person" band of this photo's
   * (lib/face/match.ts: Euclidean distance ≤ 0.55). Optional: absent when photos are not analysed.
   */
  faces: z.array(z.object({ other: Identity, distance: z.number().min(0) })).optional(),
  /**
   * The same person's other accounts as the pages link them (lib/history/linked.ts): stored profiles this profile
   * links to (`links-to`), or that link to this one (`linked-from`), with what their last check read, for
   * profile-mismatch. Optional: absent in a one-off check and on matches made before it existed.
   */
  linked: z
    .array(z.object({ other: Identity, direction: z.enum(['links-to', 'linked-from']), snapshot: ProfileSnapshot, checkedAt: iso }))
    .optional(),
  /** How many times this identity was checked before. */
  previousChecks: z.number().int().nonnegative(),
});
export type HistoryMatches = z.infer<typeof HistoryMatches>;

export function emptyMatches(): HistoryMatches {
  return { photo: [], photoVaries: [], text: [], contacts: [], changes: [], previousChecks: 0 };
}
