import { MODELS, searchModels } from "../../core/models/models";
import type { TokenizerListing } from "../../../workers/tokenizer/api";

/** One choice of the model picker: a model (its tokenizer's lane) or a tokenizer itself. */
export interface PickerOption {
  key: string;
  kind: "model" | "tokenizer";
  group: string;
  label: string;
  /** The lane id it adds or focuses. */
  tokenizer: string;
  /** The lane's name, shown beside a model. */
  detail: string;
  caveat?: string;
}

function matches(query: string, ...fields: string[]): boolean {
  const key = (text: string) => text.toLowerCase().replace(/[\s._-]+/g, "");
  const haystack = key(fields.join(" "));
  return query
    .split(/\s+/)
    .map(key)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The picker's options for a query: models by vendor, then encodings and baselines, then extra lanes. */
export function pickerOptions(
  query: string,
  listings: readonly TokenizerListing[],
  extras: readonly { id: string; name: string }[],
): PickerOption[] {
  const nameOf = (id: string) => listings.find((l) => l.id === id)?.name ?? id;
  const models: PickerOption[] = searchModels(query, MODELS).map((model) => ({
    key: `model:${model.id}`,
    kind: "model",
    group: model.vendor,
    label: model.name,
    tokenizer: model.tokenizer,
    detail: nameOf(model.tokenizer),
    ...(model.caveat ? { caveat: model.caveat } : {}),
  }));
  const entries: { id: string; name: string; models: readonly string[] }[] = [
    ...listings,
    ...extras.map((extra) => ({ ...extra, models: [] })),
  ];
  const tokenizers: PickerOption[] = entries
    .filter((entry) => matches(query, entry.id, entry.name, ...entry.models))
    .map((entry) => ({
      key: `tokenizer:${entry.id}`,
      kind: "tokenizer",
      group: "Encodings and baselines",
      label: entry.name,
      tokenizer: entry.id,
      detail: entry.models.length > 0 ? entry.models.join(", ") : entry.id,
    }));
  return [...models, ...tokenizers];
}
