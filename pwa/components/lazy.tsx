// Screens that are not needed at start load on first use, each its own chunk (precached by the
// service worker, so this works offline). Once loaded, a screen renders synchronously.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
  what: string,
): (props: P) => JSX.Element {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const get = () => {
    pending ??= load().then(
      (c) => {
        loaded = c;
        return c;
      },
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    );
    return pending;
  };
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (component) return;
      get().then(
        (c) => setComponent(() => c),
        () => setFailed(true),
      );
    }, [component]);
    if (failed) return <LoadFailed what={what} />;
    if (!component) return <Preparing what={what} />;
    const Component = component;
    return <Component {...props} />;
  };
}

/** While a screen's chunk (or the card stack) loads. */
export function Preparing({ what }: { readonly what: string }) {
  return (
    <main aria-busy="true">
      <p>{what}を準備しています…</p>
    </main>
  );
}

/** A chunk that could not be loaded (offline before the service worker had it, a broken deploy). */
export function LoadFailed({ what }: { readonly what: string }) {
  return (
    <main>
      <p class="message error" role="alert">
        {what}を読み込めませんでした。ネットワークを確認して、アプリを再読み込みしてください。
      </p>
    </main>
  );
}
