import { describe, expect, it } from 'vitest';
import { clientOf, SocketGate } from './chat.limits';

describe('chat socket gate', () => {
  const limits = { waitingPerClient: 3, handshakesPerMinute: 3, socketsPerClient: 2 };

  it('admits handshakes per address over a sliding minute, not a fixed window', () => {
    let now = 59_000;
    const gate = new SocketGate(limits, () => now);
    expect([1, 2, 3].map(() => gate.admitHandshake('a', true))).toEqual([null, null, null]);
    expect(gate.admitHandshake('a', true)).toBe('handshakes');
    expect(gate.admitHandshake('b', true)).toBeNull();
    // Past a minute boundary the same handshakes still count: a fixed window would let three more through.
    now = 61_000;
    expect(gate.admitHandshake('a', true)).toBe('handshakes');
    expect(gate.secondsLeft('a')).toBe(58);
    now = 119_001;
    expect(gate.admitHandshake('a', true)).toBeNull();
  });

  it('keeps the open citizen sockets of an address within the limit, agents aside', () => {
    const gate = new SocketGate({ ...limits, handshakesPerMinute: 100 });
    expect(gate.openSocket('a')).toBe(true);
    expect(gate.openSocket('a')).toBe(true);
    expect(gate.admitHandshake('a', true)).toBe('sockets');
    expect(gate.admitHandshake('a', false)).toBeNull();
    // Two handshakes that passed the check together: the second finds no place once open (close 4429).
    expect(gate.openSocket('a')).toBe(false);
    gate.release('a');
    expect(gate.admitHandshake('a', true)).toBeNull();
    expect(gate.openSocket('a')).toBe(true);
    expect(gate.openSocket('b')).toBe(true);
  });

  it('counts an IPv6 client by its /64, an IPv4 one (also IPv4-mapped) by its address', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
    expect(clientOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
