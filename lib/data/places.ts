/**
 * Places → ISO countries with reference data that is too large for the content script: city names (cities.json,
 * derived from the `city-timezones` package, see cities.SOURCE.md) and country names in other languages
 * (i18n-iso-countries locales). The extractors resolve what they can cheaply (English names, codes, flags, US states);
 * `enrichProfile` fills the rest before the rules run (engine, background, CLI). Pure: no DOM, no browser APIs.
 */
import countries from 'i18n-iso-countries';
import de from 'i18n-iso-countries/langs/de.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import it from 'i18n-iso-countries/langs/it.json';
import ja from 'i18n-iso-countries/langs/ja.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import nl from 'i18n-iso-countries/langs/nl.json';
import pl from 'i18n-iso-countries/langs/pl.json';
import pt from 'i18n-iso-countries/langs/pt.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import uk from 'i18n-iso-countries/langs/uk.json';
import vi from 'i18n-iso-countries/langs/vi.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { parseLocation, toCountryCode } from '../extractors/parse';
import type { Employment, Location, Profile } from '../profile/schema';
import cityRows from './cities.json';
import { boundedMemo } from '../memo';

/** The UI languages of the supported sites and of the profiles they show. */
const LOCALES = [en, de, fr, es, pt, it, nl, pl, ru, uk, tr, vi, ja, ko, zh];

/** Lower case, without diacritics, apostrophes or punctuation: "São Paulo" → "sao paulo", "Xi'an" → "xian". */
export function placeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

let countryNames: Map<string, string> | null = null;
function localizedCountries(): Map<string, string> {
  if (!countryNames) {
    countryNames = new Map();
    for (const locale of LOCALES) {
      countries.registerLocale(locale);
      for (const [code, names] of Object.entries(countries.getNames(locale.locale, { select: 'all' }))) {
        for (const n of names) {
          const k = placeKey(n);
          if (k && !countryNames.has(k)) countryNames.set(k, code);
        }
      }
    }
  }
  return countryNames;
}

/** A country named in any of the sites' languages ("Vereinigte Staaten", "Corée du Sud", "中国"), or by code/flag. */
export function countryFromName(name: string): string | null {
  return toCountryCode(name) ?? localizedCountries().get(placeKey(name)) ?? null;
}

/**
 * Spellings people write that the city data spells otherwise (the data has "Shenyeng" for Shenyang, "Kyiv" but not
 * "Kiev"), and local names of large cities. Each maps to the data's name; its rows join the candidates.
 */
/** No prototype: page words such as "constructor" or "toString" must not look like entries. */
const CITY_ALIASES: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  shenyang: 'shenyeng',
  kiev: 'kyiv',
  lviv: 'lvov',
  shijiazhuang: 'shijianzhuang',
  bangalore: 'bengaluru',
  bombay: 'mumbai',
  madras: 'chennai',
  calcutta: 'kolkata',
  peking: 'beijing',
  saigon: 'ho chi minh city',
  'saint petersburg': 'st petersburg',
  'sankt peterburg': 'st petersburg',
  'new york city': 'new york',
  nyc: 'new york',
  washington: 'washington d c',
  'washington dc': 'washington d c',
  muenchen: 'munich',
  munchen: 'munich',
  koln: 'cologne',
  wien: 'vienna',
  moskva: 'moscow',
  lisboa: 'lisbon',
  roma: 'rome',
  'ciudad de mexico': 'mexico city',
  'ulan bator': 'ulaanbaatar',
});

/** Words that are not places, so a location such as "Remote" is never read as a town of that name. */
const NOT_PLACES = new Set(['remote', 'worldwide', 'anywhere', 'global', 'online', 'home', 'earth', 'internet', 'other', 'n a', 'none']);

interface CityCandidate {
  country: string;
  population: number;
  state: string;
}

let cityIndex: Map<string, CityCandidate[]> | null = null;
function cities(): Map<string, CityCandidate[]> {
  if (!cityIndex) {
    cityIndex = new Map();
    for (const [name, country, population, state] of cityRows as [string, string, number, string][]) {
      const k = placeKey(name);
      const list = cityIndex.get(k);
      const c = { country, population, state };
      if (!list) cityIndex.set(k, [c]);
      else if (!list.some((x) => x.country === c.country && x.population === c.population && x.state === c.state)) list.push(c);
    }
  }
  return cityIndex;
}

