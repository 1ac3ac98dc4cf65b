import type { CaseSla, Tier } from '@caseflow/schema';
import { useT } from '../../i18n/use-t';
import { updateFlow } from '../commands';
import { useEditor } from '../EditorContext';
import { JsonField } from '../JsonField';
import { DurationField } from '../pickers/DurationField';
import {
  CalendarPicker,
  GroupPicker,
  NodesPicker,
  RecipientsPicker,
  SlaEventPicker,
  useCalendarLabel,
} from '../pickers/Pickers';
import { WarnAtField } from '../pickers/WarnAtField';
import { CheckField, SelectField, TextField } from './fields';
import { freeNumber } from './free-number';

type TierInput = Partial<Tier> & Pick<Tier, 'id' | 'name' | 'group'>;
type SlaInput = CaseSla extends infer S
  ? Partial<S> & Pick<CaseSla, 'id' | 'target' | 'start' | 'stop'>
  : never;

/** Flow-level settings shown when nothing is selected: name, kind, calendar, tiers, SLAs, variables. */
export function FlowProperties() {
  const t = useT();
  const calendarLabel = useCalendarLabel();
  const doc = useEditor((s) => s.doc);
  const run = useEditor((s) => s.run);
  const tiers = (doc.tiers ?? []) as TierInput[];
  const slas = (doc.slas ?? []) as SlaInput[];
  const setTiers = (next: TierInput[]) => run(updateFlow({ tiers: next }, 'tiers'));
  const setSlas = (next: SlaInput[]) => run(updateFlow({ slas: next }, 'slas'));
  return (
    <section className="props" aria-label={t('panel.flow.settings')}>
      <h2>{t('panel.flow.title')}</h2>
      <p className="muted">
        {t('panel.flow.key')} <code>{doc.key}</code>
      </p>
      <TextField
        label={t('panel.flow.name')}
        value={doc.name}
        onChange={(name) => run(updateFlow({ name }, 'name'))}
      />
      <TextField
        label={t('panel.flow.description')}
        value={doc.description}
        onChange={(d) => run(updateFlow({ description: d || undefined }, 'description'))}
      />
      <SelectField
        label={t('panel.flow.kind')}
        value={doc.kind ?? 'case'}
        options={(['case', 'fulfillment', 'subflow'] as const).map(
          (k) => [k, t(`panel.flow.kind.${k}`)] as const,
        )}
        onChange={(kind) => run(updateFlow({ kind }, 'kind'))}
      />
      <CalendarPicker
        label={t('props.flow.calendar')}
        hint={t('props.flow.calendar.hint')}
        value={doc.calendar ?? '24x7'}
        onChange={(calendar) => run(updateFlow({ calendar }, 'calendar'))}
      />

      <fieldset>
        <legend>{t('panel.flow.tiers')}</legend>
        {tiers.map((tier, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; an id key would remount while the id is typed
          <div className="tier-row" key={i}>
            <TextField
              label={t('panel.flow.tierName')}
              value={tier.name}
              onChange={(name) => setTiers(tiers.map((x, j) => (j === i ? { ...x, name } : x)))}
            />
            <GroupPicker
              label={t('props.flow.tierGroup')}
              value={tier.group}
              onChange={(group) => setTiers(tiers.map((x, j) => (j === i ? { ...x, group } : x)))}
            />
            <SelectField
              label={t('panel.flow.tierMode')}
              value={tier.mode ?? 'solver'}
              options={(['solver', 'router'] as const).map(
                (m) => [m, t(`panel.flow.tierMode.${m}`)] as const,
              )}
              onChange={(mode) => setTiers(tiers.map((x, j) => (j === i ? { ...x, mode } : x)))}
            />
            <button
              type="button"
              className="btn btn-small btn-danger"
              onClick={() => setTiers(tiers.filter((_, j) => j !== i))}
            >
              {t('panel.flow.removeTier', { tier: tier.name || tier.id })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            // Tasks name a tier by its id: a new one takes the next free "L<n>", never one in use.
            const n = freeNumber(
              tiers.map((x) => x.id),
              'L',
              tiers.length + 1,
            );
            setTiers([
              ...tiers,
              { id: `L${n}`, name: t('panel.flow.newTierName', { n }), group: `level-${n}`, mode: 'solver' },
            ]);
          }}
        >
          {t('panel.flow.addTier')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('panel.flow.slas')}</legend>
        {slas.map((s, i) => {
          const put = (patch: Partial<SlaInput>) =>
            setSlas(slas.map((x, j) => (j === i ? ({ ...x, ...patch } as SlaInput) : x)));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; an id key would remount while the id is typed
            <div className="sla-row" key={i}>
              <TextField
                label={t('panel.flow.slaName')}
                value={s.name ?? s.id}
                onChange={(name) => put({ name: name || undefined })}
              />
              <DurationField
                label={t('props.flow.slaTarget')}
                value={s.target}
                onChange={(target) => put({ target: target ?? s.target })}
              />
              <CalendarPicker
                label={t('props.countedIn')}
                value={s.calendar ?? ''}
                empty={t('pickers.calendar.asFlow', { calendar: calendarLabel(doc.calendar ?? '24x7') })}
                onChange={(calendar) => put({ calendar: calendar || undefined })}
              />
              <SlaEventPicker
                label={t('panel.flow.startsOn')}
                empty={t('pickers.slaEvent.none')}
                value={s.start.event}
                onChange={(event) => put({ start: { ...s.start, event: event || undefined } })}
              />
              <NodesPicker
                label={t('panel.flow.startsAt')}
                doc={doc}
                value={s.start.atNodes}
                onChange={(atNodes) => put({ start: { ...s.start, atNodes } })}
              />
              <SlaEventPicker
                label={t('panel.flow.stopsOn')}
                empty={t('pickers.slaEvent.none')}
                value={s.stop.event}
                onChange={(event) => put({ stop: { ...s.stop, event: event || undefined } })}
              />
              <NodesPicker
                label={t('panel.flow.stopsAt')}
                doc={doc}
                value={s.stop.atNodes}
                onChange={(atNodes) => put({ stop: { ...s.stop, atNodes } })}
              />
              <NodesPicker
                label={t('panel.flow.pausesAt')}
                doc={doc}
                value={s.pause?.atNodes}
                onChange={(atNodes) => put({ pause: { atNodes } })}
              />
              <WarnAtField value={s.warnAt} onChange={(warnAt) => put({ warnAt })} />
              <CheckField
                label={t('panel.flow.escalateOnBreach')}
                checked={s.onBreach?.escalate === true}
                onChange={(escalate) => put({ onBreach: { escalate, notify: s.onBreach?.notify ?? [] } })}
              />
              <RecipientsPicker
                label={t('panel.flow.notifyOnBreach')}
                tiers={doc.tiers ?? []}
                value={s.onBreach?.notify}
                onChange={(notify) => put({ onBreach: { escalate: s.onBreach?.escalate ?? false, notify } })}
              />
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() => setSlas(slas.filter((_, j) => j !== i))}
              >
                {t('panel.flow.removeSla', { sla: s.name || s.id })}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            setSlas([
              ...slas,
              {
                id: slas.some((s) => s.id === 'resolution')
                  ? `sla-${freeNumber(
                      slas.map((s) => s.id),
                      'sla-',
                      slas.length + 1,
                    )}`
                  : 'resolution',
                target: 'PT8H',
                start: { event: 'case.opened' },
                stop: { atNodes: doc.nodes.filter((n) => n.type === 'end').map((n) => n.id) },
                warnAt: [0.8],
              },
            ])
          }
        >
          {t('panel.flow.addSla')}
        </button>
      </fieldset>

      <JsonField
        label={t('panel.flow.variables')}
        value={doc.variables ?? {}}
        onChange={(variables) =>
          run(updateFlow({ variables: variables as Record<string, unknown> }, 'variables'))
        }
      />
    </section>
  );
}
