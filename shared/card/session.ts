// One card session per resident: connect, work, and always switch the RF field off, so that a
// verified card state never carries over to the next person (cards.md §1.4, transport.ts).
import { err, ok, type Result } from '../result.ts';
import type { CardReadError } from './errors.ts';
import type { CardTransport } from './transport.ts';

/**
 * Runs `work` with the card powered. connect() → false gives no-card. disconnect() runs whatever
 * happens; if it fails after a successful read, the result becomes transport-failed: a reader that
 * cannot switch the field off must be looked at before the next resident.
 */
export async function withCardSession<T>(
  transport: CardTransport,
  work: () => Promise<Result<T, CardReadError>>,
): Promise<Result<T, CardReadError>> {
  let outcome: Result<T, CardReadError> = err({ kind: 'no-card' });
  try {
    outcome = await connectAndWork(transport, work);
  } finally {
    const off = await switchOff(transport);
    if (!off.ok && outcome.ok) outcome = off;
  }
  return outcome;
}

async function connectAndWork<T>(
  transport: CardTransport,
  work: () => Promise<Result<T, CardReadError>>,
): Promise<Result<T, CardReadError>> {
  let connected: boolean;
  try {
    connected = await transport.connect();
  } catch (e) {
    return err({ kind: 'transport-failed', detail: `connect: ${describeFailure(e)}` });
  }
  if (!connected) return err({ kind: 'no-card' });
  return work();
}

async function switchOff(transport: CardTransport): Promise<Result<void, CardReadError>> {
  try {
    await transport.disconnect();
    return ok(undefined);
  } catch (e) {
    return err({ kind: 'transport-failed', detail: `disconnect: ${describeFailure(e)}` });
  }
}

function describeFailure(e: unknown): string {
  return (e instanceof Error ? `${e.name}: ${e.message}` : 'failed').slice(0, 200);
}
