import { AssociationDirectory } from '../../features/associations/components/association-directory.js';

export default function AssociationsRoute() {
  return <AssociationDirectory />;
}
