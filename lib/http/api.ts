import type { ButtonResult } from "@/lib/controller/buttons";
import type { ViewInfo } from "@/lib/controller/describe-views";
import type { ViewResult } from "@/lib/controller/results";
import type { MoveTarget } from "@/lib/entities/list-move-targets";
import type { ChildRow, Revision, RevisionSummary, SearchHit, TreePage } from "@/lib/entities/types";
import type { listEntityProcesses } from "@/lib/flow/inbox/get-process-page";
import type { listArchive, listStartedProcesses } from "@/lib/flow/inbox/list-archive";
import type { listErrorQueue } from "@/lib/flow/inbox/list-error-queue";
import type { listInbox } from "@/lib/flow/inbox/list-inbox";
import type { listQueue } from "@/lib/flow/inbox/list-queue";
import type { FileRef } from "@/lib/params";

type Page<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/**
 * The value each JSON route answers in `{ ok: true, value }`, by a name of the route: the routes
 * state theirs with `satisfies`, the browser's fetchers read them with `fetchApi`, so both ends
 * are held to one declaration.
 */
export interface Api {
  /** POST /api/entities/:id/views/:view (JSON, or NDJSON progress and this last) */
  "view-call": ViewResult;
  /** POST /api/entities/:id/buttons/:button */
  "button-call": ButtonResult;
  /** POST /api/entities/:id/buttons/:button with `check` */
  "button-check": { readonly disabled: string | null };
  /** GET /api/entities/:id/revisions?before= */
  "entity-revisions": { readonly revisions: readonly RevisionSummary[]; readonly nextBefore: number | null };
  /** GET /api/entities/:id/revisions/:version */
  "entity-revision": Revision;
  /** GET /api/entities/tree?parent&after|before */
  "entity-tree": TreePage;
  /** GET /api/entities/search?q&type */
  "entity-search": { readonly hits: readonly SearchHit[] };
  /** GET /api/entities/:id/children?after */
  "entity-children": {
    readonly items: readonly ChildRow[];
    readonly total: number;
    readonly offset: number;
    readonly after: string | null;
  };
  /** GET /api/entities/:id/subtree */
  "entity-subtree": { readonly inside: number };
  /** GET /api/entities/:id/move-targets?q */
  "move-targets": { readonly targets: readonly MoveTarget[] };
  /** GET /api/entity-types/:type */
  "entity-type": { readonly name: string; readonly label: string; readonly views: readonly ViewInfo[] };
  /** POST /api/files */
  upload: FileRef;
  /** POST /api/calls/:id/cancel */
  "call-cancel": { readonly finished: boolean };
  /** GET /api/flow/lists?list=… */
  "list:inbox": Page<typeof listInbox>;
  "list:queue": Page<typeof listQueue>;
  "list:archive": Page<typeof listArchive>;
  "list:started": Page<typeof listStartedProcesses>;
  "list:errors": Page<typeof listErrorQueue>;
  "list:entity": Page<typeof listEntityProcesses>;
  "list:count": { readonly count: number };
  /** GET /api/health */
  health: { readonly database: "reachable" };
}
