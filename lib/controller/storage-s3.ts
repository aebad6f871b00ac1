import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { AwsClient } from "aws4fetch";
import { checkName, rechunk, StorageError, withConveniences, type Body, type Storage, type StoredObjectInfo } from "./storage";

/**
 * Storage in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), chosen when
 * GUSSET_S3_BUCKET is set. Objects live at `<bucket>/<workspace>/<key>`
 * (path-style URLs, which every S3-compatible server accepts). Large bodies
 * go up as a multipart upload of 8 MiB parts, so memory stays bounded.
 */

export interface S3Config {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000 */
  readonly endpoint: string;
  readonly bucket: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export const S3_PART_BYTES = 8 * 1024 * 1024;

export function s3ConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): S3Config | null {
  if (!env.GUSSET_S3_BUCKET) return null;
  const missing = ["GUSSET_S3_ENDPOINT", "GUSSET_S3_ACCESS_KEY_ID", "GUSSET_S3_SECRET_ACCESS_KEY"].filter((name) => !env[name]);
  if (missing.length)
    throw new StorageError(`GUSSET_S3_BUCKET is set, so storage needs ${missing.join(", ")} too (docs/deployment.md, "S3 storage").`);
  return {
    endpoint: env.GUSSET_S3_ENDPOINT!.replace(/\/+$/, ""),
    bucket: env.GUSSET_S3_BUCKET,
    region: env.GUSSET_S3_REGION ?? "us-east-1",
    accessKeyId: env.GUSSET_S3_ACCESS_KEY_ID!,
    secretAccessKey: env.GUSSET_S3_SECRET_ACCESS_KEY!,
  };
}

export function s3Storage(workspace: string, config: S3Config): Storage {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: "s3",
  });
  const objectUrl = (key: string) =>
    `${config.endpoint}/${config.bucket}/${[workspace, ...key.split("/")].map(encodeURIComponent).join("/")}`;

  async function call(url: string, init: RequestInit, what: string, allow404 = false): Promise<Response | null> {
    const response = await client.fetch(url, init);
    if (allow404 && response.status === 404) return null;
    if (!response.ok) {
      const xml = await response.text();
      const reason = [xmlValue(xml, "Code"), xmlValue(xml, "Message")].filter(Boolean).join(": ") || xml.slice(0, 200);
      throw new StorageError(`S3 ${what} failed: ${response.status} ${reason}`);
    }
    return response;
  }

  async function put(key: string, body: Body, options: { contentType?: string } = {}): Promise<StoredObjectInfo> {
    checkName("key", key);
    const contentType = options.contentType ?? (typeof body === "string" ? "text/plain; charset=utf-8" : "application/octet-stream");
    const url = objectUrl(key);
    const parts = rechunk(body, S3_PART_BYTES)[Symbol.asyncIterator]();
    const hash = createHash("sha256");
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    hash.update(firstPart);
    const second = first.done ? { done: true as const, value: undefined } : await parts.next();

    if (second.done) {
      // One part: a plain PUT, with the content's sha256 kept as metadata.
      const sha256 = hash.digest("hex");
      await call(
        url,
        { method: "PUT", body: asBody(firstPart), headers: { "content-type": contentType, "x-amz-meta-sha256": sha256 } },
        `put ${key}`,
      );
      return { key, contentType, size: firstPart.length, sha256, updatedAt: new Date() };
    }

    const created = await call(`${url}?uploads`, { method: "POST", headers: { "content-type": contentType } }, `start upload of ${key}`);
    const uploadId = xmlValue(await created!.text(), "UploadId");
    if (!uploadId) throw new StorageError(`S3 start upload of ${key}: no UploadId in the answer`);
    const etags: string[] = [];
    let size = 0;
    try {
      const upload = async (part: Buffer) => {
        const response = await call(
          `${url}?partNumber=${etags.length + 1}&uploadId=${encodeURIComponent(uploadId)}`,
          { method: "PUT", body: asBody(part) },
          `upload part of ${key}`,
        );
        etags.push(response!.headers.get("etag") ?? "");
        size += part.length;
      };
      await upload(firstPart);
      hash.update(second.value);
      await upload(second.value);
      for (let next = await parts.next(); !next.done; next = await parts.next()) {
        hash.update(next.value);
        await upload(next.value);
      }
      const manifest = `<CompleteMultipartUpload>${etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
      await call(
        `${url}?uploadId=${encodeURIComponent(uploadId)}`,
        { method: "POST", body: manifest, headers: { "content-type": "application/xml" } },
        `complete upload of ${key}`,
      );
    } catch (error) {
      await client.fetch(`${url}?uploadId=${encodeURIComponent(uploadId)}`, { method: "DELETE" }).catch(() => {});
      throw error;
    }
    return { key, contentType, size, sha256: hash.digest("hex"), updatedAt: new Date() };
  }

  async function get(key: string): Promise<{ info: StoredObjectInfo; body: Readable } | null> {
    checkName("key", key);
    const response = await call(objectUrl(key), { method: "GET" }, `get ${key}`, true);
    if (!response) return null;
    const info: StoredObjectInfo = {
      key,
      contentType: response.headers.get("content-type") ?? "application/octet-stream",
      size: Number(response.headers.get("content-length") ?? 0),
      sha256: response.headers.get("x-amz-meta-sha256"),
      updatedAt: new Date(response.headers.get("last-modified") ?? Date.now()),
    };
    const body = response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
    return { info, body };
  }

  return withConveniences({
    put,
    get,
    async list(prefix = "") {
      const found: StoredObjectInfo[] = [];
      let token: string | undefined;
      do {
        const query = new URLSearchParams({
          "list-type": "2",
          prefix: `${workspace}/${prefix}`,
          ...(token ? { "continuation-token": token } : {}),
        });
        const xml = await (await call(`${config.endpoint}/${config.bucket}?${query}`, { method: "GET" }, "list"))!.text();
        for (const entry of xml.match(/<Contents>[\s\S]*?<\/Contents>/g) ?? []) {
          found.push({
            key: unescapeXml(xmlValue(entry, "Key") ?? "").slice(workspace.length + 1),
            contentType: "application/octet-stream",
            size: Number(xmlValue(entry, "Size") ?? 0),
            sha256: null,
            updatedAt: new Date(xmlValue(entry, "LastModified") ?? Date.now()),
          });
        }
        token = xmlValue(xml, "IsTruncated") === "true" ? (xmlValue(xml, "NextContinuationToken") ?? undefined) : undefined;
      } while (token);
      return found.sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async delete(key) {
      checkName("key", key);
      const existed = await call(objectUrl(key), { method: "HEAD" }, `look up ${key}`, true);
      if (!existed) return false;
      await call(objectUrl(key), { method: "DELETE" }, `delete ${key}`);
      return true;
    },
  });
}

/** A Buffer is a Uint8Array; TS's DOM types only refuse it for its possibly shared backing store. */
function asBody(bytes: Buffer): BodyInit {
  return bytes as unknown as BodyInit;
}

function xmlValue(xml: string, tag: string): string | null {
  return new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? null;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
