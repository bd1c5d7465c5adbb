import { useCallback, useState } from 'react';

/** Where the admin token is kept: this tab's session only, never localStorage or a cookie. */
export const ADMIN_TOKEN_KEY = 'fieldguide.adminToken';

function readToken(): string {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The admin bearer token typed in by the operator, kept in sessionStorage; `setToken('')` forgets it. */
export function useAdminToken(): [string, (token: string) => void] {
  const [token, setTokenState] = useState(readToken);
  const setToken = useCallback((next: string) => {
    const value = next.trim();
    try {
      if (value) sessionStorage.setItem(ADMIN_TOKEN_KEY, value);
      else sessionStorage.removeItem(ADMIN_TOKEN_KEY);
    } catch {
      // Storage can be disabled; the token then lives for this page only.
    }
    setTokenState(value);
  }, []);
  return [token, setToken];
}
