/**
 * What a listing adds after a recurring event's next date: `and 1 more date`, `and 6 more dates`; empty for none.
 * The app's cards, the widget and the iframe embed all word it so.
 */
export function formatMoreDates(moreDates: number): string {
  if (!Number.isFinite(moreDates) || moreDates < 1) return '';
  const n = Math.floor(moreDates);
  return `and ${n} more ${n === 1 ? 'date' : 'dates'}`;
}
