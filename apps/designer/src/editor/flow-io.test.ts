import { describe, expect, it } from 'vitest';
import { emptyFlow } from './flow-document';
import { flowToJson, parseFlowJson } from './flow-io';

describe('parseFlowJson', () => {
  it('round-trips an exported flow and keeps the editor key', () => {
    const r = parseFlowJson(flowToJson(emptyFlow('other')), 'mine');
    expect(r.ok && r.doc.key).toBe('mine');
    expect(r.ok && r.doc.nodes.map((n) => n.id)).toEqual(['start', 'done']);
  });
  it('accepts the API shape {definition}', () => {
    const r = parseFlowJson(JSON.stringify({ definition: emptyFlow('x') }));
    expect(r.ok).toBe(true);
  });
  it('says what is wrong with a bad file', () => {
    expect(parseFlowJson('{nope')).toMatchObject({ ok: false, error: 'notJson', detail: expect.any(String) });
    expect(parseFlowJson('{"name":"x"}')).toEqual({ ok: false, error: 'noNodes' });
    expect(parseFlowJson('{"nodes":[{"type":"task"}]}')).toEqual({
      ok: false,
      error: 'nodeWithoutId',
    });
  });
});
