import { CLUSTERS } from '@fieldguide/shared';

export function App() {
  return (
    <main>
      <h1>Fieldguide</h1>
      <p>Where the hiring managers in your field go.</p>
      <ul>
        {CLUSTERS.map((cluster) => (
          <li key={cluster.id}>{cluster.name}</li>
        ))}
      </ul>
    </main>
  );
}
