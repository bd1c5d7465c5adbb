import { type ReactNode, useId } from 'react';
import { CopyButton } from '../../../components/copy-button.js';

export interface SnippetBoxProps {
  title: string;
  /** What the snippet is for, under the title. */
  children: ReactNode;
  /** The HTML to paste; undefined while the settings cannot make a working snippet. */
  code: string | undefined;
  /** Why there is no snippet, shown in its place. */
  withheld?: string;
  /** Names the snippet for screen readers on the copy button: "the script tag". */
  what: string;
}

/** A snippet of HTML to paste, selectable, with a copy button. */
export function SnippetBox({ title, children, code, what, withheld }: SnippetBoxProps) {
  const id = useId();
  return (
    <section className="embed-builder__snippet" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      {code === undefined ? (
        <p className="status embed-builder__withheld">{withheld}</p>
      ) : (
        <>
          <label htmlFor={`${id}-code`} className="visually-hidden">
            {title}: HTML to paste
          </label>
          <textarea
            id={`${id}-code`}
            className="embed-builder__code"
            readOnly
            rows={4}
            spellCheck={false}
            value={code}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton
            text={code}
            label={
              <>
                Copy<span className="visually-hidden"> {what}</span>
              </>
            }
          />
        </>
      )}
    </section>
  );
}
