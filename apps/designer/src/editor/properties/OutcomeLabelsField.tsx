import { useLanguageNames } from '../../i18n/language-name';
import { LOCALES } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import { type OutcomeLabels, withOutcomeLabel } from './outcome-labels';

/**
 * What the person completing a task reads for each outcome, in each language: one row per
 * outcome with a text per language. Empty texts fall back to another language, then the id.
 */
export function OutcomeLabelsField({
  outcomes,
  labels,
  onChange,
}: {
  outcomes: readonly string[];
  labels: OutcomeLabels | undefined;
  onChange(labels: OutcomeLabels | undefined): void;
}) {
  const t = useT();
  const languages = useLanguageNames();
  if (outcomes.length === 0) return null;
  return (
    <fieldset className="outcome-labels">
      <legend>{t('props.task.outcomeLabels')}</legend>
      <p className="muted">{t('props.task.outcomeLabels.hint')}</p>
      {outcomes.map((outcome) => (
        <div key={outcome} className="outcome-label-row">
          <code>{outcome}</code>
          {LOCALES.map((locale) => (
            <label key={locale}>
              <span>{languages.title(locale)}</span>
              <input
                aria-label={t('props.task.outcomeLabelIn', {
                  outcome,
                  language: languages.name(locale),
                })}
                value={labels?.[outcome]?.[locale] ?? ''}
                maxLength={200}
                placeholder={outcome}
                onChange={(e) => onChange(withOutcomeLabel(labels, outcome, locale, e.target.value))}
              />
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
