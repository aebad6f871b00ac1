/**
 * What a flow's job gets from the platform: the process's files (lib/controller's storage, in the
 * workspace "flows", under "<process id>/<name>"), compute (an entity's controller view, run by
 * lib/controller's dispatcher on the entity's params, or on those of a saved revision) and the
 * operator's fault switches (settings `faults.<name>`).
 */
import { compute } from "@/lib/controller/compute";
import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import type { JobCompute, JobStorage } from "@/lib/flow";
import type { JobServices } from "@/lib/flow/runtime/run-job";
import { installed } from "@/lib/installation/install";
import { isFaultSwitchOn } from "./read-fault-switch";

/** The storage workspace of flow files. */
export const FLOW_FILES_WORKSPACE = "flows";

/** The files of one process. */
export function processStorage(processId: string): JobStorage {
  const files = storage(FLOW_FILES_WORKSPACE);
  return {
    async put(name, body, options = {}) {
      const key = `${processId}/${name}`;
      const info = await files.put(key, body, options.contentType ? { contentType: options.contentType } : {});
      return { key, name, contentType: info.contentType, size: info.size };
    },
    async get(name) {
      const bytes = await files.getBytes(`${processId}/${name}`);
      return bytes ? new Uint8Array(bytes) : null;
    },
  };
}

/** Runs a view of an entity through the dispatcher; a failure (bad params, a throwing view) throws, so the job retries. */
export function entityCompute(): JobCompute {
  return {
    async call(entityId, method, options = {}) {
      const entity = await db.entity.findUnique({ where: { id: entityId }, select: { id: true, name: true, type: true, params: true } });
      if (!entity) throw new Error(`No entity ${entityId}.`);
      const controller = installed().entityType(entity.type)?.controller;
      if (!controller) throw new Error(`Entity type "${entity.type}" has no views.`);
      let params: unknown = options.params ?? entity.params;
      if (options.params === undefined && options.revision !== undefined) {
        const revision = await db.entityRevision.findUnique({
          where: { entityId_version: { entityId, version: Number(options.revision) } },
          select: { params: true },
        });
        if (!revision) throw new Error(`Entity ${entityId} has no revision ${options.revision}.`);
        params = revision.params;
      }
      const outcome = await compute(
        { id: entity.id, name: entity.name, type: entity.type, controller },
        method,
        params,
        options.signal ? { signal: options.signal } : {},
      );
      if (!outcome.ok) throw new Error(`${method} of ${entity.type} ${entity.id} failed: ${outcome.failure.message}`);
      return outcome.value;
    },
  };
}

/** The services of a worker in this install. */
export function jobServices(): JobServices {
  return { storageFor: processStorage, compute: entityCompute(), faults: { isOn: isFaultSwitchOn } };
}
