import { useOnline } from '../hooks/use-online.js';
import './status.css';

/** What every page says while the browser is offline; it goes away by itself when the connection is back. */
export const OFFLINE_TEXT = 'You’re offline — results will refresh when you’re back.';

/** A polite banner while offline, nothing otherwise. */
export function OfflineNotice() {
  const online = useOnline();
  if (online) return null;
  return (
    <div className="offline-notice">
      <p className="status status--offline" role="status">
        {OFFLINE_TEXT}
      </p>
    </div>
  );
}
