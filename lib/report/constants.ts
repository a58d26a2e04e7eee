/**
 * The report's enumerations as plain constants (no zod), so the content script can check what the background sends
 * without bundling the schemas (issue 8: page speed). lib/report/schema.ts builds its zod enums from these.
 */
export const CATEGORIES = ['photo', 'education', 'employment', 'location', 'language', 'payment', 'links', 'account', 'text', 'interview'] as const;
export const SEVERITIES = ['info', 'low', 'medium', 'high'] as const;
export const LEVELS = ['none', 'low', 'medium', 'high'] as const;
/** The official sources the indicators come from (see docs/rules.md and lib/rules/sources.ts). */
export const INDICATOR_SOURCES = ['PSA23', 'ADV22', 'DOJ23', 'OFAC', 'SEAL', 'BfV', 'ROK22'] as const;
