/**
 * Sanitises the HTML of a web view before it goes into its sandboxed frame.
 * The frame (`sandbox=""`, no scripts, an opaque origin) is the real wall; this
 * is the second one, so the frame also loads nothing from the network (a
 * tracking pixel, a remote stylesheet): an allow-list of tags and attributes,
 * and URLs only of `data:image/…` (images) or http(s) (links, inert here).
 * Runs in the browser (DOMParser).
 */
const ALLOWED_TAGS = new Set(
  "a abbr b blockquote br caption code col colgroup dd div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img kbd li mark ol p pre q s small span strong sub sup table tbody td tfoot th thead tr u ul".split(
    " ",
  ),
);
const ALLOWED_ATTRIBUTES = new Set("alt class colspan dir height href lang rowspan scope src style title width align valign".split(" "));
/** Elements removed with everything inside them (the rest keep their text when unwrapped). */
const DROPPED_WITH_CONTENT = new Set(
  "script style iframe object embed template noscript svg math link meta base form input button select textarea title head".split(" "),
);

/** The Content-Security-Policy of the frame: nothing from the network, inline styles allowed. */
export const WEB_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function sanitizeHtml(html: string): string {
  const document = new DOMParser().parseFromString(html, "text/html");
  clean(document.body);
  return document.body.innerHTML;
}

/** The whole document the frame shows: the CSP first, a readable default style, the sanitised body. */
export function webViewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${WEB_VIEW_CSP}"><style>body{font:14px/1.5 system-ui,sans-serif;color:#0f172a;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #cbd5e1;padding:4px 8px}</style></head><body>${sanitizeHtml(html)}</body></html>`;
}

function clean(parent: Element): void {
  for (const node of [...parent.childNodes]) {
    if (node.nodeType === 8 /* comment */) {
      node.remove();
      continue;
    }
    if (node.nodeType !== 1 /* element */) continue;
    const element = node as Element;
    const tag = element.tagName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(tag)) {
      element.remove();
      continue;
    }
    clean(element);
    if (!ALLOWED_TAGS.has(tag)) {
      element.replaceWith(...element.childNodes);
      continue;
    }
    for (const { name, value } of [...element.attributes]) {
      if (!ALLOWED_ATTRIBUTES.has(name.toLowerCase()) || !safeAttribute(tag, name.toLowerCase(), value)) element.removeAttribute(name);
    }
  }
}

function safeAttribute(tag: string, name: string, value: string): boolean {
  const compact = value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  if (name === "src") return tag === "img" && /^data:image\/(png|jpeg|gif|webp);/.test(compact);
  if (name === "href") return /^(https?:|#)/.test(compact);
  if (name === "style") return !/url\(|expression\(|@import|javascript:/.test(compact);
  return true;
}
