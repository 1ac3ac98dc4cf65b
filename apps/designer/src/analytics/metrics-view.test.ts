import type { CaseMetrics, MetricsReport } from '@caseflow/schema';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../i18n/catalog';
import type { Locale } from '../i18n/locales';
import { chartRows, groupLabel, headlines, type MetricsText, median, percent, score } from './metrics-view';

/** The text helpers of a screen in `locale`, as `useT` gives them. */
function textIn(locale: Locale): MetricsText {
  const intl = createIntl({ locale, messages: messagesFor(locale) });
  return { t: (id, values) => intl.formatMessage({ id }, values), locale };
}
const en = textIn('en');
const pt = textIn('pt-BR');

const none = { count: 0, avg: null, p50: null, p90: null };
const metrics = (over: Partial<CaseMetrics> = {}): CaseMetrics => ({
  cases: 0,
  resolved: 0,
  resolutionRate: null,
  fcrCases: 0,
  fcr: null,
  firstResponseMs: none,
  firstResponseBusinessMs: none,
  resolutionMs: none,
  resolutionBusinessMs: none,
  slaCompliance: null,
  slaMet: 0,
  breaches: 0,
  slas: {},
  escalations: 0,
  escalationsByTier: {},
  tasksHandled: 0,
  ahtMs: none,
  csat: null,
  csatResponses: 0,
  csatSatisfied: 0,
  nps: null,
  npsResponses: 0,
  ces: null,
  cesResponses: 0,
  surveys: 0,
  messages: 0,
  responses: 0,
  channelSwitches: 0,
  channelSwitchRate: null,
  ...over,
});
const report = (over: Partial<MetricsReport>): MetricsReport => ({
  flow: null,
  from: null,
  to: null,
  by: [],
  total: metrics(),
  items: [],
  agents: [],
  subflows: { cases: 0, open: 0, resolved: 0 },
  period: { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' },
  next: null,
  ...over,
});

describe('metrics view', () => {
  it('formats rates and medians, with a dash where nothing was measured', () => {
    expect(percent(0.834)).toBe('83%');
    expect(percent(null)).toBe('—');
    expect(median({ count: 3, avg: 4000, p50: 65_000, p90: 90_000 })).toBe('1m 05s');
    expect(median(none)).toBe('—');
    expect(score(7.25, 'pt-BR')).toBe('7,3');
    expect(percent(0.5, 'pt-BR')).toMatch(/^50\s?%$/);
  });

  it('labels a group by its dimension values', () => {
    expect(groupLabel({ version: '2', channel: 'web' }, ['version', 'channel'], en)).toBe('2 · web');
    expect(groupLabel({}, ['tier'], en)).toBe('none');
    expect(groupLabel({}, [], en)).toBe('all cases');
    expect(groupLabel({}, [], pt)).toBe('todos os casos');
  });

  it('charts one row per group, rates as whole percents', () => {
    const rows = chartRows(
      report({
        by: ['version'],
        items: [
          { ...metrics({ cases: 4, resolved: 3, resolutionRate: 0.75, slaCompliance: 0.5 }), version: '1' },
          { ...metrics({ cases: 2, breaches: 1 }), version: '2' },
        ],
      }),
      en,
    );
    expect(rows.map((r) => [r.group, r.cases, r.resolution, r.sla, r.breaches])).toEqual([
      ['1', 4, 75, 50, 0],
      ['2', 2, null, null, 1],
    ]);
  });

  it('charts the totals when the report is not grouped', () => {
    const rows = chartRows(
      report({ total: metrics({ cases: 7 }), items: [{ ...metrics({ cases: 7 }) }] }),
      en,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ group: 'all cases', cases: 7 });
  });

  it('headlines the totals: cases, resolution, SLA compliance with met and breached', () => {
    const m = metrics({
      cases: 1200,
      resolved: 8,
      resolutionRate: 0.8,
      slaMet: 3,
      breaches: 1,
      slaCompliance: 0.75,
      tasksHandled: 1,
      escalationsByTier: { L1: 2 },
    });
    const h = headlines(m, en);
    expect(h.find((x) => x.label === 'Cases')).toMatchObject({ value: '1,200', detail: '8 resolved' });
    expect(h.find((x) => x.label === 'SLA compliance')).toMatchObject({
      value: '75%',
      detail: '3 met · 1 breached',
    });
    expect(h.find((x) => x.label === 'Handling time')?.detail).toBe('average over 1 task');
    expect(h.find((x) => x.label === 'Escalations')?.detail).toBe('2 from L1');
  });

  it('headlines the channel switches: the share of cases and how many, in both languages', () => {
    const m = metrics({ cases: 8, channelSwitches: 2, channelSwitchRate: 0.25 });
    expect(headlines(m, en).find((x) => x.id === 'analytics.kpi.channelSwitches')).toMatchObject({
      label: 'Channel switches',
      value: '25%',
      detail: '2 cases where the customer wrote on more than one channel',
    });
    expect(headlines(m, pt).find((x) => x.id === 'analytics.kpi.channelSwitches')).toMatchObject({
      label: 'Trocas de canal',
      detail: '2 casos em que o cliente escreveu por mais de um canal',
    });
    expect(headlines(metrics(), en).find((x) => x.id === 'analytics.kpi.channelSwitches')?.value).toBe('—');
  });

  it('headlines the totals in Portuguese with its plurals and number formats', () => {
    const h = headlines(metrics({ cases: 1200, resolved: 1, slaMet: 3, breaches: 1, tasksHandled: 2 }), pt);
    expect(h.map((x) => x.id)).toEqual(headlines(metrics(), en).map((x) => x.id));
    expect(h.find((x) => x.id === 'analytics.kpi.cases')).toMatchObject({
      label: 'Casos',
      value: '1.200',
      detail: '1 resolvido',
    });
    expect(h.find((x) => x.id === 'analytics.kpi.sla')?.detail).toBe('3 cumpridos · 1 estourados');
    expect(h.find((x) => x.id === 'analytics.kpi.aht')?.detail).toBe('média de 2 tarefas');
  });
});
