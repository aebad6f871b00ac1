import { randomUUID, createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pool } from "@/lib/db/pool";
import { rowOf, rowsOf, withTransaction, type Queryable } from "@/lib/db/sql";
import { s3ConfigFromEnv, s3Storage } from "./storage-s3";

/**
 * VIKTOR's persistent storage: files and JSON kept per workspace, shared by
 * every job and process (job A stores what job B reads without recomputing).
 * In PostgreSQL: an object row and its content in 256 KiB chunks, so a large
 * file streams in and out with bounded memory (bench/storage.ts: peak RSS
 * growth ~40–50 MB for 10, 50 and 100 MB files alike; 1 MiB chunks grew ~70 MB).
 * Nothing is kept on local disk.
 */

export const CHUNK_BYTES = 256 * 1024;

export interface StoredObjectInfo {
  readonly key: string;
  readonly contentType: string;
  readonly size: number;
  /** Hex sha256 of the content; null where the backend does not keep it (S3 lists, multipart uploads). */
  readonly sha256: string | null;
  readonly updatedAt: Date;
}

export type Body = string | Uint8Array | AsyncIterable<Uint8Array> | Readable;

export interface Storage {
  /** Stores `body` under `key`, replacing what was there. */
  put(key: string, body: Body, options?: { contentType?: string }): Promise<StoredObjectInfo>;
  putJson(key: string, value: unknown): Promise<StoredObjectInfo>;
  /** The object's info, and its content as a stream read chunk by chunk; null when there is none. */
  get(key: string): Promise<{ info: StoredObjectInfo; body: Readable } | null>;
  getBytes(key: string): Promise<Buffer | null>;
  getJson<T = unknown>(key: string): Promise<T | null>;
  /** Objects whose key starts with `prefix`, by key. */
  list(prefix?: string): Promise<StoredObjectInfo[]>;
  /** Removes the object; false when there was none. */
  delete(key: string): Promise<boolean>;
}

export class StorageError extends Error {
  override name = "StorageError";
}

type ObjectRow = { id: string; key: string; contentType: string; size: bigint | number; sha256: string; updatedAt: Date };

const infoOf = (row: ObjectRow): StoredObjectInfo => ({
  key: row.key,
  contentType: row.contentType,
  size: Number(row.size),
  sha256: row.sha256,
  updatedAt: row.updatedAt,
});

/**
 * The storage of a workspace: in PostgreSQL, or in an S3-compatible bucket
 * when GUSSET_S3_BUCKET is set (lib/controller/storage-s3.ts; docs/deployment.md, "S3 storage").
 */
export function storage(workspace = "default"): Storage {
  checkName("workspace", workspace);
  const s3 = s3ConfigFromEnv();
  return s3 ? s3Storage(workspace, s3) : postgresStorage(workspace);
}

