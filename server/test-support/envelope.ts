// Valid 転入届 envelopes for the server tests, signed over their content as the tablet does, with
// fixed timestamps so rows compare exactly. The data come from test/fixtures/applications.ts.
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { signedTennyuEnvelope } from '../../test/fixtures/applications.ts';

export {
  drawnSignature,
  householdOf,
  moverRow,
  RESIDENT,
  signed,
  TINY_PNG,
  tennyuEnvelope,
  typedSignature,
} from '../../test/fixtures/applications.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function validEnvelope(
  overrides: Partial<Mutable<ApplicationEnvelope>> = {},
): Promise<ApplicationEnvelope> {
  return signedTennyuEnvelope({
    card: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['attributes-read'] },
    ...overrides,
  });
}
