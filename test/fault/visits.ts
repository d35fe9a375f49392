// The visits the fault test's tablets enqueue: valid, signed applications built in Node from the
// fictional fixtures (test/fixtures/), fresh ids per application and a fresh visitId per visit.
// Most visits hold one 転入届; some hold two or three procedures of the same visit. Each
// application's signature record carries the SHA-256 of exactly its own content, as the tablet
// makes it when the resident signs, so the back office accepts it.
import type { ApplicationEnvelope } from '../../shared/application.ts';
import type { ProcedureLookup } from '../../shared/procedures/registry.ts';
import { type AnswerValue, isGroup, type ProcedureValues } from '../../shared/procedures/types.ts';
import { drawnSignature, signedTennyuEnvelope } from '../fixtures/applications.ts';
import { sample as juminhyo } from '../fixtures/samples/juminhyo.ts';
import { sample as kokuhoShutoku } from '../fixtures/samples/kokuho-shutoku.ts';
import { sample as sodaiGomi } from '../fixtures/samples/sodai-gomi.ts';
import type { Rng } from './prng.ts';

/** Procedures that may join a 転入届 in one visit, with their fictional samples. */
const COMPANIONS: readonly { readonly id: string; readonly sample: ProcedureValues }[] = [
  { id: 'juminhyo', sample: juminhyo },
  { id: 'kokuho-shutoku', sample: kokuhoShutoku },
  { id: 'sodai-gomi', sample: sodaiGomi },
];

/** Every field of the procedure present (hidden ones empty), as the tablet sends them. */
function completeFields(procedures: ProcedureLookup, id: string, sample: ProcedureValues): ProcedureValues {
  const procedure = procedures.get(id);
  if (!procedure) throw new Error(`unknown procedure ${id}`);
  const fields: Record<string, AnswerValue> = {};
  for (const f of procedure.fields) fields[f.name] = sample[f.name] ?? (isGroup(f.spec) ? [] : '');
  return fields;
}

export interface VisitMaker {
  /** One visit: 1 application (most), or 2–3 procedures of the same visit. */
  next(): Promise<ApplicationEnvelope[]>;
}

export function visitMaker(procedures: ProcedureLookup, rng: Rng): VisitMaker {
  const companions = COMPANIONS.map((c) => ({
    id: c.id,
    fields: completeFields(procedures, c.id, c.sample),
    scope: procedures.get(c.id)?.signature ?? 'visit',
  }));
  return {
    async next() {
      const visitId = crypto.randomUUID();
      const size = rng.chance(0.75) ? 1 : rng.int(2, 3);
      const visit = [await signedTennyuEnvelope({ visitId })];
      const others = [...companions].sort(() => rng.next() - 0.5).slice(0, size - 1);
      for (const c of others)
        visit.push(
          await signedTennyuEnvelope({
            visitId,
            procedure: c.id,
            fields: c.fields,
            signature: drawnSignature({ scope: c.scope }),
          }),
        );
      return visit;
    },
  };
}
