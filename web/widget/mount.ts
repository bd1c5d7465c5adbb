import { EventsLoadError, fetchEvents } from './api.js';
import { warn } from './log.js';
import type { WidgetOptions } from './options.js';
import { renderEvents, renderStatus } from './render.js';
import { WIDGET_CSS } from './styles.js';

/** A rendered widget: `load` (re)fetches and redraws with new options, cancelling a load still running. */
export interface Widget {
  load(options: WidgetOptions): void;
}

let sheet: CSSStyleSheet | undefined;

/** Constructed style sheets are not subject to the host page's CSP `style-src`; a `<style>` is the fallback. */
function addStyles(root: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(WIDGET_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;
    root.append(style);
  }
}

/** The Fieldguide search page for the same parameters, for the "more events" link. */
function moreHref(origin: string, options: WidgetOptions): string {
  const params = new URLSearchParams(options.params.filter(([name]) => name !== 'limit'));
  const query = params.toString();
  return `${origin}/${query ? `?${query}` : ''}`;
}

/** Gives `host` an open shadow root (its own, or a new one) and returns a widget that renders into it. */
export function mountWidget(host: HTMLElement, origin: string, where: string): Widget {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  addStyles(root);
  let running: AbortController | undefined;
  return {
    load(options) {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      renderStatus(root, options.theme, 'Loading events…', true);
      fetchEvents(origin, options.params, controller.signal).then(
        (events) => {
          if (!controller.signal.aborted) renderEvents(root, options.theme, events, origin, moreHref(origin, options));
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof EventsLoadError) warn(`${where}: ${error.message}`, error.hint);
          else warn(`${where}: the events could not be shown.`, 'please report this to Fieldguide.', error);
          renderStatus(root, options.theme, 'Events could not be loaded.');
        },
      );
    },
  };
}
