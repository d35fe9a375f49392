// Valid 転入届 envelopes for the server tests: a fictional resident, a 1×1 PNG as the signature,
// a fresh UUID per call. Fields follow shared/procedures/tennyu.ts.
import type { ApplicationEnvelope } from '../../shared/application.ts';

export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** Fictional persona: no such person or address exists. */
export const RESIDENT = {
  name: '試験 花子',
  nameKana: 'シケン　ハナコ',
  birthDate: '1990-04-01',
  sex: '2',
  previousAddress: '北海道架空郡見本町字試験１２３番地',
  postalCode: '1000099',
  address: '東京都架空区見本町三丁目４番５号',
  moveDate: '2026-11-20',
} as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function validEnvelope(overrides: Partial<Mutable<ApplicationEnvelope>> = {}): ApplicationEnvelope {
  return {
    version: 1,
    id: crypto.randomUUID(),
    procedure: 'tennyu',
    createdAt: '2026-12-01T00:30:00.000Z',
    fields: { ...RESIDENT },
    card: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['attributes-read'] },
    signature: { png: TINY_PNG, signedAt: '2026-12-01T00:31:00.000Z' },
    ...overrides,
  };
}
