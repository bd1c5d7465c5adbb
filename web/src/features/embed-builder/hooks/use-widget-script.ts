import { useEffect, useState } from 'react';

export type WidgetScriptStatus = 'loading' | 'ready' | 'failed';

const loads = new Map<string, Promise<void>>();

/** Adds `<script src="<origin>/embed.js">` to the page once, as a career center's page would. */
function loadWidgetScript(origin: string): Promise<void> {
  if (customElements.get('fieldguide-events')) return Promise.resolve();
  let load = loads.get(origin);
  if (!load) {
    load = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${origin}/embed.js`;
      script.async = true;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`could not load ${script.src}`)));
      document.head.append(script);
    }).then(() => customElements.whenDefined('fieldguide-events').then(() => undefined));
    load.catch(() => loads.delete(origin));
    loads.set(origin, load);
  }
  return load;
}

/** Loads the real widget from the server, for a live preview; says whether `<fieldguide-events>` works yet. */
export function useWidgetScript(origin: string): WidgetScriptStatus {
  const [status, setStatus] = useState<WidgetScriptStatus>(() =>
    customElements.get('fieldguide-events') ? 'ready' : 'loading',
  );
  useEffect(() => {
    let live = true;
    loadWidgetScript(origin).then(
      () => live && setStatus('ready'),
      () => live && setStatus('failed'),
    );
    return () => {
      live = false;
    };
  }, [origin]);
  return status;
}