function postgresStorage(workspace: string): Storage {
  async function put(key: string, body: Body, options: { contentType?: string } = {}): Promise<StoredObjectInfo> {
    checkName("key", key);
    const contentType = options.contentType ?? (typeof body === "string" ? "text/plain; charset=utf-8" : "application/octet-stream");
    const id = randomUUID();
    const hash = createHash("sha256");
    let size = 0;
    let seq = 0;
    // Chunks are written as they arrive, outside any long transaction; the object
    // becomes visible (and replaces the old one) only in the final transaction.
    // A process dying in between leaves them unnamed: collect-orphan-chunks.ts.
    try {
      for await (const chunk of rechunk(body)) {
        hash.update(chunk);
        size += chunk.length;
        await pool.query(`INSERT INTO storage_chunk ("objectId", seq, data) VALUES ($1, $2, $3)`, [id, seq++, chunk]);
      }
      const sha256 = hash.digest("hex");
      const row = await withTransaction(pool, async (tx) => {
        await removeObject(tx, workspace, key);
        return rowOf<ObjectRow>(
          tx,
          `INSERT INTO storage_object (id, workspace, key, "contentType", size, sha256, "updatedAt")
           VALUES ($1::uuid, $2, $3, $4, $5, $6, now())
           RETURNING id::text, key, "contentType", size, sha256, "updatedAt"`,
          [id, workspace, key, contentType, size, sha256],
        );
      });
      return infoOf(row!);
    } catch (error) {
      await pool.query(`DELETE FROM storage_chunk WHERE "objectId" = $1::uuid`, [id]).catch(() => {});
      throw error;
    }
  }

  async function find(key: string): Promise<ObjectRow | null> {
    return rowOf<ObjectRow>(
      pool,
      `SELECT id::text, key, "contentType", size, sha256, "updatedAt" FROM storage_object WHERE workspace = $1 AND key = $2`,
      [workspace, key],
    );
  }

  async function get(key: string): Promise<{ info: StoredObjectInfo; body: Readable } | null> {
    const row = await find(key);
    if (!row) return null;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const { rows } = await pool.query<{ data: Buffer }>(`SELECT data FROM storage_chunk WHERE "objectId" = $1 AND seq = $2`, [
          row!.id,
          seq,
        ]);
        if (!rows[0]) return;
        yield rows[0].data;
      }
    }
    return { info: infoOf(row), body: Readable.from(chunks()) };
  }

  return withConveniences({
    put,
    get,
    async list(prefix = "") {
      const rows = await rowsOf<ObjectRow>(
        pool,
        `SELECT id::text, key, "contentType", size, sha256, "updatedAt" FROM storage_object
          WHERE workspace = $1 AND starts_with(key, $2) ORDER BY key`,
        [workspace, prefix],
      );
      return rows.map(infoOf);
    },
    async delete(key) {
      return (await withTransaction(pool, (tx) => removeObject(tx, workspace, key))) > 0;
    },
  });
}

/** A backend's four operations, plus the conveniences every backend shares. */
export function withConveniences(base: Pick<Storage, "put" | "get" | "list" | "delete">): Storage {
  async function getBytes(key: string): Promise<Buffer | null> {
    const found = await base.get(key);
    if (!found) return null;
    const parts: Buffer[] = [];
    for await (const part of found.body) parts.push(Buffer.from(part as Uint8Array));
    return Buffer.concat(parts);
  }
  return {
    ...base,
    putJson: (key, value) => base.put(key, JSON.stringify(value), { contentType: "application/json" }),
    getBytes,
    async getJson<T>(key: string): Promise<T | null> {
      const bytes = await getBytes(key);
      return bytes ? (JSON.parse(bytes.toString("utf8")) as T) : null;
    },
  };
}

/** Deletes an object and its chunks; returns how many objects went (0 or 1). */
async function removeObject(tx: Queryable, workspace: string, key: string): Promise<number> {
  const gone = await rowsOf<{ id: string }>(tx, `DELETE FROM storage_object WHERE workspace = $1 AND key = $2 RETURNING id::text`, [
    workspace,
    key,
  ]);
  for (const { id } of gone) await tx.query(`DELETE FROM storage_chunk WHERE "objectId" = $1::uuid`, [id]);
  return gone.length;
}

export function checkName(what: string, value: string): void {
  if (!value || value.length > 512 || /[\u0000-\u001f]/.test(value)) {
    throw new StorageError(`A storage ${what} must be 1–512 printable characters; got ${JSON.stringify(value.slice(0, 40))}.`);
  }
}

/** Any body as chunks of at most CHUNK_BYTES, without holding more than one chunk. */
export async function* rechunk(body: Body, size = CHUNK_BYTES): AsyncGenerator<Buffer> {
  if (typeof body === "string" || body instanceof Uint8Array) {
    const bytes = Buffer.from(body);
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    return;
  }
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of body as AsyncIterable<Uint8Array>) {
    let part = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingBytes + part.length >= size) {
      const take = size - pendingBytes;
      pending.push(part.subarray(0, take));
      yield Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      part = part.subarray(take);
    }
    if (part.length) {
      pending.push(Buffer.from(part)); // copy: the source may reuse its buffer
      pendingBytes += part.length;
    }
  }
  if (pendingBytes) yield Buffer.concat(pending);
}
