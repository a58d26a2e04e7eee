/** Messages between content script, popup and background. Every message is validated on receipt. */
import { z } from 'zod';
import { Profile } from './profile/schema';
import { Report } from './report/schema';
import { Dismissal, Verification } from './history/schema';

/**
 * `auto: true`: the content script's own check at page load, sent before it reads the settings (page speed, issue 8):
 * the background answers `{ok: false, autoCheckOff: true}` without analysing or storing anything when the automatic
 * check is off for the profile's site.
 * `unchecked: true`: the content script sends the profile as read, before the schema check (it does not bundle zod);
 * the background runs lib/profile/check.ts on it first (offending fields dropped, as the extractors do elsewhere) and
 * returns the checked profile with the report.
 */
export const AnalyzeRequest = z.object({ type: z.literal('vetter:analyze'), profile: Profile, auto: z.boolean().optional(), unchecked: z.boolean().optional() });
export const CheckRequest = z.object({ type: z.literal('vetter:check') });
/** The manager dismissed a finding as explained (matched on later checks by rule id and title). */
export const DismissRequest = z.object({ type: z.literal('vetter:dismiss'), key: z.string().min(1), dismissal: Dismissal });
export const UndismissRequest = z.object({ type: z.literal('vetter:undismiss'), key: z.string().min(1), ruleId: z.string().min(1), title: z.string() });
/** Mark (verified: {note, at}) or unmark (verified: null) the whole profile as verified. */
export const VerifyRequest = z.object({ type: z.literal('vetter:verify'), key: z.string().min(1), verified: Verification.nullable() });
/** What the manager recorded for a profile (the answer to the three requests above and to this one). */
export const AnnotationsRequest = z.object({ type: z.literal('vetter:annotations'), key: z.string().min(1) });
/** Popup → background: check the page in this tab (site extractor through the content script, else the generic reader). */
/** With `last: true`, only the tab's last result (shown when the popup opens), without checking again. */
export const CheckTabRequest = z.object({ type: z.literal('vetter:check-tab'), tabId: z.number().int().nonnegative(), last: z.boolean().optional() });
/** Open an extension page (the full report of a profile, or the history) in a new tab. */
export const OpenPageRequest = z.object({ type: z.literal('vetter:open'), page: z.enum(['report', 'history']), key: z.string().min(1).optional() });
export const Request = z.discriminatedUnion('type', [
  AnalyzeRequest,
  CheckRequest,
  DismissRequest,
  UndismissRequest,
  VerifyRequest,
  AnnotationsRequest,
  CheckTabRequest,
  OpenPageRequest,
]);
export type Request = z.infer<typeof Request>;

export const CheckResult = z.union([
  z.object({ ok: z.literal(true), profile: Profile, report: Report }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type CheckResult = z.infer<typeof CheckResult>;

/**
 * What happened to the history at a check: `saved`, `pruned` (older profiles removed to make room, as the settings
 * allow), `full` (not saved), `failed` (not saved, another error), `unavailable` (the history could not be opened:
 * the check ran without it). `message` is for the user (null when simply saved).
 */
/** A message of the extension's catalogue with its parameters (lib/history/status-msg.ts), shown in the user's language. */
export const CatalogueMsg = z.object({ key: z.string().regex(/^[A-Za-z0-9_]{1,80}$/), params: z.array(z.string().max(2000)).max(10) });

export const HistoryStatus = z.object({
  state: z.enum(['saved', 'pruned', 'full', 'failed', 'unavailable']),
  /** In English; `msg` says the same as a catalogue message. */
  message: z.string().nullable(),
  msg: CatalogueMsg.optional(),
  /** The checked profile's key. */
  key: z.string(),
  at: z.string(),
});
export type HistoryStatus = z.infer<typeof HistoryStatus>;

export const AnalyzeResult = z.union([
  /** `profile`: the checked profile, when the request was `unchecked`. `history`: what happened to the history. */
  z.object({ ok: z.literal(true), report: Report, profile: Profile.optional(), history: HistoryStatus.optional() }),
  z.object({ ok: z.literal(false), error: z.string(), autoCheckOff: z.boolean().optional() }),
]);
export type AnalyzeResult = z.infer<typeof AnalyzeResult>;

/** The manager's decisions on a stored profile (content script, report page → background → history store). */
export const HistoryRequest = z.discriminatedUnion('type', [DismissRequest, UndismissRequest, VerifyRequest]);
export type HistoryRequest = z.infer<typeof HistoryRequest>;

export const Annotations = z.object({ dismissals: z.array(Dismissal), verified: Verification.nullable() });
export type Annotations = z.infer<typeof Annotations>;

export const HistoryUpdateResult = z.union([
  /** The profile's dismissals and verification after the change. */
  z.object({ ok: z.literal(true), dismissals: z.array(Dismissal), verified: Verification.nullable(), annotations: Annotations }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type HistoryUpdateResult = z.infer<typeof HistoryUpdateResult>;

export const AnnotationsResult = z.union([
  z.object({ ok: z.literal(true), annotations: Annotations }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AnnotationsResult = z.infer<typeof AnnotationsResult>;

/**
 * Re-run the rules on a stored profile (its last full read, `HistoryEntry.profile`) with the manager's current notes,
 * store the new report in the entry and return it. Extension pages only (the report page, after saving notes).
 */
export const ReanalyzeRequest = z.object({ type: z.literal('vetter:reanalyze'), key: z.string().min(1) });
export type ReanalyzeRequest = z.infer<typeof ReanalyzeRequest>;

export const ReanalyzeResult = z.union([
  z.object({ ok: z.literal(true), report: Report }),
  /** `noProfile`: the entry holds no full profile (older entries, imports); the notes apply at the next check. */
  z.object({ ok: z.literal(false), error: z.string(), noProfile: z.boolean().optional() }),
]);
export type ReanalyzeResult = z.infer<typeof ReanalyzeResult>;

/**
 * Background → the content script of the tab that sent a page-load check, after the early reply (issue 8): what
 * happened to the history when the entry was then stored (sent only when not simply saved: full, pruned, failed).
 * The content script checks it by hand (entrypoints/content/replies.ts historyStatusMessage) and only from the
 * extension itself (lib/security/senders.ts fromOwnExtension).
 */
export const HistoryStatusMessage = z.object({ type: z.literal('vetter:history-status'), status: HistoryStatus });
export type HistoryStatusMessage = z.infer<typeof HistoryStatusMessage>;
