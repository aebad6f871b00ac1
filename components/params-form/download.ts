"use client";

/** Saves bytes in the browser under a name, through a temporary object URL and <a download>. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = "noopener";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: Chromium reads the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, contentType: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: contentType }));
}

/** A download result's content (text as is, bytes in base64) as a Blob. */
export function blobOf(data: string, encoding: "utf8" | "base64", contentType: string): Blob {
  if (encoding === "utf8") return new Blob([data], { type: contentType });
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: contentType });
}
