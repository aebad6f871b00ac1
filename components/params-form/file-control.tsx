"use client";

import { useRef, useState } from "react";
import type { FileField, FileRef } from "@/lib/params";
import { Button } from "@/components/ui/button";
import type { Api } from "@/lib/http/api";
import { resultOf } from "@/lib/http/fetch-api";

/**
 * A file field: choose a file and it uploads at once (POST /api/files, with upload progress); the
 * server checks it against the field's own limits by content and answers the reference the field
 * holds. A chosen file shows as a download link with a Remove button. Upload errors show at the
 * field. Without an entity (a form outside the editor) files cannot be uploaded.
 */
export function FileControl({
  id,
  field,
  path,
  value,
  entityType,
  disabled,
  describedBy,
  invalid,
  onChange,
}: {
  id: string;
  field: FileField;
  path: string;
  value: unknown;
  entityType: string | undefined;
  disabled: boolean;
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: FileRef | null) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef<XMLHttpRequest | null>(null);
  const file = isFileRef(value) ? value : null;

  const upload = (chosen: File) => {
    if (!entityType) return;
    setError(null);
    setProgress(0);
    const body = new FormData();
    body.set("type", entityType);
    body.set("field", path);
    body.set("file", chosen);
    // XMLHttpRequest, not fetch: only it reports upload progress.
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", "/api/files");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => event.lengthComputable && setProgress(event.loaded / event.total);
    xhr.onload = () => {
      request.current = null;
      setProgress(null);
      const answer = resultOf<Api["upload"]>(xhr.response, xhr.status);
      if (answer.ok) onChange(answer.value);
      else setError(answer.failure.message);
    };
    xhr.onerror = () => {
      request.current = null;
      setProgress(null);
      setError("The upload failed: the server could not be reached.");
    };
    xhr.onabort = () => {
      request.current = null;
      setProgress(null);
    };
    xhr.send(body);
  };

  const errorId = `${id}-upload-error`;
  return (
    <div className="space-y-1.5">
      {file && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <a href={`/api/files/${encodeURIComponent(file.fileId)}`} download={file.name} className="font-medium text-brand-700 underline">
            {file.name}
          </a>
          <span className="text-xs text-slate-500">{formatSize(file.size)}</span>
          {!disabled && (
            <button
              type="button"
              className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
              aria-label={`Remove ${field.label}`}
              onClick={() => onChange(null)}
            >
              Remove
            </button>
          )}
        </div>
      )}
      <input
        id={id}
        type="file"
        accept={field.accept?.join(",")}
        disabled={disabled || !entityType || progress !== null}
        aria-invalid={invalid || error !== null}
        aria-describedby={[describedBy, error && errorId].filter(Boolean).join(" ") || undefined}
        className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-2.5 file:py-1 file:text-sm hover:file:bg-slate-50"
        onChange={(event) => {
          const chosen = event.target.files?.[0];
          event.target.value = ""; // choosing the same file again uploads again
          if (chosen) upload(chosen);
        }}
      />
      {progress !== null && (
        <div className="flex items-center gap-2">
          <progress className="h-2 flex-1" max={1} value={progress} aria-label={`Uploading ${field.label}`} />
          <Button variant="link" className="text-xs" onClick={() => request.current?.abort()}>
            Cancel upload
          </Button>
        </div>
      )}
      {!entityType && <p className="text-xs text-slate-500">Files are uploaded in the editor.</p>}
      {error && (
        <p id={errorId} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

function isFileRef(value: unknown): value is FileRef {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as FileRef).fileId === "string" &&
    typeof (value as FileRef).name === "string"
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
