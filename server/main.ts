// The back-office process. `tsx server/main.ts --demo` (npm start / npm run serve) starts it with
// the environment's settings; tests and the e2e suite call startServer directly.
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { DEFAULT_PORT, type EnrollmentCodeResponse } from '../shared/api.ts';
import { loadCatalogue, type ProcedureLookup } from '../shared/procedures/registry.ts';
import { createApp } from './app.ts';
import { ROLE_LABELS } from './auth/roles.ts';
import { DEMO_ACCOUNTS, DEMO_STAFF, seedDemoStaff } from './auth/seed.ts';
import { systemClock } from './clock.ts';
import { issueEnrollmentCode } from './devices/enrollment.ts';
import { hasBuiltPwa } from './http/pwa-static.ts';
import { openStore } from './store/open-store.ts';
import type { StoreKind } from './store/sql.ts';
import { findStaffByUsername } from './store/staff.ts';

export interface StartOptions {
  /** 0 picks a free port. Default DEFAULT_PORT. */
  readonly port?: number;
  /** Default 127.0.0.1: only this machine; set 0.0.0.0 deliberately to let tablets on the LAN in. */
  readonly host?: string;
  /** PGlite data directory (created on the first start). Without it and databaseUrl: in memory. */
  readonly dataDir?: string;
  /** PostgreSQL; wins over dataDir. */
  readonly databaseUrl?: string;
  /** The built PWA (dist/pwa), served on the same origin. */
  readonly staticDir?: string;
  /** Create the demo staff account when the database has no staff yet. */
  readonly seedDemo?: boolean;
  /**
   * Demo only (npm start): issue one enrollment code as the demo admin, valid for
   * DEMO_CODE_HOURS, so the demo tablet can enroll with what the banner shows.
   */
  readonly demoEnrollmentCode?: boolean;
  readonly log?: (line: string) => void;
  /** The procedures envelopes are checked against. Default: the whole catalogue. */
  readonly procedures?: ProcedureLookup;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: StoreKind;
  /** The code issued for demoEnrollmentCode, to show once in the banner (never logged). */
  readonly demoEnrollmentCode?: EnrollmentCodeResponse;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..');
/** A demo may start long before the tablet is opened: its code lasts a working day, not 15 minutes. */
export const DEMO_CODE_HOURS = 8;

function packageVersion(): string {
  try {
    return String(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: unknown }).version,
    );
  } catch {
    return 'unknown';
  }
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, host: string) {
  return new Promise<{ server: ServerType; port: number }>((resolvePromise, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) =>
      resolvePromise({ server, port: info.port }),
    );
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new Error(
              `ポート ${port} はほかのプログラムが使っています。PORT=${port + 10} のように別のポートを指定してください。`,
            )
          : e,
      ),
    );
  });
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const host = options.host ?? '127.0.0.1';
  // Before the store opens: a catalogue that fails to load stops the start with nothing to close.
  const procedures = options.procedures ?? (await loadCatalogue());
  const sql = await openStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir }, log);
  try {
    const seeded = options.seedDemo ? await seedDemoStaff(sql) : [];
    if (seeded.length > 0) log(`デモ職員を登録しました（ユーザー名 ${seeded.join('、')}）`);
    const demoAdmin = options.demoEnrollmentCode
      ? await findStaffByUsername(sql, DEMO_STAFF.username)
      : undefined;
    const demoEnrollmentCode = demoAdmin
      ? await issueEnrollmentCode(sql, systemClock.now(), demoAdmin, DEMO_CODE_HOURS * 60)
      : undefined;
    if (options.staticDir !== undefined && !hasBuiltPwa(options.staticDir))
      log(`窓口アプリが見つかりません（${options.staticDir}）。先に npm run build を実行してください。`);
    const app = createApp({
      sql,
      clock: systemClock,
      log,
      version: packageVersion(),
      procedures,
      staticDir: options.staticDir,
    });
    const { server, port } = await listen(app.fetch, options.port ?? DEFAULT_PORT, host);
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}`,
      port,
      store: sql.kind,
      ...(demoEnrollmentCode ? { demoEnrollmentCode } : {}),
      close() {
        closing ??= new Promise<void>((done) => {
          server.close(() => done());
          // keep-alive connections would hold close() open; nothing is in flight at shutdown
          if ('closeAllConnections' in server) server.closeAllConnections();
        }).then(() => sql.close());
        return closing;
      },
    };
  } catch (e) {
    await sql.close();
    throw e;
  }
}

async function main(): Promise<void> {
  const env = process.env;
  const demo = process.argv.includes('--demo');
  const staticDir = resolve(env.STATIC_DIR ?? 'dist/pwa');
  const extensionDir = resolve('dist/extension');
  const running = await startServer({
    port: env.PORT ? Number(env.PORT) : DEFAULT_PORT,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    staticDir,
    seedDemo: demo,
    demoEnrollmentCode: demo,
  });
  // From the moment the store is open a signal closes it cleanly (before the demo's extras start).
  let legacy: { close(): Promise<void> } | undefined;
  const shutdown = (signal: string) => {
    console.log(`${signal}: 終了しています…`);
    Promise.all([running.close(), legacy?.close()]).then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('終了処理に失敗しました', e instanceof Error ? e.name : e);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // Demo only: the old-style Shift_JIS 転入届 page the extension fills, on the next port.
  // It lives with the test fixtures because it stands in for a municipality's legacy system.
  const demoLegacy = demo
    ? await import('../test/fixtures/legacy/server.ts').then((m) =>
        m.startLegacyServer({ port: running.port + 1, host: '127.0.0.1' }),
      )
    : undefined;
  legacy = demoLegacy;
  const lines = [
    '',
    `Kakanai 窓口サーバーを起動しました（${running.store === 'postgres' ? 'PostgreSQL' : 'PGlite'}）`,
    `  窓口アプリ (PWA): ${running.url}/`,
    `  バックオフィス:   ${running.url}/backoffice`,
    `  稼働確認:         ${running.url}/healthz`,
    ...(demo
      ? DEMO_ACCOUNTS.map(
          (a, i) =>
            `  ${i === 0 ? 'デモ職員:         ' : ' '.repeat(18)}ユーザー名 ${a.username} / パスワード ${a.password}（${ROLE_LABELS[a.role]}）`,
        )
      : []),
    running.demoEnrollmentCode
      ? `  端末登録コード:   ${running.demoEnrollmentCode.code}（デモ用・1台分・${DEMO_CODE_HOURS}時間有効。窓口アプリの「端末の登録」で入力）`
      : '',
    existsSync(extensionDir)
      ? `  拡張機能:         chrome://extensions で「パッケージ化されていない拡張機能を読み込む」→ ${extensionDir}`
      : `  拡張機能:         ${extensionDir} がありません。npm run build を実行してください。`,
    demoLegacy ? `  旧システム（デモ）: ${demoLegacy.url}/legacy/tennyu （拡張機能で入力を試せます）` : '',
    '終了するには Ctrl+C を押してください。',
  ];
  console.log(lines.filter((l) => l !== '').join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
