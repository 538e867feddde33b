/**
 * Server-sent events over a hijacked Fastify reply: one way to open a stream, shared by every live route
 * (the 1700 board, the notification bell).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A live stream is for EventSource clients only: any other client would hold a response that never ends. */
export function acceptsEventStream(accept: string | undefined): boolean {
  return /\btext\/event-stream\b/.test(accept ?? '');
}

/** The writing end of an open stream; writes after the client left are dropped. */
export type EventStreamWriter = { write(text: string): void; end(): void };

export function eventStreamWriter(reply: FastifyReply): EventStreamWriter {
  const raw = reply.raw;
  return {
    write: (text) => {
      if (!raw.writableEnded && !raw.destroyed) raw.write(text);
    },
    end: () => raw.end(),
  };
}

/**
 * Takes the response over from Fastify and opens the stream: status and headers, the client's reconnect
 * delay, and `gone` called once the client went away.
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { retryMs: number; gone: () => void },
): void {
  const raw = reply.raw;
  reply.hijack();
  // Headers set on the raw response (the security headers) are kept; those set through reply are copied.
  const kept = Object.entries(reply.getHeaders()).filter(
    (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
  );
  raw.writeHead(200, {
    ...Object.fromEntries(kept),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  // The client reconnects after this delay when the connection drops.
  raw.write(`retry: ${options.retryMs}\n\n`);
  // The response's 'close' fires when the client goes away (the request's may fire once its body is read).
  raw.on('close', options.gone);
  request.raw.on('close', () => {
    if (request.raw.socket?.destroyed) options.gone();
  });
}
