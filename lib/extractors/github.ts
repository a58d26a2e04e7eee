/**
 * GitHub user profiles (https://github.com/<login>). Page structure: shared/platforms.md §5. The vcard microdata
 * (itemprop=name/homeLocation/localTime/worksFor/url/social, .p-nickname, [data-bio-text]) has been stable for years;
 * tiers per field: attributes (itemprop, data-*) → markup (vcard/avatar class names, title) → meta tags.
 * GitHub shows no education, languages or reviews, so those stay in `missing[]`. The bio is the headline; the
 * profile README (when there is one) is the overview.
 */
import { emptyAccount } from '../profile/fields';
import type { Account, Employment, Link, Profile } from '../profile/schema';
import { ProfileBuilder } from './builder';
import { absUrl, all, first, textOf, visibleText } from './dom';
import { clean, cleanOrNull, linkKind, parseDatePoint, parseLocation } from './parse';
import type { ExtractOptions, Extractor } from './types';

/** First path segments that are GitHub's own pages, never a user (github.com/<reserved>). */
const RESERVED = new Set(
  (
    'about account apps blog business codespaces collections contact copilot customer-stories dashboard discussions ' +
    'downloads editor education enterprise events explore features git-guides github-copilot home integrations ' +
    'issues join login logout marketplace mobile new nonprofit notifications open-source orgs organizations ' +
    'partners premium-support pricing pulls readme resources search security sessions settings signup site ' +
    'solutions sponsors stars team teams topics trending users watching why-github codes password_reset ' +
    'password-reset robots.txt favicon.ico manifest.json sitemap.xml'
  ).split(' '),
);
const LOGIN = /^\/([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})\/?$/;

function loginOf(url: URL): string | null {
  const m = url.pathname.match(LOGIN);
  if (!m || RESERVED.has(m[1]!.toLowerCase())) return null;
  return m[1]!;
}

/** The profile's sidebar (vcard); the whole document when the page has none. */
function vcardRoot(doc: Document): ParentNode {
  return first(doc, ['.js-profile-editable-replace', '[itemtype="http://schema.org/Person"]', '.h-card', 'main']) ?? doc;
}

function metaContent(doc: Document, prop: string): string | null {
  return cleanOrNull(first(doc, [`meta[property="${prop}"]`, `meta[name="${prop}"]`])?.getAttribute('content'));
}

/** "mira-okafor (Mira Okafor) · GitHub" → "Mira Okafor". */
function nameFromTitle(title: string, login: string | null): string | null {
  const m = clean(title).match(/^([A-Za-z0-9-]+)\s+\((.+)\)\s*(?:·|-)\s*GitHub$/);
  if (!m || (login && m[1]!.toLowerCase() !== login.toLowerCase())) return null;
  return cleanOrNull(m[2]);
}

function readLocation(root: ParentNode): Profile['location'] {
  const li = first(root, ['li[itemprop="homeLocation"]', '[itemprop="homeLocation"]']);
  if (!li) return null;
  let raw = textOf(first(li, ['.p-label'])) || textOf(li);
  if (!raw) raw = clean(li.getAttribute('aria-label')).replace(/^home location:\s*/i, '');
  if (!raw) return null;
  return { raw, ...parseLocation(raw) };
}

function readEmployment(root: ParentNode): Employment[] {
  const el = first(root, ['[itemprop="worksFor"]', '.p-org']);
  if (!el) return [];
  const raw = textOf(first(el, ['.p-org'])) || textOf(el) || clean(el.getAttribute('aria-label')).replace(/^organization:\s*/i, '');
  // Several orgs can be written in one field ("@acme @acme-labs"); keep the text, without the mention sign.
  const company = cleanOrNull(raw.replace(/(^|\s)@(?=[A-Za-z0-9])/g, '$1'));
  if (!company) return [];
  return [{ company, title: null, location: null, country: null, start: null, end: null, description: null, raw }];
}

function readLinks(root: ParentNode, base: string): Link[] {
  const out: Link[] = [];
  for (const a of all(root, 'li[itemprop="url"] a[href], li[itemprop="social"] a[href], [data-test-selector="profile-website-url"] a[href]')) {
    const href = absUrl(a.getAttribute('href'), base);
    if (!href) continue;
    // A GitHub-internal link here is a relative path to the user's own pages: not worth reporting.
    if (new URL(href).hostname === 'github.com' && new URL(href).pathname.split('/').filter(Boolean).length === 0) continue;
    out.push({ url: href, kind: linkKind(href) });
  }
  return out;
}

