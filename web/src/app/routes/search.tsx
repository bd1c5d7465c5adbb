import { SearchPage } from '../../features/search/components/search-page.js';
import { EmailAlertForm } from '../../features/subscribe/components/email-alert-form.js';
import { SubscribePanel } from '../../features/subscribe/components/subscribe-panel.js';
import type { QueryValue } from '../../lib/api-client.js';
import { hasFixedDates, rollingWindow, searchFeedTarget } from '../../lib/feed-urls.js';

const dateText = (value: QueryValue) => (typeof value === 'string' ? value : undefined);

/** "from 2026-12-06 to 2027-03-06", "from 2026-12-06", "to 2027-03-06". */
function fixedLabel(params: Record<string, QueryValue>): string {
  const from = dateText(params.from);
  const to = dateText(params.to);
  return [from && `from ${from}`, to && `to ${to}`].filter(Boolean).join(' ');
}

function SearchSubscribe({ params }: { params: Record<string, QueryValue> }) {
  const within = rollingWindow(params);
  const target = searchFeedTarget(params);
  return (
    <>
      {target.kind === 'search' && <EmailAlertForm search={target.queryString} />}
      <SubscribePanel
        target={target}
        subject="this search"
        showHeading={false}
        windowLabel={within ? `events in the next ${within.replace(/d$/, ' days')}` : 'upcoming events'}
        fixed={
          hasFixedDates(params)
            ? { target: searchFeedTarget(params, { fixedDates: true }), label: fixedLabel(params) }
            : undefined
        }
      />
    </>
  );
}

export default function SearchRoute() {
  return <SearchPage renderSubscribe={(params) => <SearchSubscribe params={params} />} />;
}
