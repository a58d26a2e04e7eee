/**
 * Small helpers shared by the Freelancer, Toptal, Guru and PeoplePerHour extractors: reading schema.org Person
 * objects and embedded JSON state (always parsed from a <script> tag's text, never evaluated), label/value pairs
 * of stats blocks, and links. Local to those extractors so the shared dom/parse modules stay untouched.
 */
import type { Education, Employment, Language, Link, Location, Photo, Review } from '../profile/schema';
import { absUrl, all, hasType, jsonLd, textOf } from './dom';
import { clean, cleanOrNull, linkKind, parseDatePoint, parseLocation, parseNumber, toCountryCode } from './parse';

export type Json = Record<string, unknown>;

export function isObj(v: unknown): v is Json {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** A string (or the url/contentUrl/name of an object, or the first of an array), cleaned; else null. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return cleanOrNull(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) return v.length ? str(v[0]) : null;
  if (isObj(v)) return str(v['contentUrl'] ?? v['url'] ?? v['name']);
  return null;
}

export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
}

/** Value at a dotted path ("props.pageProps.user"), or undefined. */
export function dig(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const k of path.split('.')) {
    if (!isObj(cur) && !Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** The first object in a JSON tree (breadth-first, bounded) for which `test` holds. */
export function findObj(root: unknown, test: (o: Json) => boolean, maxNodes = 20_000): Json | null {
  const queue: unknown[] = [root];
  let seen = 0;
  while (queue.length && seen < maxNodes) {
    const v = queue.shift();
    seen++;
    if (Array.isArray(v)) queue.push(...v);
    else if (isObj(v)) {
      if (test(v)) return v;
      queue.push(...Object.values(v));
    }
  }
  return null;
}

/** The JSON of the first matching <script> tag, parsed from its text (never evaluated); null when absent or broken. */
export function scriptState(doc: ParentNode, selectors: readonly string[]): unknown {
  for (const sel of selectors) {
    for (const el of all(doc, sel)) {
      try {
        const v: unknown = JSON.parse(el.textContent ?? '');
        if (v !== null && typeof v === 'object') return v;
      } catch {
        // Not JSON (or truncated): try the next tag.
      }
    }
  }
  return null;
}

/** The schema.org Person on the page (also inside ProfilePage.mainEntity and @graph), or null. */
export function ldPerson(doc: Document): Json | null {
  return jsonLd(doc).find((o) => hasType(o, 'Person')) ?? null;
}

/** A location from a schema.org address (object or string), or from a place object with city/country fields. */
export function locationFrom(a: unknown): Location | null {
  if (typeof a === 'string') {
    const raw = clean(a);
    return raw ? { raw, ...parseLocation(raw) } : null;
  }
  if (!isObj(a)) return null;
  const city = str(a['addressLocality'] ?? a['city'] ?? a['locality']);
  const region = str(a['addressRegion'] ?? a['region'] ?? a['state']);
  const c = a['addressCountry'] ?? a['country'];
  const countryName = isObj(c) ? str(c['name']) : str(c);
  const countryCode = isObj(c) ? str(c['code'] ?? c['iso'] ?? c['alpha2']) : null;
  const parts = [city, region, countryName].filter((x): x is string => !!x);
  if (!parts.length) return null;
  const raw = parts.join(', ');
  const parsed = parseLocation(raw);
  const code = (countryCode && toCountryCode(countryCode.toUpperCase())) ?? parsed.country;
  return { raw, city: parsed.city ?? city, country: code };
}

export function photoFrom(src: unknown, alt: unknown, base: string): Photo | null {
  const url = absUrl(str(src), base);
  return url ? { url, alt: str(alt) } : null;
}

/** External links (http/https, not on the site's own host) from a list of URLs. */
export function linksFrom(urls: unknown[], base: string, ownHost: RegExp): Link[] {
  const out: Link[] = [];
  for (const u of urls) {
    const href = absUrl(str(u), base);
    if (!href) continue;
    if (ownHost.test(new URL(href).hostname)) continue;
    out.push({ url: href, kind: linkKind(href) });
  }
  return out;
}

/** Addresses written out in a text ("see https://github.com/x."). */
export function urlsInText(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0].replace(/[.,;]+$/, ''));
}

