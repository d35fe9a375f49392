// A small, honest timer: warm up, then run batches until a time budget is spent, report the median.
export interface Measurement {
  readonly label: string;
  readonly opsPerSecond: number;
  readonly microsPerOp: number;
}

export function measure(label: string, op: () => unknown, budgetMs = 1500): Measurement {
  for (let i = 0; i < 200; i++) op(); // warm-up for the JIT
  const batch = 200;
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || samples.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) op();
    samples.push((performance.now() - t0) / batch);
  }
  samples.sort((a, b) => a - b);
  const msPerOp = samples[Math.floor(samples.length / 2)] as number;
  return { label, opsPerSecond: 1000 / msPerOp, microsPerOp: msPerOp * 1000 };
}

export function printTable(rows: readonly Measurement[]): void {
  console.log('| case | µs/op | ops/s |');
  console.log('|---|---:|---:|');
  for (const r of rows)
    console.log(`| ${r.label} | ${r.microsPerOp.toFixed(2)} | ${Math.round(r.opsPerSecond)} |`);
}
