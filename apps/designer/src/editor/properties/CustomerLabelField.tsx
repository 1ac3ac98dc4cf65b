import type { LocalizedLabel } from '@caseflow/schema';
import { useLanguageNames } from '../../i18n/language-name';
import { LOCALES } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import { withText } from './localized-text';

/**
 * What customers read as the state of their request while it is at this step, in each
 * language ("We are checking your card" / "Estamos verificando seu cartão"). Left empty, they
 * see a neutral "in progress": the step's own name is the team's word.
 */
export function CustomerLabelField({
  value,
  onChange,
}: {
  value: string | LocalizedLabel | undefined;
  onChange(value: LocalizedLabel | undefined): void;
}) {
  const t = useT();
  const languages = useLanguageNames();
  return (
    <fieldset className="customer-label">
      <legend>{t('props.node.customerLabel')}</legend>
      <p className="muted">{t('props.node.customerLabel.hint')}</p>
      {LOCALES.map((locale) => (
        <label key={locale}>
          {languages.title(locale)}
          <input
            aria-label={t('props.node.customerLabelIn', { language: languages.name(locale) })}
            value={(typeof value === 'string' ? value : value?.[locale]) ?? ''}
            maxLength={200}
            onChange={(e) => onChange(withText(value, locale, e.target.value))}
          />
        </label>
      ))}
    </fieldset>
  );
}
