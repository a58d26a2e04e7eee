/**
 * Readers for the two in-page markup vocabularies personal and resume sites use: schema.org microdata
 * (https://html.spec.whatwg.org/multipage/microdata.html, types from https://schema.org/Person) and microformats2
 * (h-card, h-resume, h-event: https://microformats.org/wiki/h-card, https://microformats.org/wiki/h-resume).
 * Pure DOM reading, no judging; used by the generic extractor.
 */
import type { DatePoint, Education, Employment } from '../profile/schema';
import { absUrl, all, textOf } from './dom';
import { clean, cleanOrNull, findDateRange, parseDatePoint, parseLocation } from './parse';

// ---------------------------------------------------------------------------------------------------------------
// Microdata

/** The top-level schema.org Person item on the page (or the one a ProfilePage's mainEntity holds). */
export function microdataPerson(doc: ParentNode): Element | null {
  return all(doc, '[itemscope][itemtype*="schema.org/Person"]').find((el) => !el.hasAttribute('itemprop') || /\bmainEntity\b/.test(el.getAttribute('itemprop') ?? '')) ?? all(doc, '[itemscope][itemtype*="schema.org/Person"]')[0] ?? null;
}

/** The nearest ancestor item scope of an element (excluding the element itself). */
function scopeOf(el: Element): Element | null {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.hasAttribute('itemscope')) return p;
  return null;
}

/** Elements carrying `itemprop` = name (space-separated lists allowed) that belong to `scope` itself, not a nested item. */
export function props(scope: Element, name: string): Element[] {
  return all(scope, `[itemprop~="${name}"]`).filter((el) => scopeOf(el) === scope);
}

/** A property's value per the microdata spec: content/datetime/src/href attributes, else the text. */
export function propValue(el: Element | undefined | null, base?: string): string | null {
  if (!el) return null;
  const content = el.getAttribute('content');
  if (content !== null) return cleanOrNull(content);
  const tag = el.tagName.toUpperCase();
  if (tag === 'TIME' || tag === 'DATA' || tag === 'METER') return cleanOrNull(el.getAttribute('datetime') ?? el.getAttribute('value') ?? textOf(el));
  if (/^(IMG|AUDIO|VIDEO|SOURCE|IFRAME|EMBED)$/.test(tag)) return base ? absUrl(el.getAttribute('src'), base) : cleanOrNull(el.getAttribute('src'));
  if (/^(A|AREA|LINK)$/.test(tag)) return base ? absUrl(el.getAttribute('href'), base) : cleanOrNull(el.getAttribute('href'));
  return cleanOrNull(textOf(el));
}

/** The text value of the first `name` property of a scope, or of a nested item's `name`. */
export function prop(scope: Element, name: string, base?: string): string | null {
  const el = props(scope, name)[0];
  if (!el) return null;
  if (el.hasAttribute('itemscope')) return prop(el, 'name') ?? cleanOrNull(textOf(el));
  return propValue(el, base);
}

/** A PostalAddress item (or plain text) → "Locality, Region, Country". */
export function microdataAddress(person: Element): string | null {
  const el = props(person, 'address')[0] ?? props(person, 'homeLocation')[0];
  if (!el) return null;
  if (!el.hasAttribute('itemscope')) return cleanOrNull(textOf(el));
  const addr = props(el, 'address')[0]?.hasAttribute('itemscope') ? props(el, 'address')[0]! : el; // Place → address
  const parts = ['addressLocality', 'addressRegion', 'addressCountry'].map((k) => prop(addr, k)).filter((x): x is string => !!x);
  return parts.length ? parts.join(', ') : cleanOrNull(textOf(el));
}

function dateProp(scope: Element, name: string): DatePoint | null {
  const v = prop(scope, name);
  return v ? parseDatePoint(v) : null;
}

/**
 * `alumniOf` items → education. Either an organization item (name, dates in its text) or a schema.org Role
 * (`OrganizationRole` with startDate/endDate, holding the organization in a nested `alumniOf`).
 */
export function microdataEducation(person: Element): Education[] {
  return props(person, 'alumniOf').map((el) => {
    const raw = clean(textOf(el).replace(/\s+/g, ' '));
    if (!el.hasAttribute('itemscope')) return { school: raw, degree: null, field: null, start: null, end: null, raw };
    const inner = props(el, 'alumniOf')[0];
    const org = inner?.hasAttribute('itemscope') ? inner : el;
    const school = prop(org, 'name') ?? (inner ? propValue(inner) : null) ?? raw;
    const range = findDateRange(raw);
    const degree = prop(el, 'roleName') ?? prop(el, 'educationalCredentialAwarded') ?? null;
    return {
      school,
      degree,
      field: prop(el, 'about') ?? null,
      start: dateProp(el, 'startDate') ?? range?.start ?? null,
      end: dateProp(el, 'endDate') ?? (range?.present ? null : (range?.end ?? null)),
      raw,
    };
  });
}

