// What a 照合番号B read of the 基本4情報 costs over an RC-S380 on USB: APDUs, USB transfers, bytes
// and wall time through the real driver (shared/card/rcs380) and the fake reader, which adds a
// simulated USB latency to every transfer (5 ms and 20 ms). The baseline in the same run is the
// naive read many WebUSB samples do: EF 0002 in fixed 256-byte READ BINARY chunks until 6B00;
// a second one shows small frames (FSD 64 instead of 256). Ratio = baseline / ours.
import { SW } from '../shared/card/apdu.ts';
import { asciiBytes } from '../shared/card/bytes.ts';
import { buildCollationB } from '../shared/card/collation-b.ts';
import { MyNumberCardEmulator } from '../shared/card/emulator/mynumber-card.ts';
import { cardFace, findPersona, type Persona } from '../shared/card/emulator/personas.ts';
import { readBinary, selectApplication, selectFile, verifyKey } from '../shared/card/iso7816.ts';
import { INPUT_SUPPORT_AP_AID, INPUT_SUPPORT_EF } from '../shared/card/mynumber/identifiers.ts';
import { readBasicFourInfo } from '../shared/card/mynumber/input-support-ap.ts';
import { createRcs380Transport, type Rcs380Options } from '../shared/card/rcs380/driver.ts';
import { withCardSession } from '../shared/card/session.ts';
import type { CardTransport } from '../shared/card/transport.ts';
import { ok } from '../shared/result.ts';
import { FakeRcs380Device, fakeUsbPort } from '../test/support/fake-rcs380/index.ts';

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

// (b) PIN read and (c) licence read join here when those readers land: add a Read per case.
export const CARD_BENCH_CASES: readonly { readonly key: 'b'; readonly label: string }[] = [
  { key: 'b', label: '照合番号B → 基本4情報' },
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
  const device = new FakeRcs380Device(new MyNumberCardEmulator(persona), { usbDelayMs: rttMs });
  const counter = { apdus: 0 };
  const transport = counting(createRcs380Transport(fakeUsbPort(device), strategy.driver), counter);
  const t0 = performance.now();
  const read = await strategy.read(transport, built.value);
  const ms = performance.now() - t0;
  if (!read || device.violations.length > 0) throw new Error(`bench read failed: ${strategy.label}`);
  const bytes = device.transfers.reduce((n, t) => n + t.bytes.length, 0);
  return { apdus: counter.apdus, transfers: device.transfers.length, bytes, ms };
}

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

console.log('| USB latency | persona | strategy | APDUs | USB transfers | bytes | ms |');
console.log('|---:|---|---|---:|---:|---:|---:|');
for (const { rtt, persona, strategy, cost } of rows) {
  console.log(
    `| ${rtt} ms | ${persona} | ${strategy} | ${cost.apdus} | ${cost.transfers} | ${cost.bytes} | ${cost.ms.toFixed(0)} |`,
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
  };
}

const at20 = summary(20);
console.log(
  `\n${CARD_BENCH_CASES.map((c) => c.label).join(', ')} (yamada-taro, 20 ms): time ratio baseline ÷ ours = ` +
    `${at20.b_ratio_ms} (${at20.b_baseline_transfers} vs ${at20.b_transfers} USB transfers; below 1 the naive read is faster). ` +
    'Ours spends one more APDU on the tries-left query before VERIFY and reads a 16-byte head first; ' +
    'every read includes opening the reader, activation and RF off.',
);
console.log(JSON.stringify({ bench: 'card', rtt_ms: 20, ...at20, rtt5: summary(5) }));
