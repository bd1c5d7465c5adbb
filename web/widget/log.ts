const PREFIX = '[fieldguide]';

/** Says on the console what went wrong and what to change; the widget never throws into the host page. */
export function warn(message: string, hint?: string, cause?: unknown): void {
  try {
    const text = hint ? `${PREFIX} ${message} Hint: ${hint}` : `${PREFIX} ${message}`;
    if (cause === undefined) console.warn(text);
    else console.warn(text, cause);
  } catch {
    // A host page that replaced console with something broken still must not see an exception.
  }
}
