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
    return this.page.locator(".lane");
  }

  /** Waits until the lane has finished loading and tokenizing. */
  async waitIdle(): Promise<void> {
    await expect(this.lane()).toHaveAttribute("data-status", "idle", { timeout: 30_000 });
  }

  async tokenCount(): Promise<number> {
    const text = await this.page.getByTestId("token-count").innerText();
    return Number(text.replace(/[^\d]/g, ""));
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
