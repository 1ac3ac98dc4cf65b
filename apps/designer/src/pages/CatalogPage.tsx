import type { CatalogItem } from '@caseflow/schema';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, hasRole, useSession } from '../auth/session';
import { ItemIcon } from '../components/ItemIcon';
import { ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';

/** Items matching a search text in name, description or category, grouped by category. Pure. */
export function groupCatalog(items: readonly CatalogItem[], search: string): Array<[string, CatalogItem[]]> {
  const q = search.trim().toLowerCase();
  const groups = new Map<string, CatalogItem[]>();
  for (const item of items) {
    if (item.active === false) continue;
    const text = `${item.name} ${item.description} ${item.category}`.toLowerCase();
    if (q && !text.includes(q)) continue;
    const list = groups.get(item.category) ?? [];
    list.push(item);
    groups.set(item.category, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** The service catalog: search, filter by category, open an item's request form. */
export function CatalogPage() {
  const items = useResource(() => api.listCatalog(), []);
  const owner = hasRole(
    useSession((s) => s.user),
    'owner',
  );
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const groups = useMemo(() => groupCatalog(items.data?.items ?? [], search), [items.data, search]);
  const categories = useMemo(
    () => [...new Set((items.data?.items ?? []).map((i) => i.category))].sort(),
    [items.data],
  );
  return (
    <section className="page">
      <header className="page-header">
        <h1>Service catalog</h1>
        {owner && (
          <Link className="btn" to="/catalog/new">
            New catalog item
          </Link>
        )}
        <div className="inline-form">
          <label>
            Search the catalog
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="e.g. password"
            />
          </label>
          <label>
            Category
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <ErrorBanner message={items.error} />
      {items.loading && !items.data && <Loading />}
      {groups
        .filter(([c]) => !category || c === category)
        .map(([cat, list]) => (
          <section key={cat} aria-labelledby={`cat-${cat}`}>
            <h2 id={`cat-${cat}`}>{cat}</h2>
            <ul className="card-grid">
              {list.map((item) => (
                <li key={item.key} className="card catalog-card">
                  <span className="catalog-icon">
                    <ItemIcon name={item.icon} />
                  </span>
                  <h3>{item.name}</h3>
                  <p className="muted">{item.description}</p>
                  <Link
                    className="btn btn-primary"
                    to={`/catalog/${item.key}`}
                    aria-label={`Request ${item.name}`}
                  >
                    Request
                  </Link>
                  {owner && (
                    <Link className="btn" to={`/catalog/${item.key}/edit`} aria-label={`Edit ${item.name}`}>
                      Edit
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      {items.data && groups.length === 0 && (
        <p className="muted">Nothing in the catalog matches “{search}”.</p>
      )}
    </section>
  );
}
