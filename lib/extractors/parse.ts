/**
 * Pure text parsers shared by the extractors: dates and date ranges as the sites write them, countries as names or
 * codes, money, counts. Nothing here touches the DOM or judges anything.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import type { DatePoint, Money } from '../profile/schema';
import { stripInvisible } from '../text/sanitize';

countries.registerLocale(en);

/**
 * Collapse white space (including non-breaking), remove invisible characters (zero-width, bidi overrides, controls:
 * see lib/text/sanitize.ts) and trim.
 */
export function clean(s: string | null | undefined): string {
  if (!s) return '';
  return stripInvisible(s)
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** `clean()`, or null when nothing is left. */
export function cleanOrNull(s: string | null | undefined): string | null {
  const c = clean(s);
  return c === '' ? null : c;
}

/** No prototype: page words such as "constructor" or "toString" must not look like entries. */
const MONTHS: Record<string, number> = Object.create(null) as Record<string, number>;
const MONTH_NAMES: string[][] = [
  // English, with abbreviations; German, French, Spanish, Portuguese, Italian, Russian (common UI locales).
  ['january', 'jan', 'januar', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio', 'gen', 'январь', 'января', 'янв'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fev', 'febrero', 'fevereiro', 'febbraio', 'февраль', 'февраля', 'фев', 'февр'],
  ['march', 'mar', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco', 'март', 'марта', 'мар'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile', 'апрель', 'апреля', 'апр'],
  ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag', 'май', 'мая'],
  ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'giu', 'июнь', 'июня', 'июн'],
  ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug', 'июль', 'июля', 'июл'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'август', 'августа', 'авг'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'settembre', 'set', 'сентябрь', 'сентября', 'сен', 'сент'],
  ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'out', 'ottobre', 'ott', 'октябрь', 'октября', 'окт'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'ноябрь', 'ноября', 'ноя', 'нояб'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dicembre', 'декабрь', 'декабря', 'дек'],
];
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));
/** Every month name, longest first, for use inside a regular expression. */
const MONTH_ALTERNATION = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

const pad2 = (n: number) => String(n).padStart(2, '0');

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

/**
 * One date as written: "Jan 2019", "January 2019", "2019", "2019-03", "03/2019", "2019年3月", "3월 2019"…
 * Returns null when no date is recognised.
 */
export function parseDatePoint(input: string): DatePoint | null {
  const s = clean(input).toLowerCase().replace(/\.(?=\s|$)/g, '');
  if (!s) return null;
  let m = s.match(/^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?$/); // 2019-03, 2019-03-01
  if (m) return ym(+m[1]!, +m[2]!);
  m = s.match(/^(\d{1,2})[-/.](\d{4})$/); // 03/2019
  if (m) return ym(+m[2]!, +m[1]!);
  m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?$/); // 2019年3月
  if (m) return ym(+m[1]!, +m[2]!);
  m = s.match(/^(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*\d{1,2}\s*일)?$/); // 2019년 3월
  if (m) return ym(+m[1]!, +m[2]!);
  m = s.match(/^(\d{1,2})\s*(?:월|月)\s*(\d{4})$/); // 3월 2019, 4月 2019
  if (m) return ym(+m[2]!, +m[1]!);
  m = s.match(/^(\d{4})\s*(?:年|년)?$/);
  if (m) return plausibleYear(+m[1]!) ? m[1]! : null;
  m = s.match(/^(?:(\d{1,2})\s+)?(?:de\s+)?([\p{L}]+)\.?,?\s+(?:de\s+)?(\d{4})$/u); // "Jan 2019", "1 March 2019", "enero de 2019"
  if (m) {
    const month = MONTHS[m[2]!];
    if (month) return ym(+m[3]!, month);
  }
  m = s.match(/^([\p{L}]+)\.?\s+\d{1,2},\s*(\d{4})$/u); // "March 5, 2019"
  if (m) {
    const month = MONTHS[m[1]!];
    if (month) return ym(+m[2]!, month);
  }
  return null;
}

function ym(y: number, m: number): DatePoint | null {
  if (!plausibleYear(y)) return null;
  if (m < 1 || m > 12) return String(y);
  return `${y}-${pad2(m)}`;
}

