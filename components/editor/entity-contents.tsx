"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatTime } from "@/components/inbox/format";
import { Button } from "@/components/ui/button";
import { useTimeZone } from "@/components/ui/local-time";
import type { Api } from "@/lib/http/api";
import { fetchApiValue } from "@/lib/http/fetch-api";
import type { TypeInfo } from "./tree-model";
import { TREE_QUERY_KEY } from "./tree-model";

/**
 * What an entity holds, as a table (name, type, owner, version, when changed, how many it holds in
 * turn), 25 rows a page, "Show more" for the next: the same paging as the tree's, by (name, id).
 */
export function EntityContents({
  entityId,
  entityName,
  types,
  first,
}: {
  entityId: string;
  entityName: string;
  types: readonly TypeInfo[];
  first: Api["entity-children"];
}) {
  const zone = useTimeZone();
  const pages = useInfiniteQuery({
    // Under the tree's key, so whatever redraws the tree (a create, a move, a delete) redraws this too.
    queryKey: [TREE_QUERY_KEY, "contents", entityId],
    queryFn: ({ pageParam, signal }) =>
      fetchApiValue(
        "entity-children",
        `/api/entities/${encodeURIComponent(entityId)}/children${pageParam ? `?${new URLSearchParams({ after: pageParam })}` : ""}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.after ?? undefined,
    initialData: { pages: [first], pageParams: [null] },
    staleTime: 30_000,
  });
  const rows = pages.data.pages.flatMap((page) => page.items);
  const total = pages.data.pages.at(-1)?.total ?? 0;
  const label = (name: string) => types.find((type) => type.name === name)?.label ?? name;
  const cell = "px-3 py-1.5";
  return (
    <section aria-label="Contents" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 text-sm">
      <h2 className="font-medium">
        Contents <span className="font-normal text-slate-500">({total.toLocaleString("en")})</span>
      </h2>
      {total === 0 ? (
        <p className="text-slate-500">{entityName} holds nothing yet.</p>
      ) : (
        <table className="w-full text-left" aria-label={`What ${entityName} holds`}>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className={cell}>
                Name
              </th>
              <th scope="col" className={cell}>
                Type
              </th>
              <th scope="col" className={cell}>
                Owner
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Version
              </th>
              <th scope="col" className={cell}>
                Changed
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Holds
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id}>
                <td className={cell}>
                  <Link href={`/editor/${row.id}`} prefetch={false} className="text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                </td>
                <td className={cell}>{label(row.type)}</td>
                <td className={cell}>{row.owner.name}</td>
                <td className={`${cell} text-right tabular-nums`}>{row.version}</td>
                <td className={cell}>{formatTime(row.updatedAt, zone)}</td>
                <td className={`${cell} text-right tabular-nums`}>{row.children.toLocaleString("en")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages.hasNextPage && (
        <Button size="compact" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {pages.isFetchingNextPage ? "Loading…" : `Show more (${(total - rows.length).toLocaleString("en")} not shown)`}
        </Button>
      )}
    </section>
  );
}
