// `npm run audit:verify`: walks the audit log's hash chain (store/audit.ts, verifyAuditChain) and
// says whether it is intact. Exit 0 intact, 1 broken, 2 could not check (usage, connection, a
// running server on the data folder). It only reads: no migration runs, and a PGlite data folder
// is opened only under the same lock the server takes, so a running server is never disturbed
// (PGlite has no second reader: two processes on one folder corrupt it).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { err, ok, type Result } from '../../shared/result.ts';
import { type AuditChainBreak, type AuditChainBreakReason, verifyAuditChain } from '../store/audit.ts';
import { lockDataDir } from '../store/data-dir-lock.ts';
import { openPglite } from '../store/pglite.ts';
import { openPostgres } from '../store/postgres.ts';
import type { SqlClient } from '../store/sql.ts';

export const EXIT_INTACT = 0;
export const EXIT_BROKEN = 1;
export const EXIT_CANNOT_CHECK = 2;

const USAGE = [
  '使い方 / Usage:',
  '  npm run audit:verify -- --data-dir ./data           PGlite のデータフォルダ / a PGlite data folder',
  '  DATABASE_URL=postgres://… npm run audit:verify      PostgreSQL',
  '  (引数なし / no arguments: DATABASE_URL, else DATA_DIR, else ./data — as the server chooses)',
  'PGlite はサーバーを止めてから確認します / For PGlite, stop the server first.',
].join('\n');

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

type Target =
  | { readonly kind: 'pglite'; readonly dir: string }
  | { readonly kind: 'postgres'; readonly url: URL };

/** --data-dir wins; then the server's own choice: DATABASE_URL, DATA_DIR, ./data. */
function chooseTarget(args: readonly string[], env: NodeJS.ProcessEnv): Result<Target | 'help', string> {
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--help' || arg === '-h') return ok('help');
    const inline = arg.startsWith('--data-dir=') ? arg.slice('--data-dir='.length) : undefined;
    const value = arg === '--data-dir' ? args[++i] : inline;
    if (arg !== '--data-dir' && inline === undefined)
      return err(`分からない引数です / unknown argument: ${arg}`);
    if (!value || value.startsWith('--'))
      return err(
        '--data-dir にはフォルダを指定してください / --data-dir needs a folder, e.g. --data-dir ./data',
      );
    dataDir = value;
  }
  if (dataDir !== undefined) return ok({ kind: 'pglite', dir: resolve(dataDir) });
  if (env.DATABASE_URL) {
    try {
      return ok({ kind: 'postgres', url: new URL(env.DATABASE_URL) });
    } catch {
      return err(
        'DATABASE_URL が URL ではありません / DATABASE_URL is not a URL (postgres://user:pass@host:5432/db)',
      );
    }
  }
  return ok({ kind: 'pglite', dir: resolve(env.DATA_DIR ?? 'data') });
}

/** The URL as it may be printed: never the password. */
function shownUrl(url: URL): string {
  const copy = new URL(url.toString());
  if (copy.password) copy.password = '***';
  copy.search = '';
  return copy.toString();
}

