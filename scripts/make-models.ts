/**
 * Writes the glTF models the shipped definitions bundle (their `assets/` folders), from three.js
 * geometry, with glTF Transform. Run after changing a model here: `node --import tsx scripts/make-models.ts`.
 * The GLB files are committed; nothing runs this at install or start.
 *
 * glTF is y up, metres: the rotor stands in the x–y plane facing +z, its hub at the origin, blades
 * 1 m long, so a view scales it by the rotor radius.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { Document, NodeIO, type Material, type Node } from "@gltf-transform/core";
import * as THREE from "three";

function meshNode(document: Document, name: string, geometry: THREE.BufferGeometry, material: Material): Node {
  const indexed = geometry.index ? geometry : geometry.setIndex([...Array(geometry.attributes.position!.count).keys()]);
  indexed.computeVertexNormals();
  const buffer = document.getRoot().listBuffers()[0]!;
  const accessor = (array: ArrayLike<number>, type: "VEC3" | "SCALAR", kind: "float" | "index") =>
    document
      .createAccessor()
      .setType(type)
      .setArray(kind === "float" ? new Float32Array(array) : new Uint32Array(array))
      .setBuffer(buffer);
  const primitive = document
    .createPrimitive()
    .setAttribute("POSITION", accessor(indexed.attributes.position!.array, "VEC3", "float"))
    .setAttribute("NORMAL", accessor(indexed.attributes.normal!.array, "VEC3", "float"))
    .setIndices(accessor(indexed.index!.array, "SCALAR", "index"))
    .setMaterial(material);
  return document.createNode(name).setMesh(document.createMesh(name).addPrimitive(primitive));
}

/** A blade: a tapered, slightly twisted plate along +y from the hub, 1 m long. */
function bladeGeometry(): THREE.BufferGeometry {
  const shape = new THREE.Shape();
  shape.moveTo(-0.045, 0.06);
  shape.lineTo(0.055, 0.08);
  shape.lineTo(0.03, 1.0);
  shape.lineTo(-0.012, 1.0);
  shape.closePath();
  const geometry = new THREE.ExtrudeGeometry(shape, { depth: 0.012, bevelEnabled: false });
  const position = geometry.attributes.position!;
  for (let i = 0; i < position.count; i++) {
    // Twist along the span: 12° at the root to 2° at the tip.
    const y = position.getY(i);
    const angle = THREE.MathUtils.degToRad(12 - 10 * y);
    const x = position.getX(i);
    const z = position.getZ(i) - 0.006;
    position.setXYZ(i, x * Math.cos(angle) - z * Math.sin(angle), y, x * Math.sin(angle) + z * Math.cos(angle));
  }
  return geometry;
}

async function rotor(): Promise<Uint8Array> {
  const document = new Document();
  document.createBuffer();
  // Dielectric: glTF's default metallic factor is 1, which renders black without an environment map.
  const paint = (name: string, color: [number, number, number, number], roughness: number) =>
    document.createMaterial(name).setBaseColorFactor(color).setMetallicFactor(0).setRoughnessFactor(roughness);
  const white = paint("Blade white", [0.93, 0.94, 0.95, 1], 0.5);
  const grey = paint("Nacelle grey", [0.62, 0.66, 0.71, 1], 0.6);
  const red = paint("Tip red", [0.8, 0.16, 0.12, 1], 0.6);
  const scene = document.createScene("Rotor and nacelle");

  const hub = meshNode(document, "Hub", new THREE.SphereGeometry(0.07, 24, 16).scale(1, 1, 1.3), white);
  const nacelle = meshNode(document, "Nacelle", new THREE.BoxGeometry(0.14, 0.14, 0.42).translate(0, 0, -0.25), grey);
  scene.addChild(hub).addChild(nacelle);
  for (let i = 0; i < 3; i++) {
    const angle = (i * 2 * Math.PI) / 3;
    const blade = meshNode(document, `Blade ${i + 1}`, bladeGeometry(), white).setRotation([
      0,
      0,
      Math.sin(angle / 2),
      Math.cos(angle / 2),
    ]);
    const tip = meshNode(document, `Blade ${i + 1} tip`, new THREE.BoxGeometry(0.05, 0.16, 0.014).translate(0.009, 0.92, 0), red);
    blade.addChild(tip);
    scene.addChild(blade);
  }
  return new NodeIO().writeBinary(document);
}

const root = path.resolve(import.meta.dirname, "..");
const file = path.join(root, "definitions/examples/turbine/assets/rotor.glb");
await writeFile(file, await rotor());
console.log(`wrote ${path.relative(root, file)}`);
