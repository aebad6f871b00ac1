/**
 * The three.js stage of a geometry view, with no React: a renderer drawing on
 * demand (only when the camera moves or the scene changes, so an idle view
 * costs nothing), orbit/pan/zoom controls with Z up, fit-to-view, picking,
 * and labels as HTML over the canvas. `dispose()` frees the GPU memory and
 * the WebGL context.
 */
import * as THREE from "three";
import { OrbitControls } from "three/examples/jsm/controls/OrbitControls.js";
import { CSS2DObject, CSS2DRenderer } from "three/examples/jsm/renderers/CSS2DRenderer.js";
import { buildThreeScene, type BuiltScene } from "./build-three-scene";
import type { ScenePlan } from "./plan-scene";

export interface Stage {
  /** Replaces what is drawn; the camera is fitted the first time only, so editing params keeps the view. */
  show(plan: ScenePlan): void;
  fitToView(): void;
  dispose(): void;
}

export interface StageOptions {
  /** Multisample antialiasing; fixed for the life of the WebGL context. */
  readonly antialias: boolean;
  /** A click (not a drag) on an object: its name; on nothing: null. */
  readonly onPick: (name: string | null) => void;
  /** Called after each frame is drawn: how long it took, and how many draw calls it made (renderer.info). */
  readonly onFrame?: (frame: { readonly milliseconds: number; readonly drawCalls: number }) => void;
}

/** The direction the camera looks from, relative to the scene's centre: front right, above. */
const VIEW_FROM = new THREE.Vector3(1, -1.6, 0.9).normalize();

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
  camera.up.set(0, 0, 1);
  // Z is up: the sky light comes from +Z (three's default is +Y), the sun from a fixed side above,
  // so the faces of a box read as three tones; a weak light at the camera keeps back faces legible.
  const sky = new THREE.HemisphereLight("#ffffff", "#64748b", 1.3);
  sky.position.set(0, 0, 1);
  scene.add(sky);
  const sun = new THREE.DirectionalLight("#ffffff", 1.6);
  sun.position.set(-0.3, -0.6, 1.2);
  scene.add(sun);
  camera.add(new THREE.DirectionalLight("#ffffff", 0.35));
  scene.add(camera);
  const controls = new OrbitControls(camera, renderer.domElement);
  controls.screenSpacePanning = true;

  const raycaster = new THREE.Raycaster();
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
    const box = bounds
      ? new THREE.Box3(new THREE.Vector3(...bounds.min), new THREE.Vector3(...bounds.max))
      : new THREE.Box3(new THREE.Vector3(-1, -1, -1), new THREE.Vector3(1, 1, 1));
    const center = box.getCenter(new THREE.Vector3());
    const radius = Math.max(box.getSize(new THREE.Vector3()).length() / 2, 1e-3);
    const halfFov = THREE.MathUtils.degToRad(camera.fov / 2);
    const distance = (radius / Math.sin(Math.min(halfFov, halfFov * camera.aspect))) * 1.05;
    camera.position.copy(center).addScaledVector(VIEW_FROM, distance);
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

  return {
    show(next) {
      const first = plan === null;
      plan = next;
      if (built) {
        scene.remove(built.root);
        built.dispose();
      }
      scene.remove(labelGroup);
      labelGroup.clear(); // CSS2DObjects remove their elements when removed
      built = buildThreeScene(next);
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
      renderer.dispose();
      renderer.forceContextLoss();
      renderer.domElement.remove();
      labels.domElement.remove();
    },
  };
}
