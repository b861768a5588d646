import { expect, type Locator, type Page } from "@playwright/test";
import { shareFragment } from "../../scripts/lib/share-link";

/** Page object for the Byte LM view: surprisal, next byte, patches, and the token LM section. */
export class ByteLmPage {
  constructor(readonly page: Page) {}

  /** Opens the view by link on a text, and waits until the text is scored. */
  async open(text: string): Promise<void> {
    await this.page.goto(
      `/${shareFragment({ text, lanes: [{ tokenizer: "cl100k_base", mode: "text" }], view: "lm" })}`,
    );
    await expect(this.bitsPerByte).toBeVisible({ timeout: 60_000 });
  }

  /** The text's mean bits per byte (shown once scored). */
  get bitsPerByte(): Locator {
    return this.page.getByTestId("bits-per-byte");
  }

  /** Which backend runs the model ("WebAssembly" or "WebGPU"). */
  get backend(): Locator {
    return this.page.getByTestId("lm-backend");
  }

  /** Every character of the scored text, coloured by its surprisal. */
  get chars(): Locator {
    return this.page.getByTestId("surprisal-char");
  }

  /** Puts the caret after the n-th character (clicks it). */
  async caretAfter(n: number): Promise<void> {
    await this.chars.nth(n).click();
  }

  /** Opens the token LM section (byte vs. token). */
  async openTokenLm(): Promise<void> {
    await this.page.getByTestId("token-lm-section").locator("summary").click();
  }
}
