// `npm run bench -- <name>`: runs one benchmark. Each prints a readable table and, as its last
// line, one JSON object {"bench":"<name>", ...}. Benchmarks compare ours with a baseline in the
// same run and report ratios; they are not timed tests.
const BENCHES: Record<string, () => Promise<unknown>> = {
  envelope: () => import('./envelope.ts'),
  card: () => import('./card.ts'),
  forms: () => import('./forms.ts'),
  fault: () => import('./fault.ts'),
  sync: () => import('./sync.ts'),
};

const benchName = process.argv[2];
const load = benchName ? BENCHES[benchName] : undefined;
if (!load) {
  console.error(`使い方: npm run bench -- <name>   (name: ${Object.keys(BENCHES).join(', ')})`);
  process.exit(2);
}
await load();

export {};
