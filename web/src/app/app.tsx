import { AppProvider, type AppProviderProps } from './provider.js';
import { AppRouter } from './router.js';

/** The whole app: providers around the router. */
export function App(props: Omit<AppProviderProps, 'children'>) {
  return (
    <AppProvider {...props}>
      <AppRouter />
    </AppProvider>
  );
}
