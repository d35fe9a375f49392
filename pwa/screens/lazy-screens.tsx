// The screens of a visit, each loaded when first needed (see components/lazy.tsx). The card
// screen also brings the card stack and hands it to its components through the context.
import type { ComponentProps } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CardService } from '../card/card-service.ts';
import { LoadFailed, lazyScreen, Preparing } from '../components/lazy.tsx';
import { type CardServices, ServicesContext, useServices } from '../services.ts';
import type { CardRead as CardReadScreen } from './CardRead.tsx';

export const Navi = lazyScreen(async () => (await import('./Navi.tsx')).Navi, '手続ナビ');
export const Interview = lazyScreen(async () => (await import('./Interview.tsx')).Interview, '聞き取り画面');
export const ResidentVisit = lazyScreen(
  async () => (await import('../resident/ResidentVisit.tsx')).ResidentVisit,
  '住民の方の確認画面',
);
export const Done = lazyScreen(async () => (await import('./Done.tsx')).Done, '受付画面');

const CardReadInner = lazyScreen(async () => (await import('./CardRead.tsx')).CardRead, 'カード読み取り画面');

export function CardRead(props: ComponentProps<typeof CardReadScreen>) {
  const services = useServices();
  const [card, setCard] = useState<CardService | undefined>(() => services.loadedCard());
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!card) services.loadCard().then(setCard, () => setFailed(true));
  }, [card, services]);
  if (failed) return <LoadFailed what="カード読み取り" />;
  if (!card) return <Preparing what="カード読み取り" />;
  const withCard: CardServices = { ...services, card };
  return (
    <ServicesContext.Provider value={withCard}>
      <CardReadInner {...props} />
    </ServicesContext.Provider>
  );
}
