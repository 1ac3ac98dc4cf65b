import { describe, expect, it } from 'vitest';
import { deflectionText, newDraftId } from './deflection-text';

describe('deflectionText', () => {
  it('joins the wordy string values of a form', () => {
    expect(deflectionText({ cardLast4: '1234', whatHappened: 'my card was stolen', n: 2, ok: true })).toBe(
      'my card was stolen',
    );
  });
  it('keeps it short', () => {
    expect(deflectionText({ a: 'word '.repeat(200) }).length).toBe(400);
  });
  it('makes draft ids the runtime accepts', () => {
    const id = newDraftId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(newDraftId()).not.toBe(id);
  });
});
