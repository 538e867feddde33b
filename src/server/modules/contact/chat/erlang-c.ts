/**
 * Erlang C (M/M/N) queueing formulas, as used for contact-centre staffing, and the wait estimate we show a
 * waiting citizen.
 *
 * Notation: λ arrivals per second, h mean handling time in seconds, N servers ("agents on duty"; with
 * several simultaneous chats per agent, N is the number of chat slots), offered load A = λ·h in Erlangs.
 */

/** Erlang B blocking probability by the recurrence B(0)=1, B(n)=A·B(n-1)/(n+A·B(n-1)): no factorials, no overflow. */
export function erlangB(servers: number, offeredLoad: number): number {
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (offeredLoad * b) / (n + offeredLoad * b);
  return b;
}

/** Probability that an arriving contact has to wait: C = N·B / (N − A·(1 − B)); 1 when the queue is unstable (A ≥ N). */
export function erlangC(servers: number, offeredLoad: number): number {
  if (servers <= 0 || offeredLoad >= servers) return 1;
  if (offeredLoad <= 0) return 0;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export type ErlangInput = { arrivalsPerSecond: number; handleSeconds: number; servers: number };

export type ErlangResult = {
  offeredLoad: number;
  probabilityOfWaiting: number;
  /** Average speed of answer over all arrivals: C·h / (N − A); Infinity when A ≥ N. */
  expectedWaitSeconds: number;
};

export function erlangCWait({ arrivalsPerSecond, handleSeconds, servers }: ErlangInput): ErlangResult {
  const offeredLoad = arrivalsPerSecond * handleSeconds;
  const probabilityOfWaiting = erlangC(servers, offeredLoad);
  const expectedWaitSeconds =
    servers <= 0 || offeredLoad >= servers
      ? Number.POSITIVE_INFINITY
      : (probabilityOfWaiting * handleSeconds) / (servers - offeredLoad);
  return { offeredLoad, probabilityOfWaiting, expectedWaitSeconds };
}

/** Service level: share of contacts answered within `targetSeconds`, SL = 1 − C·e^{−(N−A)·t/h}. */
export function serviceLevel(input: ErlangInput, targetSeconds: number): number {
  const { offeredLoad, probabilityOfWaiting } = erlangCWait(input);
  if (input.servers <= 0 || offeredLoad >= input.servers) return 0;
  return (
    1 -
    probabilityOfWaiting * Math.exp((-(input.servers - offeredLoad) * targetSeconds) / input.handleSeconds)
  );
}

export type PositionInput = {
  /** 1-based place in the queue. */
  position: number;
  /** Chat slots of agents on duty (sum of their capacities). */
  slots: number;
  /** Slots free right now (routing fills them at once, so the first `freeSlots` citizens are about to be served). */
  freeSlots: number;
  handleSeconds: number;
};

/**
 * Expected wait of a citizen who already knows their place. In the M/M/N model behind Erlang C, while all N
 * slots are busy, chats end as a Poisson stream of rate N/h (each slot finishes at rate 1/h, memoryless).
 * FIFO means the citizen at place k is served at the k-th such departure counted after the free slots are
 * used, so their wait is a sum of k' = k − free exponential gaps: Erlang(k', N/h) with mean k'·h/N. This is
 * the conditional form of Erlang C's waiting time — it accounts for the k−1 citizens ahead exactly, where
 * the unconditional C·h/(N−A) averages over queue lengths and so only fits a citizen who does not yet know
 * their place. Citizens behind do not matter under FIFO, so the arrival rate is not needed here.
 * Returns null when nobody is on duty: there is no honest estimate then.
 */
export function estimateWaitForPosition({
  position,
  slots,
  freeSlots,
  handleSeconds,
}: PositionInput): number | null {
  if (slots <= 0) return null;
  const ahead = position - Math.max(0, freeSlots);
  if (ahead <= 0) return 0;
  return Math.round((ahead * handleSeconds) / slots);
}
