import { afterAll, describe, expect, it } from "vitest";
import { pool } from "@/lib/db/pool";
import { storage } from "@/lib/controller/storage";
import { db } from "@/lib/db/client";
import { createEntity } from "@/lib/entities/create-entity";
import { deleteEntity } from "@/lib/entities/delete-entity";
import { saveParams } from "@/lib/entities/save-params";
import { newActor, valueOf } from "@/lib/entities/test-support/users";
import { collectUnreferencedFiles } from "./collect-unreferenced-files";
import { findFileForUser } from "./find-file-for-user";
import { FILES_WORKSPACE, uploadFile } from "./upload-file";
import { HTTP_STATUS } from "@/lib/http/respond";

// The bytes pool (storage, the file queries) holds idle connections; close them before the
// test database is dropped, or the drop's terminate reaches them as an uncaught error.
afterAll(() => pool.end());

const PDF = new Uint8Array(Buffer.from("%PDF-1.4\n% a tiny test file\n"));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const LATER = () => new Date(Date.now() + 60_000);

async function read(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}

describe("uploading to a file field", () => {
  it("stores a PDF for the project's Drawing and answers the reference the field holds", async () => {
    const erin = await newActor("Erin", "engineer");
    const result = await uploadFile(erin, { type: "project", field: "drawing", name: "site plan.pdf", bytes: PDF });
    expect(result).toEqual({
      ok: true,
      value: { fileId: expect.any(String), name: "site plan.pdf", size: PDF.length, type: "application/pdf" },
    });
    if (!result.ok) return;
    expect(await db.storedFile.findUnique({ where: { id: result.value.fileId } })).toMatchObject({
      ownerId: erin.id,
      contentType: "application/pdf",
      size: PDF.length,
    });
    expect(await storage(FILES_WORKSPACE).getBytes(result.value.fileId)).toEqual(Buffer.from(PDF));
  });

  it.each([
    [
      "an unknown field",
      { type: "project", field: "photo", name: "a.pdf", bytes: PDF },
      404,
      'There is no file field "photo" on "project".',
    ],
    [
      "a field that is not a file",
      { type: "project", field: "description", name: "a.pdf", bytes: PDF },
      404,
      'There is no file field "description" on "project".',
    ],
    [
      "a PNG named .pdf",
      { type: "project", field: "drawing", name: "a.pdf", bytes: PNG },
      415,
      '"a.pdf" is named .pdf, but its content is a PNG image.',
    ],
    [
      "a type the field does not take",
      { type: "project", field: "drawing", name: "notes.txt", bytes: new Uint8Array(Buffer.from("hello")) },
      415,
      'Drawing takes .pdf, .png; "notes.txt" is text/plain.',
    ],
    [
      "a file over the field's limit",
      { type: "project", field: "drawing", name: "big.pdf", bytes: new Uint8Array(10 * 1024 * 1024 + 1) },
      413,
      '"big.pdf" is 10.0 MB; Drawing takes at most 10.0 MB.',
    ],
  ])("refuses %s, storing nothing", async (_, input, status, message) => {
    const erin = await newActor("Erin", "engineer");
    const before = await db.storedFile.count();
    const result = await uploadFile(erin, input);
    expect(result).toEqual({ ok: false, failure: { code: expect.any(String), message, fields: [] } });
    if (!result.ok) expect(HTTP_STATUS[result.failure.code]).toBe(status);
    expect(await db.storedFile.count()).toBe(before);
  });

  // A file name with a NUL reached PostgreSQL, which refused it: 500. Control characters and a lone
  // surrogate become "_" and U+FFFD, as path separators already became "_".
  it("stores an upload whose name holds a NUL, a control character or a lone surrogate under a name that can be stored", async () => {
    const erin = await newActor("Erin", "engineer");
    const result = await uploadFile(erin, { type: "project", field: "drawing", name: "plan\u0000\u0007\ud800.pdf", bytes: PDF });
    expect(result).toMatchObject({ ok: true, value: { name: "plan__\ufffd.pdf" } });
    if (!result.ok) return;
    expect(await db.storedFile.findUnique({ where: { id: result.value.fileId } })).toMatchObject({ name: "plan__\ufffd.pdf" });
  });
});

