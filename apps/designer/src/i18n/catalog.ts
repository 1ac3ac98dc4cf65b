import type { Locale } from './locales';

/** One area's messages: English is the reference; Portuguese must have exactly the same keys. */
export interface MessageModule {
  en: Record<string, string>;
  ptBR: Record<string, string>;
}

/**
 * Every `*.messages.ts` file under src, collected at build time. Each area keeps its strings
 * beside its screens, so parallel work on different screens never edits one shared catalog.
 */
const modules = import.meta.glob<MessageModule>('../**/*.messages.ts', { eager: true });

/** The modules by file, for the completeness test. */
export function messageModules(): Record<string, MessageModule> {
  return modules;
}

function merge(pick: (m: MessageModule) => Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, mod] of Object.entries(modules)) {
    for (const [key, text] of Object.entries(pick(mod))) {
      // Keys are global: two areas defining one key would silently shadow each other.
      if (key in out) throw new Error(`i18n: message "${key}" is defined twice (again in ${file})`);
      out[key] = text;
    }
  }
  return out;
}

const catalogs: Record<Locale, Record<string, string>> = {
  en: merge((m) => m.en),
  'pt-BR': merge((m) => m.ptBR),
};

export function messagesFor(locale: Locale): Record<string, string> {
  return catalogs[locale];
}
