import { describe, expect, it } from 'vitest';
import { baseUrlProblem, joinUnderBase, normaliseBaseUrl } from './connection-url';

const bank = { baseUrl: 'https://bank.example/api', allowedHosts: ['bank-dr.example:8443'] };
const join = (path: string) => {
  const r = joinUnderBase(bank, path);
  return r.ok ? r.url.toString() : r.error;
};

describe('joinUnderBase', () => {
  it('puts relative paths under the base path, with or without a leading slash', () => {
    expect(join('/accounts/42/freeze')).toBe('https://bank.example/api/accounts/42/freeze');
    expect(join('accounts/42?x=1')).toBe('https://bank.example/api/accounts/42?x=1');
    expect(join('')).toBe('https://bank.example/api/');
    expect(join('/accounts/a%40b')).toBe('https://bank.example/api/accounts/a%40b');
  });

  it('keeps "@" inside a relative path on the base host', () => {
    expect(join('@evil.example/x')).toBe('https://bank.example/api/@evil.example/x');
  });

  it.each([
    ['/../admin', '..'],
    ['/accounts/../../admin', '..'],
    ['/%2e%2e/admin', '..'],
    ['/%2E%2e/admin', '..'],
    ['/%252e%252e/admin', '..'],
    ['/accounts/..%2F..%2Fadmin', '..'],
    ['/./x', '..'],
    ['//evil.example/x', '//'],
    ['\\\\evil.example/x', 'backslash'],
    ['/a b', 'spaces'],
    ['/a\nb', 'control'],
    ['https://evil.example/api/x', 'evil.example'],
    ['https://bank.example@evil.example/api/x', 'user info'],
    ['http://bank.example/api/x', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['https://bank.example/other', 'base path'],
    ['https://bank.example/apix', 'base path'],
    ['https://bank-dr.example/api/x', 'bank-dr.example'],
  ])('refuses %j', (path, why) => {
    const r = joinUnderBase(bank, path);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error.toLowerCase()).toContain(why === '..' ? 'segment' : why);
  });

  it('accepts an absolute URL on the base host or an allowed host under the base path', () => {
    expect(join('https://bank.example/api/x')).toBe('https://bank.example/api/x');
    expect(join('https://bank-dr.example:8443/api/x')).toBe('https://bank-dr.example:8443/api/x');
  });

  it('drops a fragment', () => {
    expect(join('/x#frag')).toBe('https://bank.example/api/x');
  });

  it('works with a root base URL', () => {
    const r = joinUnderBase({ baseUrl: 'http://127.0.0.1:9000', allowedHosts: [] }, '/accounts/1/freeze');
    expect(r.ok && r.url.toString()).toBe('http://127.0.0.1:9000/accounts/1/freeze');
  });
});

describe('base URLs', () => {
  it.each([
    ['https://api.example/v1', null],
    ['http://127.0.0.1:9000', null],
    ['ftp://x.example', 'https://'],
    ['/relative', 'absolute'],
    ['https://u:p@api.example', 'credentials'],
    ['https://api.example/v1?key=1', 'query'],
    ['https://api.example/v1#x', 'fragment'],
    ['https://api.example/v1?', 'query'],
  ])('%s → %s', (url, problem) => {
    const answer = baseUrlProblem(url);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });

  it('normalises a trailing slash away', () => {
    expect(normaliseBaseUrl('https://API.example/v1/')).toBe('https://api.example/v1');
    expect(normaliseBaseUrl('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000');
  });
});
