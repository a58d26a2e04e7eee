/** Messages between content script, popup and background. Every message is validated on receipt. */
import { z } from 'zod';
import { Profile } from './profile/schema';
import { Report } from './report/schema';
import { Dismissal, Verification } from './history/schema';

export const AnalyzeRequest = z.object({ type: z.literal('vetter:analyze'), profile: Profile });
export const CheckRequest = z.object({ type: z.literal('vetter:check') });
export const Request = z.discriminatedUnion('type', [AnalyzeRequest, CheckRequest]);
export type Request = z.infer<typeof Request>;

export const CheckResult = z.union([
  z.object({ ok: z.literal(true), profile: Profile, report: Report }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type CheckResult = z.infer<typeof CheckResult>;

export const AnalyzeResult = z.union([
  z.object({ ok: z.literal(true), report: Report }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type AnalyzeResult = z.infer<typeof AnalyzeResult>;

/** The manager's decisions on a stored profile (content script, report page → background → history store). */
export const DismissRequest = z.object({ type: z.literal('vetter:dismiss'), key: z.string().min(1), dismissal: Dismissal });
export const UndismissRequest = z.object({ type: z.literal('vetter:undismiss'), key: z.string().min(1), ruleId: z.string().min(1), title: z.string() });
export const VerifyRequest = z.object({ type: z.literal('vetter:verify'), key: z.string().min(1), verified: Verification.nullable() });
export const HistoryRequest = z.discriminatedUnion('type', [DismissRequest, UndismissRequest, VerifyRequest]);
export type HistoryRequest = z.infer<typeof HistoryRequest>;

export const HistoryUpdateResult = z.union([
  /** The profile's dismissals and verification after the change. */
  z.object({ ok: z.literal(true), dismissals: z.array(Dismissal), verified: Verification.nullable() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type HistoryUpdateResult = z.infer<typeof HistoryUpdateResult>;

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
