import { Component, type ReactNode } from 'react';

/**
 * The chat's code arrives as a separate chunk; if it cannot load (offline, or an old page after a new
 * release), the contact slot shows `fallback` instead of taking the whole page down with it.
 */
export class ChatLoadBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
