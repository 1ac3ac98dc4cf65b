/**
 * The example flows, catalog items and business calendars: the demo seed publishes them and
 * the engine, runtime and browser tests drive them. Plain data, valid against
 * @caseflow/schema. A catalog request's form values become the case variables and are also
 * kept whole as `request`, so flows read `request.username` or `cardLast4` alike.
 */
import type { BusinessCalendar, CatalogItem, FlowDefinitionInput } from '@caseflow/schema';
import business from './calendars/business.json' with { type: 'json' };
import businessSp from './calendars/business-sp.json' with { type: 'json' };
import passwordResetItem from './catalog/password-reset.json' with { type: 'json' };
import reportLostCardItem from './catalog/report-lost-card.json' with { type: 'json' };
import emailSupport from './flows/email-support.json' with { type: 'json' };
import fraudCheck from './flows/fraud-check.json' with { type: 'json' };
import lostCard from './flows/lost-card.json' with { type: 'json' };
import passwordReset from './flows/password-reset.json' with { type: 'json' };

/** Subflows first, so that publishing in this order never meets a missing subflow. */
export const exampleFlows = [
  fraudCheck,
  lostCard,
  passwordReset,
  emailSupport,
] as unknown as FlowDefinitionInput[];

export const exampleCatalog = [passwordResetItem, reportLostCardItem] as unknown as CatalogItem[];

/** Berlin office hours with explicit dates; São Paulo office hours with Brazil's and SP's holidays. */
export const exampleCalendars = [business, businessSp] as unknown as BusinessCalendar[];

/** One example flow by key; throws for an unknown key (a test mistake). */
export function exampleFlow(key: string): FlowDefinitionInput {
  const flow = exampleFlows.find((f) => f.key === key);
  if (!flow) throw new Error(`no example flow "${key}"`);
  return flow;
}
