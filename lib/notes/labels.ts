/**
 * Plain-words labels and help for the interview checklist, from the official guidance (FBI PSA 2023, 2022
 * State/Treasury/FBI advisory), in the user's language from the catalogue (public/_locales: `chk_<item>`,
 * `chk_<item>_help`, `chk_<item>_long`, `ans_<answer>`, `paste_<kind>`). Shared by the notes panel and the report page.
 * The Markdown export keeps its own English labels (lib/export/markdown.ts CHECKLIST_LABELS, tested equal to the
 * English catalogue's `_long` texts).
 */
import { t } from '../i18n';
import type { ChecklistAnswer, ChecklistItem, PastedText } from './schema';

export const checklistLabel = (item: ChecklistItem): string => t(`chk_${item}`);
export const checklistHelp = (item: ChecklistItem): string => t(`chk_${item}_help`);
/** The longer wording the report page lists the manager's answers with. */
export const checklistLong = (item: ChecklistItem): string => t(`chk_${item}_long`);
export const answerText = (a: ChecklistAnswer['answer']): string => t(`ans_${a.replace(/-/g, '_')}`);
export const pasteKindText = (k: PastedText['kind']): string => t(`paste_${k}`);
