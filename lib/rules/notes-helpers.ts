/**
 * Helpers for the rules that read the manager's own evidence (`ctx.notes`): checklist answers and the analysis of
 * pasted text (lib/notes/analyze.ts, computed once per notes object). Every rule stays silent when notes are null.
 */
import { analysisFor, type NotesAnalysis, type NotesHit } from '../notes/analyze';
import type { ChecklistAnswer, ChecklistItem } from '../notes/schema';
import type { Profile } from '../profile/schema';
import type { Evidence } from '../report/schema';
import type { RuleContext } from './types';
import { clip } from './text';

export { hitsOf } from '../notes/analyze';

/** The checklist answer when the manager marked the item as a concern; null otherwise (no-concern, unknown, unset). */
export function concern(ctx: RuleContext, item: ChecklistItem): ChecklistAnswer | null {
  const a = ctx.notes?.checklist[item];
  return a?.answer === 'concern' ? a : null;
}

/** Evidence for a checklist concern: the manager's own note, or a plain statement when there is none. */
export function checklistEvidence(item: ChecklistItem, a: ChecklistAnswer): Evidence {
  const note = a.note.trim();
  return { field: `notes.checklist.${item}`, excerpt: note ? clip(note) : 'Marked as a concern (no note written)' };
}

/** ", noting: "…"" for explanations, or nothing when the manager wrote no note. */
export function noteSuffix(a: ChecklistAnswer): string {
  const note = a.note.trim();
  return note ? `, with the note "${clip(note, 160).replace(/\.+$/, '')}"` : '';
}

/** The analysis of the pasted text, or null when there are no notes or no pastes. */
export function pasteAnalysis(p: Profile, ctx: RuleContext): NotesAnalysis | null {
  if (!ctx.notes?.pasted.length) return null;
  return analysisFor(ctx.notes, p.name);
}

/** Evidence for hits, one per paste and excerpt. */
export function hitEvidence(hits: readonly NotesHit[]): Evidence[] {
  const seen = new Map<string, Evidence>();
  for (const h of hits) seen.set(`${h.field}|${h.excerpt}`, { field: h.field, excerpt: h.excerpt });
  return [...seen.values()];
}

/** "pasted text 2" / "pasted texts 1 and 3", for explanations. */
export function pasteNames(hits: readonly NotesHit[]): string {
  const ns = [...new Set(hits.map((h) => h.paste + 1))];
  return ns.length === 1 ? `pasted text ${ns[0]}` : `pasted texts ${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}
