import { describe, expect, it } from "vitest";
import * as THREE from "three";
import type { SceneObject } from "@/lib/controller/results";
import { buildThreeScene, instanceMatrix } from "./build-three-scene";
import { planScene } from "./plan-scene";

describe("planScene", () => {
  it("gathers boxes, spheres and cylinders of one material into one batch each, whatever their size", () => {
    const objects: SceneObject[] = Array.from({ length: 10_000 }, (_, i) => ({
      shape: "box",
      name: `Box ${i}`,
      center: [i % 100, Math.floor(i / 100), 0],
      size: [0.5, 0.5, 0.2 + (i % 7) / 10],
      material: { color: i % 2 ? "#ff0000" : "#00ff00" },
    }));
    objects.push({ shape: "sphere", center: [0, 0, 5], radius: 1 }, { shape: "sphere", center: [9, 0, 5], radius: 2 });
    const plan = planScene(objects);
    expect(plan.count).toBe(10_002);
    expect(plan.batches.map((b) => [b.shape, b.material.color, b.objects.length])).toEqual([
      ["box", "#00ff00", 5000],
      ["box", "#ff0000", 5000],
      ["sphere", "#94a3b8", 2],
    ]);
    expect(plan.singles).toEqual([]);
    expect(plan.bounds).toEqual({ min: [-1, -2, -0.4], max: [99.25, 99.25, 7] });
  });

  it("flattens groups: names joined with their groups', materials inherited unless overridden", () => {
    const plan = planScene([
      {
        shape: "group",
        name: "Frame",
        material: { color: "#123456", opacity: 0.5 },
        children: [
          { shape: "cylinder", name: "Column 1", from: [0, 0, 0], to: [0, 0, 3], radius: 0.1 },
          { shape: "group", children: [{ shape: "line", name: "Axis", from: [0, 0, 0], to: [1, 0, 0], material: { color: "#ff0000" } }] },
        ],
      },
      { shape: "label", at: [0, 0, 3], text: "top" },
    ]);
    expect(plan.batches).toEqual([
      { shape: "cylinder", material: { color: "#123456", opacity: 0.5 }, objects: [expect.objectContaining({ name: "Frame › Column 1" })] },
    ]);
    expect(plan.singles.map((s) => [s.object.shape, s.name, s.material.color, s.material.opacity])).toEqual([
      ["line", "Frame › Axis", "#ff0000", 0.5],
      ["label", "", "#94a3b8", 1],
    ]);
  });

  it("has no bounds for an empty scene", () => {
    expect(planScene([]).bounds).toBeNull();
  });

  it("keeps turned and stretched boxes and spheres in their material's batch, and models apart, bounded by their origin until loaded", () => {
    const plan = planScene([
      { shape: "box", center: [0, 0, 0], size: [2, 2, 2] },
      { shape: "box", center: [5, 0, 0], size: [2, 2, 2], rotation: [0, 0, 45] },
      { shape: "sphere", center: [0, 5, 0], radius: 1, scale: [3, 1, 1] },
      { shape: "model", name: "Rotor", source: { asset: "rotor.glb" }, at: [0, 0, 20], scale: 5 },
    ]);
    expect(plan.batches.map((b) => [b.shape, b.objects.length])).toEqual([
      ["box", 2],
      ["sphere", 1],
    ]);
    expect(plan.models.map((m) => m.name)).toEqual(["Rotor"]);
    // The turned box is bounded by its circumscribed sphere (√3), the stretched sphere by its longest radius (3).
    expect(plan.bounds!.min.map((v) => +v.toFixed(6))).toEqual([-3, -1.732051, -3]);
    expect(plan.bounds!.max.map((v) => +v.toFixed(6))).toEqual([6.732051, 8, 20]);
  });
});

describe("buildThreeScene", () => {
  it("draws each batch as one InstancedMesh and names each instance for picking", () => {
    const built = buildThreeScene(
      planScene([
        ...Array.from({ length: 3 }, (_, i): SceneObject => ({ shape: "box", name: `B${i}`, center: [i * 2, 0, 0], size: [1, 1, 1] })),
        {
          shape: "extrusion",
          name: "Beam",
          from: [0, 0, 0],
          to: [6, 0, 0],
          profile: [
            [-0.1, -0.15],
            [0.1, -0.15],
            [0.1, 0.15],
            [-0.1, 0.15],
          ],
        },
        { shape: "label", name: "L", at: [1, 2, 3], text: "A" },
      ]),
    );
    const [instanced, beam] = built.root.children;
    expect(instanced).toBeInstanceOf(THREE.InstancedMesh);
    expect((instanced as THREE.InstancedMesh).count).toBe(3);
    expect(built.labels).toEqual([{ at: [1, 2, 3], text: "A", name: "L" }]);

    built.root.updateMatrixWorld(true);
    const ray = new THREE.Raycaster(new THREE.Vector3(4, 0, 10), new THREE.Vector3(0, 0, -1));
    const [hit] = ray.intersectObjects(built.root.children);
    expect(hit && built.nameOf(hit)).toBe("B2");
    // The extruded profile stands upright along X: 0.3 m deep in Z, 0.2 m wide in Y, 6 m long.
    const box = new THREE.Box3().setFromObject(beam!);
    expect(box.min.toArray().map((v) => +v.toFixed(6) + 0)).toEqual([0, -0.1, -0.15]);
    expect(box.max.toArray().map((v) => +v.toFixed(6) + 0)).toEqual([6, 0.1, 0.15]);
    built.dispose();
    expect(built.root.children).toHaveLength(0);
  });

  it("turns a box about its centre by degrees about x, then y, then z, and stretches a sphere along its axes", () => {
    const corner = (object: SceneObject) => {
      const matrix = instanceMatrix(object as never, new THREE.Matrix4());
      const box = new THREE.BoxGeometry(1, 1, 1).applyMatrix4(matrix);
      box.computeBoundingBox();
      return [box.boundingBox!.min, box.boundingBox!.max].map((v) => v.toArray().map((c) => +c.toFixed(6) + 0));
    };
    // 4 × 2 × 1 turned 90° about z: 2 along x, 4 along y.
    expect(corner({ shape: "box", center: [10, 0, 0], size: [4, 2, 1], rotation: [0, 0, 90] })).toEqual([
      [9, -2, -0.5],
      [11, 2, 0.5],
    ]);
    expect(corner({ shape: "sphere", center: [0, 0, 0], radius: 2, scale: [1, 1, 0.5] })).toEqual([
      [-1, -1, -0.5],
      [1, 1, 0.5],
    ]);
  });

  it("turns a unit cylinder onto its axis", () => {
    const matrix = instanceMatrix({ shape: "cylinder", from: [1, 1, 0], to: [1, 1, 4], radius: 0.5 }, new THREE.Matrix4());
    const geometry = new THREE.CylinderGeometry(1, 1, 1, 8, 1).translate(0, 0.5, 0).applyMatrix4(matrix);
    geometry.computeBoundingBox();
    expect(geometry.boundingBox!.min.toArray().map((v) => +v.toFixed(6) + 0)).toEqual([0.5, 0.5, 0]);
    expect(geometry.boundingBox!.max.toArray().map((v) => +v.toFixed(6) + 0)).toEqual([1.5, 1.5, 4]);
  });
});
