import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../app/api';

export const UNREAD_KEY = ['notifications', 'unread'] as const;
export const LIST_KEY = ['notifications', 'list'] as const;

/**
 * Keeps the unread count live: an EventSource on the server's stream writes each count into the query cache
 * (and marks the list stale). EventSource reconnects by itself; a refused stream leaves the count as fetched.
 */
export function useLiveUnread(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(api.notifications.stream.href(), { withCredentials: true });
    source.onmessage = (event: MessageEvent<string>) => {
      const { unread } = JSON.parse(event.data) as { unread: number };
      const before = client.getQueryData<{ unread: number }>(UNREAD_KEY)?.unread;
      client.setQueryData(UNREAD_KEY, { unread });
      if (before !== undefined && before !== unread) void client.invalidateQueries({ queryKey: LIST_KEY });
    };
    return () => source.close();
  }, [client, enabled]);
}
