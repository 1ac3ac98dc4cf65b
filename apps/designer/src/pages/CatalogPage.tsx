import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, hasRole, useSession } from '../auth/session';
import { groupCatalog } from '../catalog/catalog-groups';
import { useCatalogText } from '../catalog/use-catalog-text';
import { ItemIcon } from '../components/ItemIcon';
import { Badge, ErrorBanner, Loading } from '../components/Status';
import { useResource } from '../hooks/useResource';
import { useT } from '../i18n/use-t';

/** The service catalog: search, filter by category, open an item's request form. */
export function CatalogPage() {
  const loaded = useResource(() => api.listCatalog(), []);
  const inLanguage = useCatalogText();
  const shown = useMemo(
    () => loaded.data && { ...loaded.data, items: loaded.data.items.map(inLanguage) },
    [loaded.data, inLanguage],
  );
  const items = { ...loaded, data: shown };
  const owner = hasRole(
    useSession((s) => s.user),
    'owner',
  );
  const t = useT();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const groups = useMemo(
    () => groupCatalog(items.data?.items ?? [], search, owner),
    [items.data, search, owner],
  );
  const categories = useMemo(
    () => [...new Set((items.data?.items ?? []).map((i) => i.category))].sort(),
    [items.data],
  );
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('catalogPage.title')}</h1>
        {owner && (
          <Link className="btn" to="/catalog/new">
            {t('catalogPage.new')}
          </Link>
        )}
        <div className="inline-form">
          <label>
            {t('catalogPage.search')}
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={t('catalogPage.searchHint')}
            />
          </label>
          <label>
            {t('catalogPage.category')}
            <select value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('catalogPage.allCategories')}</option>
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
                  <h3>
                    {item.name}{' '}
                    {item.active === false && <Badge value={t('catalogPage.notOffered')} tone="warning" />}
                  </h3>
                  <p className="muted">{item.description}</p>
                  {item.active !== false && (
                    <Link
                      className="btn btn-primary"
                      to={`/catalog/${item.key}`}
                      aria-label={t('catalogPage.requestItem', { name: item.name })}
                    >
                      {t('catalogPage.request')}
                    </Link>
                  )}
                  {owner && (
                    <Link
                      className="btn"
                      to={`/catalog/${item.key}/edit`}
                      aria-label={t('catalogPage.editItem', { name: item.name })}
                    >
                      {t('common.edit')}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      {items.data && groups.length === 0 && (
        <p className="muted">
          {search.trim() ? t('catalogPage.noMatch', { search }) : t('catalogPage.empty')}
        </p>
      )}
    </section>
  );
}
