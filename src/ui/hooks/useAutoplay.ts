import { useEffect } from 'react';

/** While `on`, calls `tick` every `delayMs`. */
export function useAutoplay(on: boolean, delayMs: number, tick: () => void): void {
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(tick, delayMs);
    return () => clearInterval(timer);
  }, [on, delayMs, tick]);
}
