import type { Problem } from '@caseflow/schema';
import { useT } from '../i18n/use-t';
import { useProblemText } from './use-problem-text';

/** The flow's problems, errors first; choosing one selects (and shows) its node or edge. */
export function ProblemsList({
  problems,
  onPick,
}: {
  problems: readonly Problem[];
  onPick(p: Problem): void;
}) {
  const t = useT();
  const text = useProblemText();
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
      {sorted.map((p) => {
        const shown = text(p);
        return (
          <li key={`${p.code}|${p.path.join('.')}|${p.nodeId ?? p.edgeId ?? ''}|${p.message}`}>
            <button
              type="button"
              className={`problem problem-${p.severity}`}
              // The engine's own text names the specifics (tier, pattern, FEEL error) in English.
              title={shown.message === p.message ? undefined : t('problem.details', { detail: p.message })}
              onClick={() => onPick(p)}
            >
              <span className={`badge badge-${p.severity === 'error' ? 'error' : 'warning'}`}>
                {t(`problems.severity.${p.severity}`)}
              </span>
              <span className="problem-where">{p.nodeId ?? p.edgeId ?? t('problems.flow')}</span>
              <span className="problem-message">{shown.message}</span>
              {/* A format problem's own reason ("labels an outcome the task does not have",
                  "Too big: …") is the only thing that says what to change: shown, not hovered. */}
              {p.code === 'schema' && shown.message !== p.message && (
                <small className="problem-detail">{t('problem.details', { detail: p.message })}</small>
              )}
              {shown.hint && <small className="muted">{shown.hint}</small>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
