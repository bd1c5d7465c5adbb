import { QueryClient } from '@tanstack/react-query';
import { type RenderResult, render } from '@testing-library/react';
import { memoryLocation } from 'wouter/memory-location';
import { App } from '../app/app.js';

export interface RenderedApp extends RenderResult {
  location: ReturnType<typeof memoryLocation>;
  queryClient: QueryClient;
}

/** Renders the whole app at `path` with an in-memory location and a cache that never retries. */
export function renderApp(path: string): RenderedApp {
  const location = memoryLocation({ path, record: true });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
  const view = render(<App queryClient={queryClient} locationHook={location.hook} searchHook={location.searchHook} />);
  return { ...view, location, queryClient };
}

/** The current path and query of a memory location's last history entry. */
export const currentUrl = (location: ReturnType<typeof memoryLocation>) => location.history?.at(-1) ?? '';
