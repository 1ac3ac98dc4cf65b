import { describe, expect, it } from 'vitest';
import { REDACTED, redactCredentials } from './redact-credentials';

describe('redactCredentials', () => {
  it('hides credential header values of http actions and keeps the rest', () => {
    const definition = {
      key: 'f',
      nodes: [
        {
          id: 'call',
          type: 'action',
          action: {
            kind: 'http',
            url: 'https://api.example/x',
            headers: { Authorization: 'Bearer s3cr3t', 'X-Api-Key': 'k', 'content-type': 'application/json' },
          },
        },
      ],
    };
    const out = redactCredentials(definition);
    expect(out.nodes[0]!.action.headers).toEqual({
      Authorization: REDACTED,
      'X-Api-Key': REDACTED,
      'content-type': 'application/json',
    });
    expect(JSON.stringify(out)).not.toContain('s3cr3t');
    // The input is not changed.
    expect(definition.nodes[0]!.action.headers.Authorization).toBe('Bearer s3cr3t');
  });

  it('hides user info and secret query values in urls', () => {
    expect(redactCredentials({ url: 'https://bob:pw@api.example/x?api_key=abc&page=2' })).toEqual({
      url: `https://${REDACTED}@api.example/x?api_key=${REDACTED}&page=2`,
    });
  });

  it('walks outbox payloads and arrays of them', () => {
    const payload = [{ type: 'http.call', headers: { cookie: 'sid=1' }, body: { headers: { token: 't' } } }];
    expect(JSON.stringify(redactCredentials(payload))).not.toMatch(/sid=1|"t"/);
  });
});
