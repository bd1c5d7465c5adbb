import { useParams } from 'wouter';
import { EventDetails } from '../../features/events/components/event-details.js';

export default function EventRoute() {
  const { id = '' } = useParams<{ id: string }>();
  return <EventDetails key={id} id={id} />;
}
