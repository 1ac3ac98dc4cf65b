import type { ScopeName } from '../feel-scope';
import type { DocNode, DocNodeOf } from '../flow-document';
import { JsonField } from '../JsonField';
import { FeelMapField, ListField, NumberField, SelectField, TextField } from './fields';

type ActionNode = DocNodeOf<'action'>;
type Action = ActionNode['action'];

function fresh(kind: Action['kind']): Action {
  if (kind === 'http')
    return { kind, method: 'POST', url: 'https://example.org/hook', headers: {}, retries: 3 };
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
          <TextField
            label="URL"
            hint="Templated with {{FEEL}}, e.g. {{env.CORE_URL}}/accounts/{{case.customerId}}"
            value={a.url}
            onChange={(url) => put({ ...a, url })}
          />
          <JsonField
            label="Headers"
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
