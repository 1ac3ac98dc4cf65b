import { describe, expect, it } from 'vitest';
import { sessionIdOf } from '../auth/session-token';
import { issueTicket, ticketSession } from './stream-ticket';

const SECRET = 'x'.repeat(32);

describe('stream tickets', () => {
  it('name their session until they expire', () => {
    const ticket = issueTicket('sess-1', 1_000, SECRET);
    expect(ticketSession(ticket, SECRET, 999)).toBe('sess-1');
    expect(ticketSession(ticket, SECRET, 1_000)).toBeNull();
  });

  it('refuse a tampered ticket, another key, and garbage', () => {
    const ticket = issueTicket('sess-1', 1_000, SECRET);
    const forged = `${Buffer.from(JSON.stringify({ s: 'sess-2', e: 1_000 })).toString('base64url')}.${ticket.split('.')[1]}`;
    expect(ticketSession(forged, SECRET, 0)).toBeNull();
    expect(ticketSession(ticket, 'y'.repeat(32), 0)).toBeNull();
    expect(ticketSession('nope', SECRET, 0)).toBeNull();
    expect(ticketSession(`${'a'.repeat(10)}.${'b'.repeat(43)}`, SECRET, 0)).toBeNull();
  });

  it('never pass as a session token', () => {
    expect(sessionIdOf(issueTicket('sess-1', 1_000, SECRET), SECRET)).toBeNull();
  });
});
