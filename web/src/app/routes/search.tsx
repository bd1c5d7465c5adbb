import { SearchPage } from '../../features/search/components/search-page.js';
import { SubscribePanel } from '../../features/subscribe/components/subscribe-panel.js';

export default function SearchRoute() {
  return (
    <SearchPage
      renderSubscribe={(params) => (
        <SubscribePanel target={{ kind: 'search', params }} subject="this search" showHeading={false} />
      )}
    />
  );
}
