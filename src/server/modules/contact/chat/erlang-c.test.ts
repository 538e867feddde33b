import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCWait, estimateWaitForPosition, serviceLevel } from './erlang-c';

describe('Erlang formulas', () => {
  it('matches textbook Erlang B values', () => {
    // Standard Erlang B table: A = 2 Erlangs, N = 2 → 0.4; A = 10, N = 15 → 0.0365 (rounded).
    expect(erlangB(2, 2)).toBeCloseTo(0.4, 6);
    expect(erlangB(15, 10)).toBeCloseTo(0.03649, 4);
  });

  it('matches textbook Erlang C values', () => {
    // A = 2, N = 3: C = 4/9 ≈ 0.4444 (closed form: (A^N/N!)·N/(N−A) / (Σ A^k/k! + that)).
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 6);
    // A = 8 Erlangs on N = 10 agents → Pw ≈ 0.4092 (Erlang C tables).
    expect(erlangC(10, 8)).toBeCloseTo(0.4092, 3);
  });

  it('gives the average speed of answer and service level of the classic example', () => {
    // 8 Erlangs: one contact every 30 s, 240 s handling, 10 agents.
    const input = { arrivalsPerSecond: 1 / 30, handleSeconds: 240, servers: 10 };
    const result = erlangCWait(input);
    expect(result.offeredLoad).toBeCloseTo(8, 9);
    // ASA = Pw·h/(N−A) = 0.4092·240/2 ≈ 49.1 s; SL(20 s) = 1 − 0.4092·e^(−2·20/240) ≈ 0.6536.
    expect(result.expectedWaitSeconds).toBeCloseTo(49.1, 0);
    expect(serviceLevel(input, 20)).toBeCloseTo(0.6536, 3);
  });

  it('stays finite and stable for large centres', () => {
    const c = erlangC(500, 480);
    expect(Number.isFinite(c)).toBe(true);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('reports an unstable queue as certain and endless waiting', () => {
    expect(erlangC(2, 2)).toBe(1);
    expect(erlangCWait({ arrivalsPerSecond: 1, handleSeconds: 10, servers: 5 }).expectedWaitSeconds).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(erlangC(3, 0)).toBe(0);
  });

  it('estimates the wait at a known place from the departures ahead of it', () => {
    // 2 agents × 2 chats = 4 slots all busy, 300 s a chat: a chat ends every 75 s on average.
    expect(estimateWaitForPosition({ position: 1, slots: 4, freeSlots: 0, handleSeconds: 300 })).toBe(75);
    expect(estimateWaitForPosition({ position: 3, slots: 4, freeSlots: 0, handleSeconds: 300 })).toBe(225);
    // A free slot serves the first citizen right away; the second waits for one departure.
    expect(estimateWaitForPosition({ position: 1, slots: 4, freeSlots: 1, handleSeconds: 300 })).toBe(0);
    expect(estimateWaitForPosition({ position: 2, slots: 4, freeSlots: 1, handleSeconds: 300 })).toBe(75);
    expect(estimateWaitForPosition({ position: 1, slots: 0, freeSlots: 0, handleSeconds: 300 })).toBeNull();
  });
});
