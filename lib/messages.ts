/** Messages between content script, popup and background. Every message is validated on receipt. */
import { z } from 'zod';
import { Profile } from './profile/schema';
import { Report } from './report/schema';

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