/** "2019-03-01", "2019-03", 1551398400 (unix seconds) or a written date → DatePoint. */
export function datePointFrom(v: unknown): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100) return String(v); // a year
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    const d = new Date(v > 1e11 ? v : v * 1000);
    if (Number.isNaN(d.getTime())) return null;
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  if (typeof v !== 'string') return null;
  const s = clean(v);
  const iso = s.match(/^(\d{4})-(\d{2})(?:-\d{2})?(?:T.*)?$/);
  if (iso) return parseDatePoint(`${iso[1]}-${iso[2]}`);
  return parseDatePoint(s);
}

/** An Education entry from a JSON object with common field names (school/institution, degree, start/end…). */
export function educationFromJson(o: Json): Education | null {
  const school = str(o['school'] ?? o['institution'] ?? o['schoolName'] ?? o['university'] ?? o['name']);
  if (!school) return null;
  const degree = str(o['degree'] ?? o['title']);
  const field = str(o['field'] ?? o['fieldOfStudy'] ?? o['major'] ?? o['area']);
  const start = datePointFrom(o['start'] ?? o['startDate'] ?? o['start_date'] ?? o['yearFrom'] ?? o['from']);
  const end = datePointFrom(o['end'] ?? o['endDate'] ?? o['end_date'] ?? o['yearTo'] ?? o['to']);
  const raw = [school, degree, field, [start, end].filter(Boolean).join(' - ')].filter(Boolean).join(' · ');
  return { school, degree, field, start, end, raw };
}

/** An Employment entry from a JSON object (company, title, location, start/end, current, description). */
export function employmentFromJson(o: Json): Employment | null {
  const company = str(o['company'] ?? o['companyName'] ?? o['employer'] ?? o['organization']);
  const title = str(o['title'] ?? o['position'] ?? o['role'] ?? o['jobTitle']);
  if (!company && !title) return null;
  const locRaw = str(o['location'] ?? o['place']);
  const loc = locRaw ? parseLocation(locRaw) : null;
  const start = datePointFrom(o['start'] ?? o['startDate'] ?? o['start_date'] ?? o['from']);
  const current = o['current'] === true || o['isCurrent'] === true || o['present'] === true;
  const end = current ? null : datePointFrom(o['end'] ?? o['endDate'] ?? o['end_date'] ?? o['to']);
  const description = str(o['description'] ?? o['summary']);
  const raw = [[title, company].filter(Boolean).join(' at '), locRaw, [start ?? '', current ? 'Present' : (end ?? '')].filter(Boolean).join(' - '), description]
    .filter(Boolean)
    .join(' · ');
  return { company, title, location: locRaw, country: loc?.country ?? null, start, end, description, raw };
}

export function languageFromJson(v: unknown): Language | null {
  if (typeof v === 'string') return cleanOrNull(v) ? { name: clean(v), level: null } : null;
  if (!isObj(v)) return null;
  const name = str(v['name'] ?? v['language']);
  return name ? { name, level: str(v['level'] ?? v['proficiency'] ?? v['fluency']) } : null;
}

/** The value next to a label in a `<dl>`/table/label-value list ("Member Since" → "Mar 2019"). */
export function labelled(root: ParentNode, label: RegExp): string | null {
  for (const el of all(root, 'dt,th,span,div,li,p,strong,label,small,fl-text')) {
    if (el.children.length > 0) continue;
    const t = clean(el.textContent);
    if (!label.test(t)) continue;
    const rest = clean(t.replace(label, '')).replace(/^[:\s]+/, '');
    if (rest) return rest;
    const next = el.nextElementSibling;
    if (next && clean(next.textContent)) return clean(next.textContent);
    const parentRest = clean(clean(el.parentElement?.textContent).replace(t, '')).replace(/^[:\s]+/, '');
    if (parentRest) return parentRest;
  }
  return null;
}

/**
 * Review cards laid out as one element per review with rating, date and text children (Freelancer, Guru). The
 * rating is kept only on the 0–5 scale; the text falls back to the whole card.
 */
export function reviewCards(doc: ParentNode, sel: { item: string; rating: string; date: string; text: string }): Review[] {
  return all(doc, sel.item).map((item) => {
    const rating = parseNumber(textOf(item.querySelector(sel.rating)));
    return {
      date: cleanOrNull(textOf(item.querySelector(sel.date))),
      rating: rating !== null && rating <= 5 ? rating : null,
      text: textOf(item.querySelector(sel.text)) || textOf(item),
    };
  });
}
