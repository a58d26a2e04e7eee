/**
 * Engine throughput (issue 4): `analyze` (enrichment, every rule, scoring) over a generated batch of profiles.
 *
 * The batch is built from the fixture profiles (real page shapes: headline, overview, employment, education, reviews,
 * links), each copy made distinct so that nothing cached by text or by object carries over from one profile to the
 * next: its own name, and its own overview (the fixture's sentences rotated, plus a sentence of its own). One in ten
 * gets the manager's notes (an interview checklist answer and a pasted payment message, varied), as for the profiles a
 * manager actually interviews. Warm-up on a separate batch (JIT, the reference-data indexes built on first use).
 */
import { emptyNotes, type ManagerNotes } from '../../lib/notes/schema';
import type { Profile } from '../../lib/profile/schema';
import { sentences } from '../../lib/rules/text';
import type { EngineApi } from './engine-bundle';

const PASTES = [
  'Hi, thanks for the offer. For the first milestone please send payment to my PayPal account (my partner handles it): pay.partner{i}@example.com. I can start tomorrow.',
  'Hello! I prefer to be paid in USDT (TRC20) to this wallet: TXk8{i}bQ9mUx2VvK9ZK7YqPq3aLh5bqJtXW. Also we can continue on Telegram @dev_{i} if that is easier.',
  'Payment details changed: my new Payoneer account is under the name Chen Wei {i}. 50% upfront before I start, the rest on delivery.',
  'Thanks for the call today. I will send the first draft on Friday and we can review it together over the platform messages.',
];

function notesFor(i: number): ManagerNotes {
  const n = emptyNotes(new Date('2026-01-01T00:00:00Z'));
  n.checklist = { camera: { answer: i % 20 === 0 ? 'concern' : 'no-concern', note: i % 20 === 0 ? 'Camera "broken" on both calls' : '' } };
  n.pasted = [{ kind: 'payment', text: PASTES[(i / 10) % PASTES.length | 0]!.replaceAll('{i}', String(i)), addedAt: '2026-01-02T00:00:00Z' }];
  return n;
}

/** `n` distinct profiles from the fixtures; `notes[i]` is set for one in ten. */
export function engineBatch(fixtures: readonly Profile[], n: number, tag: string): { profiles: Profile[]; notes: (ManagerNotes | null)[] } {
  const profiles: Profile[] = [];
  const notes: (ManagerNotes | null)[] = [];
  for (let i = 0; i < n; i++) {
    const p = structuredClone(fixtures[i % fixtures.length]!);
    p.name = `${p.name ?? 'x'} ${tag}${i}`;
    const ss = p.overview ? sentences(p.overview) : [];
    const k = ss.length ? i % ss.length : 0;
    p.overview = [...ss.slice(k), ...ss.slice(0, k), `Reference ${tag}${i}: happy to share more on a call.`].join(' ');
    profiles.push(p);
    notes.push(i % 10 === 0 ? notesFor(i) : null);
  }
  return { profiles, notes };
}

/** `engine`: the bundled engine or the modules under tsx (tests/bench/engine-bundle.ts); `how` says which. */
export function benchEngine(fixtures: readonly Profile[], uptime: () => string, { engine, how }: { engine: EngineApi; how: string }): void {
  const { analyze, runRules, enrichProfile, RULES } = engine;
  const N = 20_000;
  // In chunks of 1,000 (made before each timed run, not timed): the extension holds one profile at a time, and 20,000
  // copies held at once would make the garbage collector's work, not the engine's, a large part of the figure.
  const CHUNK = 1_000;
  const run = (tag: string, time: boolean) => {
    let ms = 0;
    let cpuMs = 0;
    let findings = 0;
    const now = new Date();
    for (let k = 0; k < N / CHUNK; k++) {
      const { profiles, notes } = engineBatch(fixtures, CHUNK, `${tag}${k}-`);
      const c = process.cpuUsage();
      const t = performance.now();
      for (let i = 0; i < CHUNK; i++) findings += analyze(profiles[i]!, { notes: notes[i], now }).findings.length;
      ms += performance.now() - t;
      const u = process.cpuUsage(c);
      cpuMs += (u.user + u.system) / 1000;
    }
    if (time)
      console.log(
        `\nEngine (${how}; ${RULES.length} rules, ${N.toLocaleString('en')} distinct profiles from ${fixtures.length} fixtures, notes on 1 in 10, ${(findings / N).toFixed(2)} findings each): ` +
          `${ms.toFixed(0)} ms = ${Math.round((N / ms) * 1000).toLocaleString('en')} profiles/s wall-clock, ${Math.round((N / cpuMs) * 1000).toLocaleString('en')} profiles/s of CPU time (target ≥ 20,000/s; ${uptime()})`,
      );
  };
  run('w', false);
  run('b', true);
  const now = new Date();
  // Per rule (CPU time over a batch, the rule alone). The per-text work the rules share (the texts list, their word
  // families and sentences, lib/rules/text.ts) is kept for the profile object checked last only, so each text rule's
  // figure here includes that work for every profile; in a full check it is done once for all rules.
  const b = engineBatch(fixtures, 5_000, 'r');
  const enriched = b.profiles.map(enrichProfile);
  // One untimed pass first, so the first rule timed does not pay for the batch's first touch and the reference data.
  for (let i = 0; i < enriched.length; i++) runRules(enriched[i]!, { notes: b.notes[i], now });
  const rows: [string, number][] = [];
  for (const rule of RULES) {
    const c = process.cpuUsage();
    for (let i = 0; i < enriched.length; i++) runRules(enriched[i]!, { rules: [rule], notes: b.notes[i], now });
    const u = process.cpuUsage(c);
    rows.push([rule.meta.id, (u.user + u.system) / enriched.length]);
  }
  rows.sort((x, y) => y[1] - x[1]);
  console.log(`  CPU µs per profile, per rule (5,000 profiles): ${rows.slice(0, 12).map(([id, us]) => `${id} ${us.toFixed(1)}`).join(', ')}; the other ${rows.length - 12} ≤ ${rows[12]![1].toFixed(1)} each`);
}
