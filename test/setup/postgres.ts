// vitest globalSetup for the "server" project: a throwaway real PostgreSQL cluster, so the same
// behaviour suite runs against PGlite and PostgreSQL (toolchain.md §6). Each test file then makes
// its own database in it with CREATE DATABASE. The cluster lives in a temp dir, listens on
// 127.0.0.1 only, trusts local connections and runs with fsync=off: it holds test data only.
// Starting and stopping it is pg-cluster.ts (shared with the benchmarks).
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the throwaway cluster's `postgres` database, as its superuser. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster({ fsync: false });
  project.provide('postgresUrl', cluster.url);
  return cluster.stop;
}
