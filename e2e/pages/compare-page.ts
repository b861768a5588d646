import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the Compare view (the app's start page): text, lanes, the test API. */
export class ComparePage {
  constructor(readonly page: Page) {}

  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
  }

  get textInput(): Locator {
    return this.page.getByTestId("text-input");
  }

  get lanes(): Locator {
    return this.page.getByTestId("lane");
  }

  lane(tokenizer: string): Locator {
    return this.page.locator(`[data-testid="lane"][data-tokenizer="${tokenizer}"]`);
  }

  /** Waits until no work is pending and every lane shows a result or an error. */
  async waitIdle(timeout = 60_000): Promise<void> {
    await expect(this.page.locator("body")).toHaveAttribute("data-status", "idle", { timeout });
    await expect(this.page.locator('[data-testid="lane"][data-status="loading"]')).toHaveCount(0, {
      timeout,
    });
  }

  /** Lane tokenizer ids in display order. */
  async laneIds(): Promise<string[]> {
    return this.lanes.evaluateAll((lanes) => lanes.map((lane) => lane.getAttribute("data-tokenizer") ?? ""));
  }

  async tokenCount(tokenizer: string): Promise<number> {
    return Number(await this.lane(tokenizer).getAttribute("data-token-count"));
  }

  /** Sets the text through the app's test API (as a paste would), fast even for a megabyte. */
  async setText(text: string): Promise<void> {
    await this.page.evaluate((value) => window.tokenprism!.setText(value), text);
  }

  /** Adds a tokenizer's lane through the model picker (search by id, pick the tokenizer itself). */
  async addLane(tokenizer: string): Promise<void> {
    await this.page.getByTestId("model-search").fill(tokenizer);
    await this.page.locator(`[role="option"][data-kind="tokenizer"][data-tokenizer="${tokenizer}"]`).click();
  }
}
