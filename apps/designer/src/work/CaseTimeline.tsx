import {
  type Case,
  type FlowDefinitionInput,
  type Locale,
  type LocalizedLabel,
  outcomeLabel,
  type TimelineEntry,
} from '@caseflow/schema';
import { useMemo } from 'react';
import { messagesFor } from '../i18n/catalog';
import { isoDurationToMs } from '../i18n/format';
import { useFormat } from '../i18n/use-format';
import { useLocale } from '../i18n/use-locale';
import { useT } from '../i18n/use-t';
import { presentEntry, type TimelineContext } from './timeline-presenter';

/**
 * The words a staff page needs from a case's flow: node titles, SLA names and task outcomes'
 * labels in the reader's language. A task's own clock (`<task id>.sla`) is named after the task
 * by `taskSla`, when the case's tasks are given.
 */
export function flowWords(
  definition: FlowDefinitionInput | undefined,
  locale: Locale,
  tasks?: { titles: ReadonlyMap<string, string>; taskSla: (title: string) => string },
) {
  const nodes = new Map<string, string>();
  // A start or end without a name is the flow's beginning or end, not its id ("start").
  const kinds = messagesFor(locale);
  const outcomeLabels = new Map<string, Record<string, LocalizedLabel>>();
  for (const n of definition?.nodes ?? []) {
    const node = n as {
      id: string;
      type: string;
      name?: string;
      title?: string;
      outcomeLabels?: Record<string, LocalizedLabel>;
    };
    const unnamed =
      node.type === 'start' || node.type === 'end' ? kinds[`node.kind.${node.type}`] : undefined;
    nodes.set(node.id, withoutPlaceholders(node.name ?? node.title ?? unnamed ?? node.id));
    if (node.outcomeLabels) outcomeLabels.set(node.id, node.outcomeLabels);
  }
  const slas = new Map<string, string>();
  for (const s of (definition?.slas ?? []) as Array<{ id: string; name?: string }>)
    slas.set(s.id, s.name ?? s.id);
  const slaName = (id: string) => {
    const task = id.endsWith('.sla') ? tasks?.titles.get(id.slice(0, -'.sla'.length)) : undefined;
    return task === undefined ? (slas.get(id) ?? id) : tasks!.taskSla(task);
  };
  return {
    nodeTitle: (id: string) => nodes.get(id) ?? id,
    slaName,
    /** What the reader sees for an outcome of the task node `nodeId`. */
    outcomeLabel: (nodeId: string, outcome: string) =>
      outcomeLabel(outcomeLabels.get(nodeId), outcome, locale),
  };
}

/**
 * A step's title as written for every case ("Reset the password of {{request.username}}") with
 * its placeholders as an ellipsis: a reader of one case should not see the template's insides.
 */
function withoutPlaceholders(title: string): string {
  return title.replace(/\{\{[^}]*\}\}/g, '…');
}

/** A case's timeline as sentences, newest first. */
export function CaseTimeline({
  entries,
  c,
  definition,
}: {
  entries: TimelineEntry[];
  c: Case;
  definition: FlowDefinitionInput | undefined;
}) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale((s) => s.locale);
  const ctx = useMemo<TimelineContext>(() => {
    const tasks = new Map(c.tasks.map((task) => [task.id, task.title]));
    const words = flowWords(definition, locale, {
      titles: tasks,
      taskSla: (task) => t('timeline.sla.ofTask', { task }),
    });
    return {
      ...words,
      person: (e) =>
        e.actorName ??
        (e.actor === null || e.actor === 'system'
          ? t('timeline.someone.system')
          : e.actor.startsWith('customer:')
            ? t('timeline.someone.customer')
            : e.actor),
      taskTitle: (id) => tasks.get(id) ?? null,
      dateTime: (at) => (typeof at === 'number' || typeof at === 'string' ? f.dateTime(at) : '—'),
      duration: (v) =>
        typeof v === 'number'
          ? f.duration(v)
          : typeof v === 'string'
            ? f.duration(isoDurationToMs(v) ?? 0)
            : '—',
    };
  }, [definition, locale, c.tasks, t, f]);
  return (
    <ol className="timeline" aria-label={t('case.timelineLabel')}>
      {entries.map((e) => {
        const s = presentEntry(e, ctx);
        return (
          <li key={e.seq} className={`tl tl-${e.type.replace('.', '-')}`}>
            <time dateTime={e.at}>{f.dateTime(e.at)}</time> {t(s.id, s.values)}
          </li>
        );
      })}
    </ol>
  );
}
