import { useMemo, useRef, useState } from 'react';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.js';
import { DEFAULT_RADIUS, viewerDistanceUnit, viewerTimeZone } from '../../../lib/viewer.js';
import {
  DEFAULT_EMBED_SETTINGS,
  type EmbedSettings,
  embedOrigin,
  iframeSnippet,
  scriptSnippet,
} from '../embed-snippets.js';
import { usePlaceCheck } from '../hooks/use-place-check.js';
import { EmbedForm } from './embed-form.js';
import { SnippetBox } from './snippet-box.js';
import { IframePreview, WidgetPreview } from './widget-preview.js';
import './embed-builder.css';

/** Waiting this long after the last keystroke before the previews load again, in milliseconds. */
const PREVIEW_DELAY_MS = 400;

/** `/embed-builder`: choose what to show, see both embeds live, copy the `<script>` or `<iframe>` snippet. */
export function EmbedBuilderPage() {
  const unit = useMemo(() => viewerDistanceUnit(), []);
  const zone = useMemo(() => viewerTimeZone(), []);
  const [settings, setSettings] = useState<EmbedSettings>(() => ({
    ...DEFAULT_EMBED_SETTINGS,
    radius: DEFAULT_RADIUS[unit],
    tz: zone ?? '',
  }));
  const origin = embedOrigin();
  const update = (patch: Partial<EmbedSettings>) => setSettings((prev) => ({ ...prev, ...patch }));
  const placeCheck = usePlaceCheck(settings.near);
  const checkedNear = placeCheck.status === 'ok' ? placeCheck.near : undefined;
  // A snippet is offered only with a place the server resolves (or none): never one that would fail on a site.
  const snippet = useMemo<EmbedSettings | undefined>(() => {
    if (settings.near.trim() === '') return settings;
    return checkedNear === undefined ? undefined : { ...settings, near: checkedNear };
  }, [settings, checkedNear]);
  // The previews keep the last settings that made a snippet while a place is checked or wrong.
  const lastGood = useRef(settings);
  if (snippet) lastGood.current = snippet;
  const preview = useDebouncedValue(snippet ?? lastGood.current, PREVIEW_DELAY_MS);
  const withheld =
    placeCheck.status === 'checking'
      ? 'Checking the place…'
      : placeCheck.status === 'failed'
        ? 'No snippet yet: the place could not be checked.'
        : 'No snippet yet: the place above is not one we know. Pick one from the list, or leave it empty.';
  return (
    <div className="embed-builder">
      <title>Embed builder · Fieldguide</title>
      <h1>Show a field’s events on your site</h1>
      <p className="lead">
        Career centers: pick what to show, check the preview, and paste one snippet into your page. The list stays up to
        date by itself.
      </p>
      <div className="embed-builder__layout">
        <EmbedForm settings={settings} placeCheck={placeCheck} onChange={update} unit={unit} viewerTimeZone={zone} />
        <div>
          <h2>Preview</h2>
          <div className="embed-builder__previews">
            <section aria-label="Script widget preview">
              <h3>Script widget</h3>
              <WidgetPreview origin={origin} settings={preview} />
            </section>
            <section aria-label="Iframe preview">
              <h3>Iframe</h3>
              <IframePreview origin={origin} settings={preview} />
            </section>
          </div>
          <SnippetBox
            title="Script tag (recommended)"
            what="the script tag"
            code={snippet && scriptSnippet(origin, snippet)}
            withheld={withheld}
          >
            <p className="hint">
              Paste it where the list should appear. It follows your page’s width, sets no cookies, and can be themed
              with CSS custom properties such as <code>--fg-accent</code>, <code>--fg-font</code>, <code>--fg-bg</code>,{' '}
              <code>--fg-text</code> and <code>--fg-border</code>. Several can share a page; the{' '}
              <code>&lt;fieldguide-events field="…"&gt;</code> element works too once the script is on the page.
            </p>
          </SnippetBox>
          <SnippetBox
            title="Iframe (works without JavaScript)"
            what="the iframe"
            code={snippet && iframeSnippet(origin, snippet)}
            withheld={withheld}
          >
            <p className="hint">
              Works where the page cannot run our script widget. The script after it sizes the frame to its content;
              leave it out and the frame keeps a fixed height for the number of events, and narrow columns scroll inside
              it.
            </p>
          </SnippetBox>
        </div>
      </div>
    </div>
  );
}
