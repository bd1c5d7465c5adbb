import { SearchPage } from '../../features/search/components/search-page.js';
import { SubscribePanel } from '../../features/subscribe/components/subscribe-panel.js';
import { searchFeedTarget } from '../../lib/feed-urls.js';

export default function SearchRoute() {
  return (
    <SearchPage
      renderSubscribe={(params) => (
        <SubscribePanel target={searchFeedTarget(params)} subject="this search" showHeading={false} />
      )}
    />
  );
}
