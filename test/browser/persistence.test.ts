// Storage persistence and the quota warning, with Chromium's real StorageManager.
import {
  requestPersistentStorage,
  STORAGE_WARNING_SHARE,
  storageWarning,
} from '../../pwa/storage/persistence.ts';
import { assert, equal } from './assert.ts';

describe('storage persistence', () => {
  it('asks for persistent storage and reads the quota', async () => {
    const health = await requestPersistentStorage();
    equal(typeof health.persisted, 'boolean', 'persisted answered');
    assert(health.usedShare !== null && health.usedShare >= 0 && health.usedShare < 1, 'usage share known');
  });

  it('warns in Japanese only when the storage is nearly full', () => {
    equal(storageWarning({ persisted: true, usedShare: 0.1 }), null, 'no warning at 10%');
    equal(storageWarning({ persisted: true, usedShare: null }), null, 'no warning when unknown');
    const w = storageWarning({ persisted: true, usedShare: STORAGE_WARNING_SHARE + 0.05 });
    assert(w?.includes('85%') && w.includes('送信'), `warning names the share and the next step: ${w}`);
  });
});
