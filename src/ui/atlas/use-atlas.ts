import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { REFERENCE_LANG, type DeclarationInfo } from "../../core/corpus/udhr-corpus";
import { atlasRows, type AtlasRow } from "../../core/metrics/atlas";
import { sortLanguages } from "../../core/metrics/atlas-summary";
import {
  atlasColumnOptions,
  atlasKeys,
  udhrIndexOptions,
  type AtlasColumnOrigin,
} from "../../queries/atlas-queries";
import { tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useAtlasSelection } from "../../state/comparison-store";
import type { UdhrIndex } from "../../../workers/tokenizer/api";
import type { TokenizerListing } from "../../../workers/tokenizer/api";

/** The state of one tokenizer's column. */
export interface AtlasColumnState {
  tokenizer: string;
  name: string;
  status: "pending" | "running" | "ready" | "error" | "paused";
  /** Where the column's counts came from, once it has them. */
  origin: AtlasColumnOrigin | null;
  error: Error | null;
}

/** Everything the atlas screen shows, derived from the selection and the computed columns. */
export interface AtlasModel {
  index: UdhrIndex | undefined;
  indexError: Error | null;
  listings: TokenizerListing[];
  columns: AtlasColumnState[];
  /** Rows of the included languages, for every finished column. */
  rows: AtlasRow[];
  /** The languages shown (included and matching the search), in display order. */
  shown: DeclarationInfo[];
  /** What `shown` is sorted by. */
  sort: string;
  /** Included languages, before the search. */
  included: DeclarationInfo[];
  paused: boolean;
  cancel(): void;
  resume(): void;
}

function matches(d: DeclarationInfo, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === "" || [d.lang, d.name, d.script, d.iso6393].some((field) => field.toLowerCase().includes(q));
}

/** Computes (or loads from the cache) the selected tokenizers' columns and derives the tables. */
export function useAtlas(): AtlasModel {
  const selection = useAtlasSelection();
  const queryClient = useQueryClient();
  const [paused, setPaused] = useState(false);
  const listing = useQuery(tokenizerListOptions());
  const index = useQuery(udhrIndexOptions());
  const listings = listing.data ?? [];
  const data = index.data;
  const results = useQueries({
    queries: data
      ? selection.tokenizers.map((id) => ({
          ...atlasColumnOptions(id, data, listings.find((l) => l.id === id)?.approximateBytes ?? 1),
          enabled: !paused,
        }))
      : [],
  });
  const reference = data?.declarations.findIndex((d) => d.lang === REFERENCE_LANG) ?? -1;
  const included = useMemo(() => {
    if (!data) return [];
    const wanted = selection.langs ? new Set(selection.langs) : null;
    return data.declarations.filter((d) => !wanted || wanted.has(d.lang));
  }, [data, selection.langs]);
  const counts = results.map((r) => r.data?.counts);
  const countsKey = results.map((r) => r.dataUpdatedAt).join();
  const rows = useMemo(() => {
    if (!data) return [];
    const keep = new Set(included.map((d) => d.lang));
    return selection.tokenizers.flatMap((id, i) => {
      const column = counts[i];
      if (!column) return [];
      return atlasRows(data.declarations, id, column, column[reference] ?? 0).filter((r) => keep.has(r.lang));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- countsKey changes exactly when a column's counts do
  }, [data, included, selection.tokenizers, reference, countsKey]);
  const shown = useMemo(() => {
    const byLang = new Map(included.map((d) => [d.lang, d]));
    const filtered = included.filter((d) => matches(d, selection.query));
    return sortLanguages(filtered, rows, selection.sort).map((lang) => byLang.get(lang)!);
  }, [included, rows, selection.query, selection.sort]);

  const columns = selection.tokenizers.map((tokenizer, i): AtlasColumnState => {
    const r = results[i];
    const name = listings.find((l) => l.id === tokenizer)?.name ?? tokenizer;
    const status = !r
      ? "pending"
      : r.data
        ? "ready"
        : r.error
          ? "error"
          : r.fetchStatus === "fetching"
            ? "running"
            : paused
              ? "paused"
              : "pending";
    return { tokenizer, name, status, origin: r?.data?.origin ?? null, error: (r?.error as Error) ?? null };
  });

  return {
    index: data,
    indexError: index.error,
    listings,
    columns,
    rows,
    shown,
    sort: selection.sort,
    included,
    paused,
    cancel: () => {
      setPaused(true);
      void queryClient.cancelQueries({ queryKey: atlasKeys.all });
    },
    resume: () => setPaused(false),
  };
}
