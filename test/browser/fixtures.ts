// A fictional resident's signed 転入届, as the tablet would build it.
import { type ApplicationEnvelope, ENVELOPE_VERSION } from '../../shared/application.ts';

// 1×1 white PNG.
export const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=';

export function envelope(overrides: Partial<ApplicationEnvelope['fields']> = {}): ApplicationEnvelope {
  const now = new Date().toISOString();
  return {
    version: ENVELOPE_VERSION,
    id: crypto.randomUUID(),
    procedure: 'tennyu',
    createdAt: now,
    fields: {
      name: '試験　花子',
      nameKana: 'シケン　ハナコ',
      birthDate: '1990-04-01',
      sex: '2',
      previousAddress: '大阪府大阪市北区中之島１丁目３番２０号',
      postalCode: '1000013',
      address: '東京都千代田区霞が関２丁目１番１号',
      moveDate: '2026-11-20',
      ...overrides,
    },
    card: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['read-ok'] },
    signature: { png: TINY_PNG, signedAt: now },
  };
}
