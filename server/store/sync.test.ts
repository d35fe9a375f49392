// lockChain reads a batch's state after the device row's lock is granted. When another request of
// the same device held the lock and stored envelopes meanwhile, the statement that waited still
// has its older snapshot; lockChain sees the row change and reads the state again, so the waiting
// request finds what the first one committed (PostgreSQL: two connections at once).
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../test-support/test-store.ts';
import { insertStaff } from './staff.ts';
import { lockChain } from './sync.ts';

const DEVICE = `dev_${'w'.repeat(26)}`;
const H1 = '1'.repeat(64);

describe('lockChain under a concurrent writer (postgres)', () => {
  it('reads the state again when the row changed while it waited for the lock', async () => {
    const sql = await openTestStore('postgres');
    try {
      await insertStaff(sql, { username: 'w', displayName: 'w', passwordHash: 'x', role: 'admin' });
      await sql.query(
        `INSERT INTO devices (id, name, public_key, enrolled_at, enrolled_by)
         VALUES ($1, '窓口', '{}'::jsonb, now(), (SELECT min(id) FROM staff))`,
        [DEVICE],
      );
      const query = { deviceId: DEVICE, seqs: [1], applicationIds: [], idempotencyKey: undefined };
      let release: () => void = () => {};
      const holding = new Promise<void>((r) => {
        release = r;
      });
      let locked: () => void = () => {};
      const lockTaken = new Promise<void>((r) => {
        locked = r;
      });
      // The first request: holds the row, stores envelope 1 and moves the head, then commits.
      const first = sql.transaction(async (tx) => {
        await tx.query('SELECT 1 FROM devices WHERE id = $1 FOR UPDATE', [DEVICE]);
        locked();
        await holding;
        await tx.query(
          `INSERT INTO sync_envelopes (device_id, seq, id, hash, prev_hash, created_at, procedures, received_at, received_by, source)
           VALUES ($1, 1, '01JF0000000000000000000000', $2, $3, now(), '["tennyu"]', now(), 1, 'network')`,
          [DEVICE, H1, '0'.repeat(64)],
        );
        await tx.query('UPDATE devices SET last_seq = 1, last_hash = $2 WHERE id = $1', [DEVICE, H1]);
      });
      await lockTaken;
      // The second: its statement starts (and takes its snapshot) while the first holds the row.
      const second = sql.transaction((tx) => lockChain(tx, query));
      await new Promise((r) => setTimeout(r, 200));
      release();
      await first;
      const seen = await second;
      expect(seen?.device.head).toEqual({ seq: 1, hash: H1 });
      expect(seen?.state.stored.get(1)).toEqual({ id: '01JF0000000000000000000000', hash: H1 });
    } finally {
      await sql.close();
    }
  });
});
