import { isFrameResizeMessage } from '@fieldguide/shared';
import { useEffect, useRef, useState } from 'react';
import { type EmbedSettings, embedAttributes, IFRAME_SANDBOX, iframeHeight, iframeSrc } from '../embed-snippets.js';
import { useWidgetScript } from '../hooks/use-widget-script.js';

type FieldguideEventsAttributes = Partial<
  Record<'field' | 'q' | 'near' | 'radius' | 'type' | 'format' | 'hiring' | 'limit' | 'theme', string>
>;

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

/** The height the frame at `ref` reports with the shared frame protocol, from `origin` only; undefined until then. */
function useReportedHeight(ref: React.RefObject<HTMLIFrameElement | null>, origin: string): number | undefined {
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    const expected = origin || window.location.origin;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== expected || event.source !== ref.current?.contentWindow) return;
      if (isFrameResizeMessage(event.data)) setHeight(event.data.height);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [ref, origin]);
  return height;
}

/** The server-rendered page the iframe snippet shows, sized to its content as the snippet's script sizes it. */
export function IframePreview({ origin, settings }: PreviewProps) {
  const ref = useRef<HTMLIFrameElement>(null);
  const reported = useReportedHeight(ref, origin);
  return (
    <iframe
      ref={ref}
      className="embed-builder__iframe"
      src={iframeSrc(origin, settings)}
      title="Preview of the iframe embed"
      width="100%"
      height={reported ?? iframeHeight(settings.limit)}
      sandbox={IFRAME_SANDBOX}
    />
  );
}
