// What checking an application envelope costs on the server's hot path: our full check
// (parseApplicationEnvelope: structure, procedure fields and rows, kana, dates, signature record
// with its strokes, PNG data URL) and the signature check behind it (canonical JSON of the signed
// content + SHA-256) against the baseline every server pays anyway (JSON.parse of the same body).
// Ratio = ours / baseline.

import { canonicalJson, sha256Hex } from '../server/canonical-json.ts';
import { parseApplicationEnvelope, signatureMatches, signedContent } from '../shared/application.ts';
import { loadCatalogue } from '../shared/procedures/registry.ts';
import type { StrokePoint } from '../shared/signature.ts';
import { drawnSignature, signedTennyuEnvelope, YAMADA } from '../test/fixtures/applications.ts';
import { measure, printTable } from './measure.ts';

// A signature of realistic size: ~20 KB of base64, as a 900×240 pen signature PNG gives, and the
// strokes behind it (12 strokes of 60 points, about 2 s of writing at 60 Hz).
const png = `data:image/png;base64,${Buffer.from(new Uint8Array(15_000).map((_, i) => (i * 31) & 0xff)).toString('base64')}`;
const strokes = Array.from({ length: 12 }, (_, s) => ({
  points: Array.from(
    { length: 60 },
    (_, i): StrokePoint => [60 + s * 65 + (i % 30), 60 + ((i * 7) % 120), i * 16, 400 + ((i * 13) % 300)],
  ),
}));
const procedures = await loadCatalogue();
const envelope = await signedTennyuEnvelope({ fields: YAMADA, signature: drawnSignature({ png, strokes }) });
const body = JSON.stringify(envelope);

const check = parseApplicationEnvelope(JSON.parse(body), procedures);
if (!check.ok || !(await signatureMatches(check.value))) throw new Error('bench envelope must be valid');

const baseline = measure('baseline: JSON.parse only', () => JSON.parse(body));
const ours = measure('ours: JSON.parse + parseApplicationEnvelope', () =>
  parseApplicationEnvelope(JSON.parse(body), procedures),
);
// The timer is synchronous: Node's sync SHA-256 stands in for WebCrypto's (the same OpenSSL digest).
const signature = measure('ours + signature check (canonical JSON + SHA-256)', () => {
  const parsed = parseApplicationEnvelope(JSON.parse(body), procedures);
  if (!parsed.ok) throw new Error('unreachable');
  return sha256Hex(canonicalJson(signedContent(parsed.value))) === parsed.value.signature.contentSha256;
});
printTable([baseline, ours, signature]);
const ratio = ours.microsPerOp / baseline.microsPerOp;
const withSignature = signature.microsPerOp / baseline.microsPerOp;
console.log(
  `\nbody ${body.length} bytes; validation costs ${ratio.toFixed(2)}× a bare JSON.parse, ${withSignature.toFixed(2)}× with the signature check`,
);
console.log(
  JSON.stringify({
    bench: 'envelope',
    bodyBytes: body.length,
    baselineMicrosPerOp: Number(baseline.microsPerOp.toFixed(2)),
    oursMicrosPerOp: Number(ours.microsPerOp.toFixed(2)),
    ratio: Number(ratio.toFixed(3)),
    withSignatureMicrosPerOp: Number(signature.microsPerOp.toFixed(2)),
    withSignatureRatio: Number(withSignature.toFixed(3)),
  }),
);
