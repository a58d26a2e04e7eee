/** `npm run check -- --profile p.json --notes notes.json`: notes feed the rules; bad notes exit 2 with a clear message. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckOutput, main } from '../../lib/cli/check';
import { fixturePath, loadFixture, makeProfile } from './helpers';
import { concernOn, makeNotes, paste } from './notes-helpers';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vetter-cli-notes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const profile = makeProfile({ name: 'Daniel K.', location: { raw: 'Dallas, TX, United States', city: 'Dallas', country: 'US' } });
const notes = makeNotes({
  checklist: { camera: concernOn('Camera off in both calls.') },
  pasted: [paste('payment', 'Account holder: Ri Song Chol\nUSDT TRC20 TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')],
});

describe('check CLI: --notes', () => {
  it('json output includes the notes findings with notes evidence, and the level they give', () => {
    const p = write('p.json', JSON.stringify(profile));
    const without = run(['--profile', p, '--format', 'json']);
    expect(CheckOutput.parse(JSON.parse(without.out[0]!)).report.level).toBe('none');
    const r = run(['--profile', p, '--notes', write('n.json', JSON.stringify(notes)), '--format', 'json']);
    expect(r.code, r.err.join('\n')).toBe(0);
    const { report } = CheckOutput.parse(JSON.parse(r.out[0]!));
    expect(report.level).toBe('high');
    expect(report.findings.map((f) => f.ruleId).sort()).toEqual(['camera', 'pay-crypto', 'pay-third-party']);
    expect(report.findings.find((f) => f.ruleId === 'camera')!.evidence[0]).toEqual({ field: 'notes.checklist.camera', excerpt: 'Camera off in both calls.' });
    expect(report.findings.find((f) => f.ruleId === 'pay-crypto')!.evidence[0]!.field).toBe('notes.pasted[0]');
  });

  it('text output shows where in the notes each flag was seen; notes wrapped as {notes} are accepted', () => {
    const r = run(['--profile', write('p2.json', JSON.stringify(profile)), '--notes', write('wrapped.json', JSON.stringify({ notes }))]);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toContain('seen at notes.checklist.camera: Camera off in both calls.');
    expect(text).toContain('seen at notes.pasted[0]');
  });

  it('works with a saved page too', () => {
    const { url } = loadFixture('clean');
    const r = run([fixturePath('clean'), '--url', url, '--notes', write('n2.json', JSON.stringify(notes)), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(CheckOutput.parse(JSON.parse(r.out[0]!)).report.findings.some((f) => f.ruleId === 'camera')).toBe(true);
  });

  it('invalid notes → exit 2 naming the bad field, nothing printed on stdout', () => {
    const bad = { ...notes, checklist: { camera: { answer: 'maybe', note: '' } } };
    const r = run(['--profile', write('p3.json', JSON.stringify(profile)), '--notes', write('bad.json', JSON.stringify(bad))]);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    const msg = r.err.join('\n');
    expect(msg).toContain('does not match the ManagerNotes schema');
    expect(msg).toContain('checklist.camera.answer');
    expect(msg).toContain('usage:');
  });

  it('non-JSON notes, a missing notes file, and --notes without a value → exit 2', () => {
    const p = write('p4.json', JSON.stringify(profile));
    expect(run(['--profile', p, '--notes', write('x.json', 'not json')]).err.join('\n')).toContain('the notes file is not valid JSON');
    const missing = run(['--profile', p, '--notes', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('ENOENT');
    expect(run(['--profile', p, '--notes']).err.join('\n')).toContain('--notes needs a value');
  });
});
