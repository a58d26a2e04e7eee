/**
 * The `Profile` schema: the contract between extractors (page DOM → Profile) and rules (Profile → findings).
 * Every boundary that carries a profile (content script → background message, CLI input/output, storage, imports)
 * validates it with these schemas. Change it deliberately and update every user in the same commit.
 */
import { z } from 'zod';
import { emptyAccount, PLATFORM_IDS, PROFILE_FIELDS, RAW_TEXT_CAP, READ_TIERS } from './fields';

export { emptyAccount, PLATFORM_IDS, PROFILE_FIELDS, RAW_TEXT_CAP, READ_TIERS };

export const PlatformId = z.enum(PLATFORM_IDS);
export type PlatformId = z.infer<typeof PlatformId>;

/** A date as profiles state it: a year (`2019`) or a year and month (`2019-03`). */
export const DatePoint = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'a year (YYYY) or a year and month (YYYY-MM)');
export type DatePoint = z.infer<typeof DatePoint>;

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code such as "US"');
export type CountryCode = z.infer<typeof CountryCode>;

const text = z.string();
const optText = z.string().nullable();
/**
 * Addresses Vetter keeps are http(s) only: a page's javascript:/data: links never reach a UI that could render them
 * as links (lib/text/sanitize.ts has the same checks for extractors).
 */
const httpUrl = z.string().regex(/^https?:\/\/\S/i, 'an http(s) address');

export const Source = z.object({
  platform: PlatformId,
  url: z.string().url().regex(/^https?:\/\//i, 'an http(s) address'),
  /** The platform's own id of the profile (Upwork ciphertext `~01…`, a username…), when the URL or page shows one. */
  profileId: optText,
  /** When the page was read (ISO 8601). */
  capturedAt: z.string().datetime({ offset: true }),
});
export type Source = z.infer<typeof Source>;

/**
 * Where a country came from when the page did not state it in a form the extractor reads: `name` (a country name in
 * another language), `city` (the city, by the city data, most populous match). Absent: the page stated it.
 * Set by `enrichProfile` (lib/data/places.ts) before the rules run.
 */
export const CountryFrom = z.enum(['name', 'city']);
export type CountryFrom = z.infer<typeof CountryFrom>;

export const Location = z.object({
  raw: text,
  city: optText,
  country: CountryCode.nullable(),
  countryFrom: CountryFrom.optional(),
});
export type Location = z.infer<typeof Location>;

export const Photo = z.object({
  /** http(s), or an inline raster image (never svg or html). */
  url: z.string().regex(/^(https?:\/\/\S|data:image\/(png|jpeg|gif|webp|avif);base64,)/i, 'an http(s) address or an inline raster image'),
  alt: optText,
});
export type Photo = z.infer<typeof Photo>;

export const Language = z.object({ name: text, level: optText });
export type Language = z.infer<typeof Language>;

export const Education = z.object({
  school: text,
  degree: optText,
  field: optText,
  start: DatePoint.nullable(),
  end: DatePoint.nullable(),
  /** The entry's text as the page showed it. */
  raw: text,
});
export type Education = z.infer<typeof Education>;

export const Employment = z.object({
  company: optText,
  title: optText,
  location: optText,
  country: CountryCode.nullable(),
  countryFrom: CountryFrom.optional(),
  start: DatePoint.nullable(),
  /** null = present (the role is current), or not stated when `start` is null too. */
  end: DatePoint.nullable(),
  description: optText,
  raw: text,
});
export type Employment = z.infer<typeof Employment>;

export const LINK_KINDS = ['github', 'linkedin', 'portfolio', 'other'] as const;
export const Link = z.object({ url: httpUrl, kind: z.enum(LINK_KINDS) });
export type Link = z.infer<typeof Link>;

export const Money = z.object({
  amount: z.number().nonnegative(),
  currency: optText,
  raw: text,
});
export type Money = z.infer<typeof Money>;

export const Account = z.object({
  memberSince: DatePoint.nullable(),
  /** Verification flags as the platform shows them, e.g. { identity: true, payment: false }. */
  verified: z.record(z.string(), z.boolean()),
  /** Average rating on a 0–5 scale. */
  rating: z.number().min(0).max(5).nullable(),
  /** A success percentage where the platform shows one (Upwork's Job Success Score). */
  jobSuccess: z.number().min(0).max(100).nullable(),
  reviewCount: z.number().int().nonnegative().nullable(),
  jobsCompleted: z.number().int().nonnegative().nullable(),
  totalEarnings: Money.nullable(),
  hourlyRate: Money.nullable(),
});
export type Account = z.infer<typeof Account>;

export const Review = z.object({
  date: optText,
  /** 0–5 scale. */
  rating: z.number().min(0).max(5).nullable(),
  text: text,
});
export type Review = z.infer<typeof Review>;

export const ProfileField = z.enum(PROFILE_FIELDS);
export type ProfileField = z.infer<typeof ProfileField>;

export const ReadTier = z.enum(READ_TIERS);
export type ReadTier = z.infer<typeof ReadTier>;


export const Profile = z.object({
  source: Source,
  name: optText,
  headline: optText,
  location: Location.nullable(),
  /** The local time as the page shows it ("3:41 AM local time"). */
  localTime: optText,
  photo: Photo.nullable(),
  overview: optText,
  skills: z.array(text),
  languages: z.array(Language),
  education: z.array(Education),
  employment: z.array(Employment),
  links: z.array(Link),
  account: Account,
  reviews: z.array(Review),
  /** Excerpts of the page that mention payment methods or terms. */
  paymentMentions: z.array(text),
  rawText: z.string().max(RAW_TEXT_CAP),
  /** The fields the extractor looked for and did not find. */
  missing: z.array(ProfileField),
  /** Per field, the tier that produced it. */
  provenance: z.partialRecord(ProfileField, ReadTier),
});
export type Profile = z.infer<typeof Profile>;
