import { useT } from '../../i18n/use-t';
import type { ScopeName } from '../feel-scope';
import type { DocNode, DocNodeOf } from '../flow-document';
import { JsonField } from '../JsonField';
import { useFlowChoices } from '../pickers/FlowChoicesContext';
import { ConnectionPicker } from '../pickers/Pickers';
import { FeelMapField, ListField, NumberField, SelectField, TextField } from './fields';

type ActionNode = DocNodeOf<'action'>;
type Action = ActionNode['action'];

function fresh(kind: Action['kind']): Action {
  // A connection keeps base URL and credentials out of the flow (DESIGN §8).
  if (kind === 'http') return { kind, method: 'POST', connection: '', path: '/', headers: {}, retries: 3 };
  if (kind === 'customer') return { kind, attributes: {}, addTags: [], removeTags: [] };
  return { kind, values: {} };
}

/** Fields of an action node: set values, an HTTP call, or a customer profile update. */
export function ActionProperties({
  node,
  set,
  scope,
}: {
  node: ActionNode;
  set(n: DocNode): void;
  scope: ScopeName[];
}) {
  const a = node.action;
  const put = (action: Action) => set({ ...node, action });
  return (
    <>
      <SelectField
        label="Action kind"
        value={a.kind}
        options={
          [
            ['set', 'Set variables'],
            ['http', 'HTTP call'],
            ['customer', 'Update customer'],
          ] as const
        }
        onChange={(kind) => put(fresh(kind))}
      />
      {a.kind === 'set' && (
        <FeelMapField
          label="Variables to set"
          keyLabel="Variable"
          value={a.values}
          scope={scope}
          onChange={(values) => put({ ...a, values })}
        />
      )}
      {a.kind === 'http' && (
        <>
          <SelectField
            label="Method"
            value={a.method ?? 'POST'}
            options={['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const}
            onChange={(method) => put({ ...a, method })}
          />
          <HttpTarget action={a} onChange={put} />
          <JsonField
            label="Headers (no credentials: they belong in the connection)"
            height={90}
            value={a.headers ?? {}}
            onChange={(headers) => put({ ...a, headers: headers as Record<string, string> })}
          />
          <JsonField
            label="Body"
            height={120}
            value={a.body ?? {}}
            onChange={(body) => put({ ...a, body })}
          />
          <NumberField
            label="Retries"
            min={0}
            value={a.retries}
            onChange={(retries) => put({ ...a, retries })}
          />
        </>
      )}
      {a.kind === 'customer' && (
        <>
          <FeelMapField
            label="Attributes"
            keyLabel="Attribute"
            value={a.attributes}
            scope={scope}
            onChange={(attributes) => put({ ...a, attributes })}
          />
          <ListField label="Add tags" value={a.addTags} onChange={(addTags) => put({ ...a, addTags })} />
          <ListField
            label="Remove tags"
            value={a.removeTags}
            onChange={(removeTags) => put({ ...a, removeTags })}
          />
        </>
      )}
    </>
  );
}

type HttpAction = Extract<Action, { kind: 'http' }>;

/**
 * Where an http action goes: a connection (picked from those an admin keeps) plus a path under
 * its base URL, or a plain URL for systems without credentials.
 */
function HttpTarget({ action: a, onChange }: { action: HttpAction; onChange(a: HttpAction): void }) {
  const t = useT();
  const first = useFlowChoices()?.connections[0]?.name ?? '';
  const viaConnection = a.url === undefined;
  const { url: _u, connection: _c, path: _p, ...rest } = a;
  return (
    <>
      <SelectField
        label="Call"
        value={viaConnection ? 'connection' : 'url'}
        options={
          [
            ['connection', 'Through a connection'],
            ['url', 'Plain URL (no credentials)'],
          ] as const
        }
        onChange={(mode) =>
          onChange(
            mode === 'connection'
              ? { ...rest, connection: first, path: '/' }
              : { ...rest, url: 'https://example.org/hook' },
          )
        }
      />
      {viaConnection && (
        <ConnectionPicker
          label={t('props.action.connection')}
          hint={t('props.action.connection.hint')}
          value={a.connection}
          onChange={(connection) => onChange({ ...a, connection })}
        />
      )}
      {viaConnection ? (
        <TextField
          label="Path"
          hint="Under the connection's base URL, templated with {{FEEL}}, e.g. /accounts/{{case.customerId}}/freeze"
          value={a.path}
          onChange={(path) => onChange({ ...a, path })}
        />
      ) : (
        <TextField
          label="URL"
          hint="Templated with {{FEEL}}, e.g. {{env.CORE_URL}}/accounts/{{case.customerId}}"
          value={a.url}
          onChange={(url) => onChange({ ...a, url })}
        />
      )}
    </>
  );
}
