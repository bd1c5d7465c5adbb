import { useId, useState } from 'react';

/** Where the operator types the admin token; it is kept for this browser tab only. */
export function TokenForm({ token, onToken }: { token: string; onToken: (token: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  if (token) {
    return (
      <p className="token-form token-form--set">
        Using the admin token you entered (kept for this tab only).{' '}
        <button type="button" className="link-button" onClick={() => onToken('')}>
          Forget token
        </button>
      </p>
    );
  }
  return (
    <form
      className="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        onToken(text);
        setText('');
      }}
    >
      <label htmlFor={id}>Admin token</label>
      <div className="inline-row">
        <input
          id={id}
          type="password"
          autoComplete="off"
          value={text}
          required
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button button--primary">
          Use token
        </button>
      </div>
      <p className="hint">
        The server’s ADMIN_TOKEN. It stays in this tab’s session storage and is sent only to this site.
      </p>
    </form>
  );
}
