// What checking an application envelope costs on the server's hot path: our full check
// (parseApplicationEnvelope: structure, procedure fields, kana, dates, PNG data URL) against the
// baseline every server pays anyway (JSON.parse of the same body). Ratio = ours / baseline.
import { parseApplicationEnvelope } from '../shared/application.ts';
import { tennyuEnvelope } from '../test/fixtures/applications.ts';
import { measure, printTable } from './measure.ts';

// A signature of realistic size: ~20 KB of base64, as a 900×240 pen signature PNG gives.
const png = `data:image/png;base64,${Buffer.from(new Uint8Array(15_000).map((_, i) => (i * 31) & 0xff)).toString('base64')}`;
const body = JSON.stringify(tennyuEnvelope({ signature: { png, signedAt: '2026-12-01T09:00:00.000Z' } }));

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
