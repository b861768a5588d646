/** Writes `src/core/tokenizers/tiktoken/unicode-classes.ts` from the pinned Unicode tables. */
import { writeFileSync } from "node:fs";
import { renderUnicodeClassesModule } from "./lib/unicode-classes-source";

const target = new URL("../src/core/tokenizers/tiktoken/unicode-classes.ts", import.meta.url);
writeFileSync(target, renderUnicodeClassesModule());
console.log(`wrote ${target.pathname}`);
