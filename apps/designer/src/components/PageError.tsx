import { Link, useRouteError } from 'react-router-dom';
import { useT } from '../i18n/use-t';

/**
 * What a page that threw while rendering shows inside the app's frame, in the reader's language,
 * instead of the router's developer screen: the header stays, and with it the way elsewhere.
 */
export function PageError() {
  const t = useT();
  const error = useRouteError();
  const detail = error instanceof Error ? error.message : null;
  return (
    <section className="page narrow">
      <div className="banner banner-error" role="alert">
        <p>{t('common.pageFailed')}</p>
        <p>{t('common.pageFailedHint')}</p>
        {detail && <small className="muted">{detail}</small>}
      </div>
      <p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('common.reload')}
        </button>{' '}
        <Link to="/">{t('common.toStart')}</Link>
      </p>
    </section>
  );
}
