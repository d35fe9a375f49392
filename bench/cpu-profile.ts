// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by function
// and by area (our server code, shared/, pg, PGlite, Hono, Node internals, GC, idle).
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  /** ms of samples that were not idle. */
  readonly busyMs: number;
  readonly idleMs: number;
  readonly byArea: readonly { readonly area: string; readonly ms: number }[];
  readonly byFunction: readonly { readonly name: string; readonly ms: number }[];
  /** Inclusive time of functions whose name matches, e.g. the route handler or ingestSyncBatch. */
  readonly inclusive: readonly { readonly name: string; readonly ms: number }[];
}

function area(url: string, fn: string): string {
  if (fn === '(idle)') return '(idle)';
  if (fn === '(garbage collector)') return '(garbage collector)';
  if (fn === '(program)') return '(program: native, not attributed)';
  if (url.includes('node_modules/@electric-sql/pglite') || url.startsWith('wasm://'))
    return 'PGlite (wasm + JS)';
  if (url.includes('node_modules/pg') || url.includes('node_modules/pg-')) return 'pg driver';
  if (url.includes('node_modules/hono') || url.includes('node_modules/@hono')) return 'Hono + node-server';
  if (url.includes('node_modules/'))
    return `other packages (${url.split('node_modules/')[1]?.split('/')[0]})`;
  if (url.includes('/bench/')) return 'bench/sync-server.ts trace wrappers (--profile only)';
  if (url.includes('/shared/')) return 'shared/ (parse, validate, canonical JSON)';
  if (url.includes('/server/')) return `server/${url.split('/server/')[1]?.split('/')[0]}`;
  if (url.startsWith('node:') || url === '') return 'Node internals (not called from a package or our code)';
  return 'other';
}

const short = (url: string) => url.replace(/^.*\/(server|shared|bench|node_modules)\//, '$1/');

export function summariseProfile(file: string, inclusiveNames: readonly string[] = []): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (const [i, id] of profile.samples.entries())
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
  let busy = 0;
  let idle = 0;
  // Native frames (a syscall, a builtin) and Node's own JS have no URL of ours: their time goes
  // to the nearest caller that has one (writev under the pg driver is the driver's, under the
  // HTTP response Hono's); with no such caller (a WebCrypto job's completion) it stays Node's.
  const callerUrl = (id: number): string => {
    for (let n = parent.get(id); n !== undefined; n = parent.get(n)) {
      const url = byId.get(n)?.callFrame.url ?? '';
      // The bench's own trace wrappers (sync-server.ts) are skipped: the caller is the server's.
      if (url !== '' && !url.startsWith('node:') && !url.includes('/bench/')) return url;
    }
    return '';
  };
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url: ownUrl, lineNumber } = node.callFrame;
    const own = ownUrl !== '' && !ownUrl.startsWith('node:');
    const url = own || functionName.startsWith('(') ? ownUrl : callerUrl(id) || ownUrl;
    const a = area(url, functionName);
    if (a === '(idle)') idle += ms;
    else busy += ms;
    areas.set(a, (areas.get(a) ?? 0) + ms);
    if (a !== '(idle)') {
      const where = ownUrl ? `${short(ownUrl)}:${lineNumber + 1}` : '';
      const under =
        !own && url && url !== ownUrl ? ` (called from ${short(url).split('/').slice(0, 2).join('/')})` : '';
      const name = `${functionName || '(anonymous)'} ${where}${under}`.trim();
      functions.set(name, (functions.get(name) ?? 0) + ms);
    }
    // Inclusive: once per sample stack for each named function on it.
    if (inclusive.size > 0) {
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n)?.callFrame.functionName ?? '';
        if (inclusive.has(f) && !seen.has(f)) {
          seen.add(f);
          inclusive.set(f, (inclusive.get(f) ?? 0) + ms);
        }
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return {
    busyMs: busy,
    idleMs: idle,
    byArea: sorted(areas).map(([a, ms]) => ({ area: a, ms })),
    byFunction: sorted(functions)
      .slice(0, 20)
      .map(([name, ms]) => ({ name, ms })),
    inclusive: sorted(inclusive).map(([name, ms]) => ({ name, ms })),
  };
}
