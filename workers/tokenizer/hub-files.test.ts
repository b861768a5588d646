import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_TOKENIZER_FILE_BYTES } from "../../src/core/tokenizers/custom-file";
import { fetchHubFile } from "./hub-files";

// fetchHubFile against a real local HTTP server (Node's own fetch): statuses, sizes, progress, network failure.

let server: Server;
let endpoint = "";
const repo = (name: string) => ({ owner: "org", name, revision: "main" });

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "";
    if (path.startsWith("/org/ok/")) {
      const body = Buffer.from('{"model": {}}');
      response.writeHead(200, { "Content-Length": body.length });
      return response.end(body);
    }
    if (path.startsWith("/org/declared-huge/")) {
      response.writeHead(200, { "Content-Length": MAX_TOKENIZER_FILE_BYTES + 1 });
      return response.end();
    }
    if (path.startsWith("/org/streamed-huge/")) {
      // No length declared: the limit must stop the download itself.
      response.writeHead(200, { "Transfer-Encoding": "chunked" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const write = () => {
        while (sent <= MAX_TOKENIZER_FILE_BYTES) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", write);
        }
        response.end();
      };
      response.on("error", () => undefined);
      return write();
    }
    if (path.startsWith("/org/gated/")) return void response.writeHead(403).end("gated");
    response.writeHead(404).end("Entry not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchHubFile", () => {
  it("downloads a file and reports progress", async () => {
    const seen: number[] = [];
    const bytes = await fetchHubFile(endpoint, repo("ok"), "tokenizer.json", {
      onProgress: (loaded) => seen.push(loaded),
    });
    expect(new TextDecoder().decode(bytes!)).toBe('{"model": {}}');
    expect(seen.at(-1)).toBe(bytes!.length);
  });

  it("gives null for a missing optional file, and a message for a missing required one", async () => {
    expect(
      await fetchHubFile(endpoint, repo("none"), "tokenizer_config.json", { optional: true }),
    ).toBeNull();
    await expect(fetchHubFile(endpoint, repo("none"), "tokenizer.json")).rejects.toThrow(/HTTP 404/);
  });

  it("says a gated repository needs the file dropped", async () => {
    await expect(fetchHubFile(endpoint, repo("gated"), "tokenizer.json")).rejects.toThrow(
      /gated or private.*drop/,
    );
  });

  it("refuses files over the limit, declared or streamed", async () => {
    await expect(fetchHubFile(endpoint, repo("declared-huge"), "tokenizer.json")).rejects.toThrow(
      /larger than 64 MB/,
    );
    await expect(fetchHubFile(endpoint, repo("streamed-huge"), "tokenizer.json")).rejects.toThrow(
      /larger than 64 MB/,
    );
  });

  it("says when the endpoint cannot be reached", async () => {
    await expect(fetchHubFile("http://127.0.0.1:9", repo("ok"), "tokenizer.json")).rejects.toThrow(
      /Could not reach/,
    );
  });
});
