import { test as base, expect, type Locator, type Page } from "@playwright/test";

/** Page object for the Tokenprism first page. */
export class TokenprismPage {
  constructor(readonly page: Page) {}

  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
  }

  get textInput(): Locator {
    return this.page.getByTestId("text-input");
  }

  lane(): Locator {
    return this.page.getByTestId("lane");
  }

  /** Waits until no work is pending and the lane shows a result. */
  async waitIdle(): Promise<void> {
    await expect(this.page.locator("body")).toHaveAttribute("data-status", "idle", { timeout: 30_000 });
    await expect(this.lane()).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  }

  async tokenCount(): Promise<number> {
    return Number(await this.lane().getAttribute("data-token-count"));
  }
}

export const test = base.extend<{ app: TokenprismPage }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await use(new TokenprismPage(page));
    expect(errors, "uncaught errors in the page").toEqual([]);
  },
});

export { expect };
