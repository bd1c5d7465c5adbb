import { resizeFramesFrom } from './frame-resizer.js';
import { warn } from './log.js';
import { mountWidget, type Widget } from './mount.js';
import { OPTION_NAMES, readOptions } from './options.js';

/** The one global the widget adds, for pages that render widgets from their own scripts. */
export interface FieldguideEmbedApi {
  /**
   * Renders a list of events into `target` (an element or a CSS selector), with options named like the
   * `<fieldguide-events>` attributes: `{ field: 'health-science', near: 'Minneapolis, MN', limit: '5' }`.
   * Returns false (and says why on the console) when `target` is not found.
   */
  render(target: Element | string, options: Record<string, string>): boolean;
}

declare global {
  interface Window {
    FieldguideEmbed?: FieldguideEmbedApi;
  }
}

const ELEMENT = 'fieldguide-events';
/** Paths the widget is served at: the stable `/embed.js` and the versioned `/embed/<hash>.js`. */
const SCRIPT_PATH = /\/embed(\.js|\/[\w-]+\.js)$/;

/** The origin that served this script: the API lives there. */
function findOrigin(script: HTMLScriptElement | null): string | undefined {
  const candidates = script ? [script] : [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  for (const candidate of candidates) {
    try {
      const url = new URL(candidate.src);
      if (script || SCRIPT_PATH.test(url.pathname)) return url.origin;
    } catch {
      // not a URL: keep looking
    }
  }
  return undefined;
}

/** A fresh shadow host appended to `parent` or inserted after `anchor`. */
function createHost(place: (host: HTMLElement) => void): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-fieldguide-embed', '');
  place(host);
  return host;
}

function defineElement(origin: string): void {
  if (customElements.get(ELEMENT)) return;
  class FieldguideEvents extends HTMLElement {
    static observedAttributes = [...OPTION_NAMES];
    #widget: Widget | undefined;
    #queued = false;

    connectedCallback() {
      this.#schedule();
    }

    attributeChangedCallback() {
      if (this.#widget) this.#schedule();
    }

    // Frameworks set attributes one at a time: load once after the last of them.
    #schedule() {
      if (this.#queued) return;
      this.#queued = true;
      queueMicrotask(() => {
        this.#queued = false;
        if (!this.isConnected) return;
        try {
          const where = `<${ELEMENT} field="${this.getAttribute('field') ?? ''}">`;
          this.#widget ??= mountWidget(this, origin, where);
          this.#widget.load(readOptions((name) => this.getAttribute(name), where));
        } catch (error) {
          warn('a <fieldguide-events> element could not be rendered.', 'please report this to Fieldguide.', error);
        }
      });
    }
  }
  customElements.define(ELEMENT, FieldguideEvents);
}

function renderInto(origin: string, target: Element | string, read: (name: string) => string | null, where: string) {
  const parent = typeof target === 'string' ? document.querySelector(target) : target;
  if (!parent) {
    warn(`${where}: no element matches ${JSON.stringify(target)}.`, 'give data-target a selector such as "#events".');
    return false;
  }
  mountWidget(
    createHost((host) => parent.append(host)),
    origin,
    where,
  ).load(readOptions(read, where));
  return true;
}

/** Renders the list a `<script data-field=…>` tag asks for: into `data-target`, or right after the tag. */
function renderFromScript(script: HTMLScriptElement, origin: string): void {
  const read = (name: string) => script.getAttribute(`data-${name}`);
  const where = `<script data-field="${read('field') ?? ''}">`;
  const target = read('target');
  if (target === null && !document.body?.contains(script)) {
    warn(`${where} is outside <body>, where a list cannot show.`, 'move it into <body>, or add data-target="#id".');
  } else if (target === null) {
    mountWidget(
      createHost((host) => script.after(host)),
      origin,
      where,
    ).load(readOptions(read, where));
  } else if (document.readyState === 'loading') {
    // An async script may run before the element it targets is parsed.
    document.addEventListener('DOMContentLoaded', () => renderInto(origin, target, read, where), { once: true });
  } else {
    renderInto(origin, target, read, where);
  }
}

function start(): void {
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const origin = findOrigin(script);
  if (!origin) {
    warn('could not tell which server this script came from.', 'load it with <script src="https://…/embed.js">.');
    return;
  }
  defineElement(origin);
  resizeFramesFrom(origin);
  window.FieldguideEmbed ??= {
    render: (target, options) => {
      try {
        return renderInto(origin, target, (name) => options[name] ?? null, 'FieldguideEmbed.render');
      } catch (error) {
        warn('FieldguideEmbed.render failed.', 'pass an element or a selector and an object of strings.', error);
        return false;
      }
    },
  };
  // A bare <script src=".../embed.js"> only defines <fieldguide-events>; data-* attributes ask for a list here.
  if (script && [...OPTION_NAMES, 'target'].some((name) => script.hasAttribute(`data-${name}`))) {
    renderFromScript(script, origin);
  }
}

try {
  start();
} catch (error) {
  warn('the widget could not start.', 'please report this to Fieldguide.', error);
}
