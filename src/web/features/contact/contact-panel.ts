import { useSyncExternalStore } from 'react';

/**
 * Whether the contact block floats as a panel over the page (opened by the launcher or the skip link). There is
 * one contact block, in the footer, so the chat keeps one socket and one queue place however it is opened.
 */
let floating = false;
let returnFocus: HTMLElement | null = null;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

export function openContactPanel() {
  if (floating) return;
  returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  floating = true;
  emit();
}

/** Closes the panel and gives the focus back to what had it when the panel opened (the launcher, mostly). */
export function closeContactPanel() {
  if (!floating) return;
  floating = false;
  emit();
  const target = returnFocus?.isConnected ? returnFocus : document.getElementById(LAUNCHER_ID);
  returnFocus = null;
  target?.focus();
}

export const LAUNCHER_ID = 'contact-launcher';

export function useContactPanel(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => floating,
    () => false,
  );
}
