/**
 * Turns a scene plan into three.js objects: one InstancedMesh per batch, one
 * object per single. Z is up unless the result says y; units are metres. Owns
 * what it creates: `dispose()` frees every geometry and material (the GPU
 * memory). glTF models are not here: the stage loads them (they arrive later).
 */
import * as THREE from "three";
import type { Vector3 } from "@/lib/controller/results";
import type { InstanceBatch, PlacedObject, ScenePlan } from "./plan-scene";

export interface BuiltScene {
  readonly root: THREE.Group;
  /** The name of what a ray hit ("" when unnamed). */
  nameOf(hit: THREE.Intersection): string;
  /** Label elements to place over the canvas, each at a point. */
  readonly labels: readonly { readonly at: Vector3; readonly text: string; readonly name: string }[];
  dispose(): void;
}

export type UpAxis = "z" | "y";

export const UP_VECTORS: Record<UpAxis, THREE.Vector3> = { z: new THREE.Vector3(0, 0, 1), y: new THREE.Vector3(0, 1, 0) };

export function buildThreeScene(plan: ScenePlan, up: UpAxis = "z"): BuiltScene {
  const root = new THREE.Group();
  const disposables: { dispose(): void }[] = [];
  const own = <T extends { dispose(): void }>(thing: T): T => {
    disposables.push(thing);
    return thing;
  };
  const labels: { at: Vector3; text: string; name: string }[] = [];

  for (const batch of plan.batches) root.add(instancedMesh(batch, own));
  for (const item of plan.singles) {
    const object = singleObject(item, own, UP_VECTORS[up]);
    if (object) {
      object.userData.pickName = item.name;
      root.add(object);
    } else if (item.object.shape === "label") labels.push({ at: item.object.at, text: item.object.text, name: item.name });
  }

  return {
    root,
    labels,
    nameOf(hit) {
      const names = hit.object.userData.instanceNames as readonly string[] | undefined;
      if (names && hit.instanceId !== undefined) return names[hit.instanceId] ?? "";
      return (hit.object.userData.pickName as string | undefined) ?? "";
    },
    dispose() {
      for (const thing of disposables) thing.dispose();
      root.clear();
    },
  };
}

type Own = <T extends { dispose(): void }>(thing: T) => T;

/**
 * `closed`: the shape is a closed solid wound outward (the unit box, sphere and cylinder), so its
 * back faces are never seen and need not be drawn: 25 % less time a frame for 10,000 boxes in
 * SwiftShader (324 ms against 446 ms). Extrusions and meshes come from authors, whose winding may
 * be either way: both sides.
 */
function surfaceMaterial(material: PlacedObject["material"], own: Own, closed = false): THREE.MeshStandardMaterial {
  return own(
    new THREE.MeshStandardMaterial({
      color: new THREE.Color(material.color),
      opacity: material.opacity,
      transparent: material.opacity < 1,
      metalness: material.metalness ?? 0.1,
      roughness: material.roughness ?? 0.7,
      side: closed ? THREE.FrontSide : THREE.DoubleSide,
    }),
  );
}

/** A unit shape, scaled and turned per instance by its matrix. */
function unitGeometry(shape: InstanceBatch["shape"], own: Own): THREE.BufferGeometry {
  switch (shape) {
    case "box":
      return own(new THREE.BoxGeometry(1, 1, 1));
    case "sphere":
      return own(new THREE.SphereGeometry(1, 24, 16));
    case "cylinder":
      // Radius 1, height 1 along +Y, base at the origin: scale (r, length, r), then turn Y onto the axis.
      return own(new THREE.CylinderGeometry(1, 1, 1, 24, 1).translate(0, 0.5, 0));
  }
}

function instancedMesh(batch: InstanceBatch, own: Own): THREE.InstancedMesh {
  const mesh = new THREE.InstancedMesh(unitGeometry(batch.shape, own), surfaceMaterial(batch.material, own, true), batch.objects.length);
  own({ dispose: () => mesh.dispose() });
  const matrix = new THREE.Matrix4();
  batch.objects.forEach((item, i) => {
    instanceMatrix(item.object, matrix);
    mesh.setMatrixAt(i, matrix);
  });
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingSphere();
  mesh.computeBoundingBox();
  mesh.userData.instanceNames = batch.objects.map((item) => item.name);
  return mesh;
}

