import { type EmbedSettings, embedAttributes, iframeHeight, iframeSrc } from '../embed-snippets.js';
import { useWidgetScript } from '../hooks/use-widget-script.js';

type FieldguideEventsAttributes = Partial<Record<'field' | 'near' | 'radius' | 'type' | 'limit' | 'theme', string>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** The embeddable widget's custom element, defined by `/embed.js`. */
      'fieldguide-events': import('react').DetailedHTMLProps<import('react').HTMLAttributes<HTMLElement>, HTMLElement> &
        FieldguideEventsAttributes;
    }
  }
}

export interface PreviewProps {
  origin: string;
  settings: EmbedSettings;
}

/** The real widget, loaded from the server's `/embed.js`, with the chosen settings. */
export function WidgetPreview({ origin, settings }: PreviewProps) {
  const status = useWidgetScript(origin);
  if (status === 'failed') {
    return (
      <p className="status status--error" role="alert">
        The widget could not be loaded from {origin}/embed.js. The server may not have it built yet.
      </p>
    );
  }
  return <fieldguide-events className="embed-builder__widget" {...Object.fromEntries(embedAttributes(settings))} />;
}

/** The server-rendered page the iframe snippet shows, at the snippet's height. */
export function IframePreview({ origin, settings }: PreviewProps) {
  return (
    <iframe
      className="embed-builder__iframe"
      src={iframeSrc(origin, settings)}
      title="Preview of the iframe embed"
      width="100%"
      height={iframeHeight(settings.limit)}
      sandbox="allow-popups allow-popups-to-escape-sandbox"
    />
  );
}
