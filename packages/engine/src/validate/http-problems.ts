import { isCredentialHeader, type Problem } from '@caseflow/schema';
import { entriesOf, type FlowView, isObject, type NodeView, nodeName } from './flow-view';
import { error, type ProblemPath } from './problems';
import type { ValidationContext } from './reference-problems';

/** `scheme://user:password@` or `scheme://token@` before the host. */
const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#{}]*@/i;
/** A query parameter whose name looks like a credential (`?api_key=…`, `&access_token=…`). */
const SECRET_QUERY = /[?&]([^=&#]*(?:auth|token|secret|key|passw|signature|session)[^=&#]*)=/i;

const USE_A_CONNECTION =
  'Use a connection: an admin stores the credential once (Admin → Connections) and the action names it with "connection" and a "path".';

/**
 * Problems of http actions (DESIGN §8): credentials written into the flow — a header that looks
 * like one (Authorization, Cookie, X-Api-Key, anything naming a token, secret, key or auth),
 * user info in the URL, a secret-looking query parameter — because every agent can read a
 * flow, and a `connection` name that does not exist when `ctx` lists the connections.
 */
export function httpProblems(view: FlowView, ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  const connections = ctx.connections ? new Set(ctx.connections) : undefined;
  for (const node of view.nodes) {
    if (node.type !== 'action' || !isObject(node.raw.action) || node.raw.action.kind !== 'http') continue;
    const action = node.raw.action;
    const at = (...rest: ProblemPath): ProblemPath => ['nodes', node.index, 'action', ...rest];
    const credential = (message: string, path: ProblemPath) =>
      problems.push(error('credential-in-flow', message, path, { nodeId: node.id, hint: USE_A_CONNECTION }));

    for (const [name] of entriesOf(action.headers)) {
      if (isCredentialHeader(name))
        credential(
          `${nodeName(node)} sends a credential header "${name}" written in the flow`,
          at('headers', name),
        );
    }
    for (const field of ['url', 'path'] as const) {
      const text = action[field];
      if (typeof text !== 'string') continue;
      if (USERINFO.test(text)) credential(`${nodeName(node)} has credentials in its ${field}`, at(field));
      const query = SECRET_QUERY.exec(text);
      if (query)
        credential(`${nodeName(node)} sends a credential in query parameter "${query[1]}"`, at(field));
    }
    if (connections && typeof action.connection === 'string' && !connections.has(action.connection))
      problems.push(unknownConnection(node, action.connection, at('connection'), connections));
  }
  return problems;
}

function unknownConnection(node: NodeView, name: string, path: ProblemPath, known: Set<string>): Problem {
  const list = [...known].sort();
  return error(
    'unknown-connection',
    `${nodeName(node)} calls connection "${name}", which does not exist`,
    path,
    {
      nodeId: node.id,
      hint:
        list.length > 0
          ? `Pick one of the connections (${list.join(', ')}), or ask an admin to create "${name}".`
          : `Ask an admin to create the connection "${name}" (Admin → Connections).`,
    },
  );
}
