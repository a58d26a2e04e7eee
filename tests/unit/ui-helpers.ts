/** Helpers for the UI unit tests: the real message catalogue behind browser.i18n, and rendering React into happy-dom. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { vi } from 'vitest';
import { browser } from 'wxt/browser';
import { REPO_ROOT } from './helpers';

export type Catalogue = Record<string, { message: string }>;

export function catalogue(lang: 'en' | 'ja'): Catalogue {
  return JSON.parse(readFileSync(resolve(REPO_ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Catalogue;
}

/** browser.i18n.getMessage as the browser implements it for `$1`…`$9` (missing key: empty string). */
export function installCatalogue(lang: 'en' | 'ja' = 'en'): void {
  const cat = catalogue(lang);
  const getMessage = (key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return cat[key]?.message.replace(/\$([1-9])/g, (_m, n: string) => list[Number(n) - 1] ?? '') ?? '';
  };
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(getMessage as typeof browser.i18n.getMessage);
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(lang);
}

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export async function render(el: ReactElement): Promise<{ container: HTMLElement; rerender(el: ReactElement): Promise<void>; unmount(): void }> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(el));
  return {
    container,
    rerender: (next) => act(async () => root.render(next)),
    unmount: () => {
      root.unmount();
      container.remove();
    },
  };
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => (el as HTMLElement).click());
}

export async function key(el: Element, k: string): Promise<void> {
  await act(async () => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
}