/** Words for "until now" in the sites' UI languages. */
const PRESENT_WORDS = [
  'present', 'current', 'now', 'today', 'ongoing', 'till date', 'to date',
  'heute', 'jetzt', 'aktuell', "aujourd'hui", 'aujourd’hui', 'actuel', 'actuellement', 'actualidad', 'actualmente', 'presente',
  'atual', 'atualmente', 'oggi', 'attuale', 'настоящее время', 'по настоящее время', 'наст. время', 'наст время', 'сейчас',
  '現在', '现在', '至今', '今', '현재',
];
const PRESENT = new RegExp(`^(${PRESENT_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.?$`, 'i');
const PRESENT_ALTERNATION = [...PRESENT_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
/** "Since 2018", "seit März 2018", "depuis 2018", "desde 2018", "2018年から". */
const SINCE = /^(?:since|from|seit|depuis|desde|dal|da|с)\s+(.+)$|^(.+?)\s*(?:から|以来|부터)$/iu;
/** A duration the sites add after a range: "· 2 yrs 7 mos", "(2 years)". */
const TRAILING_DURATION = /\s*[·•|]\s*\d+\s*(?:yrs?|years?|mos?|months?|jahre?|monate?|ans?|mois|años?|meses?|anni|mesi|лет|год|года|мес\.?|年|か月|ヶ月|개월|년)\b.*$/iu;

export interface DateRange {
  start: DatePoint | null;
  /** null with `present: true` means the range runs to the present. */
  end: DatePoint | null;
  present: boolean;
}

/**
 * A range as the sites write it: "Jan 2019 - Present", "2016–2020", "2016 to 2020", "March 2018 — June 2020",
 * "2019 - " (open). Returns null when the text holds no recognisable range or date.
 */
export function parseDateRange(input: string): DateRange | null {
  const s = clean(input).replace(/\(.*?\)/g, '').replace(TRAILING_DURATION, '').trim();
  if (!s) return null;
  const whole = parseDatePoint(s);
  if (whole) return { start: whole, end: whole, present: false };
  const since = s.match(SINCE);
  if (since) {
    const start = parseDatePoint((since[1] ?? since[2])!);
    if (start) return { start, end: null, present: true };
  }
  const parts = s.split(/\s*(?:[-–—~]|\bto\b|\buntil\b|\bbis\b|(?<!\p{L})à(?!\p{L})|\ba\b|\bhasta\b|\bal\b|–|〜|～|부터|까지)\s*/iu).filter((p) => p !== '');
  if (parts.length === 1) {
    const single = parseDatePoint(parts[0]!);
    if (single) return { start: single, end: single, present: false };
    return null;
  }
  if (parts.length !== 2) {
    // Dates written with hyphens ("2019-03 - 2020-01") split into more parts; retry on a spaced dash.
    const spaced = s.split(/\s+[-–—~]\s+|\s+to\s+/i);
    if (spaced.length !== 2) return null;
    parts.splice(0, parts.length, ...spaced);
  }
  const start = parseDatePoint(parts[0]!);
  const endText = clean(parts[1]).toLowerCase();
  const present = PRESENT.test(endText);
  const end = present ? null : parseDatePoint(parts[1]!);
  if (!start && !end && !present) return null;
  return { start, end, present };
}

/** Find the first date range inside a longer text ("Kyoto University · 2012 - 2016 · Bachelor…"). */
/** findDateRange's patterns, built once on first use (they were rebuilt at every call; page speed, issue 8). */
let dateRes: { range: RegExp; since: RegExp; single: RegExp } | null = null;
function dateRegExps() {
  if (dateRes) return dateRes;
  const month = `(?:(?:${MONTH_ALTERNATION})\\.?\\s+(?:de\\s+)?)?`;
  const date = `(?:\\d{4}\\s*(?:年|년)\\s*\\d{1,2}\\s*(?:月|월)|\\d{1,2}\\s*(?:月|월)\\s*\\d{4}|${month}\\d{4}(?:[-/.]\\d{1,2})?|\\d{1,2}/\\d{4})`;
  const end = `(?:${date}|${PRESENT_ALTERNATION})`;
  return (dateRes = {
    range: new RegExp(`(${date})\\s*(?:[-–—~〜]|to|until)\\s*(${end})`, 'iu'),
    since: new RegExp(`(?:^|[^\\p{L}])(?:since|seit|depuis|desde)\\s+(${date})|(${date})\\s*(?:年)?\\s*(?:から|以来|부터)`, 'iu'),
    single: new RegExp(`(?:^|[^\\d])(${month}\\d{4})(?![\\d])`, 'u'),
  });
}

export function findDateRange(input: string): DateRange | null {
  const s = clean(input);
  // Every pattern below needs a four-digit year: without one, none can match (and long text is not scanned thrice).
  if (!/\d{4}/.test(s)) return null;
  const re = dateRegExps();
  const m = s.match(re.range);
  if (m) {
    const r = parseDateRange(`${m[1]} - ${m[2]}`);
    if (r) return r;
  }
  const since = s.match(re.since);
  if (since) {
    const start = parseDatePoint((since[1] ?? since[2])!);
    if (start) return { start, end: null, present: true };
  }
  const single = s.match(re.single);
  if (single) {
    const p = parseDatePoint(single[1]!) ?? parseDatePoint(single[1]!.replace(/^[\p{L}.]+\s+/u, ''));
    if (p) return { start: null, end: p, present: false };
  }
  return null;
}

const DURATION_UNITS: [RegExp, number][] = [
  [/^(?:yrs?|years?|jahre?n?|ans?|años?|anos?|anni|anno|лет|год|года|年|년)$/iu, 12],
  [/^(?:mos?|months?|monate?n?|mois|meses?|mesi|mese|мес|месяц|месяца|месяцев|か月|ヶ月|カ月|个月|個月|개월)$/iu, 1],
];

/**
 * A duration as written ("3 years", "2 yrs 7 mos", "1 year 6 months", "18 months", "3 Jahre", "2 ans", "3年", "3년",
 * "5+ years") → months, or null. Callers decide what it is anchored to (a role's end, the time of the check).
 */
export function parseDuration(input: string): number | null {
  const s = clean(input).toLowerCase();
  const re = /(\d+(?:[.,]\d+)?)\+?\s*([\p{L}]+\.?)/gu;
  let months = 0;
  let found = false;
  for (const m of s.matchAll(re)) {
    const unit = m[2]!.replace(/\.$/, '');
    const mult = DURATION_UNITS.find(([u]) => u.test(unit))?.[1];
    if (!mult) continue;
    months += Math.round(Number(m[1]!.replace(',', '.')) * mult);
    found = true;
  }
  return found ? months : null;
}

/** The DatePoint `months` before `end` (a Date): "3 years" before March 2025 → "2022-03". */
export function monthsBefore(end: Date, months: number): DatePoint | null {
  const idx = end.getUTCFullYear() * 12 + end.getUTCMonth() - months;
  return ym(Math.floor(idx / 12), (idx % 12) + 1);
}

/** No prototype: page words such as "constructor" or "toString" must not look like entries. */
const COUNTRY_ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  us: 'US',
  america: 'US',
  'united states of america': 'US',
  uk: 'GB',
  'u.k.': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'great britain': 'GB',
  korea: 'KR',
  'south korea': 'KR',
  'korea, republic of': 'KR',
  'republic of korea': 'KR',
  'north korea': 'KP',
  'korea, democratic people\'s republic of': 'KP',
  dprk: 'KP',
  laos: 'LA',
  "lao people's democratic republic": 'LA',
  russia: 'RU',
  'russian federation': 'RU',
  vietnam: 'VN',
  'viet nam': 'VN',
  uae: 'AE',
  'hong kong sar': 'HK',
  prc: 'CN',
  "people's republic of china": 'CN',
  'mainland china': 'CN',
  taiwan: 'TW',
  czechia: 'CZ',
  'the netherlands': 'NL',
  holland: 'NL',
  türkiye: 'TR',
  turkey: 'TR',
  // Frequent Japanese/Korean/Chinese names of countries on profiles.
  アメリカ: 'US',
  米国: 'US',
  日本: 'JP',
  中国: 'CN',
  韓国: 'KR',
  미국: 'US',
  한국: 'KR',
  대한민국: 'KR',
  중국: 'CN',
  일본: 'JP',
  美国: 'US',
  美國: 'US',
  韩国: 'KR',
  新加坡: 'SG',
  马来西亚: 'MY',
});

