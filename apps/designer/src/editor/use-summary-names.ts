import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { isLocale } from '../i18n/locales';
import { useT } from '../i18n/use-t';
import { useEditor } from './EditorContext';
import type { SummaryNames } from './node-catalog';
import { useFlowChoices } from './pickers/FlowChoicesContext';
import { subjectPreview } from './pickers/Pickers';
import { recipientWords } from './recipient-words';

/**
 * Names for node summaries: the flow's tiers by name, staff by display name, child flows by
 * name and templates by their subject in the owner's language (when the installation's lists
 * are loaded), recipients in words.
 */
export function useSummaryNames(): SummaryNames {
  const t = useT();
  const rendered = useIntl().locale;
  const locale = isLocale(rendered) ? rendered : 'en';
  const tiers = useEditor((s) => s.doc.tiers);
  const choices = useFlowChoices();
  return useMemo(() => {
    const tier = (id: string) => tiers?.find((x) => x.id === id)?.name ?? id;
    const user = (username: string) =>
      choices?.users.find((u) => u.username === username)?.displayName ?? username;
    return {
      tier,
      user,
      recipient: (to) => recipientWords(to, t, { tier, user }),
      flow: (key) => choices?.flows.find((f) => f.key === key)?.name ?? key,
      template: (key) => {
        const subject = choices?.templates.find((x) => x.key === key)?.subject[locale];
        return subject ? `“${subjectPreview(subject)}”` : key;
      },
    };
  }, [tiers, choices, t, locale]);
}
