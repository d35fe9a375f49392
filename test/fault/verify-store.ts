// What the fault test (run-fault.ts) checks at the end, reading the store directly and the
// tablets' own records: every confirmed visit stored once, under its tablet and envelope, with the
// 受付番号 the tablet holds and the content it sent; nothing stored that no tablet knows; every
// chain 1..N linked and the device head at its end; each tablet's 受付番号 gapless; the audit
// chain intact. Throws with the list of problems.
import { canonicalJson, type JsonValue, sha256Hex } from '../../server/canonical-json.ts';
import { verifyAuditChain } from '../../server/store/audit.ts';
import { type SqlClient, toInt } from '../../server/store/sql.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { GENESIS_HASH } from '../../shared/sync/envelope.ts';
import type { HarnessState } from './harness-api.ts';

export interface Visit {
  readonly visitId: string;
  readonly applications: readonly ApplicationEnvelope[];
}

/** What the scenario knows of one tablet at the end. */
export interface TabletOutcome {
  readonly name: string;
  readonly deviceId: string;
  /** Visits whose enqueue answered ok on the tablet. */
  readonly confirmed: readonly Visit[];
  /** The visits of the interrupted enqueue: each must arrive exactly when it is on the tablet. */
  readonly uncertain: readonly Visit[];
}

const contentHash = (a: ApplicationEnvelope) => sha256Hex(canonicalJson(a as unknown as JsonValue));

const ISSUED = /^R(\d{6})-(\d{2,})-(\d{4,})$/;

/**
 * The 受付番号 a tablet's applications got, against its counter: for each Tokyo day, the
 * tablet's own number as issuer and the sequence 1, 2, 3… with no number missing or given twice
 * (a batch rolled back by a kill must leave no hole, a resend must not draw a second number), and
 * the device row's counter standing at the last day's last number.
 */
export function receiptSequenceProblems(
  applications: readonly { readonly id: string; readonly receipt_number: string }[],
  issuer: number,
  counterDay: string | null,
  counterSeq: number,
): string[] {
  const problems: string[] = [];
  const byDay = new Map<string, number[]>();
  for (const a of applications) {
    const m = ISSUED.exec(a.receipt_number);
    if (!m || Number(m[2]) !== issuer) {
      problems.push(`application ${a.id} has 受付番号 ${a.receipt_number}, not one of issuer ${issuer}`);
      continue;
    }
    const day = m[1] as string;
    byDay.set(day, [...(byDay.get(day) ?? []), Number(m[3])]);
  }
  for (const [day, seqs] of byDay) {
    seqs.sort((a, b) => a - b);
    const off = seqs.findIndex((seq, i) => seq !== i + 1);
    if (off >= 0) problems.push(`受付番号 of ${day}: number ${off + 1} is ${seqs[off]} (a hole or a double)`);
  }
  const lastDay = [...byDay.keys()].sort().at(-1);
  const expected = lastDay === undefined ? 0 : (byDay.get(lastDay)?.length ?? 0);
  if ((lastDay ?? null) !== counterDay || expected !== counterSeq)
    problems.push(
      `the 受付番号 counter stands at ${counterDay}/${counterSeq}, issued up to ${lastDay}/${expected}`,
    );
  return problems;
}

