import { readFileSync } from 'node:fs';
import { html, SafeHtml } from '../routes/embed/html.js';
import { type JsonLdNode, serializeJsonLd } from './structured-data.js';

/** The site's name as link previews show it. */
export const SITE_NAME = 'Fieldguide';

/** A share image and what it shows. */
export interface ShareImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** What a page tells search engines and link previews, rendered into the app's HTML. */
export interface PageMeta {
  /** What previews call the page: the event's or association's name, the field page's heading. */
  name: string;
  description: string;
  /** The page's absolute URL at the public origin; absent on a not-found page. */
  canonicalUrl?: string;
  image?: ShareImage;
  /** Keeps search engines from listing the page (not found, delisted). */
  noindex?: boolean;
  jsonLd?: JsonLdNode;
}

/** JSON-LD as a script element's text: {@link serializeJsonLd} leaves nothing in it that HTML would read. */
const jsonLdScript = (node: JsonLdNode): SafeHtml => new SafeHtml(serializeJsonLd(node));

/** The tags of `meta`, every value escaped. */
export function renderHeadTags(meta: PageMeta): SafeHtml {
  const { image, canonicalUrl } = meta;
  const title = `${meta.name} · ${SITE_NAME}`;
  return html`<title>${title}</title>
    <meta name="description" content="${meta.description}" />
    ${meta.noindex ? html`<meta name="robots" content="noindex" />\n    ` : ''}${
      canonicalUrl ? html`<link rel="canonical" href="${canonicalUrl}" />\n    ` : ''
    }<meta property="og:site_name" content="${SITE_NAME}" />
    <meta property="og:type" content="website" />
    <meta property="og:title" content="${meta.name}" />
    <meta property="og:description" content="${meta.description}" />
    ${canonicalUrl ? html`<meta property="og:url" content="${canonicalUrl}" />\n    ` : ''}${
      image
        ? html`<meta property="og:image" content="${image.url}" />
    <meta property="og:image:type" content="image/png" />
    <meta property="og:image:width" content="${image.width}" />
    <meta property="og:image:height" content="${image.height}" />
    <meta property="og:image:alt" content="${image.alt}" />
    <meta name="twitter:card" content="summary_large_image" />
    <meta name="twitter:image" content="${image.url}" />
    <meta name="twitter:image:alt" content="${image.alt}" />
    `
        : html`<meta name="twitter:card" content="summary" />\n    `
    }<meta name="twitter:title" content="${meta.name}" />
    <meta name="twitter:description" content="${meta.description}" />${
      meta.jsonLd ? html`\n    <script type="application/ld+json">${jsonLdScript(meta.jsonLd)}</script>` : ''
    }`;
}

const TITLE = /<title>[\s\S]*?<\/title>\s*/i;
const DESCRIPTION = /<meta\s+name=["']description["'][^>]*>\s*/i;
const HEAD_END = /<\/head>/i;

/** The built app's `index.html`, into which each page's tags go in place of the generic title and description. */
export interface AppShell {
  render(meta: PageMeta): string;
}

/** Reads `indexPath` once; {@link AppShell.render} then works on the text in memory. */
export function loadAppShell(indexPath: string): AppShell {
  const template = readFileSync(indexPath, 'utf8').replace(TITLE, '').replace(DESCRIPTION, '');
  const headEnd = template.search(HEAD_END);
  if (headEnd < 0) throw new Error(`${indexPath} has no </head>: cannot add page metadata to it`);
  const before = template.slice(0, headEnd);
  const after = template.slice(headEnd);
  return {
    render: (meta) => `${before}  ${renderHeadTags(meta).value}\n  ${after}`,
  };
}
