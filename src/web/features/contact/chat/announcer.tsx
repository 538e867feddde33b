import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A polite live region fed at most once per `gapMs`: news arriving meanwhile is merged into the next update
 * (the latest few items), so a burst of messages is one announcement and the history is never re-read.
 */
export function useThrottledAnnouncer(gapMs = 2000, keep = 3) {
  const [text, setText] = useState('');
  const queued = useRef<string[]>([]);
  const last = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  const announce = useCallback(
    (message: string) => {
      queued.current.push(message);
      if (timer.current !== undefined) return;
      const wait = Math.max(0, last.current + gapMs - Date.now());
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        const items = queued.current.splice(0).slice(-keep);
        if (items.length === 0) return;
        last.current = Date.now();
        setText(items.join(' '));
      }, wait);
    },
    [gapMs, keep],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { text, announce };
}

export function LiveRegion({ text }: { text: string }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="chat-live">
      {text}
    </div>
  );
}
