import { z } from 'zod';

/*
 * Connections (DESIGN §8): an admin names an external system once — its base URL, the hosts a
 * call may reach and how to authenticate — and http actions refer to it by name. Secret fields
 * (token, password, header value) are write-only: they go in with a POST or PUT and never come
 * back; answers say `"secret": "set"` instead.
 */

/** A connection's name, as flows write it: lower-case letters, digits and dashes. */
export const ConnectionName = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9-]*$/, 'must match ^[a-z][a-z0-9-]*$ (lower-case letters, digits, dashes)');

/** A header name as RFC 9110 spells a token. */
const HeaderName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name');
/** A secret as it goes in: bounded, no line breaks (it ends up in an HTTP header). */
const SecretText = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[^\r\n\0]*$/, 'must not contain line breaks or NUL');

/**
 * How calls authenticate, as written by an admin. A secret field may be left out of a PUT to
 * keep the stored one (the same kind must be kept; another kind needs its secret again).
 */
export const ConnectionAuthInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('bearer'), token: SecretText.optional() }),
  z.object({
    kind: z.literal('basic'),
    username: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^:\r\n\0]*$/, 'must not contain ":" or line breaks'),
    password: SecretText.optional(),
  }),
  z.object({ kind: z.literal('header'), header: HeaderName, value: SecretText.optional() }),
]);
export type ConnectionAuthInput = z.infer<typeof ConnectionAuthInput>;

/** The non-secret part of the auth settings: what answers show and the store keeps in clear. */
export const ConnectionAuth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('bearer') }),
  z.object({ kind: z.literal('basic'), username: z.string() }),
  z.object({ kind: z.literal('header'), header: z.string() }),
]);
export type ConnectionAuth = z.infer<typeof ConnectionAuth>;

/** Most hosts one connection may reach besides its base URL's. */
export const MAX_ALLOWED_HOSTS = 20;

/** POST /connections and PUT /connections/:name (where `name`, if given, must match the URL). */
export const ConnectionInput = z.object({
  name: ConnectionName,
  /** Absolute http(s) URL without credentials, query or fragment; calls stay under it. */
  baseUrl: z.string().min(1).max(2000),
  /** Extra host names (optional :port; stored in lower case) a call may reach; the base URL's host always may. */
  allowedHosts: z
    .array(
      z
        .string()
        .min(1)
        .max(255)
        .regex(/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i, 'must be a host name'),
    )
    .max(MAX_ALLOWED_HOSTS)
    .default([]),
  description: z.string().max(2000).optional(),
  auth: ConnectionAuthInput.default({ kind: 'none' }),
});
export type ConnectionInput = z.infer<typeof ConnectionInput>;
export type ConnectionInputRaw = z.input<typeof ConnectionInput>;

/** A connection as the API answers it: never a secret, only whether one is stored. */
export const Connection = z.object({
  name: z.string(),
  baseUrl: z.string(),
  allowedHosts: z.array(z.string()),
  description: z.string().nullable(),
  auth: ConnectionAuth,
  /** Present (`"set"`) when a secret is stored; absent when the auth kind needs none. */
  secret: z.literal('set').optional(),
  updatedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof Connection>;

/** 409 answer of DELETE /connections/:name while active flow versions call it. */
export const ConnectionInUse = z.object({
  flows: z.array(z.object({ flow: z.string(), version: z.number().int() })),
});

/**
 * True for a header name that usually carries a credential: Authorization,
 * Proxy-Authorization, Cookie, X-Api-Key, or any name containing token, secret, key, auth,
 * password or session. Flows must not hold such headers (use a connection); answers redact them.
 */
export function isCredentialHeader(name: string): boolean {
  const n = name.trim().toLowerCase();
  if (n === 'cookie' || n === 'set-cookie') return true;
  return /auth|token|secret|key|passw|session|credential|signature/.test(n);
}
