import type { Problem } from '@caseflow/schema';
import { useT } from '../i18n/use-t';

/** The flow's problems, errors first; choosing one selects (and shows) its node or edge. */
export function ProblemsList({
  problems,
  onPick,
}: {
  problems: readonly Problem[];
  onPick(p: Problem): void;
}) {
  const t = useT();
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  if (sorted.length === 0) {
    return (
      <p className="problems-ok" role="status">
        {t('problems.none')}
      </p>
    );
  }
  return (
    <ul className="problems" aria-label={t('problems.list')}>
      {sorted.map((p) => (
        <li key={`${p.code}|${p.path.join('.')}|${p.nodeId ?? p.edgeId ?? ''}|${p.message}`}>
          <button type="button" className={`problem problem-${p.severity}`} onClick={() => onPick(p)}>
            <span className={`badge badge-${p.severity === 'error' ? 'error' : 'warning'}`}>
              {t(`problems.severity.${p.severity}`)}
            </span>
            <span className="problem-where">{p.nodeId ?? p.edgeId ?? t('problems.flow')}</span>
            <span className="problem-message">{p.message}</span>
            {p.hint && <small className="muted">{p.hint}</small>}
          </button>
        </li>
      ))}
    </ul>
  );
}
