import { useState } from 'react';
import { api } from '../auth/session';
import { ErrorBanner } from '../components/Status';
import { errorMessage } from '../hooks/useResource';

/** Score range and question of each survey kind. */
const SCALES: Record<string, [number, number, string]> = {
  csat: [1, 5, 'How satisfied are you with how we handled this?'],
  nps: [0, 10, 'How likely are you to recommend us?'],
  ces: [1, 7, 'How easy was it to get this resolved?'],
};

/** The survey form of a customer's pending survey (its token is the customer's link). */
export function SurveyPrompt({ token, kind, onDone }: { token: string; kind: string; onDone(): void }) {
  const [min, max, question] = SCALES[kind] ?? [1, 5, 'How did we do?'];
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="card survey"
      aria-label="Survey"
      onSubmit={async (e) => {
        e.preventDefault();
        if (score === null) return setError('Choose a score');
        try {
          await api.answerSurvey(token, score, comment || undefined);
          onDone();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h2>{question}</h2>
      <div className="scale" role="radiogroup" aria-label="Score">
        {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((n) => (
          <label key={n} className={`scale-option${score === n ? ' active' : ''}`}>
            <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
            {n}
          </label>
        ))}
      </div>
      <label>
        Comment (optional)
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <ErrorBanner message={error} />
      <button className="btn btn-primary" type="submit">
        Send answer
      </button>
    </form>
  );
}
