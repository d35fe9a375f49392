// /api/sync/import-key and /api/sync/import (issue 5, point 9): the export file of a field day.
// A signed-in tablet fetches the import key (applications.submit) and caches it for the day it is
// offline; the back office imports the file (sync.import), up to MAX_EXPORT_FILE_BYTES of JSON.
// The refusals of an import are answered here with their own Japanese messages (the file is what
// staff hold in hand, so the messages speak of it), and every one is audited as
// sync.import-refused (sync/import.ts).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ApiErrorBody } from '../../shared/api.ts';
import {
  EXPORT_FILE_EXTENSION,
  exportFileErrorMessage,
  MAX_EXPORT_FILE_BYTES,
} from '../../shared/sync/export-file.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { type HttpErrorStatus, toHttpError } from '../errors.ts';
import { readJsonBody } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { requirePermission } from '../http/require-staff.ts';
import { auditImportRefusal, type ImportRefusal, importExportFile } from '../sync/import.ts';
import { currentImportKey } from '../sync/import-key.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const LIMIT_MB = Math.round(MAX_EXPORT_FILE_BYTES / (1024 * 1024));

interface Answer {
  readonly status: HttpErrorStatus;
  readonly error: ApiErrorBody;
}

const bad = (message: string): Answer => ({ status: 400, error: { kind: 'bad-request', message } });

/** What staff read when an import is refused, and its status. */
export function importRefusalAnswer(refusal: ImportRefusal): Answer {
  switch (refusal.kind) {
    case 'unreadable': {
      const e = refusal.error;
      if (e.kind === 'too-large')
        return {
          status: 413,
          error: {
            kind: 'too-large',
            message: `ファイルが大きすぎます（上限${LIMIT_MB}MB）。タブレットで書き出した${EXPORT_FILE_EXTENSION}ファイルを、そのまま選んでください。`,
          },
        };
      if (e.kind === 'bad-json')
        return bad(exportFileErrorMessage({ kind: 'not-an-export-file', field: '' }));
      const { status, body } = toHttpError(e);
      return { status, error: { ...body.error, message: body.error.message + NOTHING_IMPORTED } };
    }
    case 'file':
      return bad(exportFileErrorMessage(refusal.error));
    case 'device-revoked':
      return {
        status: 409,
        error: {
          kind: 'conflict',
          message: `このファイルを書き出した端末（${refusal.deviceName}）の登録は管理者によって取り消されているため、取り込めません。取り込まずに、管理者に連絡してください。`,
        },
      };
    case 'ingest': {
      const e = refusal.error;
      if (e.kind === 'device-unknown') return bad(exportFileErrorMessage({ kind: 'unknown-device' }));
      if (e.kind === 'sync-gap')
        return {
          status: 409,
          error: {
            kind: 'sync-gap',
            message: `この端末の${e.head.seq + 1}番目の送信データがまだ届いていません。先にその番号を含む書き出しファイルを取り込むか、タブレットをネットワークにつないで送信してから、もう一度このファイルを取り込んでください。${NOTHING_IMPORTED}`,
            sync: { lastSeq: e.head.seq, lastHash: e.head.hash, seq: e.seq },
          },
        };
      const { status, body } = toHttpError(e);
      return { status, error: { ...body.error, message: body.error.message + NOTHING_IMPORTED } };
    }
  }
}

/** After an ingest refusal: the file is stored all at once or not at all (sync/import.ts). */
const NOTHING_IMPORTED = '（このファイルの送信データは1件も取り込んでいません。）';

function refused(c: Context, refusal: ImportRefusal): Response {
  const { status, error } = importRefusalAnswer(refusal);
  return c.json({ error }, status, NO_STORE);
}

export function syncImportRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/import-key', requirePermission(deps, 'applications.submit'), async (c) =>
      c.json(await currentImportKey(deps.sql, deps.clock.now()), 200, NO_STORE),
    )
    .post('/import', requirePermission(deps, 'sync.import'), async (c) => {
      const staff = c.get('session').staff;
      const body = await readJsonBody(c.req.raw, MAX_EXPORT_FILE_BYTES);
      if (!body.ok) {
        const refusal: ImportRefusal = { kind: 'unreadable', error: body.error };
        await auditImportRefusal(deps, staff, refusal);
        return refused(c, refusal);
      }
      const imported = await importExportFile(deps, staff, body.value);
      if (!imported.ok) return refused(c, imported.error);
      return c.json(imported.value, 200, NO_STORE);
    });
}
