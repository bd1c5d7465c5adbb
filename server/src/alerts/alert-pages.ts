import { escapeHtml } from '../feeds/text.js';

/** What an alert page says: a heading, paragraphs of HTML, and at most one form with one button. */
export interface AlertPageContent {
  title: string;
  paragraphs: readonly string[];
  /** A form that POSTs to `action` (same origin) with one submit button. */
  form?: { action: string; button: string };
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  body { margin: 0; background: #f5f6f8; color: #1a1a1a; line-height: 1.5; }
  header { background: #ffffff; border-bottom: 1px solid #d8dbe2; padding: 0.75rem 1.25rem; }
  header a { color: #1f4fc4; font-weight: 700; font-size: 1.15rem; text-decoration: none; }
  header a:hover, header a:focus-visible { text-decoration: underline; }
  main { max-width: 36rem; margin: 2rem auto; padding: 1.5rem; background: #ffffff; border: 1px solid #d8dbe2;
    border-radius: 0.5rem; }
  @media (max-width: 40rem) { main { margin: 1rem; padding: 1rem; } }
  h1 { font-size: 1.5rem; margin-top: 0; }
  main a { color: #1f4fc4; }
  button { font: inherit; font-weight: 600; padding: 0.6rem 1.2rem; min-height: 44px; border-radius: 0.375rem;
    border: 1px solid #1f4fc4; background: #1f4fc4; color: #ffffff; cursor: pointer; }
  button:hover { background: #173d9b; }
  button:focus-visible { outline: 3px solid #173d9b; outline-offset: 2px; }
`;

/** A small, self-contained page (no script) for the links in alert mails: confirm, unsubscribe, and their answers. */
export function renderAlertPage(content: AlertPageContent): string {
  const form = content.form
    ? `<form method="post" action="${escapeHtml(content.form.action)}"><button type="submit">${escapeHtml(content.form.button)}</button></form>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(content.title)} · Fieldguide</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">Fieldguide</a></header>
<main>
<h1>${escapeHtml(content.title)}</h1>
${content.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
${form}
</main>
</body>
</html>
`;
}
