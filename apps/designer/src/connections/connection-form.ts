import type { Connection, ConnectionInputRaw } from '@caseflow/schema';

/** The connection form as typed: every field text; `secret` is the write-only field of the kind. */
export interface ConnectionForm {
  name: string;
  baseUrl: string;
  /** Comma-separated host names. */
  allowedHosts: string;
  description: string;
  kind: 'none' | 'bearer' | 'basic' | 'header';
  username: string;
  header: string;
  /** Token, password or header value; empty keeps the stored one when editing. */
  secret: string;
}

/** An empty form for a new connection. */
export const EMPTY_CONNECTION_FORM: ConnectionForm = {
  name: '',
  baseUrl: 'https://',
  allowedHosts: '',
  description: '',
  kind: 'bearer',
  username: '',
  header: 'X-Api-Key',
  secret: '',
};

/** The form for editing `c`: its settings, and an empty secret (never known to the designer). Pure. */
export function formFromConnection(c: Connection): ConnectionForm {
  return {
    name: c.name,
    baseUrl: c.baseUrl,
    allowedHosts: c.allowedHosts.join(', '),
    description: c.description ?? '',
    kind: c.auth.kind,
    username: c.auth.kind === 'basic' ? c.auth.username : '',
    header: c.auth.kind === 'header' ? c.auth.header : 'X-Api-Key',
    secret: '',
  };
}

/**
 * The POST/PUT body of a form. An empty secret is left out, so that a PUT keeps the stored
 * secret (the runtime asks for one when there is none or the kind changed). Pure.
 */
export function connectionBody(form: ConnectionForm): ConnectionInputRaw {
  const secret = form.secret === '' ? undefined : form.secret;
  const auth: ConnectionInputRaw['auth'] =
    form.kind === 'none'
      ? { kind: 'none' }
      : form.kind === 'bearer'
        ? { kind: 'bearer', ...(secret === undefined ? {} : { token: secret }) }
        : form.kind === 'basic'
          ? {
              kind: 'basic',
              username: form.username.trim(),
              ...(secret === undefined ? {} : { password: secret }),
            }
          : {
              kind: 'header',
              header: form.header.trim(),
              ...(secret === undefined ? {} : { value: secret }),
            };
  return {
    name: form.name.trim(),
    baseUrl: form.baseUrl.trim(),
    allowedHosts: form.allowedHosts
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    auth,
  };
}

/** The message id of the label of a kind's write-only field; null when the kind has none. */
export function secretLabel(kind: ConnectionForm['kind']): string | null {
  return kind === 'none' ? null : `connections.secret.${kind}`;
}