function describeTarget(target: Target): string {
  return target.kind === 'pglite' ? `PGlite ${target.dir}` : `PostgreSQL ${shownUrl(target.url)}`;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function open(target: Target): Promise<Result<SqlClient, string>> {
  if (target.kind === 'postgres') {
    try {
      return ok(await openPostgres(target.url.toString()));
    } catch (e) {
      return err(
        `PostgreSQL に接続できません / cannot connect to PostgreSQL: ${message(e)}\n` +
          'DATABASE_URL（ホスト・ポート・ユーザー・パスワード・データベース名）を確かめてください / check DATABASE_URL.',
      );
    }
  }
  const dir = target.dir;
  // Never create a database here: a mistyped folder would otherwise "verify" as an empty log.
  if (!existsSync(join(dir, 'PG_VERSION')))
    return err(
      `${dir} は Kakanai のデータフォルダではありません / ${dir} is not a Kakanai data folder.\n` +
        '--data-dir でサーバーの DATA_DIR（既定 ./data）を指定してください / pass --data-dir with the server’s DATA_DIR (default ./data).',
    );
  let lock: ReturnType<typeof lockDataDir>;
  try {
    lock = lockDataDir(dir);
  } catch (e) {
    return err(`データフォルダをロックできません / cannot lock the data folder ${dir}: ${message(e)}`);
  }
  if (!lock.ok)
    return err(
      `データフォルダ ${dir} は実行中の Kakanai サーバー（PID ${lock.error.pid}）が使っています。サーバーを止めてから、もう一度実行してください。\n` +
        `The data folder is in use by a running Kakanai server (PID ${lock.error.pid}). Stop the server, then run this again.`,
    );
  const release = lock.value;
  try {
    const sql = await openPglite({ dataDir: dir });
    return ok({
      ...sql,
      async close() {
        try {
          await sql.close();
        } finally {
          release();
        }
      },
    });
  } catch (e) {
    release();
    return err(
      `PGlite のデータフォルダを開けません / cannot open the PGlite data folder ${dir}: ${message(e)}`,
    );
  }
}

const REASON: Record<AuditChainBreakReason, string> = {
  'missing-entry': '記録が欠けています（削除の疑い） / an entry is missing (removed)',
  'wrong-link':
    'この記録か直前の記録が書き換えられたか、並べ替え・複製・挿入されています / ' +
    'does not link to the entry before: this one or the one before was rewritten, reordered, duplicated or inserted',
  'wrong-hash':
    '内容がハッシュと一致しません（書き換えの疑い） / its content does not match its hash (rewritten)',
  'unknown-format': '記録として読めない行です / a row that cannot be read as an entry',
  'not-at-head':
    '記録は途中まで正常ですが、監査ログの末尾（audit_head）と合いません（末尾の削除の疑い） / ' +
    'the entries are intact but do not end where the audit head says (entries cut off the end, or the head changed)',
};

function reportBreak(io: Io, b: AuditChainBreak): void {
  io.out(`結果: 改ざんの疑いがあります（seq ${b.seq}） / Result: BROKEN at seq ${b.seq}`);
  io.out(`内容 / Problem:  ${b.reason}: ${REASON[b.reason]}`);
  io.out(`期待 / Expected: ${b.expected}`);
  io.out(`実際 / Found:    ${b.found}`);
  io.out(
    b.entries === 0
      ? 'それより前に正常な記録はありません / No intact entries before it.'
      : `seq 1–${b.entries} は正常です（末尾 ${b.headHash}） / Entries 1–${b.entries} are intact (last hash ${b.headHash}).`,
  );
}

/** The command itself, without process globals: returns the exit code. */
export async function runAuditVerify(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  io: Io,
): Promise<number> {
  const chosen = chooseTarget(args, env);
  if (!chosen.ok) {
    io.err(chosen.error);
    io.err(USAGE);
    return EXIT_CANNOT_CHECK;
  }
  if (chosen.value === 'help') {
    io.out(USAGE);
    return EXIT_INTACT;
  }
  const target = chosen.value;
  const opened = await open(target);
  if (!opened.ok) {
    io.err(opened.error);
    return EXIT_CANNOT_CHECK;
  }
  const sql = opened.value;
  try {
    const table = await sql.query<{ present: boolean }>(
      "SELECT to_regclass('audit_log') IS NOT NULL AS present",
    );
    if (!table.rows[0]?.present) {
      io.err(
        `${describeTarget(target)} に監査ログの表がありません。Kakanai のデータベースか確かめてください。\n` +
          `There is no audit_log table in ${describeTarget(target)}: is this the Kakanai database?`,
      );
      return EXIT_CANNOT_CHECK;
    }
    const result = await verifyAuditChain(sql);
    io.out('監査ログの検証 / Audit log verification');
    io.out(`対象 / Store:    ${describeTarget(target)}`);
    if (!result.ok) {
      reportBreak(io, result.error);
      return EXIT_BROKEN;
    }
    const { entries, headHash } = result.value;
    io.out(`結果: 正常です（${entries} 件を確認） / Result: intact, ${entries} entries checked`);
    io.out(`末尾 / Head:     seq ${entries} ${headHash}`);
    io.out(
      '末尾のハッシュを別の場所に控えてください。末尾の記録を audit_head ごと消されたときは、控えと比べて初めて分かります。 / ' +
        'Keep the head hash elsewhere: entries cut off the end together with the audit head show only against it.',
    );
    return EXIT_INTACT;
  } catch (e) {
    io.err(`監査ログを読めませんでした / could not read the audit log: ${message(e)}`);
    return EXIT_CANNOT_CHECK;
  } finally {
    await sql.close().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  runAuditVerify(process.argv.slice(2), process.env, {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(message(e));
      process.exitCode = EXIT_CANNOT_CHECK;
    },
  );
}
