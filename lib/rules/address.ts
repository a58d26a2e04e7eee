import type { Evidence } from '../report/schema';
import type { FindingDraft, Rule } from './types';
import { SOURCES } from './sources';
import { checklistEvidence, concern } from './notes-helpers';
import { foldText } from '../text/fold';
import { clip } from './text';
import { nest, noteP, texts, draft } from './msg';

/** Parcel forwarders, reshipping and freight services. */
const FORWARDER =
  /\b(?:freight ?forward\w*|forwarding (?:address|service|company|warehouse)|package forward\w*|parcel forward\w*|mail forward\w*|re-?ship\w*|shipito|myus|planet express|stackry|borderlinx|shop ?and ?ship|quicship|viabox|forward2me|logistics warehouse|consolidat(?:ion|or) (?:warehouse|address))\b/i;
/** Mail drops: a weaker sign (PO boxes and "care of" addresses are ordinary for many people). */
const MAIL_DROP = /\b(?:p\.?\s?o\.?\s?box|post office box|pmb\s?#?\d+|private mailbox|c\/o\b|care of)\b/i;

export const address: Rule = {
  meta: {
    id: 'address',
    title: 'Equipment address is a forwarding address or changes once hired',
    category: 'interview',
    severity: 'high',
    weight: 'strong',
    indicator: { source: 'PSA23', url: SOURCES.PSA23.url },
    description:
      'Reads the shipping address the hiring manager recorded for equipment: a change of address (the earlier ones are kept), a parcel-forwarding or reshipping service (high), a PO box or "care of" address (medium), and a concern marked for "address" in the checklist (the address changed on hire, or the candidate cannot receive at the address on the ID). The FBI guidance (PSA 2023) and the 2022 advisory name requests to ship laptops to a different address, often a forwarder or "laptop farm", as a red flag. The same address typed again differently (case, spacing) is not a change.',
  },
  check(_p, ctx) {
    const n = ctx.notes;
    if (!n) return [];
    const out: FindingDraft[] = [];
    const a = concern(ctx, 'addressChange');
    const current = n.shippingAddress?.trim() ? n.shippingAddress : null;
    const earlier = n.previousAddresses
      .map((addr, i) => ({ addr, i }))
      .filter(({ addr }) => addr.trim() && (!current || foldText(addr) !== foldText(current)));
    if (a || (current && earlier.length)) {
      const evidence: Evidence[] = [];
      if (a) evidence.push(checklistEvidence('addressChange', a));
      if (current && earlier.length) {
        for (const { addr, i } of earlier) evidence.push({ field: `notes.previousAddresses[${i}]`, excerpt: clip(addr) });
        evidence.push({ field: 'notes.shippingAddress', excerpt: clip(current) });
      }
      const parts = [
        current && earlier.length
          ? nest(earlier.length === 1 ? 'f_addressChanged_once' : 'f_addressChanged_times', clip(earlier[earlier.length - 1]!.addr, 80), clip(current, 80), earlier.length)
          : null,
        a ? nest('f_addressChanged_concern', noteP(a)) : null,
      ].filter((x) => x !== null);
      out.push(draft(texts('f_addressChanged', [parts.length === 2 ? nest('l_semiAnd', parts[0]!, parts[1]!) : parts[0]!]), evidence));
    }
    if (current) {
      const fw = current.match(FORWARDER);
      const drop = fw ? null : current.match(MAIL_DROP);
      if (fw || drop)
        out.push(
          draft(
            texts(fw ? 'f_addressForwarder' : 'f_addressDrop', [fw ? fw[0] : drop![0]], { nextStep: 'f_addressForward_next' }),
            [{ field: 'notes.shippingAddress', excerpt: clip(current) }],
            fw ? undefined : 'medium',
          ),
        );
    }
    return out;
  },
};
