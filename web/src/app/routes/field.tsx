import { useParams } from 'wouter';
import { FieldPage } from '../../features/fields/components/field-page.js';
import { SubscribePanel } from '../../features/subscribe/components/subscribe-panel.js';

export default function FieldRoute() {
  const { cluster = '', pathway } = useParams<{ cluster: string; pathway?: string }>();
  const id = pathway ? `${cluster}/${pathway}` : cluster;
  return (
    <FieldPage
      key={id}
      id={id}
      renderSubscribe={(fieldId, subject) => (
        <SubscribePanel target={{ kind: 'field', id: fieldId }} subject={subject} />
      )}
    />
  );
}
