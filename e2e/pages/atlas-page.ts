import { expect, type Locator, type Page } from "@playwright/test";
import { shareFragment } from "../../scripts/lib/share-link";

/** Page object for the Parity atlas. */
export class AtlasPage {
  constructor(readonly page: Page) {}

  /**
   * Opens the atlas by link, with these tokenizers, every language, sorted by name. `countInPage` makes the
   * page count built-in columns in its workers instead of showing the ones counted when the app was built.
   */
  async open(tokenizers: string[], { countInPage = true } = {}): Promise<void> {
    await this.page.goto(
      `/${countInPage ? "?atlas=count" : ""}${shareFragment({ view: "atlas", atlas: { tokenizers, langs: null, sort: "name", query: "" } })}`,
    );
  }

  /** The run's status (`data-state`: running, paused, done …). */
  get status(): Locator {
    return this.page.getByTestId("atlas-status");
  }

  async waitDone(timeout = 150_000): Promise<void> {
    await expect(this.status).toHaveAttribute("data-state", "done", { timeout });
  }

  get cells(): Locator {
    return this.page.getByTestId("atlas-cell");
  }

  cell(lang: string, tokenizer: string): Locator {
    return this.page.locator(
      `[data-testid="atlas-cell"][data-lang="${lang}"][data-tokenizer="${tokenizer}"]`,
    );
  }

  get search(): Locator {
    return this.page.getByTestId("atlas-search");
  }

  /** The equity summary table (one row per tokenizer). */
  get equityRows(): Locator {
    return this.page.getByTestId("atlas-equity").locator("tbody tr");
  }
}
