import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';
import { adminApi } from './admin-api';

/** Checkboxes of the known groups (GET /api/groups); `value` keeps groups no longer listed. */
export function GroupPicker({ value, onChange }: { value: string[]; onChange(next: string[]): void }) {
  const t = useT();
  const groups = useResource(() => adminApi.listGroups(), []);
  const names = [...new Set([...(groups.data?.items ?? []).map((g) => g.name), ...value])];
  return (
    <fieldset>
      <legend>{t('users.groups')}</legend>
      {names.map((name) => (
        <label key={name} className="check">
          <input
            type="checkbox"
            checked={value.includes(name)}
            onChange={(e) => onChange(e.target.checked ? [...value, name] : value.filter((g) => g !== name))}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}

const TIERS = ['L1', 'L2', 'L3'];

/** Checkboxes of the escalation tiers (L1–L3 and any other the user holds). */
export function TierPicker({ value, onChange }: { value: string[]; onChange(next: string[]): void }) {
  const t = useT();
  const names = [...new Set([...TIERS, ...value])];
  return (
    <fieldset>
      <legend>{t('users.tiers')}</legend>
      <p className="muted">{t('users.tiersHint')}</p>
      {names.map((name) => (
        <label key={name} className="check">
          <input
            type="checkbox"
            checked={value.includes(name)}
            onChange={(e) => onChange(e.target.checked ? [...value, name] : value.filter((x) => x !== name))}
          />
          {name}
        </label>
      ))}
    </fieldset>
  );
}
