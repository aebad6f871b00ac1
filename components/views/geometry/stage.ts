/**
 * The three.js stage of a geometry view, with no React: a renderer drawing on
 * demand (only when the camera moves or the scene changes, so an idle view
 * costs nothing), orbit/pan/zoom controls with Z (or Y) up, fit-to-view,
 * picking, labels as HTML over the canvas, and glTF models loaded as they are
 * shown. `dispose()` frees the GPU memory and the WebGL context.
 */
import * as THREE from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { CSS2DObject, CSS2DRenderer } from "three/examples/jsm/renderers/CSS2DRenderer.js";
import type { ModelSource } from "@/lib/controller/results";
import { buildThreeScene, rotationOf, UP_VECTORS, type BuiltScene, type UpAxis } from "./build-three-scene";
import { modelLoader } from "./model-loader";
import type { PlacedModel, ScenePlan } from "./plan-scene";

export interface Stage {
  /** Replaces what is drawn; the camera is fitted the first time only (and when up changes), so editing params keeps the view. */
  show(plan: ScenePlan, up?: UpAxis): void;
  fitToView(): void;
  dispose(): void;
}

/** How the models of the scene shown stand: loaded so far, and those that could not be. */
export interface ModelsState {
  readonly total: number;
  readonly loaded: number;
  readonly failed: readonly { readonly name: string; readonly message: string }[];
}

export interface StageOptions {
  /** Multisample antialiasing; fixed for the life of the WebGL context. */
  readonly antialias: boolean;
  /** A click (not a drag) on an object: its name; on nothing: null. */
  readonly onPick: (name: string | null) => void;
  /** Called after each frame is drawn: how long it took, and how many draw calls it made (renderer.info). */
  readonly onFrame?: (frame: { readonly milliseconds: number; readonly drawCalls: number }) => void;
  /** Where a model's file is served from; null when it cannot be (no entity type to find an asset by). */
  readonly modelUrl: (source: ModelSource) => string | null;
  /** Called as the models of the scene shown load or fail. */
  readonly onModels?: (state: ModelsState) => void;
}

/** Per up axis: the direction the camera looks from, relative to the scene's centre (front right, above), and where the lights stand. */
const ORIENTATION: Record<UpAxis, { viewFrom: THREE.Vector3; sun: THREE.Vector3 }> = {
  z: { viewFrom: new THREE.Vector3(1, -1.6, 0.9).normalize(), sun: new THREE.Vector3(-0.3, -0.6, 1.2) },
  y: { viewFrom: new THREE.Vector3(1, 0.9, 1.6).normalize(), sun: new THREE.Vector3(-0.3, 1.2, 0.6) },
};

/** glTF is y up by its standard: in a z-up scene a model stands up by a quarter turn about x. */
const GLTF_UPRIGHT: Record<UpAxis, THREE.Euler> = { z: new THREE.Euler(Math.PI / 2, 0, 0), y: new THREE.Euler(0, 0, 0) };

