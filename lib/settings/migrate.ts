/**
 * Stored settings → current Settings: older versions are migrated one version step at a time; a partly damaged object
 * keeps every field (and every rule or site entry) that is still valid, and only the bad ones take their defaults.
 * Pure: the store (store.ts) keeps the original value aside and shows the notice.
 */
import { defaultSettings, Settings, SETTINGS_FIELDS, SETTINGS_VERSION, type SettingsField } from './schema';

type Obj = Record<string, unknown>;

/** One step per older version: STEPS[v] turns a version-v object into a version-(v+1) object. */
const STEPS: Record<number, (o: Obj) => Obj> = {
  // 1 → 2: `pruneWhenFull` is new; off keeps what version 1 did (report a full storage, never remove anything).
  1: (o) => ({ ...o, version: 2, pruneWhenFull: false }),
};

export interface Repaired {
  settings: Settings;
  /** The stored version when it was older and migrated (null: current, unknown or none). */
  migratedFrom: number | null;
  /** Fields (or `rules.<id>`, `autoCheck.<site>` entries) that were invalid and now have their default. */
  reset: string[];
  /** Plain-words reasons (what was wrong), for the notice. */
  problems: string[];
  /** Whether the stored value must be rewritten (migrated or repaired). */
  changed: boolean;
  /** Whether anything of the stored value was not carried over (reset fields, unknown fields, newer version). */
  lossy: boolean;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);
const issue = (e: { issues: { message: string }[] }) => e.issues[0]?.message ?? 'invalid';

/** Steps an older versioned object up to the current version; returns the version it started from. */
export function migrateSettingsObject(raw: Obj): { value: Obj; from: number | null } {
  const v = raw.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v >= SETTINGS_VERSION) return { value: raw, from: null };
  let o = raw;
  for (let i = v; i < SETTINGS_VERSION; i++) o = STEPS[i]!(o);
  return { value: o, from: v };
}

/** Any stored value → valid Settings, with what was migrated, kept and reset. */
export function repairSettings(raw: unknown): Repaired {
  const def = defaultSettings();
  if (!isObj(raw)) {
    return { settings: def, migratedFrom: null, reset: ['settings'], problems: [`the stored value is not a settings object (it is ${kindOf(raw)})`], changed: true, lossy: true };
  }
  const whole = Settings.safeParse(raw);
  const known = new Set<string>(['version', ...Object.keys(SETTINGS_FIELDS)]);
  const extra = Object.keys(raw).filter((k) => !known.has(k));
  if (whole.success && extra.length === 0) return { settings: whole.data, migratedFrom: null, reset: [], problems: [], changed: false, lossy: false };

  const problems: string[] = [];
  const v = raw.version;
  if (typeof v === 'number' && v > SETTINGS_VERSION) problems.push(`they were written by a newer Vetter (settings version ${v}; this one knows ${SETTINGS_VERSION})`);
  else if (v === undefined) problems.push('they carry no version');
  else if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) problems.push(`their version ${JSON.stringify(v)} is not one Vetter ever wrote`);
  const { value, from } = migrateSettingsObject(raw);

  const out: Obj = { version: SETTINGS_VERSION };
  const reset: string[] = [];
  for (const field of Object.keys(SETTINGS_FIELDS) as SettingsField[]) {
    const got = value[field];
    if (got === undefined) {
      out[field] = def[field];
      // A missing field is a reset only when the stored version should have had it.
      if (from === null) {
        reset.push(field);
        problems.push(`${field} is missing`);
      }
      continue;
    }
    const parsed = SETTINGS_FIELDS[field].safeParse(got);
    if (parsed.success) {
      out[field] = parsed.data;
      continue;
    }
    if ((field === 'rules' || field === 'autoCheck') && isObj(got)) {
      // Keep every valid entry of the map; only the bad entries go back to their default.
      const entrySchema = field === 'rules' ? SETTINGS_FIELDS.rules : SETTINGS_FIELDS.autoCheck;
      const kept: Obj = {};
      for (const [k, val] of Object.entries(got)) {
        const one = entrySchema.safeParse({ [k]: val });
        if (one.success) Object.assign(kept, one.data);
        else {
          reset.push(`${field}.${k}`);
          problems.push(`${field}.${k}: ${issue(one.error)}`);
        }
      }
      out[field] = kept;
      continue;
    }
    out[field] = def[field];
    reset.push(field);
    problems.push(`${field}: ${issue(parsed.error)}`);
  }
  if (extra.length) problems.push(`unknown field${extra.length === 1 ? '' : 's'} ${extra.join(', ')} not used`);
  const settings = Settings.parse(out);
  const lossy = reset.length > 0 || extra.length > 0 || problems.length > 0;
  return { settings, migratedFrom: from, reset, problems, changed: true, lossy };
}
