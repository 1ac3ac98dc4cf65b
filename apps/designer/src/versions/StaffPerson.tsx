import { useFlowChoices } from '../editor/pickers/FlowChoicesContext';
import { useT } from '../i18n/use-t';
import { staffName, staffText } from './staff-name';

/** A person on the versions screens: the display name, the username as secondary text. */
export function StaffPerson({ username }: { username: string }) {
  const person = staffName(useFlowChoices()?.users, username);
  return (
    <span className="person">
      {person.name}
      {person.username && <small className="muted"> ({person.username})</small>}
    </span>
  );
}

/** A person in running text (a tooltip, a sentence): "Lena Lopes (lena)", or the username alone. */
export function useStaffText(): (username: string) => string {
  const t = useT();
  const users = useFlowChoices()?.users;
  return (username) => staffText(users, username, t);
}
