import { useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

/** Score range of each survey kind. */
const SCALES: Record<string, [number, number]> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };

/**
 * The survey form of a customer's pending survey (its token is the customer's link); asks
 * `question` when given (the runtime's wording of it), else the kind's question.
 */
export function SurveyPrompt({
  token,
  kind,
  question,
  onDone,
}: {
  token: string;
  kind: string;
  question?: string;
  onDone(): void;
}) {
  const t = useT();
  const [min, max] = SCALES[kind] ?? [1, 5];
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="card survey"
      aria-label={t('survey.label')}
      onSubmit={async (e) => {
        e.preventDefault();
        if (score === null) return setError(t('survey.chooseScore'));
        try {
          await api.answerSurvey(token, score, comment || undefined);
          onDone();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h2>{question ?? t('survey.question', { kind })}</h2>
      <div className="scale" role="radiogroup" aria-label={t('survey.score')}>
        {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
          <label key={n} className={`scale-option${score === n ? ' active' : ''}`}>
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
            {n}
          </label>
        ))}
      </div>
      <label>
        {t('survey.comment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <ErrorBanner message={error} />
      <button className="btn btn-primary" type="submit">
        {t('survey.send')}
      </button>
    </form>
  );
}
