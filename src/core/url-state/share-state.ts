import { deflateSync, Inflate } from "fflate";
import * as v from "valibot";
import { fromBase64Url, toBase64Url } from "../text/base64";
import { concatBytes } from "../text/concat-bytes";
import { chatMessageSchema, MAX_CHAT_MESSAGES } from "../chat/messages";
import { HUB_ID_PATTERN } from "../hub/hub-repo";

/** The link format version this build writes. Older versions are read; newer ones are refused politely. */
export const SHARE_VERSION = 1;
/** The most text a link or a state file may carry (UTF-16 units). */
export const MAX_SHARED_TEXT = 16_000_000;
/**
 * The longest link Copy link makes (characters). Chrome takes 2 MB addresses, but chat apps and mail cut long
 * links and some browsers and servers fail past a few tens of thousands of characters; a bigger view is offered
 * as a `.tokenprism.json` file instead.
 */
export const LINK_BUDGET_CHARS = 32_000;
const MAX_INFLATED_BYTES = 16_000_000;

const laneModeSchema = v.picklist(["text", "ids", "bytes"]);
/** Built-in, variant and dropped-file ids, or a Hub tokenizer's `hf:owner/name@revision`. */
const tokenizerIdSchema = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check(
    (id) => /^[a-z0-9_.-]{1,64}$/.test(id) || HUB_ID_PATTERN.test(id),
    "a tokenizer id is a built-in id or hf:owner/name@revision",
  ),
);

const chatSchema = v.strictObject({
  messages: v.pipe(v.array(chatMessageSchema), v.maxLength(MAX_CHAT_MESSAGES)),
  addGenerationPrompt: v.boolean(),
});

/** The screens of the app. */
export const VIEWS = ["compare", "atlas", "lm", "lab"] as const;

const patchingSchema = v.strictObject({
  rule: v.picklist(["global", "monotonic", "combined"]),
  /** θ_g and θ_r in nats. */
  globalThreshold: v.pipe(v.number(), v.minValue(-10), v.maxValue(10)),
  relativeThreshold: v.pipe(v.number(), v.minValue(-10), v.maxValue(10)),
});

const atlasSchema = v.strictObject({
  tokenizers: v.pipe(v.array(tokenizerIdSchema), v.maxLength(32)),
  /** The languages included, or null for all of them. */
  langs: v.nullable(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))), v.maxLength(2000))),
  sort: v.picklist(["script", "premium", "name"]),
  query: v.pipe(v.string(), v.maxLength(100)),
});

const shareStateSchema = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(MAX_SHARED_TEXT)),
  lanes: v.pipe(
    v.array(v.strictObject({ tokenizer: tokenizerIdSchema, mode: laneModeSchema })),
    v.maxLength(24),
  ),
  parseSpecials: v.boolean(),
  showWhitespace: v.boolean(),
  showDiff: v.boolean(),
  theme: v.picklist(["system", "light", "dark"]),
  selection: v.nullable(
    v.strictObject({
      lane: v.pipe(v.number(), v.integer(), v.minValue(0)),
      token: v.pipe(v.number(), v.integer(), v.minValue(0)),
    }),
  ),
  // Added after the first links were made: optional, so those links still open.
  view: v.optional(v.picklist(VIEWS), "compare"),
  atlas: v.optional(atlasSchema),
  patching: v.optional(patchingSchema),
  /** Plain text or a conversation rendered by each lane's chat template. */
  input: v.optional(v.picklist(["text", "chat"])),
  chat: v.optional(chatSchema),
});

/**
 * Everything a permalink carries: the text, the lanes in order, options, theme, the selected token, the
 * screen shown and the atlas's selection.
 */
export type ShareState = v.InferOutput<typeof shareStateSchema>;
/** The parity atlas's selection: tokenizers, languages, order and search. */
export type AtlasSelection = v.InferOutput<typeof atlasSchema>;
/** The byte LM's entropy-patching rule and thresholds. */
export type PatchingSettings = v.InferOutput<typeof patchingSchema>;
/** One screen of the app. */
export type View = (typeof VIEWS)[number];
/** The conversation of chat mode. */
export type ChatSettings = v.InferOutput<typeof chatSchema>;
/** How a lane draws its tokens. */
export type LaneMode = v.InferOutput<typeof laneModeSchema>;

/** Why a link could not be opened, in words for the user. */
export type DecodeResult = { ok: true; state: ShareState } | { ok: false; reason: string };

/** The JSON bytes a link compresses (exposed so a browser can compress them asynchronously). */
export function shareStateJson(state: ShareState): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(state));
}

/** Builds the fragment from raw-DEFLATE-compressed {@link shareStateJson} bytes. */
export function fragmentFromCompressed(compressed: Uint8Array): string {
  return `v${SHARE_VERSION}.${toBase64Url(compressed)}`;
}

/** Serializes the state as `v1.<base64url(raw deflate(JSON))>` for the URL fragment. */
export function encodeShareState(state: ShareState): string {
  return fragmentFromCompressed(deflateSync(shareStateJson(state), { level: 9 }));
}

function inflateLimited(data: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > MAX_INFLATED_BYTES) tooBig = true;
    else chunks.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch {
    return null;
  }
  if (tooBig || chunks.length === 0) return null;
  return concatBytes(chunks);
}

/**
 * Reads a URL fragment (with or without `#`). Never throws: a malformed, truncated, oversized or
 * future-version link gives `{ ok: false, reason }`.
 */
export function decodeShareState(fragment: string): DecodeResult {
  const body = fragment.startsWith("#") ? fragment.slice(1) : fragment;
  const match = /^v(\d+)\.(.*)$/s.exec(body);
  if (!match) return { ok: false, reason: "This link is not a Tokenprism link (it has no version)." };
  const version = Number(match[1]);
  if (version > SHARE_VERSION) {
    return {
      ok: false,
      reason: `This link was made by a newer version of Tokenprism (format v${version}); this one reads up to v${SHARE_VERSION}.`,
    };
  }
  if (version < 1) return { ok: false, reason: `Unknown link format v${version}.` };
  if (!/^[A-Za-z0-9_-]*$/.test(match[2]!)) {
    return { ok: false, reason: "This link is damaged: it contains characters a Tokenprism link never has." };
  }
  const compressed = fromBase64Url(match[2]!);
  if (!compressed)
    return { ok: false, reason: "This link is damaged or truncated: it could not be decoded." };
  const inflated = inflateLimited(compressed);
  if (!inflated)
    return { ok: false, reason: "This link is damaged or truncated: it could not be decompressed." };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(inflated));
  } catch {
    return { ok: false, reason: "This link is damaged: its contents are not valid JSON." };
  }
  return validateShareState(json);
}

/** Checks a parsed link or state file against the schema; the reason names the first wrong field. */
export function validateShareState(json: unknown): DecodeResult {
  const parsed = v.safeParse(shareStateSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((item) => String(item.key)).join(".") ?? "";
    return {
      ok: false,
      reason: `This view's contents are not valid${path ? ` (at ${path})` : ""}: ${issue?.message ?? "unknown problem"}.`,
    };
  }
  return { ok: true, state: parsed.output };
}
