import { describe, expect, it } from "vitest";
import {
  hubFileUrl,
  hubHttpMessage,
  hubRepoOfId,
  hubTokenizerId,
  normalizeHubEndpoint,
  parseHubRepo,
} from "./hub-repo";

describe("parseHubRepo", () => {
  it("reads owner/name, a revision, an hf: id and a model page address", () => {
    expect(parseHubRepo("Qwen/Qwen3-0.6B")).toEqual({
      ok: true,
      repo: { owner: "Qwen", name: "Qwen3-0.6B", revision: "main" },
    });
    expect(parseHubRepo(" meta-llama/Llama-3.1-8B@refs/pr/1 ")).toMatchObject({
      repo: { revision: "refs/pr/1" },
    });
    expect(parseHubRepo("hf:a/b@v1.0")).toMatchObject({ repo: { owner: "a", name: "b", revision: "v1.0" } });
    expect(parseHubRepo("https://huggingface.co/google/gemma-3-1b-it/tree/abc")).toMatchObject({
      repo: { owner: "google", name: "gemma-3-1b-it", revision: "abc" },
    });
  });

  it("refuses what is not a repository, with the reason", () => {
    for (const bad of ["", "gpt2", "a/b/c", "../x", "a/..", "a/b@", "a/b@../x", "<script>/x", "a b/c"])
      expect(parseHubRepo(bad).ok, bad).toBe(false);
  });

  it("round-trips lane ids", () => {
    const repo = { owner: "o", name: "n.x", revision: "main" };
    expect(hubRepoOfId(hubTokenizerId(repo))).toEqual(repo);
    expect(hubRepoOfId("o200k_base")).toBeNull();
  });
});

describe("endpoints and files", () => {
  it("normalises endpoints and refuses others", () => {
    expect(normalizeHubEndpoint("https://hf-mirror.com/")).toBe("https://hf-mirror.com");
    expect(normalizeHubEndpoint("http://127.0.0.1:8080/hub/")).toBe("http://127.0.0.1:8080/hub");
    expect(() => normalizeHubEndpoint("ftp://x")).toThrow(/http/);
    expect(() => normalizeHubEndpoint("not a url")).toThrow(/not an address/);
    expect(() => normalizeHubEndpoint("https://x/?a=1")).toThrow(/plain address/);
  });

  it("builds resolve URLs with the revision escaped", () => {
    expect(
      hubFileUrl(
        "https://huggingface.co",
        { owner: "a", name: "b", revision: "refs/pr/1" },
        "tokenizer.json",
      ),
    ).toBe("https://huggingface.co/a/b/resolve/refs%2Fpr%2F1/tokenizer.json");
  });

  it("explains 404, gated and other statuses", () => {
    const repo = { owner: "a", name: "b", revision: "main" };
    expect(hubHttpMessage(404, repo, "tokenizer.json", "https://huggingface.co")).toMatch(
      /has no tokenizer.json/,
    );
    expect(hubHttpMessage(401, repo, "tokenizer.json", "https://huggingface.co")).toMatch(
      /gated or private.*drop/,
    );
    expect(hubHttpMessage(500, repo, "tokenizer.json", "https://huggingface.co")).toMatch(/HTTP 500/);
  });
});
