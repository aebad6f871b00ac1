import { useEffect, useState } from "react";
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
    promise = import(`@/definitions/${folder}/params`).then(
      (module: { default: Parametrization }) => module.default,
      (error: unknown) => {
        loading.delete(folder); // a lost chunk may load on the next try
        throw error;
      },
    );
    loading.set(folder, promise);
  }
  return promise;
}

/**
 * The parametrization of a type once loaded (or why it could not be); null before, and always on the server and in the first
 * render in the browser, so a page never shows a form that is not yet interactive (hydration waiting
 * on the chunk would swallow a quick click).
 */
export function useParametrization(folder: string): Parametrization | Error | null {
  const [loaded, setLoaded] = useState<{ folder: string; parametrization: Parametrization | Error } | null>(null);
  useEffect(() => {
    let current = true;
    loadParametrization(folder).then(
      (parametrization) => current && setLoaded({ folder, parametrization }),
      (error: unknown) => current && setLoaded({ folder, parametrization: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [folder]);
  return loaded?.folder === folder ? loaded.parametrization : null;
}
