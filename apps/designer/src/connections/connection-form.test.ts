import { describe, expect, it } from 'vitest';
import { connectionBody, EMPTY_CONNECTION_FORM, formFromConnection } from './connection-form';

describe('connection form', () => {
  it('sends the secret when typed and leaves it out when empty (PUT keeps the stored one)', () => {
    const form = { ...EMPTY_CONNECTION_FORM, name: 'crm', baseUrl: 'https://crm.example', secret: 't0k' };
    expect(connectionBody(form)).toEqual({
      name: 'crm',
      baseUrl: 'https://crm.example',
      allowedHosts: [],
      auth: { kind: 'bearer', token: 't0k' },
    });
    expect(connectionBody({ ...form, secret: '' }).auth).toEqual({ kind: 'bearer' });
  });

  it('builds basic and header auth and splits allowed hosts', () => {
    const base = {
      ...EMPTY_CONNECTION_FORM,
      name: 'x',
      baseUrl: 'https://x.example',
      allowedHosts: 'a.example, b.example,',
    };
    expect(connectionBody({ ...base, kind: 'basic', username: 'svc', secret: 'pw' })).toMatchObject({
      allowedHosts: ['a.example', 'b.example'],
      auth: { kind: 'basic', username: 'svc', password: 'pw' },
    });
    expect(connectionBody({ ...base, kind: 'header', header: 'X-Key', secret: 'v' }).auth).toEqual({
      kind: 'header',
      header: 'X-Key',
      value: 'v',
    });
  });

  it('edits a stored connection without knowing its secret', () => {
    const form = formFromConnection({
      name: 'crm',
      baseUrl: 'https://crm.example',
      allowedHosts: ['dr.example'],
      description: null,
      auth: { kind: 'basic', username: 'svc' },
      secret: 'set',
      updatedBy: 'admin',
      createdAt: '2026-01-05T08:00:00.000Z',
      updatedAt: '2026-01-05T08:00:00.000Z',
    });
    expect(form).toMatchObject({ kind: 'basic', username: 'svc', allowedHosts: 'dr.example', secret: '' });
  });
});
