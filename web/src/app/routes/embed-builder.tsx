import { EmbedBuilderPage } from '../../features/embed-builder/components/embed-builder-page.js';

export default function EmbedBuilderRoute() {
  return <EmbedBuilderPage />;
}