describe("who may download a file", () => {
  it("serves its uploader, and whoever reads an entity whose revisions reference it; nobody else", async () => {
    const erin = await newActor("Erin", "engineer");
    const rita = await newActor("Rita", "reviewer");
    const otto = await newActor("Otto", "engineer");
    const up = await uploadFile(erin, { type: "project", field: "drawing", name: "plan.png", bytes: PNG });
    if (!up.ok) throw new Error(up.failure.message);
    expect(await findFileForUser(rita, up.value.fileId)).toBeNull();

    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null }));
    valueOf(await saveParams(erin, { id: p.id, params: { description: null, drawing: up.value }, expectedVersion: 1 }));
    const file = await findFileForUser(rita, up.value.fileId);
    expect(file).toMatchObject({ name: "plan.png", contentType: "image/png", size: PNG.length });
    expect(await read(file!.body)).toEqual(Buffer.from(PNG));
    expect(await findFileForUser(otto, up.value.fileId)).toBeNull();
    expect(await findFileForUser(otto, "not-a-uuid")).toBeNull();
  });

  it("refuses to save another user's file into one's own entity", async () => {
    const erin = await newActor("Erin", "engineer");
    const otto = await newActor("Otto", "engineer");
    const up = await uploadFile(erin, { type: "project", field: "drawing", name: "plan.png", bytes: PNG });
    if (!up.ok) throw new Error(up.failure.message);
    const mine = valueOf(await createEntity(otto, { type: "project", name: "Mine", parentId: null }));
    const result = await saveParams(otto, { id: mine.id, params: { description: null, drawing: up.value }, expectedVersion: 1 });
    expect(result).toMatchObject({ ok: false, failure: { code: "invalid_input", fields: [{ path: "drawing" }] } });
    expect(await findFileForUser(otto, up.value.fileId)).toBeNull();
  });
});

// The reference check was `params::text LIKE '%<id>%'`: a text field that mentioned another user's
// file id made GET /api/files/<id> serve it, and kept it from collection. Only a file field's value counts.
describe("a file id mentioned in a text field", () => {
  it("grants nothing and does not keep the file from collection", async () => {
    const erin = await newActor("Erin", "engineer");
    const otto = await newActor("Otto", "engineer");
    const up = await uploadFile(erin, { type: "project", field: "drawing", name: "plan.png", bytes: PNG });
    if (!up.ok) throw new Error(up.failure.message);
    const mine = valueOf(await createEntity(otto, { type: "project", name: "Mine", parentId: null }));
    valueOf(
      await saveParams(otto, {
        id: mine.id,
        params: { description: `see ${up.value.fileId} and {"fileId":"${up.value.fileId}","name":"x"}`, drawing: null },
        expectedVersion: 1,
      }),
    );
    expect(await findFileForUser(otto, up.value.fileId)).toBeNull();
    expect(await collectUnreferencedFiles(LATER())).toContain(up.value.fileId);
  });
});

describe("collecting unreferenced files", () => {
  it("deletes files no revision references once past the grace period, keeps referenced ones, and those of a deleted entity go after it", async () => {
    const erin = await newActor("Erin", "engineer");
    const upload = async () => {
      const r = await uploadFile(erin, { type: "project", field: "drawing", name: "d.pdf", bytes: PDF });
      if (!r.ok) throw new Error(r.failure.message);
      return r.value;
    };
    const abandoned = await upload();
    const kept = await upload();
    const replaced = await upload();
    const p = valueOf(await createEntity(erin, { type: "project", name: "P", parentId: null }));
    valueOf(await saveParams(erin, { id: p.id, params: { description: null, drawing: replaced }, expectedVersion: 1 }));
    valueOf(await saveParams(erin, { id: p.id, params: { description: null, drawing: kept }, expectedVersion: 2 }));

    // Inside the grace period nothing goes.
    expect(await collectUnreferencedFiles(new Date(Date.now() - 60_000))).not.toContain(abandoned.fileId);

    const collected = await collectUnreferencedFiles(LATER());
    expect(collected).toContain(abandoned.fileId);
    // An old revision still references the replaced file: restoring it must bring the file back.
    expect(collected).not.toContain(replaced.fileId);
    expect(collected).not.toContain(kept.fileId);
    expect(await db.storedFile.findUnique({ where: { id: abandoned.fileId } })).toBeNull();
    expect(await storage(FILES_WORKSPACE).getBytes(abandoned.fileId)).toBeNull();
    expect(await findFileForUser(erin, abandoned.fileId)).toBeNull();

    valueOf(await deleteEntity(erin, p.id));
    const after = await collectUnreferencedFiles(LATER());
    expect(after).toEqual(expect.arrayContaining([kept.fileId, replaced.fileId]));
    expect(await db.storedFile.count({ where: { id: { in: [kept.fileId, replaced.fileId] } } })).toBe(0);
  });
});
