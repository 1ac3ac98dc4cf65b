import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, scanJson } from './json-scan';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('scanJson', () => {
  it('passes ordinary JSON, escapes and surrogate pairs included', () => {
    expect(scanJson('{"a":[1,{"b":"x\\"y\\\\"}],"c":"\\ud83d\\ude00 😀 \\u00e9"}')).toBeNull();
    expect(scanJson('"plain"')).toBeNull();
    expect(scanJson('')).toBeNull();
  });

  it(`allows ${MAX_JSON_DEPTH} levels and refuses one more, naming the path`, () => {
    expect(scanJson(nested(MAX_JSON_DEPTH))).toBeNull();
    const problem = scanJson(`{"variables":{"a":${nested(MAX_JSON_DEPTH)}}}`);
    expect(problem).toMatchObject({
      code: 'too-deep',
      path: `variables.a${'.0'.repeat(MAX_JSON_DEPTH - 2)}`,
    });
  });

  it('scans 100,000 levels without recursion', () => {
    expect(scanJson(nested(100_000))?.code).toBe('too-deep');
  });

  it('ignores brackets inside strings', () => {
    expect(scanJson(JSON.stringify({ s: '['.repeat(1000) }))).toBeNull();
  });

  it('refuses an escaped NUL in a value and names the member', () => {
    expect(scanJson('{"user":{"tags":["ok","a\\u0000b"]}}')).toMatchObject({
      code: 'nul',
      path: 'user.tags.1',
    });
  });

  it('refuses a NUL in a key, naming the object that holds it', () => {
    expect(scanJson('{"values":{"x\\u0000":1}}')).toMatchObject({ code: 'nul', path: 'values' });
  });

  it('refuses a raw NUL', () => {
    expect(scanJson('{"a":"x\u0000"}')).toMatchObject({ code: 'nul', path: 'a' });
  });

  it('does not take an escaped backslash followed by u0000 for a NUL', () => {
    expect(scanJson('{"a":"\\\\u0000"}')).toBeNull();
  });

  it('refuses lone surrogates, escaped or raw', () => {
    expect(scanJson('{"s":"x\\ud800"}')).toMatchObject({ code: 'lone-surrogate', path: 's' });
    expect(scanJson('{"s":"\\udc00"}')).toMatchObject({ code: 'lone-surrogate', path: 's' });
    expect(scanJson('{"s":"\\ud800\\u0041"}')).toMatchObject({ code: 'lone-surrogate' });
    expect(scanJson('{"s":"\ud800x"}')).toMatchObject({ code: 'lone-surrogate' });
  });

  it('refuses a __proto__ key, escaped or not, and leaves the word alone in values', () => {
    expect(scanJson('{"values":{"a":1,"__proto__":{"x":1}}}')).toMatchObject({
      code: 'reserved-key',
      path: 'values.__proto__',
    });
    expect(scanJson('[{"\\u005f_proto__":1}]')).toMatchObject({ code: 'reserved-key', path: '0.__proto__' });
    expect(scanJson('{"note":"__proto__","list":["__proto__"]}')).toBeNull();
  });

  it('leaves malformed JSON to JSON.parse', () => {
    expect(scanJson('{"a": ')).toBeNull();
    expect(scanJson('{"a":"\\u12"}')).toBeNull();
  });

  it('finds what it refuses at the end of a long string, and the keys after it', () => {
    const long = 'A'.repeat(1_000_000);
    expect(scanJson(`{"f":[{"content":"${long}\\u0000"}]}`)).toMatchObject({
      code: 'nul',
      path: 'f.0.content',
    });
    expect(scanJson(`{"a":"${long}\ud800","b":1}`)).toMatchObject({ code: 'lone-surrogate', path: 'a' });
    expect(scanJson(`{"a":"${long}\ud83d\ude00 \\\\\\"]","b":"\\u0000"}`)).toMatchObject({
      code: 'nul',
      path: 'b',
    });
    expect(scanJson(`{"a":"${long}"}`)).toBeNull();
  });
});
