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
    if (failed)
      return (
        <main>
          <p class="message error" role="alert">
            {what}を読み込めませんでした。ネットワークを確認して、アプリを再読み込みしてください。
          </p>
        </main>
      );
    if (!component)
      return (
        <main aria-busy="true">
          <p>{what}を準備しています…</p>
        </main>
      );
    const Component = component;
    return <Component {...props} />;
  };
}
