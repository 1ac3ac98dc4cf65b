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
  const t = useT();
  const a = node.action;
  const put = (action: Action) => set({ ...node, action });
  return (
    <>
      <SelectField
        label={t('panel.action.kind')}
        value={a.kind}
        options={
          [
            ['set', t('panel.action.kind.set')],
            ['http', t('panel.action.kind.http')],
            ['customer', t('panel.action.kind.customer')],
          ] as const
        }
        onChange={(kind) => put(fresh(kind))}
      />
      {a.kind === 'set' && (
        <FeelMapField
          label={t('panel.action.values')}
          keyLabel={t('panel.action.variable')}
          value={a.values}
          scope={scope}
          onChange={(values) => put({ ...a, values })}
        />
      )}
      {a.kind === 'http' && (
        <>
          <SelectField
            label={t('panel.action.method')}
            value={a.method ?? 'POST'}
            options={['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const}
            onChange={(method) => put({ ...a, method })}
          />
          <HttpTarget action={a} onChange={put} />
          <JsonField
            label={t('panel.action.headers')}
            height={90}
            value={a.headers ?? {}}
            onChange={(headers) => put({ ...a, headers: headers as Record<string, string> })}
          />
          <JsonField
            label={t('panel.action.body')}
            height={120}
            value={a.body ?? {}}
            onChange={(body) => put({ ...a, body })}
          />
          <NumberField
            label={t('panel.action.retries')}
            min={0}
            value={a.retries}
            onChange={(retries) => put({ ...a, retries })}
          />
        </>
      )}
      {a.kind === 'customer' && (
        <>
          <FeelMapField
            label={t('panel.action.attributes')}
            keyLabel={t('panel.action.attribute')}
            value={a.attributes}
            scope={scope}
            onChange={(attributes) => put({ ...a, attributes })}
          />
          <ListField
            label={t('panel.action.addTags')}
            value={a.addTags}
            onChange={(addTags) => put({ ...a, addTags })}
          />
          <ListField
            label={t('panel.action.removeTags')}
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
        label={t('panel.action.call')}
        value={viaConnection ? 'connection' : 'url'}
        options={
          [
            ['connection', t('panel.action.call.connection')],
            ['url', t('panel.action.call.url')],
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
          label={t('panel.action.path')}
          hint={t('panel.action.path.hint')}
          value={a.path}
          onChange={(path) => onChange({ ...a, path })}
        />
      ) : (
        <TextField
          label={t('panel.action.url')}
          hint={t('panel.action.url.hint')}
          value={a.url}
          onChange={(url) => onChange({ ...a, url })}
        />
      )}
    </>
  );
}
