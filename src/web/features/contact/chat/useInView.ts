import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/**
 * Whether `ref`'s element is on screen, and how many news items arrived while it was not (reset when it comes
 * back into view). The chat shows a small dock with that count while it is scrolled away or collapsed.
 */
export function useInView(ref: RefObject<HTMLElement | null>) {
  const [inView, setInView] = useState(true);
  const inViewRef = useRef(true);
  const [unseen, setUnseen] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      const visible = entry?.isIntersecting ?? true;
      inViewRef.current = visible;
      setInView(visible);
      if (visible) setUnseen(0);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  /** Counts one news item if it arrived out of sight. */
  const noteNews = useCallback(() => {
    if (!inViewRef.current) setUnseen((n) => n + 1);
  }, []);
  return { inView, unseen, noteNews };
}
