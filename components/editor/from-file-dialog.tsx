"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/ui/dialog";
import { describeProblem } from "@/lib/entities/file-import";
import type { EntityFailure, EntityResult } from "@/lib/entities/types";
import { Button } from "@/components/ui/button";
import { TREE_QUERY_KEY, type TypeInfo } from "./tree-model";

type CreateFromFile = (input: {
  type: string;
  format: number;
  parentId: string;
  fileName: string;
  text: string;
}) => Promise<EntityResult<{ id: string; name: string }>>;

/**
 * "New … from file": pick what the file holds (a beam from CSV, any type from a Gusset JSON
 * export), choose the file, and the server parses it. A file with problems creates nothing; each
 * problem is listed with the line and column, or the field, it is about.
 */
export function FromFileDialog({
  parentId,
  parentName,
  types,
  action,
  onClose,
}: {
  parentId: string;
  parentName: string;
  types: readonly TypeInfo[];
  action: CreateFromFile;
  onClose: () => void;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const formats = types.flatMap((type) =>
    type.fromFiles.map((fromFile, index) => ({ key: `${type.name}:${index}`, type: type.name, index, ...fromFile })),
  );
  const [formatKey, setFormatKey] = useState(formats[0]?.key ?? "");
  const [failure, setFailure] = useState<EntityFailure | null>(null);
  const [pending, startTransition] = useTransition();
  const format = formats.find((f) => f.key === formatKey) ?? formats[0];
  const input =
    "mt-1 w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

  return (
    <Dialog title={`New from file in ${parentName}`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const file = new FormData(event.currentTarget).get("file");
          if (!format || !(file instanceof File) || file.name === "") return;
          setFailure(null);
          startTransition(async () => {
            const result = await action({
              type: format.type,
              format: format.index,
              parentId,
              fileName: file.name,
              text: await file.text(),
            });
            if (!result.ok) {
              setFailure(result.failure);
              return;
            }
            // The parent has a child more: the tree reads its pages again, as after any other create.
            await queryClient.invalidateQueries({ queryKey: [TREE_QUERY_KEY] });
            onClose();
            router.push(`/editor/${result.value.id}`);
          });
        }}
      >
        <div className="space-y-3">
          <div>
            <label htmlFor="from-file-format" className="text-sm font-medium text-slate-700">
              What the file holds
            </label>
            <select id="from-file-format" className={input} value={format?.key} onChange={(event) => setFormatKey(event.target.value)}>
              {formats.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label} ({f.accept.join(", ")})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="from-file-file" className="text-sm font-medium text-slate-700">
              File
            </label>
            <input
              id="from-file-file"
              name="file"
              type="file"
              required
              accept={format?.accept.join(",")}
              className={`${input} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-2 file:py-1`}
            />
          </div>
        </div>
        {failure && (
          <div role="alert" className="mt-3 space-y-1 text-sm text-red-700">
            <p className="font-medium">
              {failure.code === "invalid_file" ? "Nothing was created: the file has problems." : failure.message}
            </p>
            {failure.code === "invalid_file" && (
              <ul aria-label="Problems in the file" className="list-disc space-y-0.5 pl-5">
                {failure.problems.map((problem, i) => (
                  <li key={i}>{describeProblem(problem)}</li>
                ))}
                {failure.problemCount > failure.problems.length && (
                  <li>…and {(failure.problemCount - failure.problems.length).toLocaleString("en")} more.</li>
                )}
              </ul>
            )}
          </div>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || !format}>
            {pending ? "Reading…" : "Create from file"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
