import { describe, expect, it } from 'vitest';
import { heatOverlays } from './heat-overlay';

describe('heatOverlays', () => {
  it('colours by time spent against the slowest node and notes visits, times and breaches', () => {
    const o = heatOverlays([
      { nodeId: 'start', entered: 10, completed: 10, avgMs: 0, p90Ms: 0, breaches: 0 },
      { nodeId: 'triage', entered: 5, completed: 4, avgMs: 3_900_000, p90Ms: 5_000_000, breaches: 2 },
      { nodeId: 'never', entered: 0, completed: 0, avgMs: null, p90Ms: null, breaches: 0 },
    ]);
    expect(o.start).toEqual({ heat: 0, note: '10×' });
    expect(o.triage).toEqual({ heat: 1, note: '5× · avg 1h 05m · p90 1h 23m · 2 breaches' });
    expect(o.never).toBeUndefined();
  });
  it('colours by visits while no node has a time yet', () => {
    const o = heatOverlays([
      { nodeId: 'start', entered: 4, completed: 4, avgMs: 0, p90Ms: 0, breaches: 0 },
      { nodeId: 'notify', entered: 1, completed: 1, avgMs: null, p90Ms: null, breaches: 0 },
    ]);
    expect(o.start?.heat).toBe(1);
    expect(o.notify?.heat).toBe(0.25);
  });
  it('is empty when no case ran', () => {
    expect(heatOverlays([])).toEqual({});
  });
});
