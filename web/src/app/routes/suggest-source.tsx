import { SuggestSourcePage } from '../../features/suggest-source/components/suggest-source-page.js';

export default function SuggestSourceRoute() {
  return <SuggestSourcePage />;
}
