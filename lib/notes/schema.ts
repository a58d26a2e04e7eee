/**
 * The manager's own evidence for one profile: what no page shows (interview checklist from the official guidance,
 * the shipping address for equipment, pasted payment instructions and messages). Stored with the profile's history
 * entry; the rules read it through `RuleContext.notes`. Validated at every boundary (storage, messages, imports).
 */
import { z } from 'zod';

/** Interview and conduct items from PSA23 / ADV22 (shared/indicators.md, "seen in: notes"). */
export const CHECKLIST_ITEMS = [
  'camera', // would not turn the camera on; look, place or time inconsistent on camera
  'drugTest', // undue concern about a drug test
  'inPerson', // avoids any in-person meeting
  'readingAnswers', // pauses, eyes scanning as if reading; wrong but plausible answers
  'timeLocation', // time or location inconsistent with the claimed location
  'addressChange', // equipment address changed on hire, forwarding address, cannot receive at the ID's address
  'advancePay', // demands advance payment, aggressive when refused
  'threats', // threatened to release code or data
  'contactChanging', // phone numbers or emails incorrect or changing; pushes off-platform
  'proxyAccount', // the account owner and the worker seem to be different people
] as const;
export const ChecklistItem = z.enum(CHECKLIST_ITEMS);
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** `concern` = the manager saw it; `no-concern` = checked and fine; `unknown` = not checked (the default). */
export const ChecklistAnswer = z.object({
  answer: z.enum(['unknown', 'no-concern', 'concern']),
  note: z.string().max(2_000),
});
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

export const PASTE_KINDS = ['payment', 'message', 'other'] as const;
export const PastedText = z.object({
  kind: z.enum(PASTE_KINDS),
  text: z.string().max(20_000),
  addedAt: z.string().datetime({ offset: true }),
});
export type PastedText = z.infer<typeof PastedText>;

export const ManagerNotes = z.object({
  checklist: z.partialRecord(ChecklistItem, ChecklistAnswer),
  /** Where the candidate asked equipment to be shipped. */
  shippingAddress: z.string().max(2_000).nullable(),
  /** Earlier shipping addresses, newest last (a change after hire is itself a red flag). */
  previousAddresses: z.array(z.string().max(2_000)),
  pasted: z.array(PastedText).max(200),
  /** Free-form note. */
  comment: z.string().max(20_000),
  updatedAt: z.string().datetime({ offset: true }),
});
export type ManagerNotes = z.infer<typeof ManagerNotes>;

export function emptyNotes(now = new Date()): ManagerNotes {
  return { checklist: {}, shippingAddress: null, previousAddresses: [], pasted: [], comment: '', updatedAt: now.toISOString() };
}
