import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { openPage } from '../support/browser.js';

/** A page's tags for link previews and search engines, as read without running its script. */
interface PreviewTags {
  title: string;
  tags: [string, string][];
  jsonLd: string;
}

async function readTags(browser: Browser, baseUrl: string, pagePath: string): Promise<PreviewTags> {
  const { page, close } = await openPage(browser, { allowedOrigins: [baseUrl], javaScriptEnabled: false });
  try {
    await page.goto(`${baseUrl}${pagePath}`);
    const tags = await page.$$eval('head meta[property], head meta[name], head link[rel="canonical"]', (elements) =>
      elements.map((el): [string, string] => [
        el.getAttribute('property') ?? el.getAttribute('name') ?? `link rel=${el.getAttribute('rel')}`,
        el.getAttribute('content') ?? el.getAttribute('href') ?? '',
      ]),
    );
    const jsonLd = (await page.locator('script[type="application/ld+json"]').textContent()) ?? '';
    return { title: await page.title(), tags: tags.filter(([name]) => name !== 'viewport'), jsonLd };
  } finally {
    await close();
  }
}

const escapeText = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/** A chat app's preview of the link, drawn from the tags alone, beside the list of every tag the page carries. */
function previewHtml(url: string, found: PreviewTags): string {
  const tag = (name: string) => found.tags.find(([n]) => n === name)?.[1] ?? '';
  const rows = found.tags.map(([n, v]) => `<tr><th>${escapeText(n)}</th><td>${escapeText(v)}</td></tr>`).join('');
  const jsonLd = escapeText(JSON.stringify(JSON.parse(found.jsonLd), null, 2));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
    body { font: 15px/1.4 system-ui, sans-serif; margin: 24px; color: #14213d; background: #f3f5f9; }
    h1 { font-size: 18px; margin: 0 0 12px; } .grid { display: grid; grid-template-columns: 520px 1fr; gap: 24px; }
    .card { background: #fff; border-left: 4px solid #1f4fc4; border-radius: 6px; padding: 12px; }
    .card img { width: 100%; border-radius: 4px; border: 1px solid #d5dcea; } .host { color: #4a5568; font-size: 13px; }
    .card b { display: block; color: #1f4fc4; margin: 4px 0; } table { border-collapse: collapse; background: #fff; align-self: start; }
    th, td { text-align: left; vertical-align: top; padding: 3px 8px; border-bottom: 1px solid #e4e8f0; font-size: 12px; }
    th { white-space: nowrap; color: #4a5568; } td { word-break: break-all; }
    pre { background: #fff; font-size: 11px; padding: 8px; white-space: pre-wrap; word-break: break-all; }
  </style></head><body>
    <h1>A shared link to ${escapeText(url)}</h1>
    <div class="grid"><div>
      <div class="card"><span class="host">${escapeText(tag('og:site_name'))}</span>
        <b>${escapeText(tag('og:title'))}</b><span>${escapeText(tag('og:description'))}</span>
        <img src="${escapeText(tag('og:image'))}" alt="${escapeText(tag('og:image:alt'))}"></div>
      <pre>${jsonLd}</pre>
    </div><table><caption>&lt;title&gt; ${escapeText(found.title)}</caption>${rows}</table></div>
  </body></html>`;
}

/**
 * Writes `share-image.png` (the event's generated card, as served) and `share-preview.png` (how a chat app would
 * preview a shared link to the event, with the tags and JSON-LD it was drawn from) to `outDir`.
 */
export async function shootSharePreview(browser: Browser, baseUrl: string, eventId: string, outDir: string) {
  const pagePath = `/events/${encodeURIComponent(eventId)}`;
  const found = await readTags(browser, baseUrl, pagePath);
  const imageUrl = found.tags.find(([n]) => n === 'og:image')?.[1];
  if (!imageUrl) throw new Error(`${pagePath} has no og:image`);
  const image = await fetch(imageUrl);
  if (!image.ok) throw new Error(`${imageUrl} answered ${image.status}`);
  const written = [path.join(outDir, 'share-image.png'), path.join(outDir, 'share-preview.png')];
  writeFileSync(written[0] as string, Buffer.from(await image.arrayBuffer()));

  const { page, close } = await openPage(browser, {
    allowedOrigins: [baseUrl],
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: false,
  });
  try {
    await page.setContent(previewHtml(`${baseUrl}${pagePath}`, found), { waitUntil: 'load' });
    await page.screenshot({ path: written[1] as string, fullPage: true });
  } finally {
    await close();
  }
  return written;
}