export interface CityMatch {
  country: string;
  population: number;
  /** How many places of that name the data has (1 = unambiguous). */
  candidates: number;
}

/**
 * The country of a city by name: among the places of that name, those in the given US state or country when one is
 * given, the most populous otherwise ("London" → GB, "London, ON" → CA). Null when the data does not know the name.
 */
export function cityCountry(city: string, within: { state?: string | null; country?: string | null } = {}): CityMatch | null {
  const k = placeKey(city);
  if (k.length < 3 || NOT_PLACES.has(k)) return null;
  const idx = cities();
  let list = [...(idx.get(k) ?? [])];
  const alias = CITY_ALIASES[k];
  if (alias) list.push(...(idx.get(alias) ?? []));
  if (within.state) list = list.filter((c) => c.state === within.state);
  if (within.country) list = list.filter((c) => c.country === within.country);
  if (!list.length) return null;
  const best = list.reduce((a, b) => (b.population > a.population ? b : a));
  return { country: best.country, population: best.population, candidates: list.length };
}

const US_STATE = /^[A-Z]{2}$/;

export interface ResolvedPlace {
  city: string | null;
  country: string | null;
  /** `page`: the text names the country (English, code, flag, US state); `name`: a country name in another language; `city`: from the city data. */
  from: 'page' | 'name' | 'city' | null;
}

/** A location as written → its country, by the page's words first, then by localized names, then by city. */
export function resolvePlace(raw: string): ResolvedPlace {
  return { ...resolvedShared(raw) };
}
/** The cached answer itself (read-only: the enrichment below only reads it, so no copy per check). */
const resolvedShared: (raw: string) => Readonly<ResolvedPlace> = boundedMemo(2000, (raw: string) => resolveUncached(raw));

function resolveUncached(raw: string): ResolvedPlace {
  const direct = parseLocation(raw);
  if (direct.country) return { city: direct.city, country: direct.country, from: 'page' };
  const parts = raw
    .split(/\s*[,·|/]\s*|\s+-\s+|\s*[()]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  for (let i = parts.length - 1; i >= 0; i--) {
    const code = countryFromName(parts[i]!);
    if (code) {
      const cityPart = i > 0 ? parts[0]! : null;
      return { city: cityPart, country: code, from: 'name' };
    }
  }
  // A city, optionally with a US state code: "Lagos", "Shenyang, Liaoning", "Springfield, IL".
  const state = parts.slice(1).find((p) => US_STATE.test(p)) ?? null;
  for (const part of parts) {
    const m = cityCountry(part, state ? { state } : {});
    if (m) return { city: part, country: m.country, from: 'city' };
  }
  return { city: direct.city, country: null, from: null };
}

function enrichLocation(loc: Location): Location {
  if (loc.country || !loc.raw.trim()) return loc;
  const r = resolvedShared(loc.raw);
  if (!r.country) return loc;
  // Object.assign: a spread followed by properties is slow in V8 (Node 20).
  return Object.assign({}, loc, { city: loc.city ?? r.city, country: r.country }, r.from === 'name' || r.from === 'city' ? { countryFrom: r.from } : null);
}

function enrichEmployment(e: Employment): Employment {
  if (e.country || !e.location?.trim()) return e;
  const r = resolvedShared(e.location);
  if (!r.country) return e;
  return Object.assign({}, e, { country: r.country }, r.from === 'name' || r.from === 'city' ? { countryFrom: r.from } : null);
}

/**
 * Fills countries the extractor could not resolve on the page (a city alone, a country named in another language) for
 * the location and each employment entry, and records where each came from in `countryFrom`. Pure: returns the same
 * object when nothing changes, a copy otherwise. Idempotent.
 */
export function enrichProfile(p: Profile): Profile {
  const location = p.location ? enrichLocation(p.location) : null;
  let employment = p.employment;
  for (let i = 0; i < p.employment.length; i++) {
    const e = enrichEmployment(p.employment[i]!);
    if (e !== p.employment[i]) {
      if (employment === p.employment) employment = [...p.employment];
      employment[i] = e;
    }
  }
  if (location === p.location && employment === p.employment) return p;
  return Object.assign({}, p, { location, employment });
}
