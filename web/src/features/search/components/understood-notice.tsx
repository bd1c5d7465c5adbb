import type { Understood } from '@fieldguide/shared';

export interface UnderstoodNoticeProps {
  /** The field the server read in the query's words; nothing is shown without one, or once it is a filter. */
  understood: Understood | undefined;
  selected: readonly string[];
  onOnly: (fieldId: string) => void;
}

/** Says which field the words typed were read as ("registered nurse" → Health Science), and offers it as a filter. */
export function UnderstoodNotice({ understood, selected, onOnly }: UnderstoodNoticeProps) {
  if (!understood || selected.includes(understood.field)) return null;
  const what = understood.occupation ? ` (${understood.occupation.title})` : '';
  return (
    <div className="understood-notice" role="status">
      <p>
        “{understood.via}” reads as <strong>{understood.fieldName}</strong>
        {what}: its events come first.
      </p>
      <button type="button" className="link-button" onClick={() => onOnly(understood.field)}>
        Show only {understood.fieldName}
      </button>
    </div>
  );
}
