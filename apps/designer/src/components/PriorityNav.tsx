import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router-dom';
import type { NavItem } from '../auth/navigation';
import { useT } from '../i18n/use-t';
import { fitCount } from './fit-count';

/** Below this width the header folds behind its menu button and lists every entry (styles.css). */
const PHONE = '(max-width: 760px)';
/** The gap between entries (`.app-header nav ul`, 0.25rem). */
const GAP = 4;

/**
 * The main navigation on one line: the entries that fit, in order, and the rest behind a
 * "More" menu, so that a role with many pages or a longer language never wraps or pushes the
 * header's controls off-screen. Entries are measured in a hidden copy, again whenever the bar
 * or the labels change size. On a phone every entry is listed in the folded menu instead.
 */
export function PriorityNav({ items }: { items: readonly NavItem[] }) {
  const t = useT();
  const location = useLocation();
  const navRef = useRef<HTMLElement>(null);
  const measureRef = useRef<HTMLUListElement>(null);
  const [shown, setShown] = useState(items.length);
  const [phone, setPhone] = useState(() => window.matchMedia?.(PHONE).matches ?? false);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const query = window.matchMedia?.(PHONE);
    if (!query) return;
    const onChange = () => setPhone(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [location.pathname]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: another list of entries is measured anew
  useLayoutEffect(() => {
    const nav = navRef.current;
    const measure = measureRef.current;
    if (!nav || !measure || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const boxes = [...measure.children].map((li) => li.getBoundingClientRect().width);
      const more = boxes.pop() ?? 0;
      setShown(fitCount(boxes, GAP, nav.clientWidth, more));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(nav);
    observer.observe(measure);
    return () => observer.disconnect();
  }, [items]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const visible = phone ? items : items.slice(0, shown);
  const hidden = phone ? [] : items.slice(shown);
  const hiddenActive = hidden.some((item) => location.pathname.startsWith(item.to));
  return (
    <nav aria-label={t('nav.main')} ref={navRef} className="priority-nav">
      <ul>
        {visible.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to}>{t(item.labelId)}</NavLink>
          </li>
        ))}
        {hidden.length > 0 && (
          <li className="nav-more">
            <button
              type="button"
              className={`nav-more-button${hiddenActive ? ' active' : ''}`}
              aria-expanded={open}
              aria-controls="nav-more-menu"
              onClick={() => setOpen((o) => !o)}
            >
              {t('nav.more')} <span aria-hidden="true">▾</span>
            </button>
            {open && (
              <ul id="nav-more-menu" className="nav-more-menu">
                {hidden.map((item) => (
                  <li key={item.to}>
                    {/* Closed on the click itself: the page change closes it only after the URL has moved. */}
                    <NavLink to={item.to} onClick={() => setOpen(false)}>
                      {t(item.labelId)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            )}
          </li>
        )}
      </ul>
      <ul className="nav-measure" ref={measureRef} aria-hidden="true">
        {items.map((item) => (
          <li key={item.to}>
            <span className="nav-measure-entry">{t(item.labelId)}</span>
          </li>
        ))}
        <li>
          <span className="nav-more-button">
            {t('nav.more')} <span>▾</span>
          </span>
        </li>
      </ul>
    </nav>
  );
}
