import { describe, expect, it } from 'vitest';
import { evaluateFeel, feelCondition, feelSyntaxError, renderDeep, renderTemplate } from './feel';

const NOW = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('FEEL', () => {
  it('evaluates conditions over the case scope', () => {
    const scope = { verify: { result: 'fraud' }, case: { priority: 'high' } };
    expect(feelCondition('verify.result = "fraud"', scope, NOW)).toBe(true);
    expect(feelCondition('case.priority = "low"', scope, NOW)).toBe(false);
  });

  it('treats a non-boolean or failing condition as false', () => {
    expect(feelCondition('1 + 1', {}, NOW)).toBe(false);
    expect(feelCondition('missing.value = 3', {}, NOW)).toBe(false);
  });

  it('reports syntax errors with their position', () => {
    expect(feelSyntaxError('a + (b')).toMatchObject({ from: 6 });
    expect(feelSyntaxError('')).toMatchObject({ from: 0, message: 'expression is empty' });
    expect(feelSyntaxError('x.y = "ok"')).toBeNull();
  });

  it('answers now() with the instant passed in, never the wall clock', () => {
    expect(evaluateFeel('now()', {}, NOW)).toEqual({ ok: true, value: '2026-01-05T09:00:00Z' });
    expect(evaluateFeel('now() + duration("PT2H")', {}, NOW)).toEqual({
      ok: true,
      value: '2026-01-05T11:00:00Z',
    });
    expect(evaluateFeel('string(today())', {}, NOW)).toEqual({ ok: true, value: '2026-01-05' });
    const later = evaluateFeel('date and time("2026-01-05T09:00:00Z") + duration("PT2H")', {}, NOW);
    expect(later).toEqual({ ok: true, value: '2026-01-05T11:00:00Z' });
  });

  it('reads plain paths exactly as feelin does', () => {
    const scope = {
      amount: 12.5,
      flags: [1, 2],
      request: { username: 'ben', nested: { deep: true } },
      case: { id: 'c-1', subject: 'Lost card', variables: { x: null } },
    };
    const paths = [
      'amount',
      'flags',
      'request.username',
      'request.nested.deep',
      'request.missing',
      'missing',
      'missing.deeper',
      'amount.value',
      'case.subject',
      'case.variables.x',
      'true',
      'false',
      'null',
    ];
    for (const path of paths) {
      // Parentheses keep the expression off the plain-path shortcut: feelin decides.
      expect(evaluateFeel(path, scope, NOW), path).toEqual(evaluateFeel(`(${path})`, scope, NOW));
    }
  });

  it('never runs JavaScript: JS syntax is a FEEL error, not code', () => {
    const attack = 'process.exit(1)';
    const result = evaluateFeel(attack, {}, NOW);
    expect(result.ok === false || result.value === null).toBe(true);
    expect(feelSyntaxError('(() => { throw 1 })()')).not.toBeNull();
  });

  it('renders templates, keeping the type of a whole-string placeholder', () => {
    const scope = { case: { customerId: 'c-42', amount: 12 }, env: { CORE_BANKING_URL: 'http://bank' } };
    expect(renderTemplate('{{env.CORE_BANKING_URL}}/accounts/{{case.customerId}}/freeze', scope, NOW)).toBe(
      'http://bank/accounts/c-42/freeze',
    );
    expect(renderDeep({ amount: '{{case.amount}}', note: 'x{{missing}}y' }, scope, NOW)).toEqual({
      amount: 12,
      note: 'xy',
    });
  });
});

describe('FEEL names with dashes', () => {
  it('reads a node id with dashes as one name when it is in scope', () => {
    const scope = { 'approve-replacement': { result: 'approved' } };
    expect(feelCondition('approve-replacement.result = "approved"', scope, NOW)).toBe(true);
    expect(feelSyntaxError('approve-replacement.result = "approved"', ['approve-replacement'])).toBeNull();
  });
});
