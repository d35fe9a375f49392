// A tablet for the server tests: an ECDSA P-256 key pair made with WebCrypto, enrolled either
// straight into the store (no audit entry, for the harness) or through the API, and the three
// headers of shared/device-auth.ts for a request.
import {
  base64UrlOf,
  DEVICE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIME_HEADER,
  deviceSigningInput,
} from '../../shared/device-auth.ts';
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

/** POST /api/applications over HTTP as staff (token) from the tablet (device). */
export async function postApplication(
  baseUrl: string,
  token: string,
  device: TestDevice,
  envelope: unknown,
): Promise<Response> {
  const body = JSON.stringify(envelope);
  return fetch(`${baseUrl}/api/applications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(await device.headers('POST', '/api/applications', body, new Date())),
    },
    body,
  });
}
