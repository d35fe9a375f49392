// Each step's one <h1>. It takes focus when the step appears, so a screen reader announces the new
// step and keyboard users start from its top instead of a button that is gone.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function StepHeading({ children }: { readonly children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, []);
  return (
    <h1 id="resident-step-heading" class="resident-heading" tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
