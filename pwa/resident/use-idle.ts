// Privacy timeout: a resident who walks away must not leave their data on the counter for the next
// person. No pointer or key input for `idleMs` → a warning with a countdown; when that runs out the
// screen is hidden until staff unlock it.
import { useCallback, useEffect, useState } from 'preact/hooks';

export type IdlePhase = 'active' | 'warning' | 'privacy';

const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;

export interface Idle {
  readonly phase: IdlePhase;
  readonly secondsLeft: number; // while warning
  /** Back to active: the resident pressed 続ける, or staff unlocked the privacy screen. */
  readonly resume: () => void;
}

export function useIdle(idleMs: number, warningMs: number): Idle {
  const [phase, setPhase] = useState<IdlePhase>('active');
  const [msLeft, setMsLeft] = useState(warningMs);

  useEffect(() => {
    if (phase === 'active') {
      // Input only stamps the time (pointermove fires often); the timer re-arms for what is left.
      let last = performance.now();
      const stamp = () => {
        last = performance.now();
      };
      let timer = 0;
      const check = () => {
        const quiet = performance.now() - last;
        if (quiet >= idleMs) setPhase('warning');
        else timer = window.setTimeout(check, idleMs - quiet);
      };
      timer = window.setTimeout(check, idleMs);
      for (const type of INPUT_EVENTS)
        document.addEventListener(type, stamp, { capture: true, passive: true });
      return () => {
        clearTimeout(timer);
        for (const type of INPUT_EVENTS) document.removeEventListener(type, stamp, { capture: true });
      };
    }
    if (phase === 'warning') {
      const end = performance.now() + warningMs;
      setMsLeft(warningMs);
      const tick = window.setInterval(
        () => {
          const left = end - performance.now();
          if (left <= 0) setPhase('privacy');
          else setMsLeft(left);
        },
        Math.min(250, Math.max(20, warningMs / 10)),
      );
      return () => clearInterval(tick);
    }
    return undefined;
  }, [phase, idleMs, warningMs]);

  const resume = useCallback(() => setPhase('active'), []);
  return { phase, secondsLeft: Math.max(1, Math.ceil(msLeft / 1000)), resume };
}
