import type { FlowChoices } from '@caseflow/schema';
import { useIntl } from 'react-intl';
import { isLocale } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import { type Choice, ChoiceField } from './ChoiceField';
import { useFlowChoices } from './FlowChoicesContext';

/** What every named picker takes: a label, the value, its change and an optional empty choice. */
interface PickerProps {
  label: string;
  value: string | undefined;
  onChange(value: string): void;
  empty?: string;
  hint?: string;
}

/** The choices of one list of the installation's, or null while it is not known. */
function useChoices(pick: (c: FlowChoices) => Choice[]): Choice[] | null {
  const choices = useFlowChoices();
  // Lists are short (tens of entries): built on each render, so they follow the language at once.
  return choices ? pick(choices) : null;
}

/** A group of this installation (assignment, approvers, tiers). */
export function GroupPicker(props: PickerProps) {
  const choices = useChoices((c) =>
    c.groups.map((g) => ({ value: g.name, label: g.description ? `${g.name} — ${g.description}` : g.name })),
  );
  return <ChoiceField {...props} choices={choices} />;
}

/** A notification template, shown with its subject line in the owner's language. */
export function TemplatePicker(props: PickerProps) {
  // The language the screen is rendered in (the provider's), which the subject follows.
  const rendered = useIntl().locale;
  const locale = isLocale(rendered) ? rendered : 'en';
  const choices = useChoices((c) =>
    c.templates.map((tp) => ({ value: tp.key, label: `${subjectPreview(tp.subject[locale])} (${tp.key})` })),
  );
  return <ChoiceField {...props} choices={choices} />;
}

/**
 * A template's subject as an owner reads it in a list: its ICU arguments (`{caseNumber}`)
 * shown as "…", their brackets kept. Pure.
 */
export function subjectPreview(subject: string): string {
  return subject.replace(/\{[^{}]*\}/g, '…');
}

/** A published help article a notification sends, by its title in the owner's language. */
export function ArticleChoicePicker(props: PickerProps) {
  const t = useT();
  const rendered = useIntl().locale;
  const locale = isLocale(rendered) ? rendered : 'en';
  const choices = useChoices((c) =>
    c.articles.map((a) => ({
      value: a.slug,
      label: t('pickers.article.option', {
        title: a.title[locale] ?? a.title.en ?? a.title['pt-BR'] ?? a.slug,
        audience: a.audience,
      }),
    })),
  );
  return <ChoiceField {...props} choices={choices} />;
}

/** A connection an admin keeps (by name only). */
export function ConnectionPicker(props: PickerProps) {
  const choices = useChoices((c) => c.connections.map((x) => ({ value: x.name, label: x.name })));
  return <ChoiceField {...props} choices={choices} />;
}

/** A flow to run as a subflow; `exclude` leaves out the flow being edited. */
export function FlowPicker(props: PickerProps & { exclude?: string }) {
  const t = useT();
  const choices = useChoices((c) =>
    c.flows
      .filter((f) => f.key !== props.exclude)
      .map((f) => ({ value: f.key, label: t('pickers.flow.option', { name: f.name, key: f.key }) })),
  );
  return <ChoiceField {...props} choices={choices} />;
}

/**
 * How time is counted: round the clock ("24x7", calendar time) or the business hours of one
 * of the installation's calendars. `empty` names what an unset value means where there is a
 * default (a node SLA follows the flow's calendar).
 */
export function CalendarPicker(props: PickerProps) {
  const t = useT();
  const choices = useChoices((c) => [
    { value: '24x7', label: t('pickers.calendar.roundTheClock') },
    ...c.calendars.map((cal) => ({
      value: cal.key,
      label: t('pickers.calendar.business', { name: cal.name }),
    })),
  ]);
  return <ChoiceField {...props} choices={choices} />;
}

/** How a calendar key reads ("Business hours: Business days (São Paulo)"), for "as the flow" labels. */
export function useCalendarLabel(): (key: string) => string {
  const t = useT();
  const choices = useFlowChoices();
  return (key) => {
    if (key === '24x7') return t('pickers.calendar.roundTheClock');
    const cal = choices?.calendars.find((c) => c.key === key);
    return cal ? t('pickers.calendar.business', { name: cal.name }) : key;
  };
}

/**
 * Who receives a message: the customer, whoever holds the task, a group of the installation or
 * a tier of this flow (`group:<name>`, `tier:<id>`). A named user (`user:<name>`) is kept as
 * written: users are listed to admins only.
 */
export function RecipientPicker(props: PickerProps & { tiers: ReadonlyArray<{ id: string; name: string }> }) {
  const t = useT();
  const choices = useChoices((c) => [
    { value: 'customer', label: t('pickers.recipient.customer') },
    { value: 'assignee', label: t('pickers.recipient.assignee') },
    ...c.groups.map((g) => ({
      value: `group:${g.name}`,
      label: t('pickers.recipient.group', { name: g.name }),
    })),
    ...props.tiers.map((tier) => ({
      value: `tier:${tier.id}`,
      label: t('pickers.recipient.tier', { name: tier.name }),
    })),
    ...(props.value?.startsWith('user:') ? [{ value: props.value, label: props.value }] : []),
  ]);
  return <ChoiceField {...props} choices={choices} />;
}
