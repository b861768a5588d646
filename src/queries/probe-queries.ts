import { queryOptions } from "@tanstack/react-query";
import { textDigest } from "../core/text/digest";
import { tokenizerClient } from "../../workers/tokenizer/client";

/** Query keys of the probes. */
export const probeKeys = {
  numbers: (id: string, text: string) => ["probe", "numbers", id, textDigest(text)] as const,
  count: (id: string, word: string, letter: string) => ["probe", "count", id, word, letter] as const,
};

/** The numbers probe of one lane: the default numbers and the numbers in the text. */
export function numbersProbeOptions(id: string, text: string) {
  return queryOptions({
    queryKey: probeKeys.numbers(id, text),
    queryFn: () => tokenizerClient().probeNumbers(id, text),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}

/** The counting probe of one lane for a word and a letter. */
export function countProbeOptions(id: string, word: string, letter: string) {
  return queryOptions({
    queryKey: probeKeys.count(id, word, letter),
    queryFn: () => tokenizerClient().probeCount(id, word, letter),
    enabled: word.length > 0 && [...letter].length === 1,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
