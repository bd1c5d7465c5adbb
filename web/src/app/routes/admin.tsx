import { AdminPage } from '../../features/admin/components/admin-page.js';

export default function AdminRoute() {
  return <AdminPage />;
}
