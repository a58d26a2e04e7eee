/**
 * ProfileBuilder: how every extractor assembles a Profile. Each field is read by a list of tiers, tried in order;
 * the first that yields a value wins and is recorded in `provenance`. A tier that throws is treated as "not found"
 * so that odd pages give a partial Profile, never an exception. `missing[]` is derived from what stayed empty.
 */
import { checkProfile } from '../profile/check';
import { emptyAccount, PROFILE_FIELDS, RAW_TEXT_CAP } from '../profile/fields';
import type { Account, PlatformId, Profile, ProfileField, ReadTier } from '../profile/schema';
import { isHttpUrl, isSafeImageUrl, sanitizeValues, stripInvisible } from '../text/sanitize';
import { clean } from './parse';

type Values = Omit<Profile, 'source' | 'rawText' | 'missing' | 'provenance' | 'paymentMentions'>;
type Reader<K extends ProfileField> = [ReadTier, () => Values[K] | null | undefined];

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

function accountIsEmpty(a: Account): boolean {
  return (
    a.memberSince === null &&
    Object.keys(a.verified).length === 0 &&
    a.rating === null &&
    a.jobSuccess === null &&
    a.reviewCount === null &&
    a.jobsCompleted === null &&
    a.totalEarnings === null &&
    a.hourlyRate === null
  );
}

/** Payment words worth quoting as `paymentMentions` (the rules judge them; the extractor only quotes). */
const PAYMENT_WORDS =
  /\b(crypto(?:currency)?|bitcoin|btc|usdt|tether|ethereum|usdc|binance|crypto wallet|wallet address|payoneer|paypal|wise(?=\s+(?:transfer|account|payment))|wise\.com|transferwise|skrill|alipay|wechat\s*pay|weixin|unionpay|western union|moneygram|bank transfer|wire transfer|advance payment|upfront|up-front|prepay(?:ment)?|payment method|paid via|pay me)\b/i;

export function findPaymentMentions(text: string, max = 20): string[] {
  const out = new Set<string>();
  for (const line of text.split(/\n|(?<=[.!?])\s+/)) {
    const l = clean(line);
    if (l.length > 3 && PAYMENT_WORDS.test(l)) out.add(l.length > 300 ? `${l.slice(0, 297)}…` : l);
    if (out.size >= max) break;
  }
  return [...out];
}

/** How many of the PROFILE_FIELDS an extractor found on the page (the badge's "read 9/13" figure). */
export function fieldsRead(p: Pick<Profile, 'missing'>): number {
  return PROFILE_FIELDS.length - new Set(p.missing).size;
}

export class ProfileBuilder {
  private values: Partial<Values> = {};
  private provenance: Partial<Record<ProfileField, ReadTier>> = {};
  private errors: string[] = [];

  constructor(
    private platform: PlatformId,
    private url: string,
    private profileId: string | null,
    private now: Date = new Date(),
  ) {}

  /** Try readers in order; keep the first non-empty value. */
  field<K extends ProfileField>(key: K, ...readers: Reader<K>[]): this {
    if (!isEmpty(this.values[key]) && !(key === 'account' && accountIsEmpty(this.values.account!))) return this;
    for (const [tier, read] of readers) {
      let v: Values[K] | null | undefined;
      try {
        v = read();
      } catch (e) {
        this.errors.push(`${key}/${tier}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (key === 'account' && v && accountIsEmpty(v as Account)) continue;
      if (!isEmpty(v)) {
        this.values[key] = v as Values[K];
        this.provenance[key] = tier;
        return this;
      }
    }
    return this;
  }

  /** Errors swallowed while reading (for debugging and tests). */
  get readErrors(): readonly string[] {
    return this.errors;
  }

  build(rawText: string): Profile {
    // Page text is untrusted: invisible and bidi characters removed, strings and lists capped (lib/text/sanitize.ts).
    const v = sanitizeValues(this.values);
    // Only http(s) links and photo addresses are kept: a page's javascript:/data: URLs never reach the UI.
    if (v.photo && !isSafeImageUrl(v.photo.url)) {
      delete v.photo;
      delete this.provenance.photo;
    }
    if (v.links) v.links = v.links.filter((l) => isHttpUrl(l.url));
    if (v.links?.length === 0) delete this.provenance.links;
    const raw = stripRaw(rawText);
    const missing = PROFILE_FIELDS.filter((f) => {
      if (f === 'account') return !v.account || accountIsEmpty(v.account);
      return isEmpty(v[f]);
    });
    const candidate = {
      source: {
        platform: this.platform,
        url: this.url,
        profileId: this.profileId,
        capturedAt: this.now.toISOString(),
      },
      name: v.name ?? null,
      headline: v.headline ?? null,
      location: v.location ?? null,
      localTime: v.localTime ?? null,
      photo: v.photo ?? null,
      overview: v.overview ?? null,
      skills: dedupe(v.skills ?? []),
      languages: v.languages ?? [],
      education: v.education ?? [],
      employment: v.employment ?? [],
      links: dedupeBy(v.links ?? [], (l) => l.url),
      account: v.account ?? emptyAccount(),
      reviews: v.reviews ?? [],
      paymentMentions: findPaymentMentions(raw),
      rawText: raw,
      missing,
      provenance: this.provenance,
    };
    return checkProfile(candidate, (k, reason) => {
      delete (this.provenance as Record<string, unknown>)[k];
      this.errors.push(`${k}: dropped, failed the schema (${reason})`);
    });
  }
}

/** The raw text without invisible characters, capped at RAW_TEXT_CAP. */
function stripRaw(rawText: string): string {
  const s = stripInvisible(rawText.slice(0, RAW_TEXT_CAP * 2));
  return s.length > RAW_TEXT_CAP ? s.slice(0, RAW_TEXT_CAP) : s;
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs.map((x) => clean(x)).filter(Boolean))];
}

function dedupeBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
