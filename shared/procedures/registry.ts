// The catalogue of procedures. Each lives in `catalogue/<id>.ts` and is loaded on demand (its own
// chunk in the counter app); the menus need only the names here. The meta-test
// (registry.test.ts) reads the catalogue folder and fails on a file that is not listed here, on an
// entry whose file is missing, and on any procedure that is incomplete (see meta.ts).
import type { Text } from '../i18n/lang.ts';
import type { ProcedureDefinition, ProcedureSummary } from './types.ts';

const entry = (id: string, name: Text, load: () => Promise<ProcedureDefinition>): ProcedureSummary => ({
  id,
  name,
  load,
});

export const CATALOGUE: readonly ProcedureSummary[] = [
  entry(
    'tennyu',
    {
      ja: '{転入届|てんにゅうとどけ}',
      'ja-easy': 'ほかの{町|まち}から{引|ひ}っ{越|こ}してきた{届|とど}け（{転入届|てんにゅうとどけ}）',
      en: 'Moving-in notification',
      'zh-Hans': '迁入申报',
      ko: '전입신고',
      vi: 'Thông báo chuyển đến',
      pt: 'Notificação de mudança (entrada)',
    },
    async () => (await import('./catalogue/tennyu.ts')).tennyu,
  ),
];

export function findSummary(id: string): ProcedureSummary | undefined {
  return CATALOGUE.find((p) => p.id === id);
}

/** Loads the named procedures (each its own chunk; precached by the service worker for offline). */
export async function loadProcedures(ids: readonly string[]): Promise<ProcedureDefinition[]> {
  return Promise.all(
    ids.map((id) => {
      const s = findSummary(id);
      if (!s) throw new Error(`unknown procedure ${id}`);
      return s.load();
    }),
  );
}

/** A synchronous lookup over loaded procedures (the server loads all at start). */
export interface ProcedureLookup {
  readonly get: (id: string) => ProcedureDefinition | undefined;
  readonly all: readonly ProcedureDefinition[];
}

export async function loadCatalogue(): Promise<ProcedureLookup> {
  const all = await loadProcedures(CATALOGUE.map((p) => p.id));
  const byId = new Map(all.map((p) => [p.id, p]));
  return { get: (id) => byId.get(id), all };
}
