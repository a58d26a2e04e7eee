import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckOutput, main, parseArgs, UsageError } from '../../lib/cli/check';
import { fixturePath, loadFixture, REPO_ROOT } from './helpers';

const FLAGGED = fixturePath('full-flagged');
const FLAGGED_URL = loadFixture('full-flagged').url;
const CLEAN = fixturePath('clean');
const CLEAN_URL = loadFixture('clean').url;

function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetter-cli-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writeTemp(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** The JSON output of a successful run on the flagged fixture. */
function flaggedJson() {
  const r = run([FLAGGED, '--url', FLAGGED_URL, '--format', 'json']);
  expect(r.code).toBe(0);
  return CheckOutput.parse(JSON.parse(r.out.join('\n')));
}

describe('check CLI: saved pages', () => {
  it('json output for full-flagged.html is {profile, report} with level high and the three rules', () => {
    const r = run([FLAGGED, '--url', FLAGGED_URL, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out).toHaveLength(1);
    const parsed = CheckOutput.safeParse(JSON.parse(r.out[0]!));
    expect(parsed.success).toBe(true);
    const { profile, report } = parsed.data!;
    expect(profile.name).toBe('Daniel K.');
    expect(profile.source.url).toBe(FLAGGED_URL);
    expect(report.level).toBe('high');
    expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(['photo-missing', 'edu-asia-emp-west', 'emp-front', 'lang-korean', 'pay-crypto', 'pay-third-party', 'pay-advance', 'off-platform']));
  });

  it('text output is the default and names the level and the flags', () => {
    const r = run([FLAGGED, '--url', FLAGGED_URL]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('Daniel K.');
    expect(text).toContain('Level: HIGH');
    expect(text).toContain('8 flags');
    expect(text).toContain('seen at employment[0].company: HopanaTech');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('the clean fixture checks with level none', () => {
    const r = run([CLEAN, '--format', 'json', '--url', CLEAN_URL]);
    expect(r.code).toBe(0);
    const { report } = CheckOutput.parse(JSON.parse(r.out[0]!));
    expect(report.level).toBe('none');
    expect(report.findings).toEqual([]);
  });

  it('an unknown URL without --generic → exit 2 with a clear message', () => {
    const r = run([FLAGGED, '--url', 'https://example.com/x']);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    const msg = r.err.join('\n');
    expect(msg).toContain('no site extractor handles https://example.com/x');
    expect(msg).toContain('--generic');
    expect(msg).toContain('usage:');
  });

  it('an unknown URL with --generic is read by the generic reader', () => {
    const r = run([FLAGGED, '--url', 'https://example.com/x', '--generic', '--format', 'json']);
    expect(r.code).toBe(0);
    const { profile } = CheckOutput.parse(JSON.parse(r.out[0]!));
    expect(profile.source.platform).toBe('generic');
  });

  it('a missing --url → exit 2', () => {
    const r = run([FLAGGED]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(/needs --url/);
  });

  it('--url without a value → exit 2', () => {
    const r = run([FLAGGED, '--url']);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('--url needs a value');
  });

  it('a URL that is not http(s) → exit 2', () => {
    expect(run([FLAGGED, '--url', 'not a url']).code).toBe(2);
    const r = run([FLAGGED, '--url', 'ftp://www.upwork.com/freelancers/~01f3a9c2b7d4e5a6b1']);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('not an http(s) URL');
  });

  it('a nonexistent file → exit 2', () => {
    const missing = join(dir, 'does-not-exist.html');
    const r = run([missing, '--url', FLAGGED_URL]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain(`cannot read ${missing}: ENOENT`);
  });

  it('a file that is not HTML → exit 2', () => {
    const txt = writeTemp('notes.txt', 'just some plain text, no markup at all');
    const r = run([txt, '--url', FLAGGED_URL]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('does not look like an HTML page');
  });

  it('--format xml → exit 2', () => {
    const r = run([FLAGGED, '--url', FLAGGED_URL, '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toContain('--format must be text or json, not "xml"');
  });

  it('no arguments, unknown options, extra arguments → exit 2', () => {
    expect(run([]).code).toBe(2);
    expect(run([FLAGGED, '--url', FLAGGED_URL, '--verbose']).err.join('\n')).toContain('unknown option --verbose');
    expect(run([FLAGGED, FLAGGED, '--url', FLAGGED_URL]).err.join('\n')).toContain('unexpected argument');
    const help = run(['--help']);
    expect(help.code).toBe(2);
    expect(help.err.join('\n')).toMatch(/^usage:/);
  });
});

describe('check CLI: --profile', () => {
  it('checks a valid profile JSON', () => {
    const { profile, report } = flaggedJson();
    const file = writeTemp('profile.json', JSON.stringify(profile));
    const r = run(['--profile', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    const again = CheckOutput.parse(JSON.parse(r.out[0]!));
    expect(again.profile).toEqual(profile);
    expect(again.report.level).toBe('high');
    expect(again.report.findings.map((f) => f.ruleId).sort()).toEqual(report.findings.map((f) => f.ruleId).sort());
  });

  it('accepts a previous {profile, report} output', () => {
    const output = flaggedJson();
    const file = writeTemp('output.json', JSON.stringify(output));
    const r = run(['--profile', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(CheckOutput.parse(JSON.parse(r.out[0]!)).report.level).toBe('high');
  });

  it('an invalid profile → exit 2, naming the bad field path', () => {
    const { profile } = flaggedJson();
    const bad = { ...profile, education: [{ ...profile.education[0]!, start: 'spring 2010' }] };
    const file = writeTemp('bad-profile.json', JSON.stringify(bad));
    const r = run(['--profile', file]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    const msg = r.err.join('\n');
    expect(msg).toContain('does not match the Profile schema');
    expect(msg).toContain('education.0.start');
    // Only the broken field is reported.
    expect(msg).not.toContain('employment');
  });

  it('a profile with a missing required field names that field', () => {
    const { profile } = flaggedJson();
    const noSource: Partial<typeof profile> = { ...profile };
    delete noSource.source;
    const file = writeTemp('no-source.json', JSON.stringify(noSource));
    const r = run(['--profile', file]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toMatch(/- source:/);
  });

  it('non-JSON → exit 2', () => {
    const file = writeTemp('not-json.json', '{ this is not json');
    const r = run(['--profile', file]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('not valid JSON');
  });

  it('a nonexistent profile file → exit 2', () => {
    const r = run(['--profile', join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.err.join('\n')).toContain('ENOENT');
  });

  it('a saved page and --profile together → exit 2', () => {
    expect(run([FLAGGED, '--profile', 'x.json']).err.join('\n')).toContain('not both');
  });
});

describe('parseArgs', () => {
  it('reads the options in any order', () => {
    expect(parseArgs(['--format', 'json', 'page.html', '--generic', '--url', 'https://x.example/'])).toEqual({
      file: 'page.html',
      url: 'https://x.example/',
      format: 'json',
      generic: true,
    });
  });

  it('throws UsageError on bad input', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['--format', 'yaml', 'x.html'])).toThrow(UsageError);
  });
});

describe('check CLI: the real command', () => {
  it(
    'npx tsx lib/cli/check.ts … --format json prints a valid report',
    async () => {
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'lib/cli/check.ts', FLAGGED, '--url', FLAGGED_URL, '--format', 'json'], {
        cwd: REPO_ROOT,
        timeout: 30_000,
        maxBuffer: 10 * 1024 * 1024,
      });
      const { profile, report } = CheckOutput.parse(JSON.parse(stdout));
      expect(profile.name).toBe('Daniel K.');
      expect(report.level).toBe('high');
      expect(new Set(report.findings.map((f) => f.ruleId))).toEqual(new Set(['photo-missing', 'edu-asia-emp-west', 'emp-front', 'lang-korean', 'pay-crypto', 'pay-third-party', 'pay-advance', 'off-platform']));
    },
    35_000,
  );

  it(
    'exits with status 2 on bad input',
    async () => {
      const err = await promisify(execFile)('npx', ['tsx', 'lib/cli/check.ts', FLAGGED, '--url', 'https://example.com/x'], {
        cwd: REPO_ROOT,
        timeout: 30_000,
      }).then(
        () => null,
        (e: { code?: number; stderr?: string }) => e,
      );
      expect(err).not.toBeNull();
      expect(err!.code).toBe(2);
      expect(err!.stderr).toContain('no site extractor handles');
    },
    35_000,
  );
});
