import { type ArticleAudience, LOCALES, type Locale } from '@caseflow/schema';
import { plainText } from '../kb/markdown';
import { articleBlock, type RenderedMessage } from '../messages/render';
import type { Store } from '../store/store';
import type { Recipient } from './notify-recipients';

/** Longest excerpt of an article's text a notification carries. */
const EXCERPT_CHARS = 600;

/** The article a notification sent, as one language reads it. */
export interface SentArticle {
  slug: string;
  locale: Locale;
  title: string;
  /** The help centre's page of the article (relative to the portal). */
  path: string;
}

/**
 * Audiences every recipient may read: an agents-only article never goes to a customer, so
 * a notification with a customer among its recipients sends only public and customer articles.
 */
export function audiencesOf(recipients: readonly Recipient[]): ArticleAudience[] {
  return recipients.some((r) => r.kind === 'customer')
    ? ['public', 'customers']
    : ['public', 'customers', 'agents'];
}

/**
 * Adds a notify node's article to each rendered message: the published article in the
 * message's language, else in another language, if its audience is one the recipients may read.
 * Answers the messages and the articles they carry (none when the slug names no such article:
 * the message then goes without it and the timeline says so). Links start with `publicUrl`.
 */
export async function withArticle(
  tx: Store,
  slug: string,
  recipients: readonly Recipient[],
  messages: RenderedMessage[],
  publicUrl = '',
): Promise<{ messages: RenderedMessage[]; articles: SentArticle[] }> {
  const audiences = audiencesOf(recipients);
  const articles: SentArticle[] = [];
  const out: RenderedMessage[] = [];
  for (const message of messages) {
    const article = await readable(tx, slug, message.locale, audiences);
    if (!article) {
      out.push(message);
      continue;
    }
    const path = `/help/${encodeURIComponent(article.slug)}`;
    const excerpt = excerptOf(plainText(article.body));
    articles.push({ slug: article.slug, locale: article.locale, title: article.title, path });
    // The message leaves the portal (e-mail, SMS, a webhook): its link is the whole address.
    const block = articleBlock(message.locale, {
      title: article.title,
      excerpt,
      path: `${publicUrl}${path}`,
    });
    out.push({ ...message, body: `${message.body}\n\n${block}` });
  }
  return { messages: out, articles };
}

async function readable(tx: Store, slug: string, locale: Locale, audiences: ArticleAudience[]) {
  for (const lang of [locale, ...LOCALES.filter((l) => l !== locale)]) {
    const row = await tx.kb.get(slug, lang);
    if (row && row.status === 'published' && audiences.includes(row.audience)) return row;
  }
  return null;
}

/** The first paragraphs of a text, cut at a word and marked when cut. */
function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
