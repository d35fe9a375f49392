// What a card read costs over an RC-S380 on USB: APDUs, USB transfers, bytes and wall time through
// the real driver (shared/card/rcs380) and the fake reader, with a simulated USB round trip of
// 5 ms and 20 ms per command sent (the chip's ACK and answer return within it). Cases: (a) 照合番号B
// → 基本4情報 with the digest check, (b) PIN → 基本4情報 + My Number with all checks, (c) licence. The baseline in the same run is the
// naive read many WebUSB samples do: EF 0002 in fixed 256-byte READ BINARY chunks until 6B00;
// a second one shows small frames (FSD 64 instead of 256). Ratio = baseline / ours.
import { SW } from '../shared/card/apdu.ts';
import { asciiBytes } from '../shared/card/bytes.ts';
import { buildCollationB } from '../shared/card/collation-b.ts';
import { MyNumberCardEmulator } from '../shared/card/emulator/mynumber-card.ts';
import { cardFace, findPersona, type Persona } from '../shared/card/emulator/personas.ts';
import { EMULATOR_TRUST_STORE } from '../shared/card/emulator/test-ca.ts';
import { readBinary, selectApplication, selectFile, verifyKey } from '../shared/card/iso7816.ts';
import { DriversLicenceEmulator } from '../shared/card/licence/emulator.ts';
import { findLicencePersona, type LicencePersona } from '../shared/card/licence/personas.ts';
import { readDriversLicence } from '../shared/card/licence/reader.ts';
import { INPUT_SUPPORT_AP_AID, INPUT_SUPPORT_EF } from '../shared/card/mynumber/identifiers.ts';
import { readBasicFourInfo } from '../shared/card/mynumber/input-support-ap.ts';
import { readWithPin } from '../shared/card/mynumber/pin-read.ts';
import { createRcs380Transport, type Rcs380Options } from '../shared/card/rcs380/driver.ts';
import { withCardSession } from '../shared/card/session.ts';
import type { CardTransport } from '../shared/card/transport.ts';
import { ok } from '../shared/result.ts';
import { FakeRcs380Device, fakeUsbPort } from '../test/support/fake-rcs380/index.ts';
import type { ApduCard } from '../test/support/fake-rcs380/picc.ts';

interface Cost {
  readonly apdus: number;
  readonly transfers: number;
  readonly bytes: number;
  readonly ms: number;
}

type Read = (transport: CardTransport, collationB: string) => Promise<boolean>;

interface Strategy {
  readonly label: string;
  readonly read: Read;
  readonly driver?: Rcs380Options;
}

const ours: Read = async (transport, collationB) => (await readBasicFourInfo(transport, collationB)).ok;

/** The naive read: same unlock, then 256-byte chunks from offset 0 until the card says 6B00. */
const naiveChunks: Read = async (transport, collationB) => {
  const r = await withCardSession(transport, async () => {
    await selectApplication(transport, INPUT_SUPPORT_AP_AID);
    await selectFile(transport, INPUT_SUPPORT_EF.collationBKey);
    await verifyKey(transport, asciiBytes(collationB));
    await selectFile(transport, INPUT_SUPPORT_EF.basicFourInfo);
    for (let offset = 0; ; offset += 256) {
      const chunk = await readBinary(transport, offset, 256);
      const endOfFile =
        !chunk.ok && chunk.error.kind === 'unexpected-status' && chunk.error.sw === SW.offsetOutOfRange;
      if (endOfFile) return ok(offset);
      if (!chunk.ok) return chunk;
    }
  });
  return r.ok;
};

const STRATEGIES: readonly Strategy[] = [
  { label: 'ours: readBasicFourInfo, FSD 256', read: ours },
  { label: 'baseline: 256-byte chunks until 6B00', read: naiveChunks },
  { label: 'baseline: readBasicFourInfo, FSD 64', read: ours, driver: { fsdi: 5 } },
];

function counting(transport: CardTransport, counter: { apdus: number }): CardTransport {
  return {
    readerName: transport.readerName,
    connect: () => transport.connect(),
    disconnect: () => transport.disconnect(),
    transmit(command) {
      counter.apdus++;
      return transport.transmit(command);
    },
  };
}

async function measureRead(persona: Persona, strategy: Strategy, rttMs: number): Promise<Cost> {
  const built = buildCollationB(cardFace(persona));
  if (!built.ok) throw new Error('persona without 照合番号B');
  const device = new FakeRcs380Device(new MyNumberCardEmulator(persona), { usbRoundTripMs: rttMs });
  const counter = { apdus: 0 };
  const transport = counting(createRcs380Transport(fakeUsbPort(device), strategy.driver), counter);
  const t0 = performance.now();
  const read = await strategy.read(transport, built.value);
  const ms = performance.now() - t0;
  if (!read || device.violations.length > 0) throw new Error(`bench read failed: ${strategy.label}`);
  const bytes = device.transfers.reduce((n, t) => n + t.bytes.length, 0);
  return { apdus: counter.apdus, transfers: device.transfers.length, bytes, ms };
}

