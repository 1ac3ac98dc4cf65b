import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messageModules, messagesFor } from './catalog';

/** The argument names an ICU message uses (`{count, plural, …}`, `{name}`), nested ones included. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]): void => {
    for (const node of nodes as Array<Record<string, unknown>>) {
      if (typeof node.value === 'string' && node.type !== 0) names.add(node.value);
      for (const option of Object.values((node.options ?? {}) as Record<string, { value: unknown[] }>)) {
        walk(option.value);
      }
      if (Array.isArray(node.children)) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst() as unknown[]);
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|messages)\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('message catalogs', () => {
  const modules = Object.entries(messageModules());

  it('are collected from the areas', () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  it.each(modules)('%s has the same keys in English and Portuguese', (_file, mod) => {
    expect(Object.keys(mod.ptBR).sort()).toEqual(Object.keys(mod.en).sort());
  });

  it.each(modules)(
    '%s: every message is valid ICU with the same arguments in both languages',
    (_file, mod) => {
      for (const [key, text] of Object.entries(mod.en)) {
        const translated = mod.ptBR[key] ?? '';
        expect(translated.trim(), key).not.toBe('');
        expect(argumentsOf(translated, 'pt-BR'), key).toEqual(argumentsOf(text, 'en'));
      }
    },
  );

  it('has every message id the screens ask for', () => {
    const known = messagesFor('en');
    const missing: string[] = [];
    const root = join(import.meta.dirname, '..');
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      // Literal ids in t('…') calls; computed ids are checked by their own tests.
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const id = m[1] ?? '';
        if (!(id in known)) missing.push(`${file.slice(root.length + 1)}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('says none in Portuguese with the plural ("0 casos"), where CLDR would take 0 as one', () => {
    // Intl.PluralRules('pt-BR') puts 0 with 1 ("0 caso"); an exact =0 branch reads as people say it.
    const pt = messagesFor('pt-BR');
    const singularZero = Object.entries(pt)
      .filter(([, text]) => /plural, /.test(text))
      .filter(([, text]) => {
        const ast = new IntlMessageFormat(text, 'pt-BR').getAst() as unknown as Array<
          Record<string, unknown>
        >;
        const plurals: Array<Record<string, unknown>> = [];
        const walk = (nodes: Array<Record<string, unknown>>) => {
          for (const n of nodes) {
            const options = n.options as
              | Record<string, { value: Array<Record<string, unknown>> }>
              | undefined;
            if (n.pluralType === 'cardinal' && options) plurals.push(options);
            for (const o of Object.values(options ?? {})) walk(o.value);
          }
        };
        walk(ast);
        return plurals.some((o) => 'one' in o && !('=0' in o));
      })
      .map(([id]) => id);
    expect(singularZero).toEqual([]);
  });
});
