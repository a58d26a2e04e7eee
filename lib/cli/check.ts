/**
 * Command-line check on saved pages or profiles, with the same extractors and engine as the extension.
 *   npm run check -- <saved.html> --url <original URL> [--format text|json] [--generic]
 *   npm run check -- --profile <profile.json> [--notes <notes.json>] [--format text|json]
 * `--notes` adds the manager's own evidence (ManagerNotes: interview checklist, shipping address, pasted text) to
 * either form. Exit codes: 0 checked; 2 bad input (unreadable file, unknown URL, invalid profile or notes);
 * 1 unexpected failure.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { analyze } from '../engine';
import { enrichProfile } from '../data/places';
import { extractProfile, siteExtractorFor } from '../extractors';
import { ManagerNotes } from '../notes/schema';
import { Profile } from '../profile/schema';
import { Report } from '../report/schema';
import { formatReportText } from './format';

export class UsageError extends Error {}

export const CheckOutput = z.object({ profile: Profile, report: Report });

export interface CheckArgs {
  file?: string;
  url?: string;
  profile?: string;
  notes?: string;
  format: 'text' | 'json';
  generic: boolean;
}

export function parseArgs(argv: string[]): CheckArgs {
  const a: CheckArgs = { format: 'text', generic: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${k} needs a value`);
      return v;
    };
    if (k === '--url') a.url = val();
    else if (k === '--profile') a.profile = val();
    else if (k === '--notes') a.notes = val();
    else if (k === '--format') {
      const f = val();
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      a.format = f;
    } else if (k === '--generic') a.generic = true;
    else if (k === '--help' || k === '-h') throw new UsageError('');
    else if (k.startsWith('-')) throw new UsageError(`unknown option ${k}`);
    else if (!a.file) a.file = k;
    else throw new UsageError(`unexpected argument ${k}`);
  }
  if (!a.file && !a.profile) throw new UsageError('give a saved page (with --url) or --profile <profile.json>');
  if (a.file && a.profile) throw new UsageError('give either a saved page or --profile, not both');
  return a;
}

/** Plain-words rendering of a zod error: one line per problem with its path. */
export function explainZod(err: z.ZodError): string {
  return err.issues.map((i) => `  - ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`).join('\n');
}

export function parseHtmlDocument(html: string): Document {
  if (!/<[a-z!]/i.test(html)) throw new UsageError('the file does not look like an HTML page');
  return parseHTML(html).document as unknown as Document;
}

/**
 * `liveClock`: the page was read just now (not a saved file), so the local time it shows can be compared with the
 * clock; the tests use it for pages rendered at request time.
 */
export function checkHtml(html: string, url: string, opts: { generic?: boolean; now?: Date; liveClock?: boolean; notes?: ManagerNotes | null } = {}) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`"${url}" is not a URL`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UsageError(`"${url}" is not an http(s) URL`);
  if (!opts.generic && !siteExtractorFor(u.href))
    throw new UsageError(`no site extractor handles ${u.href} (supported: profile pages on Upwork, Freelancer.com, Fiverr, Toptal, LinkedIn, GitHub, Guru, PeoplePerHour); add --generic to read it with the generic reader`);
  const doc = parseHtmlDocument(html);
  const profile = enrichProfile(extractProfile(doc, { url: u.href, now: opts.now, forceGeneric: opts.generic && !siteExtractorFor(u.href) }));
  return CheckOutput.parse({ profile, report: analyze(profile, { now: opts.now, notes: opts.notes, disabled: opts.liveClock ? new Set() : SAVED_PAGE_DISABLED }) });
}

/**
 * Rules the CLI does not run: it checks saved material, and the local time a saved page shows is as old as the file
 * (a profile JSON made from a saved page carries the time of that run, not of the page), so comparing it with the
 * clock (loc-time) would be noise. The extension reads live pages and runs every rule.
 */
export const SAVED_PAGE_DISABLED: ReadonlySet<string> = new Set(['loc-time']);

/**
 * The manager's notes from a JSON file: a bare ManagerNotes, or an object with a `notes` member (as a history export
 * carries them). Invalid notes are a usage error listing each problem with its path.
 */
export function parseNotesJson(text: string): ManagerNotes {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the notes file is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const candidate = json && typeof json === 'object' && !Array.isArray(json) && 'notes' in json && !('checklist' in json) ? (json as { notes: unknown }).notes : json;
  const parsed = ManagerNotes.safeParse(candidate);
  if (!parsed.success) throw new UsageError(`the notes file does not match the ManagerNotes schema (checklist, shippingAddress, previousAddresses, pasted, comment, updatedAt):\n${explainZod(parsed.error)}`);
  return parsed.data;
}

export function checkProfileJson(text: string, opts: { now?: Date; notes?: ManagerNotes | null } = {}) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`the profile file is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  // Accept a bare Profile or a previous {profile, report} output.
  const candidate = json && typeof json === 'object' && 'profile' in json ? (json as { profile: unknown }).profile : json;
  const parsed = Profile.safeParse(candidate);
  if (!parsed.success) throw new UsageError(`the profile file does not match the Profile schema:\n${explainZod(parsed.error)}`);
  const profile = enrichProfile(parsed.data);
  return CheckOutput.parse({ profile, report: analyze(profile, { now: opts.now, notes: opts.notes, disabled: SAVED_PAGE_DISABLED }) });
}

const USAGE = `usage:
  npm run check -- <saved.html> --url <the page's original URL> [--notes <notes.json>] [--format text|json] [--generic]
  npm run check -- --profile <profile.json> [--notes <notes.json>] [--format text|json]`;

export function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  let args: CheckArgs;
  try {
    args = parseArgs(argv);
    const read = (p: string) => {
      try {
        return readFileSync(p, 'utf8');
      } catch (e) {
        throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      }
    };
    let result;
    const notes = args.notes ? parseNotesJson(read(args.notes)) : null;
    if (args.profile) result = checkProfileJson(read(args.profile), { notes });
    else {
      if (!args.url) throw new UsageError('a saved page needs --url <the page\'s original URL> (it decides which extractor reads it)');
      result = checkHtml(read(args.file!), args.url, { generic: args.generic, notes });
    }
    out(args.format === 'json' ? JSON.stringify(result, null, 2) : formatReportText(result.profile, result.report));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message ? `vetter check: ${e.message}\n\n${USAGE}` : USAGE);
      return 2;
    }
    err(`vetter check: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) process.exitCode = main(process.argv.slice(2));
