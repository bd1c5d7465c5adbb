import { useParams } from 'wouter';
import { AssociationDetails } from '../../features/associations/components/association-details.js';

export default function AssociationRoute() {
  const { id = '' } = useParams<{ id: string }>();
  return <AssociationDetails key={id} id={id} />;
}
