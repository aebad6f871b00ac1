import { describe, expect, it } from "vitest";
import turbine from "@/definitions/examples/turbine";
import { openAsset } from "./entity-type-assets";

async function bytesOf(stream: ReadableStream): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("openAsset", () => {
  it("serves a model from the type's assets folder with its glTF type", async () => {
    const asset = await openAsset(turbine, "rotor.glb");
    expect(asset).toMatchObject({ contentType: "model/gltf-binary" });
    const bytes = await bytesOf(asset!.body);
    expect(bytes.length).toBe(asset!.size);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("glTF");
  });

  it.each(["../params.ts", "..%2Fparams.ts", ".hidden.glb", "sub/rotor.glb", "rotor.svg", "index.html", "missing.glb", ""])(
    "refuses %j",
    async (name) => {
      expect(await openAsset(turbine, name)).toBeNull();
    },
  );
});
