import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { BaseLocationHook } from 'wouter';
import { Router } from 'wouter';
import { createQueryClient } from '../lib/query-client.js';

export interface AppProviderProps {
  children: ReactNode;
  /** A query cache to use (tests); a new one by default. */
  queryClient?: QueryClient;
  /** A location hook to route with (tests use wouter's memory location); the browser's by default. */
  locationHook?: BaseLocationHook;
  /** The search hook that goes with `locationHook`. */
  searchHook?: () => string;
}

/** The app's providers: the query cache and the router. */
export function AppProvider({ children, queryClient, locationHook, searchHook }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      {locationHook ? (
        <Router hook={locationHook} searchHook={searchHook}>
          {children}
        </Router>
      ) : (
        children
      )}
    </QueryClientProvider>
  );
}
