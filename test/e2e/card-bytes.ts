// The e2e test's own view of the card: raw APDUs to the same emulated card the tablet uses, and a
// deliberately separate, minimal decoder of EF 0002, so the test checks the tablet's parser
// instead of reusing it.
import { MyNumberCardEmulator } from '../../shared/card/emulator/mynumber-card.ts';
import type { Persona } from '../../shared/card/emulator/personas.ts';

const hex = (s: string) => Uint8Array.from(s.match(/../g) ?? [], (b) => Number.parseInt(b, 16));

function sw(response: Uint8Array): string {
  return Buffer.from(response.subarray(-2)).toString('hex');
}

/** SELECT 券面事項入力補助AP → VERIFY 照合番号B → READ BINARY EF 0002, as bytes on the wire. */
export function readEf0002Bytes(persona: Persona, collationB: string): Uint8Array {
  const card = new MyNumberCardEmulator(persona);
  const steps = [
    hex('00A4040C0AD3921000310001010408'),
    hex('00A4020C020015'),
    Uint8Array.from([0x00, 0x20, 0x00, 0x80, 0x0e, ...Buffer.from(collationB, 'ascii')]),
    hex('00A4020C020002'),
  ];
  for (const apdu of steps) {
    const r = card.process(apdu);
    if (sw(r) !== '9000') throw new Error(`card answered ${sw(r)}`);
  }
  const chunks: Uint8Array[] = [];
  for (let offset = 0; ; offset += 256) {
    const r = card.process(Uint8Array.from([0x00, 0xb0, offset >> 8, offset & 0xff, 0x00]));
    if (sw(r) === '6b00') break;
    if (sw(r) !== '9000') throw new Error(`READ BINARY answered ${sw(r)}`);
    chunks.push(r.subarray(0, -2));
    if (r.length - 2 < 256) break;
  }
  return Uint8Array.from(chunks.flatMap((c) => [...c]));
}

export interface DecodedEf0002 {
  readonly name: string;
  readonly address: string;
  readonly birthDate: string; // YYYYMMDD as on the card
  readonly sex: string;
}

export function decodeEf0002(bytes: Uint8Array): DecodedEf0002 {
  let i = bytes.indexOf(0xff);
  if (bytes[i + 1] !== 0x20) throw new Error('no FF 20');
  i += 2;
  const length = (at: number): [number, number] => {
    const b = bytes[at] as number;
    if (b < 0x80) return [b, at + 1];
    const n = b & 0x7f;
    let v = 0;
    for (let k = 1; k <= n; k++) v = (v << 8) | (bytes[at + k] as number);
    return [v, at + 1 + n];
  };
  const [outer, start] = length(i);
  const values = new Map<number, Uint8Array>();
  for (let p = start; p < start + outer; ) {
    const tag = ((bytes[p] as number) << 8) | (bytes[p + 1] as number);
    const [len, valueAt] = length(p + 2);
    values.set(tag, bytes.subarray(valueAt, valueAt + len));
    p = valueAt + len;
  }
  const text = (tag: number) => new TextDecoder('utf-8', { fatal: true }).decode(values.get(tag));
  return { name: text(0xdf22), address: text(0xdf23), birthDate: text(0xdf24), sex: text(0xdf25) };
}
