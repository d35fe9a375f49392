// A tablet for the server tests: an ECDSA P-256 key pair made with WebCrypto, enrolled either
// straight into the store (no audit entry, for the harness) or through the API, and the three
// headers of shared/device-auth.ts for a request.

import type { ApplicationEnvelope } from '../../shared/application.ts';
import {
  base64UrlOf,
  DEVICE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIME_HEADER,
  deviceSigningInput,
} from '../../shared/device-auth.ts';
import { GENESIS_HASH, type SyncEnvelope, sealSyncEnvelope } from '../../shared/sync/envelope.ts';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyFor,
  SYNC_PROTOCOL_SCHEMA,
  type SyncBatchRequest,
} from '../../shared/sync/protocol.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import { sha256HexOfBytes } from '../devices/crypto.ts';
import { newDeviceId } from '../devices/enrollment.ts';
import type { DevicePublicJwk } from '../store/devices.ts';
import type { SqlExecutor } from '../store/sql.ts';

type Key = Parameters<typeof crypto.subtle.sign>[1];
interface KeyPair {
  readonly publicKey: Key;
  readonly privateKey: Key;
}

export class TestDevice {
  id = '';
  /** The head of this tablet's chain as the back office acknowledged it (advance() after a 200). */
  head: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  private readonly ulid = ulidFactory();
  private constructor(
    private readonly keys: KeyPair,
    readonly publicKey: DevicePublicJwk,
  ) {}

  static async create(): Promise<TestDevice> {
    const keys = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ])) as unknown as KeyPair;
    const jwk = (await crypto.subtle.exportKey('jwk', keys.publicKey)) as { x: string; y: string };
    return new TestDevice(keys, { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
  }

  /** Enrolled without a code or an audit entry, by the staff account `by` (default: the first). */
  async enrollDirectly(sql: SqlExecutor, name = 'テスト端末', at = new Date()): Promise<this> {
    const id = newDeviceId();
    await sql.query(
      `INSERT INTO devices (id, name, public_key, enrolled_at, enrolled_by)
       VALUES ($1, $2, $3::jsonb, $4, (SELECT min(id) FROM staff))`,
      [id, name, JSON.stringify(this.publicKey), at.toISOString()],
    );
    this.id = id;
    return this;
  }

  /**
   * The sync envelope of one visit, next in this tablet's chain after `after` (default: the
   * acknowledged head), sealed. The head does not move: advance() does, once the server took it.
   */
  async envelope(
    applications: readonly ApplicationEnvelope[],
    after: { seq: number; hash: string } = this.head,
    createdAt = applications[0]?.createdAt ?? new Date().toISOString(),
  ): Promise<SyncEnvelope> {
    return sealSyncEnvelope({
      schema: 1,
      id: this.ulid(),
      deviceId: this.id,
      seq: after.seq + 1,
      createdAt,
      procedures: applications.map((a) => a.procedure),
      payload: applications,
      prevHash: after.hash,
    });
  }

  /** Envelopes chained one after the other from the head, one per visit. */
  async chain(visits: readonly (readonly ApplicationEnvelope[])[]): Promise<SyncEnvelope[]> {
    const out: SyncEnvelope[] = [];
    let after = this.head;
    for (const visit of visits) {
      const e = await this.envelope(visit, after);
      out.push(e);
      after = { seq: e.seq, hash: e.hash };
    }
    return out;
  }

  advance(last: Pick<SyncEnvelope, 'seq' | 'hash'>): void {
    if (last.seq > this.head.seq) this.head = { seq: last.seq, hash: last.hash };
  }

  batch(envelopes: readonly SyncEnvelope[]): SyncBatchRequest {
    return { schema: SYNC_PROTOCOL_SCHEMA, deviceId: this.id, envelopes };
  }

  /** The device headers and the Idempotency-Key for POST /api/sync with this exact body text. */
  async syncHeaders(
    body: string,
    envelopes: readonly SyncEnvelope[],
    time: Date,
    path = '/api/sync',
  ): Promise<Record<string, string>> {
    return {
      ...(await this.headers('POST', path, body, time)),
      [IDEMPOTENCY_KEY_HEADER]: await idempotencyKeyFor(envelopes),
    };
  }

  /** ECDSA P-256 / SHA-256 over any bytes (IEEE P1363, 64 bytes): an export file's signature. */
  async signBytes(bytes: Uint8Array): Promise<Uint8Array> {
    return new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        this.keys.privateKey,
        bytes as Uint8Array<ArrayBuffer>,
      ),
    );
  }

  /** The headers for one request; `time` defaults to now, `body` is the exact text sent. */
  async headers(method: string, path: string, body: string, time: Date): Promise<Record<string, string>> {
    const iso = time.toISOString();
    const text = deviceSigningInput(
      method,
      path,
      iso,
      await sha256HexOfBytes(new TextEncoder().encode(body)),
    );
    const signature = new Uint8Array(
      await crypto.subtle.sign(
        { name: 'ECDSA', hash: 'SHA-256' },
        this.keys.privateKey,
        new TextEncoder().encode(text),
      ),
    );
    return {
      [DEVICE_HEADER]: this.id,
      [DEVICE_TIME_HEADER]: iso,
      [DEVICE_SIGNATURE_HEADER]: base64UrlOf(signature),
    };
  }
}

/** Enrolls a new test tablet through the API of a running back office, as an admin would. */
export async function enrollThroughApi(
  baseUrl: string,
  adminToken: string,
  name = 'テスト端末',
): Promise<TestDevice> {
  const device = await TestDevice.create();
  const issued = await fetch(`${baseUrl}/api/devices/codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
  });
  if (issued.status !== 201) throw new Error(`issuing a code answered ${issued.status}`);
  const { code } = (await issued.json()) as { code: string };
  const enrolled = await fetch(`${baseUrl}/api/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name, publicKey: device.publicKey }),
  });
  if (enrolled.status !== 201) throw new Error(`enrolling answered ${enrolled.status}`);
  device.id = ((await enrolled.json()) as { deviceId: string }).deviceId;
  return device;
}

/**
 * POST /api/sync over HTTP as staff (token) from the tablet (device), with these envelopes as they
 * are (a resend, a batch of several). The device's head moves to the last one on a 200.
 */
export async function postSync(
  baseUrl: string,
  token: string,
  device: TestDevice,
  envelopes: readonly SyncEnvelope[],
): Promise<Response> {
  const body = JSON.stringify(device.batch(envelopes));
  const r = await fetch(`${baseUrl}/api/sync`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(await device.syncHeaders(body, envelopes, new Date())),
    },
    body,
  });
  const last = envelopes[envelopes.length - 1];
  if (r.status === 200 && last) device.advance(last);
  return r;
}

/**
 * Delivers one visit's applications over HTTP as staff (token) from the tablet (device): the next
 * sync envelope of its chain in a batch of one (POST /api/sync). The device's head moves on a 200.
 */
export async function postApplication(
  baseUrl: string,
  token: string,
  device: TestDevice,
  applications: ApplicationEnvelope | readonly ApplicationEnvelope[],
): Promise<Response> {
  const visit = Array.isArray(applications) ? applications : [applications as ApplicationEnvelope];
  return postSync(baseUrl, token, device, [await device.envelope(visit)]);
}
