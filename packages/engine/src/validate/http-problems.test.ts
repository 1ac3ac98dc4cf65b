import { describe, expect, it } from 'vitest';
import { validateFlow } from '../validate-flow';

/** start → call → done, with the given http action on `call`. */
function flowWith(action: Record<string, unknown>) {
  return {
    key: 'calls',
    name: 'Calls',
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'call', type: 'action', action: { kind: 'http', method: 'POST', ...action } },
      { id: 'done', type: 'end' },
    ],
    edges: [
      { from: 'start', to: 'call' },
      { from: 'call', to: 'done' },
    ],
  };
}

const codes = (def: unknown, ctx?: { connections?: string[] }) =>
  validateFlow(def, ctx).map((p) => `${p.code}@${p.path.join('.')}`);

describe('http action validation', () => {
  it('accepts a connection with a templated path and a plain url without credentials', () => {
    expect(
      codes(flowWith({ connection: 'core-banking', path: '/accounts/{{case.customerId}}/freeze' }), {
        connections: ['core-banking'],
      }),
    ).toEqual([]);
    expect(
      codes(flowWith({ url: 'https://hooks.example/x', headers: { 'content-type': 'application/json' } })),
    ).toEqual([]);
  });

  it.each(['Authorization', 'proxy-authorization', 'Cookie', 'X-Api-Key', 'X-Auth-Token', 'client-secret'])(
    'refuses a literal %s header with a hint to use a connection',
    (header) => {
      const problems = validateFlow(
        flowWith({ url: 'https://api.example/x', headers: { [header]: 'Bearer s3cr3t' } }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'credential-in-flow',
          nodeId: 'call',
          path: ['nodes', 1, 'action', 'headers', header],
          hint: expect.stringContaining('Use a connection'),
        }),
      ]);
    },
  );

  it('refuses credentials in the url user info and in secret-looking query parameters', () => {
    expect(codes(flowWith({ url: 'https://bob:pw@api.example/x' }))).toEqual([
      'credential-in-flow@nodes.1.action.url',
    ]);
    expect(codes(flowWith({ url: 'https://api.example/x?api_key=abc' }))).toEqual([
      'credential-in-flow@nodes.1.action.url',
    ]);
    expect(codes(flowWith({ connection: 'c', path: '/x?access_token={{t}}' }))).toEqual([
      'credential-in-flow@nodes.1.action.path',
    ]);
  });

  it('names an unknown connection only when the context lists the connections', () => {
    const def = flowWith({ connection: 'nope', path: '/x' });
    expect(codes(def)).toEqual([]);
    const [problem] = validateFlow(def, { connections: ['core-banking'] });
    expect(problem).toMatchObject({
      code: 'unknown-connection',
      path: ['nodes', 1, 'action', 'connection'],
      hint: expect.stringContaining('core-banking'),
    });
  });

  it('needs exactly one of connection and url, and a path only with a connection', () => {
    expect(codes(flowWith({ connection: 'c', url: 'https://x.example' }))).toContain(
      'schema@nodes.1.action.connection',
    );
    expect(codes(flowWith({}))).toContain('schema@nodes.1.action.connection');
    expect(codes(flowWith({ url: 'https://x.example', path: '/a' }))).toContain('schema@nodes.1.action.path');
  });
});
