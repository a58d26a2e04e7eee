/**
 * The report page (with "Your evidence" and the notes panel) and the history page in Japanese: every piece of UI text
 * comes from the catalogue. Rendered under happy-dom with the Japanese catalogue; the page text and its accessible
 * names/placeholders/alt texts must hold none of the English catalogue's texts of the page families, the finding
 * titles and the "why this level" line are Japanese, and the same render in English shows the English texts.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App as ReportApp } from '../../entrypoints/report/App';
import { App as HistoryApp } from '../../entrypoints/profiles/App';
import { DISCLAIMER } from '../../lib/export/common';
import { CHECKLIST_LABELS } from '../../lib/export/markdown';
import { CHECKLIST_ITEMS } from '../../lib/notes/schema';
import { browser } from 'wxt/browser';
import { SOURCES } from '../../lib/rules/sources';
import type { SetAside } from '../../lib/history/store-types';
import { flaggedEntry, cleanEntry } from './export-entries';
import { MemoryStore } from './memory-store';
import { catalogue, installCatalogue } from './ui-helpers';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const en = catalogue('en');
const ja = catalogue('ja');
/** The catalogue families of the report page, its notes panel and the history page. */
const PAGE_KEY = /^(rep|ev|notes|chk|ans|paste|hist)_/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

/** The page's text with its accessible names, placeholders, alt texts and titles. */
const pageText = () =>
  [container.textContent ?? '', ...[...container.querySelectorAll('*')].flatMap((el) => ['aria-label', 'placeholder', 'alt', 'title'].map((a) => el.getAttribute(a) ?? ''))].join('\n');

/** The literal pieces (8+ characters) of an English catalogue text, around its $1…$9 placeholders. */
const fragments = (message: string) =>
  message
    .split(/\$[1-9]/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);

/** A catalogue whose every text is its key in brackets: what is left on the page besides the data is hard-coded. */
function installPseudo() {
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(((key: string) => (en[key] ? `⟦${key}⟧` : '')) as typeof browser.i18n.getMessage);
}

/** Every string in a value (the entries' data: names, excerpts, notes, reasons). */
const strings = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

/** Runs of 3+ Latin words left once the catalogue markers and the data are taken out: hard-coded UI text. */
function hardCoded(text: string, data: readonly unknown[]): string[] {
  let rest = text.replace(/⟦[A-Za-z0-9_]+⟧/g, ' ');
  const known = [...data.flatMap(strings), ...Object.values(SOURCES).map((s) => s.title)].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length);
  for (const k of known) rest = rest.split(k).join(' ');
  return rest.match(/[A-Za-z]{2,}(?:[ ,.'’:;()-]+[A-Za-z]{2,}){2,}/g) ?? [];
}

async function renderReport(lang: 'en' | 'ja' | 'pseudo') {
  if (lang === 'pseudo') installPseudo();
  else installCatalogue(lang);
  const store = new MemoryStore();
  const e = flaggedEntry();
  await store.put(e);
  await store.put(cleanEntry());
  await act(async () => root.render(<ReportApp openStore={async () => store} search={`?key=${encodeURIComponent(e.identity.key)}`} appVersion="0.1.0" />));
  await vi.waitFor(() => expect(container.querySelector('section.evidence')).not.toBeNull());
  return e;
}

/** A record the store set aside (its reason is the store's own words: data here). */
const ASIDE: SetAside = { key: 'x', reason: 'not an object', raw: 1, at: '2026-01-01T00:00:00Z', kind: 'invalid' };
const HISTORY = () => [flaggedEntry(), cleanEntry()];
async function renderHistory(lang: 'en' | 'ja' | 'pseudo', entries = HISTORY()) {
  if (lang === 'pseudo') installPseudo();
  else installCatalogue(lang);
  await act(async () => root.render(<HistoryApp load={async () => ({ entries, setAside: [ASIDE] })} />));
  await vi.waitFor(() => expect(container.querySelector('table')).not.toBeNull());
}

/** English texts of the page families found on the page (none expected in Japanese). */
function englishLeft(text: string): string[] {
  return Object.entries(en)
    .filter(([k, v]) => PAGE_KEY.test(k) && v.message !== ja[k]!.message)
    .flatMap(([k, v]) => fragments(v.message).filter((f) => text.includes(f)).map((f) => `${k}: ${f}`));
}

describe('report page and history page in Japanese', () => {
  it('the report page with its evidence section shows no English text of its catalogue families; findings and the why line are Japanese', async () => {
    const e = await renderReport('ja');
    const text = pageText();
    expect(englishLeft(text)).toEqual([]);
    const titles = [...container.querySelectorAll('article.finding h4')].map((h) => h.textContent!);
    expect(titles).toHaveLength(e.report.findings.length);
    for (const title of titles) expect(title).toMatch(JAPANESE);
    expect(container.querySelector('.why')!.textContent).toMatch(JAPANESE);
    expect(container.querySelector('.why')!.textContent).not.toContain(e.report.levelReason);
    for (const item of CHECKLIST_ITEMS) expect(container.querySelector(`fieldset[data-item="${item}"] legend`)!.textContent).toBe(ja[`chk_${item}`]!.message);
    expect(container.querySelector('footer')!.textContent).toBe(ja['rep_disclaimer']!.message);
    // The manager's checklist answer in the notes list, in Japanese.
    expect(container.querySelector('section.notes')!.textContent).toContain(ja['chk_camera_long']!.message);
  });

  it('in English the same render shows the English texts (the check above can fail)', async () => {
    const e = await renderReport('en');
    const text = pageText();
    expect(englishLeft(text).length).toBeGreaterThan(20);
    expect(container.querySelector('.why')!.textContent).toContain(e.report.levelReason);
    expect(container.querySelector('footer')!.textContent).toBe(DISCLAIMER);
  });

  it('the history page in Japanese shows no English text of its catalogue families', async () => {
    await renderHistory('ja');
    expect(englishLeft(pageText())).toEqual([]);
    expect(container.querySelector('h1')!.textContent).toBe(ja['hist_title']!.message);
    expect(container.querySelector('[data-testid="set-aside"]')!.textContent).toContain(ja['hist_unreadable_one']!.message.replace('$1', '1'));
  });

  it('the history page in English shows the English texts', async () => {
    await renderHistory('en');
    expect(englishLeft(pageText()).length).toBeGreaterThan(5);
  });
});

describe('no hard-coded UI text', () => {
  it('the report page with a catalogue of markers shows only markers and the entries’ own data', async () => {
    const e = await renderReport('pseudo');
    expect(hardCoded(pageText(), [e, cleanEntry()])).toEqual([]);
  });
  it('the history page with a catalogue of markers shows only markers and the entries’ own data', async () => {
    const entries = HISTORY();
    await renderHistory('pseudo', entries);
    expect(hardCoded(pageText(), [...entries, ASIDE])).toEqual([]);
  });
  it('the check finds hard-coded text (the English render)', async () => {
    const e = await renderReport('en');
    expect(hardCoded(pageText(), [e, cleanEntry()]).length).toBeGreaterThan(10);
  });
});

describe('catalogue texts shared with the exports', () => {
  it('the English long checklist labels are the Markdown export’s labels and the report footer is the export disclaimer', () => {
    for (const item of CHECKLIST_ITEMS) expect(en[`chk_${item}_long`]!.message).toBe(CHECKLIST_LABELS[item]);
    expect(en['rep_disclaimer']!.message).toBe(DISCLAIMER);
  });
});