/** A rotation given in degrees about x, then y, then z (each about the object's own centre). */
export function rotationOf(degrees: Vector3 | undefined, into = new THREE.Quaternion()): THREE.Quaternion {
  if (!degrees) return into.identity();
  const [x, y, z] = degrees.map(THREE.MathUtils.degToRad) as [number, number, number];
  return into.setFromEuler(new THREE.Euler(x, y, z, "XYZ"));
}

/** @internal The matrix that makes the unit shape this object: placed, turned and stretched per instance, so a batch stays one draw call. */
export function instanceMatrix(object: PlacedObject["object"], into: THREE.Matrix4): THREE.Matrix4 {
  const rotation = new THREE.Quaternion();
  switch (object.shape) {
    case "box":
      return into.compose(
        new THREE.Vector3(...object.center),
        rotationOf(object.rotation, rotation),
        new THREE.Vector3(...object.size.map((s) => Math.abs(s) || 1e-9)),
      );
    case "sphere": {
      const [sx, sy, sz] = object.scale ?? [1, 1, 1];
      return into.compose(
        new THREE.Vector3(...object.center),
        rotationOf(object.rotation, rotation),
        new THREE.Vector3(object.radius * sx, object.radius * sy, object.radius * sz),
      );
    }
    case "cylinder": {
      const from = new THREE.Vector3(...object.from);
      const axis = new THREE.Vector3(...object.to).sub(from);
      const length = axis.length();
      if (length > 0) rotation.setFromUnitVectors(new THREE.Vector3(0, 1, 0), axis.clone().normalize());
      return into.compose(from, rotation, new THREE.Vector3(object.radius, length || 1e-9, object.radius));
    }
    default:
      throw new Error(`${object.shape} is not drawn instanced`);
  }
}

function singleObject(item: PlacedObject, own: Own, up: THREE.Vector3): THREE.Object3D | null {
  const { object, material } = item;
  switch (object.shape) {
    case "extrusion":
      return extrusion(object.from, object.to, object.profile, surfaceMaterial(material, own), own, up);
    case "mesh": {
      const geometry = own(new THREE.BufferGeometry());
      geometry.setAttribute("position", new THREE.Float32BufferAttribute(object.vertices.flat(), 3));
      geometry.setIndex(object.faces.flat());
      geometry.computeVertexNormals();
      return new THREE.Mesh(geometry, surfaceMaterial(material, own));
    }
    case "line":
    case "polyline": {
      const points = object.shape === "line" ? [object.from, object.to] : object.points;
      const geometry = own(new THREE.BufferGeometry().setFromPoints(points.map((p) => new THREE.Vector3(...p))));
      return new THREE.Line(
        geometry,
        own(new THREE.LineBasicMaterial({ color: material.color, transparent: material.opacity < 1, opacity: material.opacity })),
      );
    }
    case "point": {
      const geometry = own(new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(...object.at)]));
      return new THREE.Points(geometry, own(new THREE.PointsMaterial({ color: material.color, size: 8, sizeAttenuation: false })));
    }
    case "label":
      return null; // drawn as HTML over the canvas
    case "model":
      return null; // loaded by the stage
    default:
      return null;
  }
}

/**
 * A profile ([y, z] across the line) swept from `from` to `to`. The profile's
 * z stays as close to the scene's up as the line allows, so an I-section beam
 * along X stands upright; for a vertical line, the profile's z follows world X.
 */
export function extrusion(
  from: Vector3,
  to: Vector3,
  profile: readonly (readonly [number, number])[],
  material: THREE.Material,
  own: Own,
  up: THREE.Vector3 = UP_VECTORS.z,
): THREE.Mesh {
  const start = new THREE.Vector3(...from);
  const direction = new THREE.Vector3(...to).sub(start);
  const length = direction.length();
  const shape = new THREE.Shape(profile.map(([y, z]) => new THREE.Vector2(y, z)));
  const geometry = own(new THREE.ExtrudeGeometry(shape, { depth: length || 1e-9, bevelEnabled: false, steps: 1 }));
  const localZ = length > 0 ? direction.normalize() : new THREE.Vector3(1, 0, 0);
  const reference = Math.abs(localZ.dot(up)) > 0.999 ? new THREE.Vector3(1, 0, 0) : up;
  const localY = reference
    .clone()
    .sub(localZ.clone().multiplyScalar(reference.dot(localZ)))
    .normalize();
  const localX = new THREE.Vector3().crossVectors(localY, localZ);
  const mesh = new THREE.Mesh(geometry, material);
  mesh.quaternion.setFromRotationMatrix(new THREE.Matrix4().makeBasis(localX, localY, localZ));
  mesh.position.copy(start);
  return mesh;
}
