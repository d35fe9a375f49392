// Valid 転入届 envelopes for the server tests, with fixed timestamps so rows compare exactly.
// The fictional resident and the PNG come from test/fixtures/applications.ts.
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { RESIDENT, TINY_PNG, tennyuEnvelope } from '../../test/fixtures/applications.ts';

export { RESIDENT, TINY_PNG };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function validEnvelope(overrides: Partial<Mutable<ApplicationEnvelope>> = {}): ApplicationEnvelope {
  return tennyuEnvelope({
    createdAt: '2026-12-01T00:30:00.000Z',
    card: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['attributes-read'] },
    signature: { png: TINY_PNG, signedAt: '2026-12-01T00:31:00.000Z' },
    ...overrides,
  });
}
