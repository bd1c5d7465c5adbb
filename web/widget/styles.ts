/**
 * The widget's whole style sheet. `:host` takes `!important` on what a hostile page could set on the host element
 * (an inner `!important` beats an outer one), and `.fg` resets every inherited property with `all: initial`, so
 * the page's fonts, colours and sizes stop at the shadow root. Custom properties are not reset by `all`: the
 * page themes the widget with `--fg-*`.
 */
export const WIDGET_CSS = `
:host{display:block!important;visibility:visible!important}
:host([hidden]){display:none!important}
.fg{all:initial;display:block;box-sizing:border-box;padding:12px;
--a:var(--fg-accent,#0b57d0);--b:var(--fg-bg,#fff);--t:var(--fg-text,#1b1b1f);--m:var(--fg-muted,#55565c);--l:var(--fg-border,#d6d7dc);--h:var(--fg-badge-bg,#e7f3e8);--ht:var(--fg-badge-text,#1b5e20);
font:var(--fg-font-size,15px)/1.45 var(--fg-font,system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--t);background:var(--b);
border:1px solid var(--l);border-radius:var(--fg-radius,8px)}
.fg.dark{--a:var(--fg-accent,#8ab4f8);--b:var(--fg-bg,#1f1f23);--t:var(--fg-text,#ececf1);--m:var(--fg-muted,#b4b5bd);--l:var(--fg-border,#3c3d44);--h:var(--fg-badge-bg,#1e3a22);--ht:var(--fg-badge-text,#b9e6bd)}
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
