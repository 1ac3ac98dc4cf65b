import type { Incident } from '@caseflow/schema';
import { describe, expect, it } from 'vitest';
import { incidentRows } from './incident-rows';

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  caseId: 'c1',
  nodeId: 'decide',
  kind: 'expression',
  message: 'FEEL budget exceeded',
  status: 'open',
  attempts: 2,
  source: { type: 'timer' },
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  resolvedAt: null,
  resolvedBy: null,
  note: null,
  ...over,
});

describe('incidentRows', () => {
  it('shows age since opening, the node and what a retry re-runs', () => {
    const now = Date.parse('2026-01-05T12:05:00.000Z');
    expect(incidentRows([incident()], now)).toEqual([
      {
        id: 'inc-1',
        caseId: 'c1',
        node: 'decide',
        kind: 'expression',
        message: 'FEEL budget exceeded',
        attempts: 2,
        age: '3h 05m',
        source: 'timer',
        open: true,
      },
    ]);
  });

  it('names the command of a command source and marks resolved ones', () => {
    const [row] = incidentRows(
      [incident({ nodeId: null, status: 'resolved', source: { type: 'command', command: 'signal' } })],
      Date.parse('2026-01-05T09:00:30.000Z'),
    );
    expect(row).toMatchObject({ node: '—', source: 'signal', open: false, age: '30s' });
  });
});