/** US states and Canadian provinces, so "Austin, TX" and "Toronto, ON" resolve to a country. */
const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));
const US_STATE_NAMES = new Set(
  'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming'
    .split(' ')
    .concat(['new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'rhode island', 'south carolina', 'south dakota', 'west virginia']),
);

/** A country written as a name, an alias, an alpha-2/alpha-3 code or a flag emoji → ISO alpha-2, or null. */
/**
 * Longer than any country name, alias or code toCountryCode knows (a unit test checks it): such a string is no country,
 * and is not compared against every name (a page's 100 KB "location" cost tens of ms; issue 8).
 */
export const COUNTRY_TEXT_MAX = 100;
/** The aliases toCountryCode reads (for that test). */
export const countryAliasNames = (): string[] => Object.keys(COUNTRY_ALIASES);

export function toCountryCode(input: string | null | undefined): string | null {
  const s = clean(input).replace(/^the\s+/i, '');
  if (!s) return null;
  const flag = flagToCode(s);
  if (flag) return flag;
  if (s.length > COUNTRY_TEXT_MAX) return null;
  const lower = s.toLowerCase().replace(/\.$/, '');
  const alias = COUNTRY_ALIASES[lower] ?? COUNTRY_ALIASES[s];
  if (alias) return alias;
  if (/^[A-Z]{2}$/.test(s) && countries.isValid(s)) return s;
  if (/^[A-Z]{3}$/.test(s)) {
    const a2 = countries.alpha3ToAlpha2(s);
    if (a2) return a2;
  }
  const byName = countries.getAlpha2Code(s, 'en');
  if (byName) return byName;
  return null;
}

function flagToCode(s: string): string | null {
  // Regional indicator symbols (U+1F1E6–U+1F1FF) are the surrogate pairs \uD83C\uDDE6–\uD83C\uDDFF.
  if (!s.includes('\uD83C')) return null;
  const ri: number[] = [];
  for (const c of s) {
    const cp = c.codePointAt(0) ?? 0;
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff && ri.push(cp) > 2) return null;
  }
  if (ri.length !== 2) return null;
  const code = String.fromCharCode(65 + ri[0]! - 0x1f1e6, 65 + ri[1]! - 0x1f1e6);
  return countries.isValid(code) ? code : null;
}

/** "Seoul, South Korea" → { city: 'Seoul', country: 'KR' }; "Austin, TX" → US; "Canada" → CA. */
export function parseLocation(raw: string): { city: string | null; country: string | null } {
  const s = clean(raw);
  if (!s) return { city: null, country: null };
  const parts = s
    .split(/\s*[,·|/]\s*|\s+-\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  // The country is usually the last part; try from the end.
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    // "San Francisco, CA" is California, not Canada: after a city, a state/province code wins over a country code.
    let code: string | null = i > 0 && US_STATES.has(part) ? 'US' : i > 0 && CA_PROVINCES.has(part) ? 'CA' : null;
    code ??= toCountryCode(part);
    if (!code && US_STATES.has(part)) code = 'US';
    if (!code && CA_PROVINCES.has(part)) code = 'CA';
    if (!code && US_STATE_NAMES.has(part.toLowerCase())) code = 'US';
    if (code) {
      const city = i > 0 ? parts[0]! : null;
      return { city: city && toCountryCode(city) === null ? city : null, country: code };
    }
  }
  return { city: parts.length > 1 ? parts[0]! : null, country: null };
}

/** "$45.00/hr", "$10K+", "US$1,234", "€3.5k" → Money; null when no amount. */
export function parseMoney(raw: string): Money | null {
  const s = clean(raw);
  const m = s.match(/(US\$|CA\$|A\$|\$|€|£|¥|₹|USD|EUR|GBP|JPY|INR)?\s*(\d[\d,]*(?:\.\d+)?)\s*([kKmM](?![A-Za-z]))?\+?/);
  if (!m) return null;
  let amount = Number(m[2]!.replace(/,/g, ''));
  if (!Number.isFinite(amount)) return null;
  const mult = m[3]?.toLowerCase();
  if (mult === 'k') amount *= 1_000;
  if (mult === 'm') amount *= 1_000_000;
  const sym = m[1] ?? '';
  const currency: Record<string, string> = {
    $: 'USD',
    US$: 'USD',
    USD: 'USD',
    CA$: 'CAD',
    A$: 'AUD',
    '€': 'EUR',
    EUR: 'EUR',
    '£': 'GBP',
    GBP: 'GBP',
    '¥': 'JPY',
    JPY: 'JPY',
    '₹': 'INR',
    INR: 'INR',
  };
  return { amount, currency: currency[sym] ?? null, raw: s };
}

/** The first integer in a text ("1,234 reviews" → 1234), or null. */
export function parseCount(raw: string | null | undefined): number | null {
  const m = clean(raw).match(/\d[\d,]*/);
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The first decimal number in a text ("4.9 of 5" → 4.9), or null. */
export function parseNumber(raw: string | null | undefined): number | null {
  const m = clean(raw).match(/\d+(?:[.,]\d+)?/);
  if (!m) return null;
  const n = Number(m[0].replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Classify a link by host. */
export function linkKind(url: string): 'github' | 'linkedin' | 'portfolio' | 'other' {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'other';
  }
  if (host === 'github.com' || host.endsWith('.github.com') || host === 'github.io' || host.endsWith('.github.io')) return 'github';
  if (host === 'linkedin.com' || host.endsWith('.linkedin.com')) return 'linkedin';
  if (/(behance|dribbble|artstation|gitlab|bitbucket|vercel\.app|netlify\.app|codepen|stackoverflow)/.test(host)) return 'portfolio';
  return 'other';
}
