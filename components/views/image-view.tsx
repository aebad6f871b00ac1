import type { ImageResult } from "@/lib/controller/results";

/**
 * An image result. SVG from a controller is treated as untrusted: it is shown
 * through an <img> of a data URL, where its scripts and links never run
 * (inlined in the page, an `onload` in it would). PNG comes as base64.
 */
export function ImageView({ result }: { result: ImageResult }) {
  return (
    <figure className="flex justify-center rounded-md border border-slate-200 bg-white p-3" data-view-kind="image">
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL: nothing for next/image to optimise */}
      <img src={imageSource(result)} alt={result.alt} className="h-auto max-h-[32rem] max-w-full" />
    </figure>
  );
}

export function imageSource(result: ImageResult): string {
  return result.format === "svg"
    ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(result.data)}`
    : `data:image/png;base64,${result.data}`;
}