/** `worksFor` items → employment; a Role (`EmployeeRole`/`OrganizationRole`) carries title and dates. */
export function microdataEmployment(person: Element): Employment[] {
  return props(person, 'worksFor').map((el) => {
    const raw = clean(textOf(el));
    if (!el.hasAttribute('itemscope'))
      return { company: raw, title: null, location: null, country: null, start: null, end: null, description: null, raw };
    const inner = props(el, 'worksFor')[0];
    const org = inner?.hasAttribute('itemscope') ? inner : el;
    const company = prop(org, 'name') ?? (inner ? propValue(inner) : null);
    const range = findDateRange(raw);
    const endProp = props(el, 'endDate')[0];
    const location = (org !== el ? microdataAddress(org) : null) ?? prop(el, 'location') ?? prop(org, 'location');
    const present = range?.present ?? false;
    return {
      company,
      title: prop(el, 'roleName') ?? prop(el, 'jobTitle') ?? null,
      location,
      country: location ? parseLocation(location).country : null,
      start: dateProp(el, 'startDate') ?? range?.start ?? null,
      end: endProp ? dateProp(el, 'endDate') : present ? null : (range?.end ?? null),
      description: prop(el, 'description') ?? null,
      raw,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Microformats2

/** Elements with class `cls` that belong to `root`'s own microformat (not to a nested h-* item below it). */
export function mf(root: Element, cls: string): Element[] {
  return all(root, `.${cls}`).filter((el) => {
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if ([...p.classList].some((c) => c.startsWith('h-'))) return false;
    }
    return true;
  });
}

/** A p-* property's text (value-class pattern and `title`/`alt` of abbr/img per the mf2 parsing rules, simplified). */
export function mfText(el: Element | undefined | null): string | null {
  if (!el) return null;
  const tag = el.tagName.toUpperCase();
  if (tag === 'ABBR' && el.getAttribute('title')) return cleanOrNull(el.getAttribute('title'));
  if ((tag === 'IMG' || tag === 'AREA') && el.getAttribute('alt')) return cleanOrNull(el.getAttribute('alt'));
  if ((tag === 'DATA' || tag === 'INPUT') && el.getAttribute('value')) return cleanOrNull(el.getAttribute('value'));
  const values = all(el, ':scope > .value');
  if (values.length) return cleanOrNull(values.map((v) => v.getAttribute('title') ?? textOf(v)).join(''));
  return cleanOrNull(textOf(el));
}

/** A dt-* property: `datetime` of a time element (or a value-class child), else its text. */
export function mfDate(el: Element | undefined | null): DatePoint | null {
  if (!el) return null;
  const dt = el.getAttribute('datetime') ?? el.querySelector('.value[datetime], time[datetime]')?.getAttribute('datetime') ?? el.getAttribute('title');
  return parseDatePoint(dt ?? textOf(el)) ?? parseDatePoint(textOf(el));
}

/** A u-* property: href/src, resolved against the page. */
export function mfUrl(el: Element | undefined | null, base: string): string | null {
  if (!el) return null;
  return absUrl(el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('data') ?? textOf(el), base);
}

/** The page's representative h-card: the h-resume's p-contact, else the top-level h-card with a u-url to this page, else the first. */
export function representativeHCard(doc: ParentNode, base: string): Element | null {
  const resume = all(doc, '.h-resume')[0];
  if (resume) {
    const contact = mf(resume, 'p-contact').find((e) => e.classList.contains('h-card'));
    if (contact) return contact;
  }
  const cards = all(doc, '.h-card').filter((c) => !c.parentElement?.closest('.h-card, .h-event, .h-entry'));
  return cards.find((c) => mf(c, 'u-url').some((u) => mfUrl(u, base) === base || mfUrl(u, base) === new URL('/', base).href)) ?? cards[0] ?? null;
}

/** "Locality, Region, Country" from an h-card (or its p-adr). */
export function hCardLocation(card: Element): string | null {
  const adr = mf(card, 'p-adr').find((e) => e.classList.contains('h-adr')) ?? card;
  const parts = ['p-locality', 'p-region', 'p-country-name'].map((c) => mfText(mf(adr, c)[0])).filter((x): x is string => !!x);
  if (parts.length) return parts.join(', ');
  return mfText(mf(card, 'p-label')[0]) ?? mfText(mf(card, 'p-adr')[0]);
}

/** The organisation an h-event entry names: a nested h-card's p-name/p-org, or its own p-org/p-location. */
function eventOrg(ev: Element): string | null {
  const card = all(ev, '.h-card')[0];
  if (card) return mfText(mf(card, 'p-org')[0]) ?? mfText(mf(card, 'p-name')[0]);
  return mfText(mf(ev, 'p-org')[0]);
}

function eventLocation(ev: Element): string | null {
  const card = all(ev, '.h-card')[0];
  return (card ? hCardLocation(card) : null) ?? mfText(mf(ev, 'p-location')[0]);
}

/** h-resume p-experience h-events → employment. */
export function hResumeEmployment(resume: Element): Employment[] {
  return mf(resume, 'p-experience').map((ev) => {
    const raw = clean(textOf(ev));
    const location = eventLocation(ev);
    const endEl = mf(ev, 'dt-end')[0];
    return {
      company: eventOrg(ev),
      title: mfText(mf(ev, 'p-name')[0]) ?? mfText(mf(ev, 'p-job-title')[0]),
      location,
      country: location ? parseLocation(location).country : null,
      start: mfDate(mf(ev, 'dt-start')[0]),
      end: endEl ? mfDate(endEl) : null,
      description: mfText(mf(ev, 'p-summary')[0]) ?? mfText(mf(ev, 'p-description')[0]),
      raw,
    };
  });
}

/** h-resume p-education h-events → education (the school from the nested h-card, the degree from p-name). */
export function hResumeEducation(resume: Element): Education[] {
  return mf(resume, 'p-education').map((ev) => {
    const raw = clean(textOf(ev));
    const org = eventOrg(ev);
    const name = mfText(mf(ev, 'p-name')[0]);
    return {
      school: org ?? name ?? raw,
      degree: org ? name : null,
      field: null,
      start: mfDate(mf(ev, 'dt-start')[0]),
      end: mfDate(mf(ev, 'dt-end')[0]),
      raw,
    };
  });
}
