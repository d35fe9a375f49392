// After the idle timeout: nothing of the resident's data is in the page (the flow's state lives
// in memory only, in ResidentVisit). Only staff can go on, by unlocking.
import { useState } from 'preact/hooks';
import { RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import type { UnlockComponent } from './types.ts';
import { Say } from './view.tsx';

export function PrivacyScreen({
  Unlock,
  onUnlocked,
}: {
  readonly Unlock: UnlockComponent;
  readonly onUnlocked: () => void;
}) {
  const [unlocking, setUnlocking] = useState(false);
  return (
    <main class="resident-privacy" data-testid="privacy-screen">
      <h1 class="resident-heading">
        <Say text={T.privacy} />
      </h1>
      {unlocking ? (
        // The unlock form is a staff screen, in Japanese.
        <div lang="ja">
          <Unlock onUnlocked={onUnlocked} onCancel={() => setUnlocking(false)} />
        </div>
      ) : (
        <button
          type="button"
          class="resident-staff"
          onClick={() => setUnlocking(true)}
          data-testid="privacy-unlock"
        >
          <Say text={T.staff} />
        </button>
      )}
    </main>
  );
}
