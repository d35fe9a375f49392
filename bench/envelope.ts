// What checking an application envelope costs on the server's hot path: our full check
// (parseApplicationEnvelope: structure, procedure fields, kana, dates, PNG data URL) against the
// baseline every server pays anyway (JSON.parse of the same body). Ratio = ours / baseline.
import { ENVELOPE_VERSION, parseApplicationEnvelope } from '../shared/application.ts';
import { measure, printTable } from './measure.ts';

// A signature of realistic size: ~20 KB of base64, as a 900×240 pen signature PNG gives.
const png = `data:image/png;base64,${Buffer.from(new Uint8Array(15_000).map((_, i) => (i * 31) & 0xff)).toString('base64')}`;
const body = JSON.stringify({
  version: ENVELOPE_VERSION,
  id: '0b7f3c9e-3f1a-4c2b-9d7e-5a6b7c8d9e0f',
  procedure: 'tennyu',
  createdAt: '2026-12-01T09:00:00.000Z',
  fields: {
    name: '山田　太郎',
    nameKana: 'ヤマダ　タロウ',
    birthDate: '1980-02-17',
    sex: '1',
    previousAddress: '東京都千代田区霞が関１丁目２番１３号',
    postalCode: '1000013',
    address: '東京都千代田区霞が関３丁目１番１号',
    moveDate: '2026-11-20',
  },
  card: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['read-ok'] },
  signature: { png, signedAt: '2026-12-01T09:00:00.000Z' },
});

if (!parseApplicationEnvelope(JSON.parse(body)).ok) throw new Error('bench envelope must be valid');

const baseline = measure('baseline: JSON.parse only', () => JSON.parse(body));
const ours = measure('ours: JSON.parse + parseApplicationEnvelope', () =>
  parseApplicationEnvelope(JSON.parse(body)),
);
printTable([baseline, ours]);
const ratio = ours.microsPerOp / baseline.microsPerOp;
console.log(`\nbody ${body.length} bytes; full validation costs ${ratio.toFixed(2)}× a bare JSON.parse`);
console.log(
  JSON.stringify({
    bench: 'envelope',
    bodyBytes: body.length,
    baselineMicrosPerOp: Number(baseline.microsPerOp.toFixed(2)),
    oursMicrosPerOp: Number(ours.microsPerOp.toFixed(2)),
    ratio: Number(ratio.toFixed(3)),
  }),
);
