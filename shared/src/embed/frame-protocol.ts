/**
 * The messages Fieldguide's iframe page (`/embed/events`) sends to the page that frames it. The frame posts to any
 * parent (`targetOrigin` `*`: a height is no secret); a parent acts on a message only when it passes
 * {@link isFrameResizeMessage}, its `origin` is the Fieldguide server's, and its `source` is one of its own frames.
 */

/** Every message carries this namespace, so other scripts' messages on the same page are never mistaken for ours. */
export const FRAME_MESSAGE_NAMESPACE = 'fieldguide:embed';
/** Bumped when a message's shape changes incompatibly. */
export const FRAME_PROTOCOL_VERSION = 1;
/** Largest height a parent applies, in CSS pixels (a 50-event list is about 6 000 px). */
export const MAX_FRAME_HEIGHT_PX = 10_000;

/** "My content is this tall": sent on load and whenever the page's height changes. */
export interface FrameResizeMessage {
  namespace: typeof FRAME_MESSAGE_NAMESPACE;
  version: typeof FRAME_PROTOCOL_VERSION;
  type: 'resize';
  /** The content's height, in CSS pixels. */
  height: number;
}

/** The resize message for a content height (rounded up to a whole pixel). */
export function frameResizeMessage(height: number): FrameResizeMessage {
  return {
    namespace: FRAME_MESSAGE_NAMESPACE,
    version: FRAME_PROTOCOL_VERSION,
    type: 'resize',
    height: Math.ceil(height),
  };
}

/** True when `data` is a well-formed {@link FrameResizeMessage} with a height within 0–{@link MAX_FRAME_HEIGHT_PX}. */
export function isFrameResizeMessage(data: unknown): data is FrameResizeMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<FrameResizeMessage>;
  return (
    m.namespace === FRAME_MESSAGE_NAMESPACE &&
    m.version === FRAME_PROTOCOL_VERSION &&
    m.type === 'resize' &&
    typeof m.height === 'number' &&
    Number.isFinite(m.height) &&
    m.height >= 0 &&
    m.height <= MAX_FRAME_HEIGHT_PX
  );
}

/**
 * The script the iframe page runs (inline, allowed by its hash in the page's CSP): it reports the body's height to
 * the parent on load and on every change. Built from {@link frameResizeMessage} so both sides share one shape.
 */
export const FRAME_RESIZE_SCRIPT = `(()=>{if(parent===window||typeof ResizeObserver!=='function')return;let last=-1;const send=()=>{const h=Math.ceil(document.body.getBoundingClientRect().height);if(h!==last){last=h;parent.postMessage(Object.assign(${JSON.stringify(frameResizeMessage(0))},{height:h}),'*')}};new ResizeObserver(send).observe(document.body);send()})()`;
