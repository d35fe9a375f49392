// The tablet's side of the export file (issue 5, point 9; shared/sync/export-file.ts): on a field
// day without network, staff write the outbox's pending envelopes into an encrypted, device-signed
// file and carry it to the back office. The file is encrypted to the import key the tablet cached
// the last time it was online after a sign-in (refreshImportKey); offline, that cached key is the
// only one there is. The envelopes stay pending: they are wiped only when the back office
// acknowledges them over the network, and after an import that acknowledgement is a replay.
import { err, ok, type Result } from '../../shared/result.ts';
import type { SyncEnvelope } from '../../shared/sync/envelope.ts';
import {
  EXPORT_FILE_EXTENSION,
  type ExportSealError,
  exportFileText,
  exportPartsOf,
  exportSealErrorMessage,
  importKeyIdOf,
  parsePublicJwk,
  sealExportFile,
} from '../../shared/sync/export-file.ts';
import type { SyncImportKeyResponse } from '../../shared/sync/import-types.ts';
import type { ApiClient, ClientError } from '../api/client.ts';
import type { EnrolledDevice } from '../storage/device.ts';

/** What the export needs of the tablet's services (services.ts), narrowed for tests. */
export interface ExportSources {
  readonly outbox: { pendingEnvelopes(deviceId?: string): Promise<SyncEnvelope[]> };
  readonly device: {
    enrolled(): Promise<EnrolledDevice | undefined>;
    signBytes(bytes: Uint8Array): Promise<{ deviceId: string; signature: Uint8Array } | undefined>;
  };
  readonly settings: {
    importKey(): Promise<SyncImportKeyResponse | undefined>;
    saveImportKey(key: SyncImportKeyResponse): Promise<void>;
  };
  readonly now?: () => Date;
}

export type TabletExportError =
  | { readonly kind: 'not-enrolled' }
  | { readonly kind: 'no-import-key' }
  | { readonly kind: 'nothing-pending' }
  /** The tablet was enrolled again while the file was being written. */
  | { readonly kind: 'device-changed' }
  | { readonly kind: 'seal'; readonly error: ExportSealError };

export function tabletExportErrorMessage(e: TabletExportError): string {
  switch (e.kind) {
    case 'not-enrolled':
      return 'この端末はまだ登録されていないため、書き出せません。管理者から登録コードを受け取り、端末を登録してください。';
    case 'no-import-key':
      return 'この端末には、書き出しファイルを暗号化するための鍵（取り込み用の鍵）がまだありません。一度ネットワークにつないで窓口の職員IDでログインすると自動で受け取ります。その後は、ネットワークがなくても書き出せます。';
    case 'nothing-pending':
      return '送信待ちの申請はありません。書き出す必要はありません。';
    case 'device-changed':
      return 'この端末の登録が書き出しの途中で変わりました。アプリを再読み込みしてから、もう一度書き出してください。';
    case 'seal':
      return exportSealErrorMessage(e.error);
  }
}

/** One file to save: the envelopes of one run of the chain. */
export interface ExportedFile {
  readonly name: string;
  readonly blob: Blob;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly envelopes: number;
  readonly applications: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * kakanai-<deviceId>-<YYYYMMDD-HHmm>.kakanai in the tablet's local time (what staff see on its
 * clock); a file of several parts adds -<part>of<parts>.
 */
export function exportFileName(deviceId: string, at: Date, part = 1, parts = 1): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  const suffix = parts > 1 ? `-${part}of${parts}` : '';
  return `kakanai-${deviceId}-${stamp}${suffix}${EXPORT_FILE_EXTENSION}`;
}

/** Thrown by the signer when the enrolled key is no longer the one the file names; caught below. */
class DeviceChanged extends Error {}

/** The pending envelopes as export files (usually one), sealed to the cached import key. */
export async function buildExportFiles(
  sources: ExportSources,
): Promise<Result<ExportedFile[], TabletExportError>> {
  const device = await sources.device.enrolled();
  if (!device) return err({ kind: 'not-enrolled' });
  const recipient = await sources.settings.importKey();
  if (!recipient) return err({ kind: 'no-import-key' });
  // That device's chain only: the outbox reads it by device id.
  const own = await sources.outbox.pendingEnvelopes(device.deviceId);
  if (own.length === 0) return err({ kind: 'nothing-pending' });

  const now = (sources.now ?? (() => new Date()))();
  const sign = async (bytes: Uint8Array) => {
    const signed = await sources.device.signBytes(bytes);
    if (!signed || signed.deviceId !== device.deviceId) throw new DeviceChanged();
    return signed.signature;
  };
  const parts = exportPartsOf(own);
  const files: ExportedFile[] = [];
  try {
    for (const [i, envelopes] of parts.entries()) {
      const sealed = await sealExportFile({ envelopes, deviceId: device.deviceId, recipient, sign, now });
      if (!sealed.ok) return err({ kind: 'seal', error: sealed.error });
      const file = sealed.value;
      files.push({
        name: exportFileName(device.deviceId, now, i + 1, parts.length),
        blob: new Blob([exportFileText(file)], { type: 'application/json' }),
        firstSeq: file.firstSeq,
        lastSeq: file.lastSeq,
        envelopes: file.count,
        applications: envelopes.reduce((n, e) => n + e.payload.length, 0),
      });
    }
  } catch (e) {
    if (e instanceof DeviceChanged) return err({ kind: 'device-changed' });
    throw e;
  }
  return ok(files);
}

/** Saves a file through the browser's download (a Blob URL on a link, clicked once). */
export function downloadExportFile(file: ExportedFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click returns; the URL goes a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type RefreshImportKeyError = ClientError | { readonly kind: 'bad-import-key' };

/**
 * Fetches the import key (GET /api/sync/import-key) and caches it, when online after a sign-in.
 * A key whose id is not its own hash is not cached (a proxy's answer, a bug). The cached key
 * stays as it is when the fetch fails.
 */
export async function refreshImportKey(
  sources: { readonly client: Pick<ApiClient, 'importKey'>; readonly settings: ExportSources['settings'] },
  token: string,
): Promise<Result<SyncImportKeyResponse, RefreshImportKeyError>> {
  const answer = await sources.client.importKey(token);
  if (!answer.ok) return answer;
  const publicKey = parsePublicJwk(answer.value.publicKey);
  if (!publicKey) return err({ kind: 'bad-import-key' });
  const key: SyncImportKeyResponse = { id: answer.value.id, publicKey };
  if ((await importKeyIdOf(key.publicKey)) !== key.id) return err({ kind: 'bad-import-key' });
  const cached = await sources.settings.importKey();
  if (cached?.id !== key.id) await sources.settings.saveImportKey(key);
  return ok(key);
}
