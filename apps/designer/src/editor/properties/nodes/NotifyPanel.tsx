import { useT } from '../../../i18n/use-t';
import { ArticleChoicePicker, RecipientPicker, TemplatePicker } from '../../pickers/Pickers';
import { FeelMapField, SelectField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A notification: who receives it, which template, on which channel, with which data. */
export function NotifyPanel({ node, set, scope, doc }: NodePanelProps<'notify'>) {
  const t = useT();
  return (
    <>
      <RecipientPicker
        label={t('props.notify.to')}
        value={node.to}
        tiers={doc.tiers ?? []}
        onChange={(to) => set({ ...node, to })}
      />
      <TemplatePicker
        label={t('props.notify.template')}
        value={node.template}
        onChange={(template) => set({ ...node, template })}
      />
      <SelectField
        label={t('props.notify.channel')}
        value={node.channel ?? ''}
        empty={t('props.notify.customerChannel')}
        options={['email', 'sms', 'chat', 'whatsapp', 'web'] as const}
        onChange={(channel) => set({ ...node, channel: channel || undefined })}
      />
      <ArticleChoicePicker
        label={t('props.notify.article')}
        hint={t('props.notify.article.hint')}
        empty={t('props.notify.noArticle')}
        value={node.article ?? ''}
        onChange={(article) => set({ ...node, article: article || undefined })}
      />
      <FeelMapField
        label={t('props.notify.data')}
        value={node.data}
        scope={scope}
        onChange={(data) => set({ ...node, data })}
      />
    </>
  );
}
