/**
 * glTF models for one stage. three's GLTFLoader is imported with the first model, so a view
 * without models never loads it; each URL is fetched and parsed once and then cloned per use
 * (clones share geometries, materials and textures, freed with the loader).
 */
import type * as THREE from "three";
import type { GLTF, GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";

export interface ModelLoader {
  /** A fresh copy of the model's scene (shares its GPU resources); rejects with why it could not be loaded. */
  load(url: string): Promise<THREE.Object3D>;
  dispose(): void;
}

export function modelLoader(): ModelLoader {
  const parsed = new Map<string, Promise<GLTF>>();
  let loader: Promise<GLTFLoader> | null = null;
  const loaderOf = () => (loader ??= import("three/examples/jsm/loaders/GLTFLoader.js").then(({ GLTFLoader }) => new GLTFLoader()));

  return {
    async load(url) {
      let model = parsed.get(url);
      if (!model) {
        model = loaderOf().then((gltf) => gltf.loadAsync(url));
        parsed.set(url, model);
        model.catch(() => parsed.delete(url)); // a failed load is tried again on the next show
      }
      return (await model).scene.clone(true);
    },
    dispose() {
      for (const model of parsed.values()) {
        model.then(({ scene }) => disposeTree(scene)).catch(() => {});
      }
      parsed.clear();
    },
  };
}

function disposeTree(root: THREE.Object3D): void {
  root.traverse((node) => {
    const mesh = node as THREE.Mesh;
    mesh.geometry?.dispose();
    const materials = Array.isArray(mesh.material) ? mesh.material : mesh.material ? [mesh.material] : [];
    for (const material of materials) {
      for (const value of Object.values(material)) if ((value as THREE.Texture | null)?.isTexture) (value as THREE.Texture).dispose();
      material.dispose();
    }
  });
}
