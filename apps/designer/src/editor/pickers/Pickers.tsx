import type { FlowChoices } from '@caseflow/schema';
import { useIntl } from 'react-intl';
import { isLocale } from '../../i18n/locales';
import { useT } from '../../i18n/use-t';
import type { FlowDoc } from '../flow-document';
import { nodeLabel } from '../node-catalog';
import { type Choice, ChoiceField } from './ChoiceField';
import { useFlowChoices } from './FlowChoicesContext';
import { MultiChoiceField } from './MultiChoiceField';
import { CASE_SLA_EVENTS } from './sla-events';

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

/** How a staff user reads in a list: "Lena Lopes (lena)", or the username alone. */
function useUserChoices(prefix = ''): Choice[] | null {
  const t = useT();
  return useChoices((c) =>
    c.users.map((u) => ({
      value: `${prefix}${u.username}`,
      label: u.displayName
        ? t('pickers.user.option', { name: u.displayName, username: u.username })
        : u.username,
    })),
  );
}

/** One case event that starts or stops a case SLA, or none (`empty` says what none means). */
export function SlaEventPicker(props: PickerProps & { empty: string }) {
  const t = useT();
  const choices = CASE_SLA_EVENTS.map((e) => ({ value: e, label: t(`pickers.slaEvent.${e}`) }));
  return <ChoiceField {...props} choices={choices} />;
}

/** Nodes of the flow being edited, by their canvas labels (where an SLA starts, stops or pauses). */
export function NodesPicker(props: MultiPickerProps & { doc: FlowDoc }) {
  const t = useT();
  const choices = props.doc.nodes.map((n) => ({ value: n.id, label: nodeLabel(n) }));
  return <MultiChoiceField {...props} choices={choices} none={t('pickers.nodes.none')} />;
}

/** One staff user of the installation (a task's assignee). */
export function UserPicker(props: PickerProps) {
  return <ChoiceField {...props} choices={useUserChoices()} />;
}

/** What every multiple picker takes: a label, the chosen values and their change. */
interface MultiPickerProps {
  label: string;
  value: readonly string[] | undefined;
  onChange(value: string[]): void;
  hint?: string;
}

/** Staff users by name (an approval's approvers). */
export function UsersPicker(props: MultiPickerProps) {
  return <MultiChoiceField {...props} choices={useUserChoices()} />;
}

/**
 * Who may receive a message: the customer, whoever holds the task, a group or a person of the
 * installation, or a tier of this flow (`group:<name>`, `user:<name>`, `tier:<id>`).
 */
function useRecipientChoices(tiers: ReadonlyArray<{ id: string; name: string }>): Choice[] | null {
  const t = useT();
  const users = useUserChoices('user:');
  return useChoices((c) => [
    { value: 'customer', label: t('pickers.recipient.customer') },
    { value: 'assignee', label: t('pickers.recipient.assignee') },
    ...c.groups.map((g) => ({
      value: `group:${g.name}`,
      label: t('pickers.recipient.group', { name: g.name }),
    })),
    ...tiers.map((tier) => ({
      value: `tier:${tier.id}`,
      label: t('pickers.recipient.tier', { name: tier.name }),
    })),
    ...(users ?? []).map((u) => ({ ...u, label: t('pickers.recipient.user', { name: u.label }) })),
  ]);
}

/** The one recipient of a notification. */
export function RecipientPicker(props: PickerProps & { tiers: ReadonlyArray<{ id: string; name: string }> }) {
  return <ChoiceField {...props} choices={useRecipientChoices(props.tiers)} />;
}

/** Several recipients (who hears of an SLA breach). */
export function RecipientsPicker(
  props: MultiPickerProps & { tiers: ReadonlyArray<{ id: string; name: string }> },
) {
  return <MultiChoiceField {...props} choices={useRecipientChoices(props.tiers)} />;
}
