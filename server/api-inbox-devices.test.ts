// The inbox's 端末 filter: applications name the tablet that delivered them (migration 6), the
// list offers every enrolled tablet, and device=<id> narrows to one. PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApplicationListResponse } from '../shared/api.ts';
import { TestDevice } from './test-support/device.ts';
import { validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('the inbox by device on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  let second: TestDevice;
  const ids: Record<string, string[]> = { first: [], second: [] };
  beforeAll(async () => {
    token = await office.signIn();
    second = await (await TestDevice.create()).enrollDirectly(office.sql, '窓口2番', office.clock.now());
    for (const [who, device] of [
      ['first', office.device],
      ['second', second],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const app = await validEnvelope();
        const envelope = await device.envelope([app]);
        expect((await office.sync([envelope], token, device)).status).toBe(200);
        device.advance(envelope);
        ids[who]?.push(app.id);
      }
    }
  });
  const list = async (query: string) => {
    const r = await office.get(`${API.applications}?${query}`, token);
    expect(r.status).toBe(200);
    return (await r.json()) as ApplicationListResponse;
  };

  it('names the delivering tablet on every row and offers every tablet for the filter', async () => {
    const all = await list('limit=200');
    expect(all.devices).toEqual(
      expect.arrayContaining([
        { id: office.device.id, name: 'テスト端末' },
        { id: second.id, name: '窓口2番' },
      ]),
    );
    const byId = new Map(all.applications.map((a) => [a.id, a.deviceName]));
    for (const id of ids.first ?? []) expect(byId.get(id)).toBe('テスト端末');
    for (const id of ids.second ?? []) expect(byId.get(id)).toBe('窓口2番');
  });

  it('lists only the chosen tablet’s applications', async () => {
    const answer = await list(`device=${second.id}`);
    expect(answer.total).toBe(2);
    expect(answer.applications.map((a) => a.id).sort()).toEqual([...(ids.second ?? [])].sort());
  });

  it('refuses a device value that cannot be a device id', async () => {
    for (const bad of ['dev_1', "x' OR 1=1 --", `device=${second.id}&device=${second.id}`]) {
      const query = bad.startsWith('device=') ? bad : `device=${encodeURIComponent(bad)}`;
      const r = await office.get(`${API.applications}?${query}`, token);
      expect(r.status).toBe(400);
    }
  });
});
