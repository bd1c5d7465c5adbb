import { type ReactNode, useEffect, useState } from 'react';
import './copy-button.css';

/** Copies text to the clipboard, falling back to selecting a hidden textarea where the Clipboard API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection fallback
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Whether the last copy worked: `idle` again two seconds after it changed. */
export type CopyState = 'idle' | 'copied' | 'failed';

/** A copy's outcome that clears itself after two seconds, for {@link CopyStatus} to announce. */
export function useCopyState(): [CopyState, (state: CopyState) => void] {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  return [state, setState];
}

/** The words after a copy button's label saying what the copy did, announced politely. */
export function CopyStatus({ state }: { state: CopyState }) {
  return (
    <span className="copy-status" aria-live="polite">
      {state === 'copied' ? ' ✓ Copied' : state === 'failed' ? ' — copy failed, select the URL instead' : ''}
    </span>
  );
}

/** A button that copies `text` and says so for two seconds (announced politely). */
export function CopyButton({
  text,
  label,
  className = 'button',
}: {
  text: string;
  label: ReactNode;
  className?: string;
}) {
  const [state, setState] = useCopyState();
  return (
    <button
      type="button"
      className={className}
      data-copy-text={text}
      onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
    >
      {label}
      <CopyStatus state={state} />
    </button>
  );
}
