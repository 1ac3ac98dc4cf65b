import { useT } from '../../../i18n/use-t';
import { FeelField } from '../../FeelField';
import { DurationField } from '../../pickers/DurationField';
import { CalendarPicker } from '../../pickers/Pickers';
import { SelectField } from '../fields';
import type { NodePanelProps } from '../node-panel';

/** A timer: waits a duration (in calendar or business time) or until a date given in FEEL. */
export function TimerPanel({ node, set, scope }: NodePanelProps<'timer'>) {
  const t = useT();
  const mode = node.until !== undefined ? 'until' : 'duration';
  return (
    <>
      <SelectField
        label={t('props.timer.mode')}
        value={mode}
        options={
          [
            ['duration', t('props.timer.duration')],
            ['until', t('props.timer.until')],
          ] as const
        }
        onChange={(m) =>
          set(
            m === 'until'
              ? { ...node, duration: undefined, until: 'now() + duration("P1D")' }
              : { ...node, until: undefined, duration: 'PT1H' },
          )
        }
      />
      {mode === 'duration' ? (
        <DurationField
          label={t('props.timer.waitFor')}
          value={node.duration}
          onChange={(duration) => set({ ...node, duration: duration ?? 'PT1H' })}
        />
      ) : (
        <FeelField
          label={t('props.timer.untilLabel')}
          value={node.until ?? ''}
          scope={scope}
          onChange={(until) => set({ ...node, until })}
        />
      )}
      {/* A timer without a calendar counts round the clock (the engine's rule). */}
      <CalendarPicker
        label={t('props.countedIn')}
        value={node.calendar ?? '24x7'}
        onChange={(c) => set({ ...node, calendar: c && c !== '24x7' ? c : undefined })}
      />
    </>
  );
}
