/**
 * Saving an export from an extension page: a Blob behind an `<a download>` with an object URL (no "downloads"
 * permission needed), and copying the Markdown summary to the clipboard (the Clipboard API, else a hidden textarea
 * and `document.execCommand('copy')`).
 */
import { fileName, MIME_TYPES, type ExportKind } from './index';
import type { HistoryEntry } from '../history/schema';

export function saveText(text: string, name: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoke after the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Saves `text` as an export file of `kind` for `entries`; returns the file name used. */
export function saveExport(kind: ExportKind, text: string, entries: readonly Pick<HistoryEntry, 'identity'>[], doc: Document = document): string {
  const name = fileName(kind, entries);
  saveText(text, name, MIME_TYPES[kind], doc);
  return name;
}

/** Copies text; resolves to how it was copied, rejects when neither way works. */
export async function copyText(text: string, doc: Document = document): Promise<'clipboard' | 'textarea'> {
  const clip = doc.defaultView?.navigator.clipboard;
  if (clip?.writeText) {
    try {
      await clip.writeText(text);
      return 'clipboard';
    } catch {
      // Not allowed here (no focus, no permission): fall back below.
    }
  }
  const ta = doc.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.top = '-1000px';
  doc.body.appendChild(ta);
  ta.select();
  let ok: boolean;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    ta.remove();
  }
  if (!ok) throw new Error('Copy to the clipboard is not available here; use "Export Markdown" to save the summary as a file.');
  return 'textarea';
}
