import { embedPaletteCss } from '@fieldguide/shared';

/**
 * The widget's whole style sheet, in the embeds' one palette (shared with the iframe page). `:host` takes `!important` on what a hostile page could set on the host element
 * (an inner `!important` beats an outer one), and `.fg` resets every inherited property with `all: initial`, so
 * the page's fonts, colours and sizes stop at the shadow root. Custom properties are not reset by `all`: the
 * page themes the widget with `--fg-*`.
 */
export const WIDGET_CSS = `
:host{display:block!important;visibility:visible!important}
:host([hidden]){display:none!important}
.fg{all:initial;display:block;box-sizing:border-box;padding:12px;
${embedPaletteCss('light')};
font:var(--fg-font-size,15px)/1.45 var(--fg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--t);background:var(--b);
border:1px solid var(--l);border-radius:var(--fg-radius,8px)}
.fg.dark{${embedPaletteCss('dark')}}
*{box-sizing:border-box}
ul{list-style:none;margin:0;padding:0;display:block}
li{display:block;margin:0;padding:10px 0;border-top:1px solid var(--l)}
li:first-child{border-top:0;padding-top:0}
p{display:block;margin:2px 0 0}
a{color:var(--a);text-decoration:underline;text-underline-offset:2px}
a:hover{text-decoration-thickness:2px}
a:focus-visible{outline:3px solid var(--fg-focus,var(--a));outline-offset:2px;border-radius:2px}
.title{font-weight:600;font-size:1.05em}
.when,.where,.status{color:var(--m);font-size:.93em}
.meta{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px;font-size:.85em}
.tag,.hiring{display:inline-block;padding:1px 8px;border-radius:999px;border:1px solid var(--l)}
.hiring{background:var(--h);color:var(--ht);border-color:transparent;font-weight:600}
.more{margin-top:10px;font-size:.9em}
`;
