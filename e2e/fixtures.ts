import { test as base, expect } from "@playwright/test";
import { AtlasPage } from "./pages/atlas-page";
import { ByteLmPage } from "./pages/byte-lm-page";
import { ComparePage } from "./pages/compare-page";
import { LabPage } from "./pages/lab-page";

export { ComparePage as TokenprismPage } from "./pages/compare-page";

/** One page object per view; every test fails on an uncaught error in the page. */
export const test = base.extend<{
  app: ComparePage;
  atlas: AtlasPage;
  lab: LabPage;
  lm: ByteLmPage;
  pageErrors: string[];
}>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await use(errors);
  },
  app: async ({ page, pageErrors }, use) => {
    await use(new ComparePage(page));
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  },
  atlas: async ({ page, pageErrors }, use) => {
    await use(new AtlasPage(page));
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  },
  lab: async ({ page, pageErrors }, use) => {
    await use(new LabPage(page));
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  },
  lm: async ({ page, pageErrors }, use) => {
    await use(new ByteLmPage(page));
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  },
});

export { expect };
