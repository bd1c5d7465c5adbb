import { NotFound } from '../../components/status.js';

export default function NotFoundRoute() {
  return <NotFound what="Page" />;
}
