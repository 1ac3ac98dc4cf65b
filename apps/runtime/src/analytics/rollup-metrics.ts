import type { CaseMetrics, SlaTally, Spread } from '@caseflow/schema';
import { sketchQuantile } from './ddsketch';
import type { HeatmapNode } from './heatmap';
import type { CaseTally, DurationTally, HeatTally } from './rollup-tally';

/*
 * CaseMetrics and heat-map nodes out of rollup tallies: the figures computeMetrics and
 * heatmap reduce from rows, here from counts, sums and sketches. Counts, sums and averages are
 * exact; p50 and p90 come from the sketch (SKETCH_RELATIVE_ERROR).
 */

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

/** The Spread of a duration tally (empty when absent). */
export function tallySpread(d: DurationTally | undefined): Spread {
  if (d === undefined || d.n === 0) return { count: 0, avg: null, p50: null, p90: null };
  const k = d.k ?? { z: 0 };
  return { count: d.n, avg: Math.round(d.s / d.n), p50: sketchQuantile(k, 0.5), p90: sketchQuantile(k, 0.9) };
}

/** The CaseMetrics of a tally. Pure. */
export function tallyMetrics(t: CaseTally): CaseMetrics {
  const slas: Record<string, SlaTally> = {};
  let slaMet = 0;
  let breaches = 0;
  for (const id of Object.keys(t.sla).sort()) {
    const [met, breached] = t.sla[id]!;
    slas[id] = { met, breached, compliance: ratio(met, met + breached) };
    slaMet += met;
    breaches += breached;
  }
  const escalationsByTier: Record<string, number> = {};
  let escalations = 0;
  for (const tier of Object.keys(t.esc).sort()) {
    escalationsByTier[tier] = t.esc[tier]!;
    escalations += t.esc[tier]!;
  }
  const share = (n: number, of: number) => (of === 0 ? null : (n / of) * 100);
  const [csatN, csatSat] = t.sv.csat ?? [0, 0];
  const [npsN, , promotersN, detractorsN] = t.sv.nps ?? [0, 0, 0, 0];
  const [cesN, , , , cesSum] = t.sv.ces ?? [0, 0, 0, 0, 0];
  const promoters = share(promotersN!, npsN);
  const detractors = share(detractorsN!, npsN);
  return {
    cases: t.n,
    resolved: t.res,
    resolutionRate: ratio(t.res, t.n),
    fcrCases: t.fcr,
    fcr: ratio(t.fcr, t.res),
    firstResponseMs: tallySpread(t.d.f),
    firstResponseBusinessMs: tallySpread(t.d.fb),
    resolutionMs: tallySpread(t.d.r),
    resolutionBusinessMs: tallySpread(t.d.rb),
    slaCompliance: ratio(slaMet, slaMet + breaches),
    slaMet,
    breaches,
    slas,
    escalations,
    escalationsByTier,
    tasksHandled: t.th,
    ahtMs: tallySpread(t.d.a),
    csat: round2(share(csatSat!, csatN)),
    csatResponses: csatN,
    csatSatisfied: csatSat!,
    nps: promoters === null || detractors === null ? null : round2(promoters - detractors),
    npsResponses: npsN,
    ces: round2(ratio(cesSum!, cesN)),
    cesResponses: cesN,
    surveys: csatN + npsN + cesN,
    messages: t.msg,
    responses: t.rsp,
    channelSwitches: t.sw ?? 0,
    channelSwitchRate: ratio(t.sw ?? 0, t.n),
  };
}

/** A heat-map node from its tally. Pure. */
export function heatNode(nodeId: string, t: HeatTally): HeatmapNode {
  const d = tallySpread(t.d);
  return { nodeId, entered: t.e, completed: t.c, avgMs: d.avg, p90Ms: d.p90, breaches: t.b };
}
