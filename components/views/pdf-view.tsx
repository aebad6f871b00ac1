"use client";

import { useEffect, useRef } from "react";
import type { PdfResult } from "@/lib/controller/results";

/** A PDF result, shown inline from a blob URL (freed when the result changes), with a download link. */
export function PdfView({ result }: { result: PdfResult }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const bytes = Uint8Array.from(atob(result.data), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
    if (frame.current) frame.current.src = url;
    if (link.current) link.current.href = url;
    return () => URL.revokeObjectURL(url);
  }, [result.data]);
  return (
    <div className="space-y-2" data-view-kind="pdf">
      <iframe ref={frame} title={result.fileName} className="h-[32rem] w-full rounded-md border border-slate-200 bg-white" />
      <a ref={link} download={result.fileName} className="text-sm text-blue-700 underline">
        Download {result.fileName}
      </a>
    </div>
  );
}
