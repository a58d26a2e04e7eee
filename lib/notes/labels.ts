/**
 * Plain-words labels and help for the interview checklist, from the official guidance (FBI PSA 2023, 2022
 * State/Treasury/FBI advisory). Shared by the notes panel and anything that lists the manager's answers.
 */
import type { ChecklistItem, PastedText } from './schema';

export const CHECKLIST_TEXT: Record<ChecklistItem, { label: string; help: string }> = {
  camera: {
    label: 'Camera',
    help: 'Would not turn the camera on in a video interview, or kept it off with excuses (FBI guidance 2023).',
  },
  timeLocation: {
    label: 'Time or place on camera',
    help: 'On camera, the time of day, the surroundings or the look did not fit the claimed location or the profile photo (FBI guidance 2023).',
  },
  drugTest: {
    label: 'Drug test',
    help: 'Showed undue concern about a drug test or tried to avoid one (FBI guidance 2023).',
  },
  inPerson: {
    label: 'In-person meeting',
    help: 'Avoided any in-person meeting or in-person ID check (FBI guidance 2023).',
  },
  readingAnswers: {
    label: 'Reading answers',
    help: 'Long pauses or stalling, eyes moving as if reading, or wrong answers that sound plausible (FBI guidance 2023).',
  },
  addressChange: {
    label: 'Equipment address',
    help: 'Asked to ship the laptop somewhere other than the address on the ID, to a forwarding service, or changed the address once hired (FBI guidance 2023, 2022 advisory).',
  },
  advancePay: {
    label: 'Advance payment',
    help: 'Demanded payment in advance or without milestones, or became aggressive when refused (FBI guidance 2023, 2022 advisory).',
  },
  threats: {
    label: 'Threats',
    help: 'Threatened to release, sell or delete code or data unless paid (FBI guidance 2023).',
  },
  contactChanging: {
    label: 'Contact details',
    help: 'Phone numbers or e-mails did not work or kept changing, or pushed to move the conversation off the platform (2022 advisory).',
  },
  proxyAccount: {
    label: 'Account owner',
    help: 'The person on calls seems not to be the owner of the account: another name on the payment details, a different voice or face between calls (2022 advisory).',
  },
};

export const ANSWER_TEXT = { concern: 'Concern', 'no-concern': 'No concern', unknown: 'Not checked' } as const;

export const PASTE_KIND_TEXT: Record<PastedText['kind'], string> = {
  payment: 'Payment instructions',
  message: 'Message',
  other: 'Other',
};
