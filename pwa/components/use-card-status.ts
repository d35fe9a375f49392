// What the reader can tell before anything is typed: whether a card is there, whether it has
// expired (read without a credential, cards.md §1.10), and the 照合番号B tries left (no try spent).
import { useCallback, useState } from 'preact/hooks';
import type { CardReadError } from '../../shared/card/errors.ts';
import { isCardExpired } from '../../shared/card/mynumber/card-expiry.ts';
import { isoDateInJapan } from '../../shared/wareki.ts';
import { useCardServices } from '../services.ts';

export interface CardStatus {
  readonly checked: boolean;
  readonly expiryDate: string | null;
  readonly serialNumber: string | null;
  readonly expired: boolean;
  readonly triesLeft: number | null;
  readonly error: CardReadError | null;
}

const UNKNOWN: CardStatus = {
  checked: false,
  expiryDate: null,
  serialNumber: null,
  expired: false,
  triesLeft: null,
  error: null,
};

export function useCardStatus(): [CardStatus, () => Promise<void>] {
  const { card } = useCardServices();
  const [status, setStatus] = useState<CardStatus>(UNKNOWN);
  const refresh = useCallback(async () => {
    const expiry = await card.cardExpiry();
    if (!expiry.ok && expiry.error.kind === 'no-card') {
      setStatus({ ...UNKNOWN, checked: true, error: expiry.error });
      return;
    }
    const tries = await card.collationBTriesLeft();
    const today = isoDateInJapan(new Date());
    setStatus({
      checked: true,
      expiryDate: expiry.ok ? expiry.value.expiryDate : null,
      serialNumber: expiry.ok ? expiry.value.serialNumber : null,
      expired: expiry.ok && isCardExpired(expiry.value, today),
      triesLeft: tries.ok ? tries.value : null,
      error: tries.ok ? null : tries.error,
    });
  }, [card]);
  return [status, refresh];
}