/** Reads the store and checks it against what the tablets confirmed and hold. Throws on any problem. */
export async function verifyStore(
  sql: SqlClient,
  runs: readonly TabletOutcome[],
  states: readonly HarnessState[],
): Promise<{ envelopes: number; applications: number }> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 40) problems.push(text);
  };

  const apps = await sql.query<{
    id: string;
    device_id: string | null;
    sync_envelope_id: string | null;
    receipt_number: string;
    content_hash: string;
  }>('SELECT id, device_id, sync_envelope_id, receipt_number, content_hash FROM applications');
  const stored = new Map(apps.rows.map((r) => [r.id, r]));
  const envelopes = await sql.query<{
    device_id: string;
    seq: unknown;
    id: string;
    hash: string;
    prev_hash: string;
  }>('SELECT device_id, seq, id, hash, prev_hash FROM sync_envelopes ORDER BY device_id, seq');
  const devices = await sql.query<{
    id: string;
    last_seq: unknown;
    last_hash: string;
    number: unknown;
    receipt_day: string | null;
    receipt_seq: unknown;
  }>('SELECT id, last_seq, last_hash, number, receipt_day, receipt_seq FROM devices');
  const heads = new Map(devices.rows.map((d) => [d.id, { seq: toInt(d.last_seq), hash: d.last_hash }]));
  for (const d of devices.rows) {
    const mine = apps.rows.filter((a) => a.device_id === d.id);
    for (const text of receiptSequenceProblems(mine, toInt(d.number), d.receipt_day, toInt(d.receipt_seq)))
      problem(`device ${d.id}: ${text}`);
  }

  const known = new Set<string>();
  let envelopeCount = 0;
  for (const [i, run] of runs.entries()) {
    const name = run.name;
    const state = states[i] as HarnessState;
    if (state.deviceId !== run.deviceId) problem(`${name}: device id changed (${state.deviceId})`);
    if (state.pending !== 0 || state.rejected !== 0)
      problem(`${name}: ${state.pending} pending, ${state.rejected} refused at the end`);

    // What must be there: every confirmed visit, and those interrupted ones the tablet kept.
    const onTablet = new Map<string, { envelopeId: string; receipt: string | undefined }>();
    for (const e of state.envelopes)
      e.applicationIds.forEach((id, k) => {
        const before = onTablet.get(id);
        // Sent twice: wrapped into a second envelope while the first was still on its way.
        if (before) problem(`${name}: application ${id} is in envelopes ${before.envelopeId} and ${e.id}`);
        onTablet.set(id, { envelopeId: e.id, receipt: e.receiptNumbers[k] });
      });
    const expected: Visit[] = [...run.confirmed];
    for (const visit of run.uncertain)
      if (visit.applications.every((a) => onTablet.has(a.id))) expected.push(visit);
    for (const visit of expected) {
      const envelopeIds = new Set<string>();
      for (const a of visit.applications) {
        known.add(a.id);
        const mine = onTablet.get(a.id);
        if (!mine) {
          problem(`${name}: confirmed application ${a.id} is not in the tablet's outbox`);
          continue;
        }
        envelopeIds.add(mine.envelopeId);
        const row = stored.get(a.id);
        if (!row) {
          problem(`${name}: application ${a.id} (envelope ${mine.envelopeId}) never arrived`);
          continue;
        }
        if (row.device_id !== run.deviceId)
          problem(`${name}: application ${a.id} stored under device ${row.device_id}`);
        if (row.sync_envelope_id !== mine.envelopeId)
          problem(
            `${name}: application ${a.id} stored from envelope ${row.sync_envelope_id}, sent in ${mine.envelopeId}`,
          );
        if (row.receipt_number !== mine.receipt)
          problem(
            `${name}: application ${a.id} has 受付番号 ${row.receipt_number}, the tablet holds ${mine.receipt}`,
          );
        if (row.content_hash !== contentHash(a))
          problem(`${name}: application ${a.id} stored with other content`);
      }
      if (envelopeIds.size > 1)
        problem(`${name}: visit ${visit.visitId} split over ${envelopeIds.size} envelopes`);
    }
    for (const visit of run.uncertain)
      if (!expected.includes(visit))
        for (const a of visit.applications)
          if (stored.has(a.id))
            problem(`${name}: an interrupted visit is not on the tablet but ${a.id} arrived`);
    if (onTablet.size !== expected.reduce((n, v) => n + v.applications.length, 0))
      problem(
        `${name}: the tablet holds ${onTablet.size} applications, ${expected.length} visits were confirmed`,
      );

    // The chain: seq 1..N, each linked to the one before, the head at N, the tablet's ids.
    const chain = envelopes.rows
      .filter((e) => e.device_id === run.deviceId)
      .map((e) => ({ ...e, seq: toInt(e.seq) }));
    const bySeq = new Map(state.envelopes.map((e) => [e.seq, e.id]));
    const n = state.envelopes.length;
    envelopeCount += chain.length;
    if (chain.length !== n) problem(`${name}: ${chain.length} envelopes stored, the tablet has ${n}`);
    chain.forEach((e, k) => {
      if (e.seq !== k + 1) problem(`${name}: envelope number ${k + 1} is seq ${e.seq} (a gap or a double)`);
      const prev = k === 0 ? GENESIS_HASH : chain[k - 1]?.hash;
      if (e.prev_hash !== prev) problem(`${name}: seq ${e.seq} does not link to seq ${e.seq - 1}`);
      if (bySeq.get(e.seq) !== e.id)
        problem(`${name}: seq ${e.seq} is envelope ${e.id}, the tablet sent ${bySeq.get(e.seq)}`);
    });
    const head = heads.get(run.deviceId);
    const last = chain[chain.length - 1];
    if (!head || head.seq !== n || head.hash !== (last?.hash ?? GENESIS_HASH))
      problem(
        `${name}: device head is ${head?.seq}/${head?.hash.slice(0, 12)}, the chain ends at ${last?.seq}`,
      );
  }

  for (const r of apps.rows) {
    if (!known.has(r.id)) problem(`application ${r.id} is stored but no tablet knows it`);
    if (!r.sync_envelope_id) problem(`application ${r.id} has no sync envelope`);
  }
  const foreign = envelopes.rows.filter((e) => !runs.some((r) => r.deviceId === e.device_id));
  if (foreign.length > 0) problem(`${foreign.length} envelopes of devices no tablet has`);

  const audit = await verifyAuditChain(sql);
  if (!audit.ok) problem(`the audit chain is broken: ${JSON.stringify(audit.error).slice(0, 300)}`);

  if (problems.length > 0)
    throw new Error(`the store does not match the tablets:\n- ${problems.join('\n- ')}`);
  return { envelopes: envelopeCount, applications: apps.rows.length };
}
