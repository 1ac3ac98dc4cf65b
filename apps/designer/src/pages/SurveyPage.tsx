import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../auth/session';
import { ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { SurveyPrompt } from './SurveyPrompt';

/**
 * The page a survey invitation links to (`/survey/:token`): the question, its scale and a
 * comment, answered without signing in — the token in the link is the credential. Says so
 * once the survey is answered, here or before.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const t = useT();
  // Asked again in the language the reader switches to (the question comes in the request's).
  const locale = useLocale((st) => st.locale);
  const survey = useResource(() => api.survey(token), [token, locale]);
  const [done, setDone] = useState(false);
  if (survey.loading && !survey.data) return <Loading />;
  if (!survey.data) return <ErrorBanner message={survey.error} />;
  const s = survey.data;
  return (
    <div className="page narrow">
      <h1>{t('survey.page.title')}</h1>
      {done || s.answered ? (
        <div className="banner banner-success" role="status">
          {done ? t('survey.thanks') : t('survey.page.answered')}
        </div>
      ) : (
        <SurveyPrompt token={token} kind={s.kind} question={s.question} onDone={() => setDone(true)} />
      )}
    </div>
  );
}
