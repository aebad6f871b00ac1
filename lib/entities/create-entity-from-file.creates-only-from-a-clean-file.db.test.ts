import { describe, expect, it } from "vitest";
import { BEAM_CSV_EXAMPLE } from "@/definitions/beam/from-csv";
import { db } from "@/lib/db/client";
import { createEntity } from "./create-entity";
import { createEntityFromFile } from "./create-entity-from-file";
import { paramsToJson } from "./file-import";
import { findEntityForUser } from "./get-entity";
import { newActor, valueOf } from "./test-support/users";

const CSV = 0; // the beam's own fromFile comes first
const JSON_EXPORT = 1;

describe("creating an entity from a file", () => {
  it("creates a beam from the CSV example, named by its name record, with its params as version 1", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null })).id;
    const { id, name } = valueOf(
      await createEntityFromFile(erin, { type: "beam", format: CSV, parentId: p, file: { name: "b7.csv", text: BEAM_CSV_EXAMPLE } }),
    );
    expect(name).toBe("Beam from CSV");
    const beam = await findEntityForUser(erin, id);
    expect(beam).toMatchObject({ name: "Beam from CSV", parentId: p, version: 1 });
    expect(beam!.params).toMatchObject({
      geometry: {
        nodes: [
          { id: "A", x: 0 },
          { id: "B", x: 6 },
        ],
        section: { profile: "IPE 300", grade: "S355" },
      },
      loads: { pointLoads: [{ x: 3, F: 50 }], distributedLoads: [{ x1: 0, x2: 6, q1: 10, q2: 10 }] },
    });
  });

  it("round-trips any entity's params through the JSON export", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null })).id;
    const cube = valueOf(await createEntity(erin, { type: "cube", name: "Unit cube", parentId: p })).id;
    const original = (await findEntityForUser(erin, cube))!;
    const text = paramsToJson(original);
    const copy = valueOf(await createEntityFromFile(erin, { type: "cube", format: 0, parentId: p, file: { name: "whatever.json", text } }));
    expect(copy.name).toBe("Unit cube");
    expect((await findEntityForUser(erin, copy.id))!.params).toEqual(original.params);
  });

  it.each([
    [
      "a CSV with a bad number",
      "beam",
      CSV,
      "bad.csv",
      "node,A,0\nnode,B,six\n",
      [{ line: 2, column: 3, message: 'the node position x (m) must be a number; "six" is not.' }],
    ],
    [
      "a CSV with an unknown record",
      "beam",
      CSV,
      "bad.csv",
      "node,A,0\nnode,B,6\nbolt,M20\n",
      [
        {
          line: 3,
          column: 1,
          message: '"bolt" is not a record kind; use one of name, node, support, point, distributed, profile, grade, selfweight.',
        },
      ],
    ],
    [
      "a CSV whose values the parametrization refuses",
      "beam",
      CSV,
      "bad.csv",
      "node,A,0\nnode,B,6\nsupport,A,pinned\npoint,9,50\n",
      [{ path: "loads.pointLoads[0].x", message: expect.any(String) }],
    ],
    [
      "broken JSON",
      "beam",
      JSON_EXPORT,
      "bad.json",
      '{\n  "gusset": 1,\n  "params": {,}\n}',
      [{ line: 3, column: expect.any(Number), message: expect.stringContaining("This is not valid JSON") }],
    ],
    [
      "a JSON export of another type",
      "beam",
      JSON_EXPORT,
      "cube.json",
      paramsToJson({ type: "cube", name: "C", params: {} }),
      [{ path: "type", message: "This file holds a cube, not a beam." }],
    ],
    ["a file of the wrong extension", "beam", CSV, "beam.xlsx", BEAM_CSV_EXAMPLE, [{ message: '"beam.xlsx" is not a .csv or .txt file.' }]],
  ])("refuses %s with problems that say where, and creates nothing", async (_, type, format, name, text, problems) => {
    const erin = await newActor("Erin", "engineer");
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null })).id;
    const result = await createEntityFromFile(erin, { type, format, parentId: p, file: { name, text } });
    expect(result).toEqual({
      ok: false,
      failure: { code: "invalid_file", message: expect.any(String), problems, problemCount: problems.length, fields: [] },
    });
    expect(await db.entity.count({ where: { parentId: p } })).toBe(0);
  });

  // A NUL spelled as a JSON escape passed every check and reached PostgreSQL, which refused it: 500.
  it.each([
    ["a NUL in a value", paramsToJson({ type: "project", name: "P", params: { description: "a\u0000b", drawing: null } })],
    ["a NUL in the name", '{ "gusset": 1, "type": "project", "name": "P\\u0000", "params": {} }'],
    ["a lone surrogate in a value", '{ "gusset": 1, "type": "project", "name": "P", "params": { "description": "\\ud800" } }'],
  ])("refuses a JSON import holding %s with a problem, and creates nothing", async (_, text) => {
    const erin = await newActor("Erin", "engineer");
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null })).id;
    const result = await createEntityFromFile(erin, { type: "project", format: 0, parentId: p, file: { name: "p.json", text } });
    expect(result).toMatchObject({
      ok: false,
      failure: { code: "invalid_file", problems: [{ message: expect.stringMatching(/cannot be stored/) }], problemCount: 1 },
    });
    expect(await db.entity.count({ where: { parentId: p } })).toBe(0);
  });

  // A file of 60,000 bad lines answered 9.2 MB of problems.
  it("lists the first 100 of 60,000 problems and says how many there are", async () => {
    const erin = await newActor("Erin", "engineer");
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null })).id;
    const text = Array.from({ length: 60_000 }, (_, i) => `node,N${i},x`).join("\n");
    const result = await createEntityFromFile(erin, { type: "beam", format: CSV, parentId: p, file: { name: "bad.csv", text } });
    if (result.ok || result.failure.code !== "invalid_file") throw new Error("expected an invalid file");
    expect(result.failure.problemCount).toBe(60_000);
    expect(result.failure.problems).toHaveLength(100);
    expect(result.failure.problems[99]).toMatchObject({ line: 100, column: 3 });
    expect(result.failure.message).toBe("Nothing was created: the file has 60,000 problems.");
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
    expect(await db.entity.count({ where: { parentId: p } })).toBe(0);
  });

  it("refuses a reviewer, an unknown format and a parent the actor may not see", async () => {
    const erin = await newActor("Erin", "engineer");
    const rita = await newActor("Rita", "reviewer");
    const other = await newActor("Otto", "engineer");
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null })).id;
    const file = { name: "b.csv", text: BEAM_CSV_EXAMPLE };
    expect((await createEntityFromFile(rita, { type: "beam", format: CSV, parentId: p, file })).ok).toBe(false);
    expect(await createEntityFromFile(erin, { type: "beam", format: 7, parentId: p, file })).toMatchObject({
      ok: false,
      failure: { code: "refused" },
    });
    expect(await createEntityFromFile(other, { type: "beam", format: CSV, parentId: p, file })).toMatchObject({
      ok: false,
      failure: { code: "not_found" },
    });
    expect(await db.entity.count({ where: { parentId: p } })).toBe(0);
  });
});
