import { SavedEventsPage } from '../../features/events/components/saved-events-page.js';

export default function SavedRoute() {
  return <SavedEventsPage />;
}
