/** The web app's settings, read once from Vite's `VITE_*` variables at build time. */
export interface WebEnv {
  /** Origin (and optional path) the API, feeds and embeds are served from; `''` means this page's origin. */
  apiBaseUrl: string;
}

function readEnv(): Readonly<WebEnv> {
  const raw = (import.meta.env.VITE_API_BASE_URL as string | undefined)?.trim() ?? '';
  if (raw !== '' && !/^https?:\/\//.test(raw)) {
    throw new Error(`VITE_API_BASE_URL must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return Object.freeze({ apiBaseUrl: raw.replace(/\/+$/, '') });
}

export const env = readEnv();
