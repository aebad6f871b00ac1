import type { ReactNode } from "react";

/**
 * The little markdown a form's text needs: paragraphs, **bold**, *italic*, `code` and [links](…).
 * Rendered as React elements, never as HTML, so an author's text cannot inject markup.
 */
export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-600">
      {text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>{inline(paragraph)}</p>
      ))}
    </div>
  );
}

function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*|`(.+?)`|\[(.+?)\]\((https?:\/\/[^\s)]+|\/[^\s)]*)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const key = parts.length;
    if (match[1] !== undefined) parts.push(<strong key={key}>{match[1]}</strong>);
    else if (match[2] !== undefined) parts.push(<em key={key}>{match[2]}</em>);
    else if (match[3] !== undefined)
      parts.push(
        <code key={key} className="rounded bg-slate-100 px-1">
          {match[3]}
        </code>,
      );
    else
      parts.push(
        <a key={key} href={match[5]} className="text-brand-600 underline" rel="noreferrer">
          {match[4]}
        </a>,
      );
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
