import './kb.css';
import type { KbFigures } from '@caseflow/schema';
import { useState } from 'react';
import { ErrorBanner } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useFormat } from '../i18n/use-format';
import { useT } from '../i18n/use-t';
import { kbApi } from './kb-api';

type By = 'article' | 'category' | 'catalogItem';
const COLUMNS = ['views', 'helpfulRate', 'deflected', 'deflectionRate'] as const;

/** Views, helpful rate and deflection of the knowledge base, in total and per group. */
export function KbMetricsPanel() {
  const t = useT();
  const f = useFormat();
  const [by, setBy] = useState<By>('article');
  const metrics = useResource(() => kbApi.metrics(by), [by]);
  const pct = (v: number | null) =>
    v === null ? t('kb.metrics.none') : f.number(v, { style: 'percent', maximumFractionDigits: 1 });
  const cells = (x: KbFigures) => [
    f.number(x.articleViews),
    pct(x.helpfulRate),
    f.number(x.deflected),
    pct(x.deflectionRate),
  ];
  const totals = metrics.data?.totals;
  return (
    <section className="card" aria-labelledby="kb-metrics-h">
      <h2 id="kb-metrics-h">{t('kb.metrics.title')}</h2>
      <ErrorBanner message={metrics.error} />
      {totals && (
        <dl className="kb-totals">
          {COLUMNS.map((k, i) => (
            <div key={k}>
              <dt>{t(`kb.metrics.${k}`)}</dt>
              <dd data-metric={k}>{cells(totals)[i]}</dd>
            </div>
          ))}
        </dl>
      )}
      <label>
        {t('kb.metrics.by')}{' '}
        <select value={by} onChange={(e) => setBy(e.target.value as By)}>
          {(['article', 'category', 'catalogItem'] as const).map((b) => (
            <option key={b} value={b}>
              {t(`kb.metrics.by.${b}`)}
            </option>
          ))}
        </select>
      </label>
      <table className="table">
        <thead>
          <tr>
            <th>{t('kb.metrics.key')}</th>
            <th>{t('kb.metrics.views')}</th>
            <th>{t('kb.metrics.helpfulRate')}</th>
            <th>{t('kb.metrics.deflected')}</th>
            <th>{t('kb.metrics.deflectionRate')}</th>
          </tr>
        </thead>
        <tbody>
          {(metrics.data?.groups ?? []).map((g) => (
            <tr key={g.key}>
              <td>{g.key}</td>
              {cells(g).map((c, i) => (
                <td key={COLUMNS[i]}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
