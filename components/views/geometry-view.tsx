"use client";

// Loaded with next/dynamic (view-result.tsx): three.js is only in the chunks of views that draw 3D.
import { useEffect, useMemo, useRef, useState } from "react";
import type { GeometryResult } from "@/lib/controller/results";
import { planScene } from "./geometry/plan-scene";
import { createStage, type ModelsState, type Stage } from "./geometry/stage";
import { useModelUrl } from "./view-entity-type";

/**
 * Above this many objects the stage draws without multisampling: with it, a frame of 10,000 boxes
 * took 324 ms in SwiftShader (software GL), without it 274 ms; small scenes keep their smooth edges.
 */
const LARGE_SCENE = 2_000;

/** A geometry result in 3D: drag to orbit, right-drag or shift-drag to pan, wheel to zoom, click to pick. */
export default function GeometryView({ result, height = 480 }: { result: GeometryResult; height?: number }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Stage | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [models, setModels] = useState<ModelsState | null>(null);
  const [failed] = useState(webglProblem);
  const modelUrl = useModelUrl();
  const plan = useMemo(() => planScene(result.objects), [result]);
  const large = plan.count > LARGE_SCENE;

  useEffect(() => {
    const host = hostRef.current;
    if (!host || failed) return;
    stageRef.current = createStage(host, {
      antialias: !large,
      onPick: setPicked,
      // Marks that a frame was drawn, and with how many draw calls (tests read both).
      onFrame: ({ drawCalls }) => {
        host.dataset.rendered = "true";
        host.dataset.drawCalls = String(drawCalls);
      },
      modelUrl,
      onModels: setModels,
    });
    return () => {
      stageRef.current?.dispose();
      stageRef.current = null;
    };
  }, [failed, large, modelUrl]);

  useEffect(() => {
    stageRef.current?.show(plan, result.up ?? "z");
  }, [plan, result.up]);

  if (failed)
    return (
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {failed}
      </p>
    );
  return (
    <figure
      className="relative overflow-hidden rounded-md border border-slate-200"
      data-view-kind="geometry"
      data-objects={plan.count}
      data-models-loaded={models && models.total > 0 ? models.loaded : undefined}
    >
      <div ref={hostRef} className="relative w-full touch-none" style={{ height }} />
      <div className="absolute top-2 right-2 flex gap-2">
        <button
          type="button"
          onClick={() => stageRef.current?.fitToView()}
          className="rounded border border-slate-300 bg-white/90 px-2 py-1 text-xs font-medium text-slate-700 shadow-sm hover:bg-white"
        >
          Fit to view
        </button>
      </div>
      {models && models.failed.length > 0 && (
        <p role="alert" className="absolute top-2 left-2 max-w-[70%] rounded bg-amber-50/95 px-2 py-1 text-xs text-amber-900 shadow-sm">
          {models.failed.map((model) => `${model.name} could not be loaded: ${model.message}`).join(" · ")}
        </p>
      )}
      {models && models.loaded < models.total - models.failed.length && (
        <p className="absolute bottom-9 left-2 rounded bg-white/90 px-2 py-1 text-xs text-slate-600 shadow-sm" role="status">
          Loading {models.total - models.loaded - models.failed.length} model
          {models.total - models.loaded - models.failed.length === 1 ? "" : "s"}…
        </p>
      )}
      <figcaption className="absolute bottom-2 left-2 rounded bg-white/90 px-2 py-1 text-xs text-slate-700 shadow-sm" role="status">
        {picked ? (
          <>
            Picked: <strong>{picked}</strong>
          </>
        ) : (
          `${plan.count.toLocaleString("en-GB")} object${plan.count === 1 ? "" : "s"} · drag to orbit, right-drag to pan, wheel to zoom, click to pick`
        )}
      </figcaption>
    </figure>
  );
}

/** Why this browser cannot draw 3D, or null when it can. */
function webglProblem(): string | null {
  try {
    const context = document.createElement("canvas").getContext("webgl2") ?? document.createElement("canvas").getContext("webgl");
    context?.getExtension("WEBGL_lose_context")?.loseContext(); // a probe: free its context at once
    return context ? null : "This browser cannot draw 3D: WebGL is off or not supported.";
  } catch {
    return "This browser cannot draw 3D: WebGL is off or not supported.";
  }
}
