import type { KbLocale } from '@caseflow/schema';

/*
 * Function words left out of the index and of queries, accent-folded. Short on purpose: the
 * words customers put around a problem ("my card was stolen, what do I do") and nothing that
 * could carry meaning in a help article ("not", "no" stay: "card not working").
 */
const EN = `a about am an and are as at be been being but by can could did do does doing for from
had has have having he her here hers him his how i if in into is it its itself me my myself of on
or our ours please she should so some than that the their theirs them then there these they this
those to too us was we were what when where which while who whom why will with would you your
yours yourself hi hello thanks thank`;

const PT = `a ao aos as ate com como da das de dela dele deles do dos e ela elas ele eles em entre era
eram essa esse esta estao estava este estou eu foi fomos for foram ha isso isto ja la lhe lhes
mais mas me mesmo meu meus minha minhas muito na nas nem no nos nossa nosso num numa o os ou para
pela pelas pelo pelos por porque qual quando que quem se sem ser seu seus sua suas tambem te tem
tenho ter teu tua um uma uns umas voce voces vou fazer faco oi ola obrigado obrigada favor`;

const LISTS: Record<KbLocale, ReadonlySet<string>> = {
  en: new Set(EN.split(/\s+/)),
  'pt-BR': new Set(PT.split(/\s+/)),
};

/** True when `folded` (lower-case, accents removed) is a stop word of `locale`. */
export function isStopWord(locale: KbLocale, folded: string): boolean {
  return LISTS[locale].has(folded);
}
