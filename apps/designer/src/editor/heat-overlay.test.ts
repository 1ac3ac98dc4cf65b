import { describe, expect, it } from 'vitest';
import { heatOverlays } from './heat-overlay';

describe('heatOverlays', () => {
  it('scales heat to the busiest node and notes visits, time and breaches', () => {
    const o = heatOverlays([
      { nodeId: 'start', entered: 10, completed: 10, avgMs: 0, p90Ms: 0, breaches: 0 },
      { nodeId: 'triage', entered: 5, completed: 4, avgMs: 3_900_000, p90Ms: 5_000_000, breaches: 2 },
      { nodeId: 'never', entered: 0, completed: 0, avgMs: null, p90Ms: null, breaches: 0 },
    ]);
    expect(o.start).toEqual({ heat: 1, note: '10×' });
    expect(o.triage).toEqual({ heat: 0.5, note: '5× · avg 1h 05m · 2 breaches' });
    expect(o.never).toBeUndefined();
  });
  it('is empty when no case ran', () => {
    expect(heatOverlays([])).toEqual({});
  });
});
