import { FieldsIndex } from '../../features/fields/components/fields-index.js';

export default function FieldsRoute() {
  return <FieldsIndex />;
}
