/**
 * Read-only DOM helpers for extractors. They use only the standard DOM API, so the same code runs in the content
 * script (Chromium/Firefox) and in Node (linkedom) for the command-line check and the tests.
 */
import { clean } from './parse';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT']);
const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BR|DD|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL)$/;

/**
 * Most characters read from one text node (page speed, issue 8): four times the longest string a Profile keeps
 * (FIELD_CAPS.long, 5 000), so no field of an ordinary page changes, while a hostile 100 KB string is not scanned
 * (cleaned, searched for dates and countries) whole by every field that reads around it.
 */
export const TEXT_NODE_CAP = 20_000;

/**
 * The visible text of a subtree with line breaks between blocks, skipping scripts and styles and our own badge
 * host. (`innerText` would need layout, which Node DOMs lack.)
 */
export function visibleText(root: Node | null | undefined, cap = Infinity): string {
  if (!root) return '';
  const out: string[] = [];
  let len = 0;
  const walk = (node: Node): void => {
    if (len > cap) return;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      // (not splitting a surrogate pair)
      const t = v.length <= TEXT_NODE_CAP ? v : v.slice(0, /[\uD800-\uDBFF]/.test(v[TEXT_NODE_CAP - 1]!) ? TEXT_NODE_CAP - 1 : TEXT_NODE_CAP);
      out.push(t);
      len += t.length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = (el.tagName ?? '').toUpperCase();
    if (SKIP.has(tag)) return;
    if (el.nodeType === 1 && (el.hasAttribute?.('hidden') || el.getAttribute?.('aria-hidden') === 'true' || el.hasAttribute?.('data-vetter-ui'))) return;
    if (tag === 'VETTER-BADGE') return;
    const block = BLOCK.test(tag);
    if (block) out.push('\n');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) out.push('\n');
  };
  walk(root);
  return out
    .join('')
    .split('\n')
    .map((l) => clean(l))
    .filter(Boolean)
    .join('\n');
}

/** `document.body`, or the document itself (linkedom throws on `body` of a document without an element). */
export function bodyOf(doc: Document): ParentNode {
  try {
    return doc.body ?? doc;
  } catch {
    return doc;
  }
}

/** Cleaned text of an element (one line), or ''. */
export function textOf(el: Element | null | undefined): string {
  if (!el) return '';
  return clean(visibleText(el).replace(/\n/g, ' '));
}

/** The first element matching any of the selectors, in order of preference. Invalid selectors are skipped. */
export function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const sel of selectors) {
    try {
      const el = root.querySelector(sel);
      if (el) return el;
    } catch {
      // An unsupported selector in this DOM implementation: try the next one.
    }
  }
  return null;
}

/** All elements matching a selector, never throwing. */
export function all(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

type Json = Record<string, unknown>;

/** Every JSON-LD object on the page, with `@graph` arrays flattened. Broken JSON blocks are skipped. */
export function jsonLd(doc: ParentNode): Json[] {
  const out: Json[] = [];
  const push = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(push);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      out.push(o);
      if (Array.isArray(o['@graph'])) (o['@graph'] as unknown[]).forEach(push);
      if (o['mainEntity'] && typeof o['mainEntity'] === 'object') push(o['mainEntity']);
    }
  };
  for (const s of all(doc, 'script[type="application/ld+json"]')) {
    try {
      push(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken block: ignore it, the other tiers still read the page.
    }
  }
  return out;
}

/** The parsed JSON of `<script id=…>` holding embedded state, or null. */
export function scriptJson(doc: ParentNode, selector: string): unknown {
  const el = first(doc, [selector]);
  if (!el) return null;
  try {
    return JSON.parse(el.textContent ?? '');
  } catch {
    return null;
  }
}

/** `@type` check that accepts strings and arrays. */
export function hasType(o: Json, type: string): boolean {
  const t = o['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

const HEADING = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

/**
 * The container of the section whose heading matches `pattern` ("Education", "Employment history"…): the nearest
 * `section`/`[data-test]`/card ancestor of the heading that holds more than the heading itself, or, for flat
 * markup, a fragment with the siblings that follow the heading up to the next heading.
 */
export function sectionByHeading(root: ParentNode, pattern: RegExp): Element | null {
  for (const h of all(root, HEADING)) {
    const t = textOf(h);
    if (!pattern.test(t) || t.length > 60) continue;
    let box: Element | null = h.parentElement;
    while (box && box !== (root as unknown)) {
      if (/^(SECTION|ARTICLE)$/i.test(box.tagName) || box.hasAttribute('data-test') || box.hasAttribute('data-testid')) {
        if (clean(box.textContent).length > t.length + 2) return box;
      }
      if (/^(BODY|MAIN|HTML)$/i.test(box.tagName)) break;
      box = box.parentElement;
    }
    // Flat markup: collect following siblings up to the next heading of any level.
    const doc = h.ownerDocument;
    if (!doc) continue;
    const frag = doc.createElement('div');
    const level = headingLevel(h);
    for (let n = h.nextElementSibling; n; n = n.nextElementSibling) {
      // Stop at the next heading of the same or a higher level; sub-headings (entries' own h3s) belong to the section.
      const inner = n.matches(HEADING) ? [n] : all(n, HEADING);
      if (inner.some((x) => headingLevel(x) <= level)) break;
      frag.appendChild(n.cloneNode(true));
    }
    if (frag.childNodes.length) return frag;
  }
  return null;
}

/** 1–6 for h1–h6 (or aria-level on role=heading); 2 when unstated. */
function headingLevel(el: Element): number {
  const m = el.tagName.match(/^H([1-6])$/i);
  if (m) return Number(m[1]);
  const aria = Number(el.getAttribute('aria-level'));
  return aria >= 1 && aria <= 6 ? aria : 2;
}

/** Absolute http(s) URL from an href/src, or null for anything else (javascript:, data:, mailto:…). */
export function absUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
