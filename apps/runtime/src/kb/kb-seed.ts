import type { Runtime } from '../executor/types';
import { saveArticle } from './article-commands';
import { DEMO_ARTICLES, DEMO_RELATED } from './demo-articles';
import { KB_EDITORS_GROUP } from './kb-access';

/**
 * Demo data of the knowledge base: the kb-editors group with Nora in it (a designated agent
 * editor), and the demo help centre published by Olivia. Called by the demo seed.
 */
export async function seedKnowledgeBase(runtime: Runtime): Promise<number> {
  const { store, clock } = runtime;
  const now = clock.now();
  if (!(await store.groups.get(KB_EDITORS_GROUP))) {
    await store.groups.create({
      name: KB_EDITORS_GROUP,
      description: 'Agents who write knowledge-base articles',
      createdAt: now,
    });
  }
  const nora = await store.users.get('nora');
  if (nora && !nora.groups.includes(KB_EDITORS_GROUP)) {
    await store.users.update('nora', { groups: [...nora.groups, KB_EDITORS_GROUP] });
  }
  for (const { slug, catalogItems, ...body } of DEMO_ARTICLES) {
    await saveArticle(store, clock, {
      slug,
      body: { ...body, status: 'published', catalogItems: catalogItems ?? DEMO_RELATED[slug] ?? [] },
      actor: 'olivia',
    });
  }
  return DEMO_ARTICLES.length;
}
