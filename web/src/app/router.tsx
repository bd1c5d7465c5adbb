import { lazy, Suspense } from 'react';
import { Route, Switch, useLocation } from 'wouter';
import { ErrorBoundary } from '../components/error-boundary.js';
import { Loading } from '../components/status.js';
import { Layout } from './layout.js';

// Every page is its own chunk: the first load carries only React, the router, the query cache and the shell.
const SearchRoute = lazy(() => import('./routes/search.js'));
const EventRoute = lazy(() => import('./routes/event.js'));
const FieldsRoute = lazy(() => import('./routes/fields.js'));
const FieldRoute = lazy(() => import('./routes/field.js'));
const AssociationsRoute = lazy(() => import('./routes/associations.js'));
const AssociationRoute = lazy(() => import('./routes/association.js'));
const AdminRoute = lazy(() => import('./routes/admin.js'));
const EmbedBuilderRoute = lazy(() => import('./routes/embed-builder.js'));
const SavedRoute = lazy(() => import('./routes/saved.js'));
const SuggestSourceRoute = lazy(() => import('./routes/suggest-source.js'));
const NotFoundRoute = lazy(() => import('./routes/not-found.js'));

/** The app's pages by path, each loaded on first visit. */
export function AppRouter() {
  const [location] = useLocation();
  return (
    <Layout>
      <ErrorBoundary resetKey={location}>
        <Suspense fallback={<Loading />}>
          <Switch>
            <Route path="/" component={SearchRoute} />
            <Route path="/events/:id" component={EventRoute} />
            <Route path="/fields" component={FieldsRoute} />
            <Route path="/fields/:cluster/:pathway?" component={FieldRoute} />
            <Route path="/associations" component={AssociationsRoute} />
            <Route path="/associations/:id" component={AssociationRoute} />
            <Route path="/saved" component={SavedRoute} />
            <Route path="/admin" component={AdminRoute} />
            <Route path="/embed-builder" component={EmbedBuilderRoute} />
            <Route path="/suggest-source" component={SuggestSourceRoute} />
            <Route component={NotFoundRoute} />
          </Switch>
        </Suspense>
      </ErrorBoundary>
    </Layout>
  );
}
