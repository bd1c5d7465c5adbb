import { isFrameResizeMessage, MAX_FRAME_HEIGHT_PX } from '@fieldguide/shared';

let listening = false;

/**
 * Sizes the page's Fieldguide iframes (`/embed/events`) to their content: a frame reports its height with the
 * shared frame protocol, and only a message from `origin` (the server this script came from) whose source is one
 * of this page's frames is acted on. Pages without this script keep the frame's own fixed height.
 */
export function resizeFramesFrom(origin: string): void {
  if (listening) return;
  listening = true;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || !isFrameResizeMessage(event.data)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      frame.style.height = `${Math.min(event.data.height, MAX_FRAME_HEIGHT_PX)}px`;
    }
  });
}
