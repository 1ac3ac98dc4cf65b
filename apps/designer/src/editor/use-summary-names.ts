import type { FlowChoices } from '@caseflow/schema';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { isLocale, type Locale } from '../i18n/locales';
import { useT } from '../i18n/use-t';
import { useEditor } from './EditorContext';
import type { SummaryNames } from './node-catalog';
import { useFlowChoices } from './pickers/FlowChoicesContext';
import { subjectPreview } from './pickers/Pickers';
import { recipientWords } from './recipient-words';

/**
 * What the installation's lists name, for the owner to read instead of ids: staff by display
 * name, flows by name, templates by their subject in `locale`. Each answers the id itself while
 * the lists are not loaded (`choices` null) or do not have it. Pure.
 */
export function choiceNames(
  choices: FlowChoices | null,
  locale: Locale,
): Required<Pick<SummaryNames, 'user' | 'flow' | 'template'>> {
  return {
    user: (username) => choices?.users.find((u) => u.username === username)?.displayName ?? username,
    flow: (key) => choices?.flows.find((f) => f.key === key)?.name ?? key,
    template: (key) => {
      const subject = choices?.templates.find((x) => x.key === key)?.subject[locale];
      return subject ? `“${subjectPreview(subject)}”` : key;
    },
  };
}

/** The owner's language as the screen renders it. */
export function useRenderedLocale(): Locale {
  const rendered = useIntl().locale;
  return isLocale(rendered) ? rendered : 'en';
}

/**
 * Names for node summaries: the flow's tiers by name, and what choiceNames names (when the
 * installation's lists are loaded); recipients in words.
 */
export function useSummaryNames(): SummaryNames {
  const t = useT();
  const locale = useRenderedLocale();
  const tiers = useEditor((s) => s.doc.tiers);
  const choices = useFlowChoices();
  return useMemo(() => {
    const tier = (id: string) => tiers?.find((x) => x.id === id)?.name ?? id;
    const names = choiceNames(choices, locale);
    return { ...names, tier, recipient: (to) => recipientWords(to, t, { tier, user: names.user }) };
  }, [tiers, choices, t, locale]);
}