export function createStage(host: HTMLElement, options: StageOptions): Stage {
  const renderer = new THREE.WebGLRenderer({ antialias: options.antialias, preserveDrawingBuffer: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
  renderer.setClearColor("#f1f5f9");
  renderer.domElement.style.display = "block";
  host.appendChild(renderer.domElement);
  const labels = new CSS2DRenderer();
  Object.assign(labels.domElement.style, { position: "absolute", inset: "0", pointerEvents: "none" });
  host.appendChild(labels.domElement);

  const scene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(40, 1, 0.01, 1000);
  // The sky light comes from up, the sun from a fixed side above, so the faces of a box read as
  // three tones; a weak light at the camera keeps back faces legible.
  const sky = new THREE.HemisphereLight("#ffffff", "#64748b", 1.3);
  scene.add(sky);
  const sun = new THREE.DirectionalLight("#ffffff", 1.6);
  scene.add(sun);
  let up: UpAxis = "z";
  const orient = (axis: UpAxis) => {
    up = axis;
    camera.up.copy(UP_VECTORS[axis]);
    sky.position.copy(UP_VECTORS[axis]);
    sun.position.copy(ORIENTATION[axis].sun);
  };
  orient("z");
  camera.add(new THREE.DirectionalLight("#ffffff", 0.35));
  scene.add(camera);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.screenSpacePanning = true;

  const raycaster = new THREE.Raycaster();
  const models = modelLoader();
  /** The loaded models' bounds, for fit-to-view (the plan knows only their origins). */
  const modelBounds = new THREE.Box3();
  let built: BuiltScene | null = null;
  let labelGroup = new THREE.Group();
  let plan: ScenePlan | null = null;
  let frame = 0;
  const render = () => {
    frame = 0;
    const started = performance.now();
    renderer.render(scene, camera);
    labels.render(scene, camera);
    options.onFrame?.({ milliseconds: performance.now() - started, drawCalls: renderer.info.render.calls });
  };
  const requestRender = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };
  controls.addEventListener("change", requestRender);

  const resize = () => {
    const width = host.clientWidth || 1;
    const height = host.clientHeight || 1;
    renderer.setSize(width, height);
    labels.setSize(width, height);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    requestRender();
  };
  const observer = new ResizeObserver(resize);
  observer.observe(host);
  resize();

  const fitToView = () => {
    const bounds = plan?.bounds;
    const box = bounds ? new THREE.Box3(new THREE.Vector3(...bounds.min), new THREE.Vector3(...bounds.max)) : new THREE.Box3();
    box.union(modelBounds);
    if (box.isEmpty()) box.set(new THREE.Vector3(-1, -1, -1), new THREE.Vector3(1, 1, 1));
    const center = box.getCenter(new THREE.Vector3());
    const radius = Math.max(box.getSize(new THREE.Vector3()).length() / 2, 1e-3);
    const halfFov = THREE.MathUtils.degToRad(camera.fov / 2);
    const distance = (radius / Math.sin(Math.min(halfFov, halfFov * camera.aspect))) * 1.05;
    camera.position.copy(center).addScaledVector(ORIENTATION[up].viewFrom, distance);
    camera.near = distance / 1000;
    camera.far = distance * 100;
    camera.updateProjectionMatrix();
    controls.target.copy(center);
    controls.update();
    raycaster.params.Line = { threshold: radius / 100 };
    raycaster.params.Points = { threshold: radius / 100 };
    requestRender();
  };

  let down: { x: number; y: number } | null = null;
  const onPointerDown = (event: PointerEvent) => {
    down = { x: event.clientX, y: event.clientY };
  };
  const onPointerUp = (event: PointerEvent) => {
    if (!down || Math.hypot(event.clientX - down.x, event.clientY - down.y) > 4 || !built) return;
    const rect = renderer.domElement.getBoundingClientRect();
    const pointer = new THREE.Vector2(
      ((event.clientX - rect.left) / rect.width) * 2 - 1,
      -((event.clientY - rect.top) / rect.height) * 2 + 1,
    );
    // The camera may have moved since the last frame (fit to view, then a click before a slow
    // frame is drawn): the ray must start from where it is now, not from where it was drawn.
    camera.updateMatrixWorld();
    raycaster.setFromCamera(pointer, camera);
    const [hit] = raycaster.intersectObjects(built.root.children, true);
    options.onPick(hit ? built.nameOf(hit) || "(unnamed object)" : null);
  };
  renderer.domElement.addEventListener("pointerdown", onPointerDown);
  renderer.domElement.addEventListener("pointerup", onPointerUp);

  /** Loads the plan's models into the scene built for it; the first show fits the camera again once they are in. */
  const loadModels = (into: BuiltScene, placed: readonly PlacedModel[], refit: boolean) => {
    const state = { total: placed.length, loaded: 0, failed: [] as { name: string; message: string }[] };
    modelBounds.makeEmpty();
    options.onModels?.({ ...state });
    const settled = placed.map(async (item) => {
      const url = options.modelUrl(item.object.source);
      const name = item.name || modelName(item.object.source);
      try {
        if (!url) throw new Error("its file cannot be found here");
        const model = await models.load(url);
        if (built !== into) return; // a newer scene replaced this one while it loaded
        const upright = new THREE.Group();
        upright.rotation.copy(GLTF_UPRIGHT[up]);
        upright.add(model);
        const placedModel = new THREE.Group();
        placedModel.position.set(...(item.object.at ?? [0, 0, 0]));
        rotationOf(item.object.rotation, placedModel.quaternion);
        const scale = item.object.scale ?? 1;
        if (typeof scale === "number") placedModel.scale.setScalar(scale);
        else placedModel.scale.set(...scale);
        placedModel.add(upright);
        placedModel.traverse((node) => (node.userData.pickName = item.name));
        into.root.add(placedModel);
        modelBounds.union(new THREE.Box3().setFromObject(placedModel));
        state.loaded += 1;
      } catch (error) {
        if (built !== into) return;
        state.failed.push({ name, message: error instanceof Error ? error.message : String(error) });
      }
      options.onModels?.({ ...state, failed: [...state.failed] });
      requestRender();
    });
    if (refit) void Promise.all(settled).then(() => built === into && state.loaded > 0 && fitToView());
  };

  return {
    show(next, axis = "z") {
      const first = plan === null || axis !== up;
      if (axis !== up) orient(axis);
      plan = next;
      if (built) {
        scene.remove(built.root);
        built.dispose();
      }
      scene.remove(labelGroup);
      labelGroup.clear(); // CSS2DObjects remove their elements when removed
      built = buildThreeScene(next, up);
      scene.add(built.root);
      labelGroup = new THREE.Group();
      for (const label of built.labels) {
        const element = document.createElement("div");
        element.textContent = label.text;
        element.className = "rounded bg-white/85 px-1 text-xs text-slate-800 shadow-sm";
        const object = new CSS2DObject(element);
        object.position.set(...label.at);
        labelGroup.add(object);
      }
      scene.add(labelGroup);
      if (first) fitToView();
      loadModels(built, next.models, first);
      requestRender();
    },
    fitToView,
    dispose() {
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      controls.dispose();
      renderer.domElement.removeEventListener("pointerdown", onPointerDown);
      renderer.domElement.removeEventListener("pointerup", onPointerUp);
      labelGroup.clear();
      built?.dispose();
      built = null;
      models.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
      renderer.domElement.remove();
      labels.domElement.remove();
    },
  };
}

function modelName(source: ModelSource): string {
  return "file" in source ? source.file.name : source.asset;
}