/** (b) and (c): one read each through the same driver and fake reader. */
async function measureCard(card: ApduCard, rttMs: number, read: Read, secret: string): Promise<Cost> {
  const device = new FakeRcs380Device(card, { usbRoundTripMs: rttMs });
  const counter = { apdus: 0 };
  const transport = counting(createRcs380Transport(fakeUsbPort(device)), counter);
  const t0 = performance.now();
  const done = await read(transport, secret);
  const ms = performance.now() - t0;
  if (!done || device.violations.length > 0) throw new Error('bench read failed');
  const bytes = device.transfers.reduce((n, t) => n + t.bytes.length, 0);
  return { apdus: counter.apdus, transfers: device.transfers.length, bytes, ms };
}

// A fresh trust store object per read: its cache of verified issuer certificates starts empty, so
// every measurement is a first card (a warm cache saves the 3 READs of EF 0004).
const pinRead: Read = async (transport, pin) =>
  (await readWithPin(transport, pin, { needMyNumber: true, trustStore: { ...EMULATOR_TRUST_STORE } })).ok;
const licenceRead: Read = async (transport, pin1) =>
  (await readDriversLicence(transport, pin1, { today: '2026-12-01' })).ok;

const personas = ['yamada-taro', 'tanaka-ichiro'].map((id) => findPersona(id) as Persona);
const rows: { rtt: number; persona: string; strategy: string; cost: Cost }[] = [];
for (const rtt of [5, 20]) {
  for (const persona of personas) {
    for (const strategy of STRATEGIES) {
      rows.push({
        rtt,
        persona: persona.id,
        strategy: strategy.label,
        cost: await measureRead(persona, strategy, rtt),
      });
    }
  }
}

const yamada = findPersona('yamada-taro') as Persona;
const menkyo = findLicencePersona('menkyo-taro') as LicencePersona;
const others: { rtt: number; label: string; cost: Cost }[] = [];
for (const rtt of [5, 20]) {
  others.push({
    rtt,
    label: '(b) PIN → 基本4情報 + 個人番号, digests + issuer signature (first card)',
    cost: await measureCard(new MyNumberCardEmulator(yamada), rtt, pinRead, yamada.pin),
  });
  others.push({
    rtt,
    label: '(c) 運転免許証 PIN1 → 記載事項',
    cost: await measureCard(new DriversLicenceEmulator(menkyo), rtt, licenceRead, menkyo.pin1),
  });
}

console.log('| USB latency | persona | strategy | APDUs | USB transfers | bytes | ms |');
console.log('|---:|---|---|---:|---:|---:|---:|');
for (const { rtt, persona, strategy, cost } of rows) {
  console.log(
    `| ${rtt} ms | ${persona} | ${strategy} | ${cost.apdus} | ${cost.transfers} | ${cost.bytes} | ${cost.ms.toFixed(0)} |`,
  );
}

for (const { rtt, label, cost } of others) {
  console.log(
    `| ${rtt} ms | — | ${label} | ${cost.apdus} | ${cost.transfers} | ${cost.bytes} | ${cost.ms.toFixed(0)} |`,
  );
}

function summary(rtt: number) {
  const pick = (strategy: Strategy) =>
    rows.find((r) => r.rtt === rtt && r.persona === 'yamada-taro' && r.strategy === strategy.label)
      ?.cost as Cost;
  const [mine, naive] = [pick(STRATEGIES[0] as Strategy), pick(STRATEGIES[1] as Strategy)];
  return {
    b_apdus: mine.apdus,
    b_transfers: mine.transfers,
    b_bytes: mine.bytes,
    b_ms: Math.round(mine.ms),
    b_baseline_transfers: naive.transfers,
    b_baseline_ms: Math.round(naive.ms),
    b_ratio_ms: Number((naive.ms / mine.ms).toFixed(2)),
    pin_apdus: other(rtt, '(b)').apdus,
    pin_ms: Math.round(other(rtt, '(b)').ms),
    licence_apdus: other(rtt, '(c)').apdus,
    licence_ms: Math.round(other(rtt, '(c)').ms),
  };
}

function other(rtt: number, key: '(b)' | '(c)'): Cost {
  return others.find((o) => o.rtt === rtt && o.label.startsWith(key))?.cost as Cost;
}

const at20 = summary(20);
console.log(
  `\n(a) 照合番号B → 基本4情報 (yamada-taro, 20 ms): time ratio baseline ÷ ours = ` +
    `${at20.b_ratio_ms} (${at20.b_baseline_transfers} vs ${at20.b_transfers} USB transfers; below 1 the naive read is faster). ` +
    'Ours also asks the tries left before VERIFY (lockout protection) and reads EF 0003 (2 READs) to check ' +
    'the digest, which the baseline does not; every read includes opening the reader, activation and RF off.',
);
console.log(JSON.stringify({ bench: 'card', rtt_ms: 20, ...at20, rtt5: summary(5) }));
