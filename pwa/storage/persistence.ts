// The outbox must survive until the back office has it: ask the browser not to evict this
// origin's storage (navigator.storage.persist), and watch how full it is so staff are warned
// before a quota error could refuse a resident's application (anchors.md §C: eviction).

export interface StorageHealth {
  readonly persisted: boolean;
  /** 0..1, or null when the browser does not say. */
  readonly usedShare: number | null;
}

export const STORAGE_WARNING_SHARE = 0.8;

export async function requestPersistentStorage(): Promise<StorageHealth> {
  const storage = navigator.storage;
  if (!storage) return { persisted: false, usedShare: null };
  const persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? false);
  return { persisted, usedShare: await usedShare() };
}

export async function usedShare(): Promise<number | null> {
  const estimate = await navigator.storage?.estimate?.();
  return estimate?.quota ? (estimate.usage ?? 0) / estimate.quota : null;
}

export function storageWarning(health: StorageHealth): string | null {
  if (health.usedShare !== null && health.usedShare >= STORAGE_WARNING_SHARE) {
    return `端末の保存領域が残りわずかです（${Math.round(health.usedShare * 100)}%使用）。ネットワークにつないで送信待ちの申請を送信し、不要なデータを整理してください。`;
  }
  return null;
}
