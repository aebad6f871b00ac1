import type { Parametrization } from "@/lib/params";

const loading = new Map<string, Promise<Parametrization>>();

/**
 * The parametrization of an entity type, for the browser's form: the default export of
 * definitions/<folder>/params.ts, which is all the browser ever loads of a type (its controller
 * stays on the server). One chunk per type, fetched on first use and kept: the bundler makes a
 * chunk of every `definitions/<folder>/params.ts`, so a new type needs no list here.
 */
export function loadParametrization(folder: string): Promise<Parametrization> {
  let promise = loading.get(folder);
  if (!promise) {
    promise = import(`@/definitions/${folder}/params`).then((module: { default: Parametrization }) => module.default);
    loading.set(folder, promise);
  }
  return promise;
}
