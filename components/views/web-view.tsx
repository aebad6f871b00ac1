"use client";

import { useMemo } from "react";
import type { WebResult } from "@/lib/controller/results";
import { webViewDocument } from "./sanitize-html";

/**
 * A web result: the controller's HTML, sanitised, in a frame sandboxed with no
 * permissions at all (no scripts, no forms, an opaque origin), whose CSP
 * also forbids loading anything from the network.
 */
export default function WebView({ result }: { result: WebResult }) {
  const document = useMemo(() => webViewDocument(result.html), [result.html]);
  return (
    <iframe
      sandbox=""
      srcDoc={document}
      title="Web view"
      className="h-[32rem] w-full rounded-md border border-slate-200 bg-white"
      data-view-kind="web"
    />
  );
}
