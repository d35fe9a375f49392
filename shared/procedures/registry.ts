// The catalogue of procedures. Each lives in `catalogue/<id>.ts` and is loaded on demand (its own
// chunk in the counter app); the menus need only the names (names.ts). The meta-test
// (registry.test.ts) reads the catalogue folder and fails on a file that is not listed here, on an
// entry whose file is missing, and on any procedure that is incomplete (see meta.ts).
import { type CatalogueId, PROCEDURE_NAMES } from './names.ts';
import type { ProcedureDefinition, ProcedureSummary } from './types.ts';

const entry = (id: CatalogueId, load: () => Promise<ProcedureDefinition>): ProcedureSummary => ({
  id,
  name: PROCEDURE_NAMES[id],
  load,
});

// One line per procedure: the literal import path is what gives each its own chunk.
export const CATALOGUE: readonly ProcedureSummary[] = [
  entry('tennyu', async () => (await import('./catalogue/tennyu.ts')).tennyu),
  entry('tenshutsu', async () => (await import('./catalogue/tenshutsu.ts')).tenshutsu),
  entry('tenkyo', async () => (await import('./catalogue/tenkyo.ts')).tenkyo),
  entry('juminhyo', async () => (await import('./catalogue/juminhyo.ts')).juminhyo),
  entry('inkan-toroku', async () => (await import('./catalogue/inkan-toroku.ts')).inkanToroku),
  entry('jido-teate', async () => (await import('./catalogue/jido-teate.ts')).jidoTeate),
  entry('kokuho-shutoku', async () => (await import('./catalogue/kokuho-shutoku.ts')).kokuhoShutoku),
  entry('kokumin-nenkin', async () => (await import('./catalogue/kokumin-nenkin.ts')).kokuminNenkin),
  entry('kokin-koza', async () => (await import('./catalogue/kokin-koza.ts')).kokinKoza),
  entry('mynumber-card', async () => (await import('./catalogue/mynumber-card.ts')).mynumberCard),
  entry('kaigo-nintei', async () => (await import('./catalogue/kaigo-nintei.ts')).kaigoNintei),
  entry('jido-fuyo', async () => (await import('./catalogue/jido-fuyo.ts')).jidoFuyo),
  entry('risai-shomei', async () => (await import('./catalogue/risai-shomei.ts')).risaiShomei),
  entry('sodai-gomi', async () => (await import('./catalogue/sodai-gomi.ts')).sodaiGomi),
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
