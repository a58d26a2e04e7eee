import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText, saveExport, saveText } from '../../lib/export/download';
import { flaggedEntry } from './export-entries';

afterEach(() => vi.restoreAllMocks());

describe('saving and copying from extension pages', () => {
  it('saves through an <a download> with an object URL, then removes the link', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:vetter/1';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: { download: string; href: string; inDoc: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, inDoc: document.body.contains(this) });
    });
    saveText('a,b\r\n', 'x.csv', 'text/csv');
    expect(clicks).toEqual([{ download: 'x.csv', href: 'blob:vetter/1', inDoc: true }]);
    expect(await created[0]!.text()).toBe('a,b\r\n');
    expect(created[0]!.type).toBe('text/csv');
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    const name = saveExport('markdown', '# x', [flaggedEntry()]);
    expect(name).toMatch(/^vetter-daniel-k-\d{4}-\d{2}-\d{2}\.md$/);
    expect(clicks[1]!.download).toBe(name);
  });

  it('copies with the Clipboard API, else through a textarea, else says what to do', async () => {
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    expect(await copyText('hello')).toBe('clipboard');
    expect(writes).toEqual(['hello']);

    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true });
    let copiedFrom: string | null = null;
    const exec = vi.fn(() => {
      copiedFrom = (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector('textarea')?.value ?? null;
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    expect(await copyText('fallback')).toBe('textarea');
    expect(copiedFrom).toBe('fallback');
    expect(document.querySelector('textarea')).toBeNull();

    exec.mockImplementation(() => false);
    await expect(copyText('nope')).rejects.toThrow(/Export Markdown/);
  });
});
