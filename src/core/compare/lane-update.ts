import {
  applyEncodingPatch,
  copyEncoding,
  diffEncodings,
  patchFromSplice,
  type EncodingPatch,
} from "../tokenizers/incremental/encoding-patch";
import type { SpliceResult } from "../tokenizers/incremental/splice-encoding";
import { encodingTransferables, type EncodeOptions, type Encoding } from "../tokenizers/types";
import type { LaneViewData } from "./lane-view-data";

/**
 * A lane's new display data as a worker sends it: whole, or as the changes from a version the page already has
 * (after a keystroke, a few tokens instead of every token of the text: posting a lane of 10 KB cost a worker
 * ~0.3 ms in Chromium).
 */
export type LaneUpdate =
  | { kind: "whole"; version: string; view: LaneViewData }
  | {
      kind: "patch";
      version: string;
      /** The version the patch applies to. */
      base: string;
      patch: EncodingPatch;
      blocks: Uint32Array;
      flagCounts: LaneViewData["flagCounts"];
      specialLookalikes: string[];
    };

/** The buffers of an update, every one of them the update's own (the sender keeps copies): transferred. */
export function laneUpdateTransferables(update: LaneUpdate): ArrayBuffer[] {
  const [encoding, blocks] =
    update.kind === "whole"
      ? [update.view.encoding, update.view.blocks]
      : [update.patch.middle, update.blocks];
  return [...encodingTransferables(encoding), blocks.buffer as ArrayBuffer];
}

/**
 * Lanes of up to this many tokens are patched; longer ones come whole. Applying a patch copies the lane on the
 * page's main thread (a megabyte's lanes: ~100 ms there), while a whole lane is copied in the worker and
 * transferred, which costs the main thread nothing.
 */
export const PATCHED_UP_TO_TOKENS = 50_000;

/** The key of a lane's versions on either side: its tokenizer and the options it was encoded with. */
export function laneUpdateKey(tokenizer: string, options: EncodeOptions): string {
  return `${tokenizer}|${options.parseSpecials ? "specials" : "plain"}`;
}

/** How many versions of each lane either side keeps to patch from. */
const SENDER_KEEPS = 3;
const RECEIVER_KEEPS = 2;

/** Adds the newest entry of a list and drops the oldest beyond `keep`. */
function remember<T>(list: T[], entry: T, keep: number): void {
  list.push(entry);
  if (list.length > keep) list.splice(0, list.length - keep);
}

/**
 * The worker's side: the encodings of the last few views it sent of each lane (by a key the caller chooses: tokenizer and
 * options), so that the next one can be sent as a patch from whichever of them the page says it has. Versions
 * carry a random instance name, so a restarted worker never takes the page's version for one of its own.
 */
export class LaneUpdateSender {
  private readonly sent = new Map<string, { version: string; encoding: Encoding }[]>();
  private counter = 0;

  constructor(private readonly instance = Math.random().toString(36).slice(2, 10)) {}

  /**
   * The update that brings a page holding version `have` of this lane (or nothing) to `view`; `reused` says what
   * `view`'s encoding kept of an earlier one, when it was spliced (then a patch from it costs no diff).
   */
  update(
    lane: string,
    have: string | undefined,
    view: LaneViewData,
    reused?: SpliceResult["reused"],
  ): LaneUpdate {
    const list = this.sent.get(lane) ?? [];
    const base = have === undefined ? undefined : list.find((entry) => entry.version === have);
    const version = `${this.instance}:${++this.counter}`;
    if (view.encoding.ids.length > PATCHED_UP_TO_TOKENS) {
      // Neither side keeps a long lane (the page would not patch it): no megabyte's lane is held twice.
      this.sent.delete(lane);
      return { kind: "whole", version, view: { ...view, encoding: copyEncoding(view.encoding) } };
    }
    this.sent.set(lane, list);
    remember(list, { version, encoding: view.encoding }, SENDER_KEEPS);
    if (!base) return { kind: "whole", version, view: { ...view, encoding: copyEncoding(view.encoding) } };
    return {
      kind: "patch",
      version,
      base: base.version,
      patch:
        reused?.from === base.encoding
          ? patchFromSplice(view.encoding, reused)
          : diffEncodings(base.encoding, view.encoding),
      blocks: view.blocks,
      flagCounts: view.flagCounts,
      specialLookalikes: view.specialLookalikes,
    };
  }
}

/** The page's side: the last versions received of each lane, which patches are applied to. */
export class LaneUpdateReceiver {
  private readonly received = new Map<string, { version: string; view: LaneViewData }[]>();

  /** The latest version received of a lane (sent with the next request), if any. */
  have(lane: string): string | undefined {
    return this.received.get(lane)?.at(-1)?.version;
  }

  /** The lane's view after an update, or null when the patch's base is no longer here (ask for it whole). */
  receive(lane: string, update: LaneUpdate): LaneViewData | null {
    const list = this.received.get(lane) ?? [];
    let view: LaneViewData;
    if (update.kind === "whole") view = update.view;
    else {
      const base = list.find((entry) => entry.version === update.base);
      if (!base) return null;
      const { head, tailFrom, tailBytes } = update.patch;
      view = {
        encoding: applyEncodingPatch(base.view.encoding, update.patch),
        blocks: update.blocks,
        flagCounts: update.flagCounts,
        specialLookalikes: update.specialLookalikes,
        edit: { from: base.view.encoding, head, tailFrom, tailBytes },
      };
    }
    if (view.encoding.ids.length > PATCHED_UP_TO_TOKENS) this.received.delete(lane);
    else {
      this.received.set(lane, list);
      remember(list, { version: update.version, view }, RECEIVER_KEEPS);
    }
    return view;
  }
}
