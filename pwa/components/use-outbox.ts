// The outbox as a live list for screens (the header's count, the table, the done screen).
import { useEffect, useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import type { OutboxEntry } from '../storage/outbox.ts';

/** The outbox as a live list (newest visit first), re-read whenever it changes in any tab. */
export function useOutbox(): readonly OutboxEntry[] {
  const { outbox } = useServices();
  const [entries, setEntries] = useState<readonly OutboxEntry[]>([]);
  useEffect(() => {
    let live = true;
    const load = () => void outbox.all().then((all) => live && setEntries(all));
    load();
    const unsubscribe = outbox.subscribe(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [outbox]);
  return entries;
}
