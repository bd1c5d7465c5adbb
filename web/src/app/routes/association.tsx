import { useParams } from 'wouter';
import { AssociationDetails } from '../../features/associations/components/association-details.js';
import { SnippetBox } from '../../features/embed-builder/components/snippet-box.js';
import {
  DEFAULT_EMBED_SETTINGS,
  embedOrigin,
  iframeSnippet,
  scriptSnippet,
} from '../../features/embed-builder/embed-snippets.js';
import { SubscribePanel } from '../../features/subscribe/components/subscribe-panel.js';

/** An association's feeds, and the snippets that show its upcoming events on another site. */
function FollowAssociation({ associationId, name }: { associationId: string; name: string }) {
  const settings = { ...DEFAULT_EMBED_SETTINGS, association: associationId };
  const origin = embedOrigin();
  return (
    <>
      <SubscribePanel target={{ kind: 'association', id: associationId }} subject={`${name} events`} />
      <SnippetBox title="Embed its events: script tag" code={scriptSnippet(origin, settings)} what="the script tag">
        <p>Shows this association's upcoming events on your site, in your page's own layout.</p>
      </SnippetBox>
      <SnippetBox title="Embed its events: iframe" code={iframeSnippet(origin, settings)} what="the iframe">
        <p>The same list in a frame, for sites that allow no script.</p>
      </SnippetBox>
    </>
  );
}

export default function AssociationRoute() {
  const { id = '' } = useParams<{ id: string }>();
  return (
    <AssociationDetails
      key={id}
      id={id}
      renderFollow={(associationId, name) => <FollowAssociation associationId={associationId} name={name} />}
    />
  );
}
