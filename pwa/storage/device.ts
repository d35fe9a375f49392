// The tablet's device identity (issue 5): an ECDSA P-256 key pair made with WebCrypto, the private
// key non-extractable, kept as CryptoKeys in IndexedDB, and the device id the back office issued
// when an admin's one-time code enrolled it. Every request that sends applications is signed with
// it (shared/device-auth.ts). A re-enrollment (after a revocation) always makes a new key pair:
// the old one may be on a lost tablet.
import type { IDBPDatabase } from 'idb';
import {
  base64UrlOf,
  DEVICE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIME_HEADER,
  deviceSigningInput,
  hexOf,
} from '../../shared/device-auth.ts';
import type { DeviceKeyRecord, KakanaiDB } from './db.ts';

export interface EnrolledDevice {
  readonly deviceId: string;
  readonly name: string;
  readonly enrolledAt: string;
}

export type DeviceHeaders = Record<string, string>;

export class DeviceIdentity {
  constructor(private readonly db: IDBPDatabase<KakanaiDB>) {}

  async enrolled(): Promise<EnrolledDevice | undefined> {
    const r = await this.db.get('device', 'enrolled');
    return r?.deviceId && r.name && r.enrolledAt
      ? { deviceId: r.deviceId, name: r.name, enrolledAt: r.enrolledAt }
      : undefined;
  }

  /** The public key to enroll with: the pending pair, made now if there is none. */
  async publicKeyForEnrollment(): Promise<DeviceKeyRecord['publicJwk']> {
    const pending = await this.db.get('device', 'pending');
    if (pending) return pending.publicJwk;
    const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
      'sign',
      'verify',
    ]);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const record: DeviceKeyRecord = {
      privateKey: pair.privateKey,
      publicKey: pair.publicKey,
      publicJwk: { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string },
      createdAt: new Date().toISOString(),
    };
    // add(), not put(): if another tab made a pending pair first, keep theirs.
    try {
      await this.db.add('device', record, 'pending');
      return record.publicJwk;
    } catch {
      return ((await this.db.get('device', 'pending')) as DeviceKeyRecord).publicJwk;
    }
  }

  /** The back office accepted the pending key: it becomes this tablet's identity. */
  async completeEnrollment(device: EnrolledDevice): Promise<void> {
    const tx = this.db.transaction('device', 'readwrite');
    const pending = await tx.store.get('pending');
    if (!pending) throw new Error('no pending device key');
    await tx.store.put({ ...pending, ...device }, 'enrolled');
    await tx.store.delete('pending');
    await tx.done;
  }

  /** The three headers for one request, or undefined when the tablet is not enrolled. */
  async sign(
    method: string,
    path: string,
    body: Uint8Array,
    now = new Date(),
  ): Promise<DeviceHeaders | undefined> {
    const time = now.toISOString();
    const bodyHash = hexOf(
      new Uint8Array(await crypto.subtle.digest('SHA-256', body as Uint8Array<ArrayBuffer>)),
    );
    const signed = await this.signBytes(
      new TextEncoder().encode(deviceSigningInput(method, path, time, bodyHash)),
    );
    if (!signed) return undefined;
    return {
      [DEVICE_HEADER]: signed.deviceId,
      [DEVICE_TIME_HEADER]: time,
      [DEVICE_SIGNATURE_HEADER]: base64UrlOf(signed.signature),
    };
  }

  /**
   * ECDSA P-256 / SHA-256 over any bytes with the enrolled key (IEEE P1363, 64 bytes), and the
   * device id it speaks for: an export file's signature (shared/sync/export-file.ts). Undefined
   * when the tablet is not enrolled.
   */
  async signBytes(bytes: Uint8Array): Promise<{ deviceId: string; signature: Uint8Array } | undefined> {
    const r = await this.db.get('device', 'enrolled');
    if (!r?.deviceId) return undefined;
    const signature = await crypto.subtle.sign(
      { name: 'ECDSA', hash: 'SHA-256' },
      r.privateKey,
      bytes as Uint8Array<ArrayBuffer>,
    );
    return { deviceId: r.deviceId, signature: new Uint8Array(signature) };
  }
}
