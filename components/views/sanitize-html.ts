import DOMPurify, { type UponSanitizeAttributeHook } from "isomorphic-dompurify";

/**
 * Sanitises the HTML of a web view before it goes into its sandboxed frame, with DOMPurify
 * (isomorphic-dompurify: the browser's own DOM there, jsdom 29 in Node; its 4.x needs jsdom 30,
 * which needs Node 22). The frame (`sandbox=""`, no scripts, an opaque origin) is the real
 * wall; this is the second one, and it also keeps the frame from loading anything from the
 * network (a tracking pixel, a remote stylesheet): an allow-list of tags and attributes, and
 * URLs only of `data:image/…` (images) or http(s) (links, inert here).
 */
const ALLOWED_TAGS =
  "a abbr b blockquote br caption code col colgroup dd div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img kbd li mark ol p pre q s small span strong sub sup table tbody td tfoot th thead tr u ul".split(
    " ",
  );
const ALLOWED_ATTR = "alt class colspan dir height href lang rowspan scope src style title width align valign".split(" ");
/** Elements removed with everything inside them (other tags outside the list keep their text). */
const DROPPED_WITH_CONTENT =
  "script style iframe object embed template noscript svg math link meta base form input button select textarea title head".split(" ");

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ADD_FORBID_CONTENTS: DROPPED_WITH_CONTENT,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
};

/** The Content-Security-Policy of the frame: nothing from the network, inline styles allowed. */
export const WEB_VIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// DOMPurify lets relative URLs through (`src="x"`); here a URL either loads nothing or is dropped.
const keepInertUrlsOnly: UponSanitizeAttributeHook = (node, data) => {
  const compact = data.attrValue.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  if (data.attrName === "src") data.keepAttr = node.nodeName.toLowerCase() === "img" && /^data:image\/(png|jpeg|gif|webp);/.test(compact);
  else if (data.attrName === "href") data.keepAttr = /^(https?:|#)/.test(compact);
  else if (data.attrName === "style") data.keepAttr = !/url\(|expression\(|@import|javascript:/.test(compact);
};

export function sanitizeHtml(html: string): string {
  // The hook is added for this call only: the DOMPurify instance is shared by the whole bundle.
  DOMPurify.addHook("uponSanitizeAttribute", keepInertUrlsOnly);
  try {
    return DOMPurify.sanitize(html, CONFIG);
  } finally {
    DOMPurify.removeHook("uponSanitizeAttribute", keepInertUrlsOnly);
  }
}

/** The whole document the frame shows: the CSP first, a readable default style, the sanitised body. */
export function webViewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${WEB_VIEW_CSP}"><style>body{font:14px/1.5 system-ui,sans-serif;color:#0f172a;margin:16px}table{border-collapse:collapse}td,th{border:1px solid #cbd5e1;padding:4px 8px}</style></head><body>${sanitizeHtml(html)}</body></html>`;
}