/** "Joined on Mar 3, 2019", "Joined March 2019", "Member since 2019". */
function joinedDate(root: ParentNode): string | null {
  for (const el of all(root, 'li, span, div, p, relative-time, local-time')) {
    if (el.children.length > 3) continue;
    const t = textOf(el);
    const m = t.match(/^(?:joined(?: on)?|member since)\s+(.+)$/i);
    if (!m) continue;
    const time = el.querySelector('relative-time[datetime], local-time[datetime], time[datetime]');
    const iso = time?.getAttribute('datetime')?.match(/^(\d{4})-(\d{2})/);
    if (iso) return `${iso[1]}-${iso[2]}`;
    const d = parseDatePoint(m[1]!);
    if (d) return d;
  }
  return null;
}

function readAccountJoined(root: ParentNode): Account {
  return { ...emptyAccount(), memberSince: joinedDate(root) };
}

/**
 * The contribution graph lists one year link per year since the account was created; the earliest is the year the
 * account was opened (a proxy for "member since" when the page shows no join date).
 */
function readAccountYears(doc: Document): Account {
  const years = all(doc, 'a.js-year-link, a[id^="year-link-"], .js-year-link')
    .map((a) => Number(textOf(a).match(/^\d{4}$/)?.[0] ?? (a.id.match(/(\d{4})$/)?.[1] ?? NaN)))
    .filter((y) => Number.isInteger(y) && y >= 2007 && y <= 2100);
  if (!years.length) return emptyAccount();
  return { ...emptyAccount(), memberSince: String(Math.min(...years)) };
}

function extract(doc: Document, opts: ExtractOptions): Profile {
  const url = new URL(opts.url);
  const login = loginOf(url);
  const b = new ProfileBuilder('github', url.href, login, opts.now);
  const root = vcardRoot(doc);
  const main: ParentNode = first(doc, ['main', '[role="main"]', '#js-pjax-container']) ?? doc;

  b.field(
    'name',
    ['attributes', () => cleanOrNull(textOf(first(root, ['span[itemprop="name"]', '.vcard-names [itemprop="name"]', '[itemprop="name"]'])))],
    ['markup', () => cleanOrNull(textOf(first(root, ['.p-name.vcard-fullname', '.vcard-fullname', '.p-name'])))],
    ['markup', () => nameFromTitle(doc.title, login)],
  );
  b.field(
    'headline',
    ['attributes', () => cleanOrNull(first(root, ['[data-bio-text]'])?.getAttribute('data-bio-text'))],
    ['markup', () => cleanOrNull(textOf(first(root, ['.p-note', '.user-profile-bio'])))],
  );
  b.field('location', ['attributes', () => readLocation(root)]);
  b.field(
    'localTime',
    ['attributes', () => cleanOrNull(textOf(first(root, ['li[itemprop="localTime"]', '[itemprop="localTime"]'])))],
    ['markup', () => cleanOrNull(textOf(first(root, ['profile-timezone'])))],
  );
  b.field(
    'photo',
    [
      'attributes',
      () => {
        const img = first(root, ['[itemprop="image"] img', 'img[itemprop="image"]']);
        const src = absUrl(img?.getAttribute('src'), url.href);
        return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
      },
    ],
    [
      'markup',
      () => {
        // The header's own avatar (the signed-in viewer) is outside the vcard; only look inside it.
        const img = first(root, ['img.avatar-user.width-full', '.vcard-avatar img', 'img.avatar-user', 'img.avatar']);
        const src = absUrl(img?.getAttribute('src'), url.href);
        return src ? { url: src, alt: cleanOrNull(img?.getAttribute('alt')) } : null;
      },
    ],
    [
      'structured',
      () => {
        const og = metaContent(doc, 'og:image');
        return og && /avatars\.githubusercontent\.com/.test(og) ? { url: og, alt: null } : null;
      },
    ],
  );
  b.field(
    'overview',
    ['markup', () => cleanOrNull(visibleText(first(main, ['.profile-readme article.markdown-body', 'article.markdown-body'])).replace(/\n/g, ' '))],
    ['attributes', () => cleanOrNull(first(root, ['[data-bio-text]'])?.getAttribute('data-bio-text'))],
    ['markup', () => cleanOrNull(textOf(first(root, ['.p-note', '.user-profile-bio'])))],
  );
  b.field('skills', ['attributes', () => all(main, '[itemprop="programmingLanguage"]').map(textOf).filter(Boolean)]);
  b.field('employment', ['attributes', () => readEmployment(root)]);
  b.field('links', ['attributes', () => readLinks(root, url.href)]);
  b.field('account', ['markup', () => readAccountJoined(root)], ['markup', () => readAccountYears(doc)]);

  return b.build(visibleText(main as Node, 25_000));
}

export const github: Extractor = {
  id: 'github',
  label: 'GitHub',
  matches: ['https://github.com/*'],
  handles(url) {
    return url.protocol === 'https:' && url.hostname === 'github.com' && loginOf(url) !== null;
  },
  extract,
};
