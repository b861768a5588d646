import { expect, type Locator, type Page } from "@playwright/test";

/** Page object for the Tokenizer lab. */
export class LabPage {
  constructor(readonly page: Page) {}

  /** Switches to the lab tab. */
  async show(): Promise<void> {
    await this.page.getByRole("tab", { name: "Tokenizer lab" }).click();
    await expect(this.page.getByTestId("lab")).toBeVisible();
  }

  /** Adds the Compare view's current text to the training corpus. */
  async useCurrentText(): Promise<void> {
    await this.page.getByTestId("lab-corpus-current").click();
  }

  /** Starts training with a vocabulary size (returns once started). */
  async train(vocabSize: number): Promise<void> {
    await this.page.getByTestId("lab-vocab").fill(String(vocabSize));
    await this.page.getByTestId("lab-train-button").click();
  }

  /** The training job's status line (`data-status`: idle, running, done, error, cancelled). */
  get trainStatus(): Locator {
    return this.page.getByTestId("lab-train-status");
  }

  /** The trained model's summary (appears when training is done). */
  get trained(): Locator {
    return this.page.getByTestId("lab-trained");
  }

  async cancelTraining(): Promise<void> {
    await this.page.getByTestId("lab-train-status-cancel").click();
  }

  /** Token counts per inference method (`tr[data-method]` rows with `data-count`). */
  get methodCounts(): Locator {
    return this.page.getByTestId("lab-method-counts");
  }

  async methodCount(method: string): Promise<number> {
    return Number(await this.methodCounts.locator(`tr[data-method="${method}"]`).getAttribute("data-count"));
  }

  /** Opens the merge explanation of the n-th token of the segmented text. */
  async explainToken(n: number): Promise<Locator> {
    await this.page.getByTestId("lab-chips").getByRole("button").nth(n).click();
    return this.page.getByTestId("lab-explainer");
  }

  /** Shows the trained tokenizer as a lane in Compare. */
  async addAsLane(): Promise<void> {
    await this.page.getByTestId("lab-add-lane").click();
  }
}
