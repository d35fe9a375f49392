// The procedure registry. Every procedure file is listed once here.
import { tennyu } from './tennyu.ts';
import type { ProcedureDefinition } from './types.ts';

export const PROCEDURES: readonly ProcedureDefinition[] = [tennyu];

export function findProcedure(id: string): ProcedureDefinition | undefined {
  return PROCEDURES.find((p) => p.id === id);
}
