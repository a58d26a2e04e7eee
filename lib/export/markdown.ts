/**
 * Markdown summary of one or many profiles, to paste into a ticket or an email. Every text that came from a page
 * or from a person (names, excerpts, notes, and the rule texts that quote them) goes through `mdText`, which turns
 * it into one line of literal text: Markdown and HTML punctuation is backslash-escaped (CommonMark lets any ASCII
 * punctuation be escaped), and the patterns that GitHub-flavoured Markdown turns into links on its own (`http://`,
 * `www.`, `user@host`) are broken by an escape, so hostile text cannot become markup, HTML or a link. Only the
 * official indicator source URLs and the profile URL (http(s) only) are rendered as links.
 */
import { CHECKLIST_ITEMS, type ManagerNotes } from '../notes/schema';
import type { HistoryEntry } from '../history/schema';
import { CATEGORIES, type Finding } from '../report/schema';
import { DISCLAIMER, dismissalFor, platformName, safeHttpUrl } from './common';

/** Punctuation that can start inline markup anywhere in a line (emphasis, code, links, HTML, tables, strikethrough, entities). */
const ESCAPED = /[\\`*_[\]<>|~&]/g;

/**
 * One line of literal Markdown text. `(`, `)` and `!` stay as they are (with `[` and `]` escaped they cannot make a
 * link or an image); `#`, `+`, `-`, `=` and `1.` matter only at the start of a line: `atLineStart` escapes them there.
 */
export function mdText(s: string, atLineStart = false): string {
  const inline = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(ESCAPED, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/@/g, '\\@')
    .replace(/\b(www)\./gi, '$1\\.');
  return atLineStart ? inline.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2') : inline;
}

/** Undo `mdText`'s escapes (what a Markdown renderer shows); for tests and previews. */
export function mdUnescape(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A link only for http(s) URLs without characters that could end the link early; anything else is literal text. */
export function mdLink(label: string, url: string): string {
  const safe = safeHttpUrl(url);
  if (!safe || /[\s<>()]/.test(safe)) return `${mdText(label)} (${mdText(url)})`;
  return `[${mdText(label)}](<${safe}>)`;
}

const date = (iso: string) => iso.slice(0, 10);

export const CHECKLIST_LABELS: Record<(typeof CHECKLIST_ITEMS)[number], string> = {
  camera: 'Camera off, or look/place/time inconsistent on camera',
  drugTest: 'Undue concern about a drug test',
  inPerson: 'Avoids any in-person meeting',
  readingAnswers: 'Seems to read answers; wrong but plausible answers',
  timeLocation: 'Time or location inconsistent with the claimed location',
  addressChange: 'Equipment address changed or forwarding address',
  advancePay: 'Demands advance payment',
  threats: 'Threatened to release code or data',
  contactChanging: 'Phone numbers or emails incorrect or changing; pushes off-platform',
  proxyAccount: 'Account owner and worker seem to be different people',
};

function notesLines(n: ManagerNotes): string[] {
  const out: string[] = [];
  for (const item of CHECKLIST_ITEMS) {
    const a = n.checklist[item];
    if (!a || a.answer === 'unknown') continue;
    out.push(`- ${a.answer === 'concern' ? 'Concern' : 'Checked, no concern'}: ${CHECKLIST_LABELS[item]}${a.note ? ` (${mdText(a.note)})` : ''}`);
  }
  if (n.shippingAddress) out.push(`- Shipping address: ${mdText(n.shippingAddress)}`);
  if (n.previousAddresses.length) out.push(`- Earlier shipping addresses: ${n.previousAddresses.map((a) => mdText(a)).join('; ')}`);
  for (const p of n.pasted) out.push(`- Pasted ${p.kind} text (${date(p.addedAt)}): ${mdText(p.text.length > 500 ? `${p.text.slice(0, 500)}…` : p.text)}`);
  if (n.comment.trim()) out.push(`- Comment: ${mdText(n.comment)}`);
  if (out.length) out.push(`- Notes last changed: ${date(n.updatedAt)}`);
  return out;
}

function findingLines(e: HistoryEntry, f: Finding, n: number): string[] {
  const d = dismissalFor(e, f);
  const out = [`#### ${n}. ${mdText(f.title)}`, '', `${f.severity.toUpperCase()} · ${f.category}${d ? ' · dismissed' : ''}`, '', mdText(f.explanation, true), ''];
  for (const ev of f.evidence) out.push(`- Seen at ${mdText(ev.field)}: “${mdText(ev.excerpt)}”`);
  out.push(`- Source: ${mdLink(`${f.indicator.source} (${f.indicator.id})`, f.indicator.url)}`);
  out.push(`- Verify next: ${mdText(f.nextStep)}`);
  if (d) out.push(`- Dismissed by the manager on ${date(d.at)}${d.note ? `: ${mdText(d.note)}` : ''}`);
  out.push('');
  return out;
}

function entryLines(e: HistoryEntry): string[] {
  const name = e.identity.name ?? e.report.name ?? '(no name read)';
  const url = safeHttpUrl(e.identity.url);
  const r = e.report;
  // As on the badge: info findings (e.g. a check that could not run) are listed but not counted as flags.
  const flags = r.findings.filter((f) => f.severity !== 'info').length;
  const out = [
    `## ${mdText(name)}: ${r.level.toUpperCase()}`,
    '',
    `- Site: ${platformName(e.identity.platform)}`,
    `- Profile: ${url && !/[\s<>]/.test(url) ? `<${url}>` : mdText(e.identity.url)}`,
    `- Level: **${r.level.toUpperCase()}** (${flags} flag${flags === 1 ? '' : 's'}). ${mdText(r.levelReason)}`,
    `- Checked: ${date(r.createdAt)} (first seen ${date(e.firstSeen)}, ${e.checks} check${e.checks === 1 ? '' : 's'}; rule set ${mdText(r.rulesetVersion)})`,
    `- Verified: ${e.verified ? `yes, ${date(e.verified.at)}${e.verified.note ? `: ${mdText(e.verified.note)}` : ''}` : 'no'}`,
  ];
  if (r.missing.length) out.push(`- Partial read: ${r.missing.join(', ')} not found on the page`);
  out.push('');
  if (r.findings.length === 0) out.push('No flags on this profile.', '');
  let n = 0;
  for (const cat of CATEGORIES) {
    const fs = r.findings.filter((f) => f.category === cat);
    if (!fs.length) continue;
    out.push(`### ${cat[0]!.toUpperCase()}${cat.slice(1)}`, '');
    for (const f of fs) out.push(...findingLines(e, f, ++n));
  }
  const notes = e.notes ? notesLines(e.notes) : [];
  if (notes.length) out.push("### Manager's notes", '', ...notes, '');
  return out;
}

export function exportMarkdown(entries: readonly HistoryEntry[], opts: { now?: Date } = {}): string {
  const now = opts.now ?? new Date();
  const lines = [
    `# Vetter flag summary`,
    '',
    `${entries.length} profile${entries.length === 1 ? '' : 's'}, exported ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
    '',
  ];
  for (const e of entries) lines.push(...entryLines(e), '---', '');
  lines.push(`*${DISCLAIMER}*`, '');
  return lines.join('\n');
}
