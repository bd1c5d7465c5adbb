import { CopyStatus, copyText, useCopyState } from './copy-button.js';

/** What is shared: the page's link, with a title and a line of text for apps that show them. */
export interface ShareData {
  title: string;
  text?: string;
  url: string;
}

/** The link of one of this app's pages at the origin the viewer reached it on. */
export const pageLink = (path: string): string => new URL(path, window.location.origin).href;

const canWebShare = (data: ShareData): boolean =>
  typeof navigator.share === 'function' && (typeof navigator.canShare !== 'function' || navigator.canShare(data));

/** Closing the share sheet is the viewer's choice, not a failure. */
const isDismissal = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * "Share": the system share sheet where the browser offers the Web Share API (phones, some desktops), else
 * "Copy link", which puts the page's link on the clipboard (also when the share sheet cannot open). `what`
 * completes the accessible name: "Share this event", "Copy link to this event".
 */
export function ShareButton({
  data,
  what,
  className = 'button',
}: {
  data: ShareData;
  what: string;
  className?: string;
}) {
  const [state, setState] = useCopyState();
  const webShare = canWebShare(data);
  const copy = async () => setState((await copyText(data.url)) ? 'copied' : 'failed');
  return (
    <button
      type="button"
      className={className}
      data-copy-text={data.url}
      onClick={async () => {
        if (!webShare) return copy();
        try {
          await navigator.share(data);
        } catch (error) {
          if (!isDismissal(error)) await copy();
        }
      }}
    >
      {webShare ? 'Share' : 'Copy link'}
      <span className="visually-hidden">{webShare ? ` ${what}` : ` to ${what}`}</span>
      <CopyStatus state={state} />
    </button>
  );
}
