import type { Role } from '@caseflow/schema';
import { lazy, type ReactNode, Suspense } from 'react';
import {
  createBrowserRouter,
  createRoutesFromElements,
  Navigate,
  Outlet,
  Route,
  RouterProvider,
  useLocation,
} from 'react-router-dom';
import { syncLocaleWithProfile } from './auth/locale-sync';
import { homeFor } from './auth/navigation';
import { hasRole, useSession } from './auth/session';
import { Layout } from './components/Layout';
import { PageError } from './components/PageError';
import { Loading } from './components/Status';
import { useT } from './i18n/use-t';
import { ArticleEditorPage } from './kb/ArticleEditorPage';
import { ArticlePage } from './kb/ArticlePage';
import { HelpCenterPage } from './kb/HelpCenterPage';
import { HelpShell } from './kb/HelpShell';
import { KnowledgeBasePage } from './kb/KnowledgeBasePage';
import { AccountPage } from './pages/AccountPage';
import { AdminPage } from './pages/AdminPage';
import { AnalyticsPage } from './pages/AnalyticsPage';
import { CasePage } from './pages/CasePage';
import { CatalogEditorPage } from './pages/CatalogEditorPage';
import { CatalogPage } from './pages/CatalogPage';
import { CustomerPage } from './pages/CustomerPage';
import { FlowsPage } from './pages/FlowsPage';
import { GroupsPage } from './pages/GroupsPage';
import { IncidentsPage } from './pages/IncidentsPage';
import { LoginPage } from './pages/LoginPage';
import { OutboxPage } from './pages/OutboxPage';
import { RequestFormPage } from './pages/RequestFormPage';
import { RequestsPage } from './pages/RequestsPage';
import { SurveyPage } from './pages/SurveyPage';
import { WorkPage } from './pages/WorkPage';
import { SupervisorPage } from './supervisor/SupervisorPage';

// The editor pulls in monaco and the engine: load it only when an owner opens it.
const FlowEditorPage = lazy(() => import('./editor/FlowEditorPage'));
const VersionsPage = lazy(() => import('./versions/VersionsPage'));
const MigrationPage = lazy(() => import('./versions/MigrationPage'));

/** Renders children only for a signed-in user holding one of `roles`; otherwise login or a 403 note. */
function Guard({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const user = useSession((s) => s.user);
  const location = useLocation();
  const t = useT();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (roles && !hasRole(user, ...roles)) {
    return (
      <section className="page">
        <h1>{t('guard.title')}</h1>
        <p className="muted">{t('guard.body')}</p>
      </section>
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const t = useT();
  return (
    <section className="page">
      <h1>{t('app.notFound')}</h1>
    </section>
  );
}

function Home() {
  const user = useSession((s) => s.user);
  return <Navigate to={user ? homeFor(user.roles) : '/login'} replace />;
}

/** Suspense for lazily loaded pages (editor, versions), under the router so they can use its hooks. */
function Root() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

// A data router: the editor's unsaved-changes guard needs useBlocker, which only data routers offer.
const router = createBrowserRouter(
  createRoutesFromElements(
    <Route element={<Root />} errorElement={<PageError />}>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<HelpShell />}>
        <Route path="/help" element={<HelpCenterPage />} />
        <Route path="/help/:slug" element={<ArticlePage />} />
        <Route path="/survey/:token" element={<SurveyPage />} />
      </Route>
      <Route
        element={
          <Guard>
            <Layout />
          </Guard>
        }
      >
        {/* A page that throws shows PageError inside the frame; the header stays. */}
        <Route errorElement={<PageError />}>
          <Route index element={<Home />} />
          <Route
            path="/flows"
            element={
              <Guard roles={['owner']}>
                <FlowsPage />
              </Guard>
            }
          />
          <Route
            path="/flows/:key"
            element={
              <Guard roles={['owner']}>
                <FlowEditorPage />
              </Guard>
            }
          />
          <Route
            path="/flows/:key/versions"
            element={
              <Guard roles={['owner']}>
                <VersionsPage />
              </Guard>
            }
          />
          <Route
            path="/flows/:key/migrate"
            element={
              <Guard roles={['admin']}>
                <MigrationPage />
              </Guard>
            }
          />
          <Route path="/catalog" element={<CatalogPage />} />
          <Route path="/catalog/:key" element={<RequestFormPage />} />
          <Route
            path="/catalog/new"
            element={
              <Guard roles={['owner']}>
                <CatalogEditorPage />
              </Guard>
            }
          />
          <Route
            path="/catalog/:key/edit"
            element={
              <Guard roles={['owner']}>
                <CatalogEditorPage />
              </Guard>
            }
          />
          <Route path="/requests" element={<RequestsPage />} />
          <Route path="/account" element={<AccountPage />} />
          <Route
            path="/work"
            element={
              <Guard roles={['agent']}>
                <WorkPage />
              </Guard>
            }
          />
          <Route
            path="/supervisor"
            element={
              <Guard roles={['agent']}>
                <SupervisorPage />
              </Guard>
            }
          />
          <Route path="/cases/:id" element={<CasePage />} />
          <Route
            path="/customers/:id"
            element={
              <Guard roles={['agent']}>
                <CustomerPage />
              </Guard>
            }
          />
          <Route
            path="/admin"
            element={
              <Guard roles={['admin']}>
                <AdminPage />
              </Guard>
            }
          />
          <Route
            path="/outbox"
            element={
              <Guard roles={['admin']}>
                <OutboxPage />
              </Guard>
            }
          />
          <Route
            path="/groups"
            element={
              <Guard roles={['admin']}>
                <GroupsPage />
              </Guard>
            }
          />
          <Route
            path="/analytics"
            element={
              <Guard roles={['owner']}>
                <AnalyticsPage />
              </Guard>
            }
          />
          <Route
            path="/incidents"
            element={
              <Guard roles={['owner']}>
                <IncidentsPage />
              </Guard>
            }
          />
          <Route
            path="/kb"
            element={
              <Guard roles={['agent']}>
                <KnowledgeBasePage />
              </Guard>
            }
          />
          <Route
            path="/kb/new"
            element={
              <Guard roles={['agent']}>
                <ArticleEditorPage />
              </Guard>
            }
          />
          <Route
            path="/kb/:slug/edit"
            element={
              <Guard roles={['agent']}>
                <ArticleEditorPage />
              </Guard>
            }
          />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Route>,
  ),
);

// The screens' language follows the signed-in user's profile, and a new choice is saved to it.
syncLocaleWithProfile();

/** The routes of DESIGN §7, each guarded by the roles that may use it. */
export function App() {
  return <RouterProvider router={router} />;
}
