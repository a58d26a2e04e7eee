import { analyzeNotes, NotesAnalysis } from '../../lib/notes/analyze';
import { emptyNotes } from '../../lib/notes/schema';
const texts = [
  'Hi, thanks for the offer. For the first milestone please send payment to my PayPal account (my partner handles it): pay.partner1@example.com. I can start tomorrow.',
  'Hello! I prefer to be paid in USDT (TRC20) to this wallet: TXk8bQ9mUx2VvK9ZK7YqPq3aLh5bqJtXW. Also we can continue on Telegram @dev_1 if that is easier.',
  'Payment details changed: my new Payoneer account is under the name Chen Wei. 50% upfront before I start, the rest on delivery.',
  'Thanks for the call today. I will send the first draft on Friday and we can review it together over the platform messages.',
];
const notes = texts.map((t) => { const n = emptyNotes(); n.pasted = [{ kind: 'payment', text: t, addedAt: n.updatedAt }]; return n; });
const run = (name: string, f: () => void) => { for (let i = 0; i < 3000; i++) f(); const c = process.cpuUsage(); for (let i = 0; i < 3000; i++) f(); const u = process.cpuUsage(c); console.log(name, ((u.user + u.system) / 3000 / 4).toFixed(1), 'µs per notes'); };
run('analyzeNotes', () => { for (const n of notes) analyzeNotes(n, 'Daniel Kim'); });
const as = notes.map((n) => analyzeNotes(n, 'Daniel Kim'));
run('parse only', () => { for (const a of as) NotesAnalysis.parse(a); });
console.log(as.map((a) => a.hits.length));
