import { transfer } from "comlink";
import { builtinBpeModel, type MergeListSources } from "../../src/core/bpe/mixture/builtin-merges";
import type { LpSolver } from "../../src/core/bpe/mixture/lp";
import { describeInferenceMethod, type InferenceMethod } from "../../src/core/bpe/merge-free";
import type { BpeModel } from "../../src/core/bpe/model";
import { DEFAULT_BPE_PATTERN } from "../../src/core/bpe/pretokenize";
import { toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { TrainedBpeTokenizer } from "../../src/core/bpe/trained-bpe-tokenizer";
import { laneViewData, type LaneViewData } from "../../src/core/compare/lane-view-data";
import { encodingTransferables } from "../../src/core/tokenizers/types";
import { tokenExplainer, type TokenExplanation } from "../../src/core/bpe/explain-token";
import {
  sweepSuperBpe,
  type SweepPoint,
  type SweepProgress,
  type SweepRequest,
} from "../../src/core/bpe/lab/superbpe-sweep";
import { trainBpeJob, type TrainProgress, type TrainRequest } from "../../src/core/bpe/lab/train-job";
import { compression, superwords, type SuperwordToken } from "../../src/core/bpe/lab/trained-summary";
import {
  controlledExperiment,
  estimateMixture,
  type ExperimentRequest,
  type ExperimentResult,
  type MixtureCategory,
  type MixtureProgress,
  type MixtureRequestOptions,
  type MixtureResult,
} from "../../src/core/bpe/mixture/mixture-jobs";
import { Cancellations } from "../shared/cancellation";
import { binaryEncoder } from "../../src/core/bpe/binary/binary-encoding";
import {
  compressionByKind,
  splitHeldOut,
  withKinds,
  type KindReport,
} from "../../src/core/bpe/binary/binary-report";
import { trainBinaryBpeJob, type BinaryTrainProgress } from "../../src/core/bpe/binary/binary-train-job";
import type { FileKind } from "../../src/core/bpe/binary/file-types";
import type { SpannedIds } from "../../src/core/bpe/text-encoder";
import { AsyncMemo } from "../../src/core/collections/async-memo";

export type { TokenExplanation } from "../../src/core/bpe/explain-token";
export type { SuperwordToken } from "../../src/core/bpe/lab/trained-summary";
export type { TrainProgress, TrainRequest } from "../../src/core/bpe/lab/train-job";
export type { SweepPoint, SweepProgress, SweepRequest } from "../../src/core/bpe/lab/superbpe-sweep";
export type {
  ExperimentRequest,
  ExperimentResult,
  MixtureCategory,
  MixtureProgress,
  MixtureRequestOptions,
  MixtureResult,
} from "../../src/core/bpe/mixture/mixture-jobs";
export type { InferenceMethod } from "../../src/core/bpe/merge-free";
export type { BinaryTrainProgress } from "../../src/core/bpe/binary/binary-train-job";
export type { KindReport } from "../../src/core/bpe/binary/binary-report";
export type { SpannedIds } from "../../src/core/bpe/text-encoder";

/** A file for binary BPE: its bytes, a name for people, and its kind when known (else sniffed). */
export interface BinaryInputFile {
  name: string;
  bytes: Uint8Array;
  kind?: FileKind;
}

/** What binary BPE trains on: every file (the worker holds out a quarter of each kind). */
export interface BinaryTrainRequestFiles {
  files: BinaryInputFile[];
  vocabSize: number;
}

/** A binary BPE model trained in the worker, with its compression per file kind. */
export interface BinaryTrainedSummary {
  modelId: string;
  vocabSize: number;
  merges: number;
  seconds: number;
  /** Each input file (in input order): its kind, and whether it was held out. */
  files: { name: string; kind: FileKind; bytes: number; heldOut: boolean }[];
  report: KindReport[];
}

/** Which vocabulary a request means: one trained in this worker, or a built-in tokenizer's. */
export type ModelRef = { kind: "trained"; id: string } | { kind: "builtin"; id: string };

/** A trained model, as the view lists it. */
export interface TrainedSummary {
  modelId: string;
  vocabSize: number;
  merges: number;
  pattern: string;
  transition: number | null;
  seconds: number;
  trainingBytes: number;
  /** Bytes per token on the training texts. */
  bytesPerToken: number;
  superwords: SuperwordToken[];
}

/** One inference method's segmentation of a text. */
export interface MethodEncoding {
  method: InferenceMethod;
  label: string;
  tokenCount: number;
  view: LaneViewData;
}

/** What the BPE worker needs from its runtime. */
export interface BpeApiDeps {
  lpSolver: () => Promise<LpSolver>;
  mergeSources: MergeListSources;
}

/** The BPE lab's worker API: plain async functions over src/core, also callable without a worker. */
export function createBpeApi(deps: BpeApiDeps) {
  const cancellations = new Cancellations();
  const trained = new Map<string, BpeModel>();
  const builtins = new AsyncMemo<string, BpeModel>();
  const explainers = new Map<string, ReturnType<typeof tokenExplainer>>();
  const tokenizers = new Map<string, TrainedBpeTokenizer>();
  const binaryEncoders = new Map<string, (bytes: Uint8Array) => SpannedIds>();
  let nextModel = 1;

  async function modelOf(ref: ModelRef): Promise<BpeModel> {
    if (ref.kind === "trained") {
      const model = trained.get(ref.id);
      if (!model) throw new Error("This trained model is gone (the page was reloaded?). Train it again.");
      return model;
    }
    return builtins.get(ref.id, () => builtinBpeModel(ref.id, deps.mergeSources));
  }

  const refKey = (ref: ModelRef) => `${ref.kind}:${ref.id}`;

  return {
    /** Drops a running request at its next slice boundary (it rejects with CancelledError). */
    cancel(requestId: number): void {
      cancellations.cancel(requestId);
    },

    /** Trains BPE (or SuperBPE with `transition`) on the texts, in slices, reporting progress. */
    async train(
      request: TrainRequest,
      requestId?: number,
      onProgress?: (progress: TrainProgress) => void,
    ): Promise<TrainedSummary> {
      if (request.texts.every((t) => t.length === 0)) throw new Error("The corpus is empty.");
      const started = Date.now();
      const model = await trainBpeJob(request, cancellations.hooks(requestId, onProgress));
      const modelId = `trained-${nextModel++}`;
      trained.set(modelId, model);
      const { bytes, tokens } = compression(model, request.texts);
      return {
        modelId,
        vocabSize: model.tokens.length,
        merges: model.merges.length,
        pattern: request.pattern ?? DEFAULT_BPE_PATTERN,
        transition: request.transition ?? null,
        seconds: (Date.now() - started) / 1000,
        trainingBytes: bytes,
        bytesPerToken: tokens > 0 ? bytes / tokens : 0,
        superwords: request.transition === undefined ? [] : superwords(model),
      };
    },

    /**
     * Binary BPE (no pre-tokenization, no UTF-8 assumption) on the files' raw bytes: a quarter of each kind held
     * out (files 1, 5, 9, … of a kind), the rest trained on; bytes per token per kind on both.
     */
    async trainBinary(
      request: BinaryTrainRequestFiles,
      requestId?: number,
      onProgress?: (progress: BinaryTrainProgress) => void,
    ): Promise<BinaryTrainedSummary> {
      const started = Date.now();
      const { train, heldOut, isHeldOut } = splitHeldOut(request.files);
      if (train.every((f) => f.bytes.length === 0)) throw new Error("The training files are empty.");
      const model = await trainBinaryBpeJob(
        { sequences: train.map((f) => f.bytes), vocabSize: request.vocabSize },
        cancellations.hooks(requestId, onProgress),
      );
      const modelId = `binary-${nextModel++}`;
      trained.set(modelId, model);
      return {
        modelId,
        vocabSize: model.tokens.length,
        merges: model.merges.length,
        seconds: (Date.now() - started) / 1000,
        files: withKinds(request.files).map((f, i) => ({
          name: f.name,
          kind: f.kind,
          bytes: f.bytes.length,
          heldOut: isHeldOut[i]!,
        })),
        report: compressionByKind(model, train, heldOut),
      };
    },

    /** A file's raw bytes with a binary BPE model trained here (typed arrays transferred). */
    async encodeBinary(modelId: string, bytes: Uint8Array): Promise<SpannedIds> {
      let encode = binaryEncoders.get(modelId);
      if (!encode) {
        encode = binaryEncoder(await modelOf({ kind: "trained", id: modelId }));
        binaryEncoders.set(modelId, encode);
      }
      const result = encode(bytes);
      return transfer(result, [result.ids.buffer, result.starts.buffer, result.ends.buffer] as ArrayBuffer[]);
    },

    /** Bytes per token against the SuperBPE transition point t, next to plain BPE (t = vocabulary size). */
    async superBpeSweep(
      request: SweepRequest,
      requestId?: number,
      onProgress?: (progress: SweepProgress) => void,
    ): Promise<SweepPoint[]> {
      return sweepSuperBpe(request, cancellations.hooks(requestId, onProgress));
    },

    /** The text segmented by each inference method, as lane data (typed arrays transferred). */
    async encodeMethods(ref: ModelRef, text: string, methods: InferenceMethod[]): Promise<MethodEncoding[]> {
      const model = await modelOf(ref);
      const results = methods.map((method) => {
        const key = `${refKey(ref)}|${JSON.stringify(method)}`;
        let tokenizer = tokenizers.get(key);
        if (!tokenizer) {
          tokenizer = new TrainedBpeTokenizer({ info: { id: `lab-${key}`, name: key }, model, method });
          tokenizers.set(key, tokenizer);
        }
        const encoding = tokenizer.encode(text);
        const view = laneViewData(text, encoding, []);
        return { method, label: describeInferenceMethod(method), tokenCount: encoding.ids.length, view };
      });
      const buffers = results.flatMap(({ view }) => [
        ...encodingTransferables(view.encoding),
        view.blocks.buffer,
      ]) as ArrayBuffer[];
      return transfer(results, buffers);
    },

    /** The merge tree of the merge-list token starting at `byteStart`, and the least-tokens view of its chunk. */
    async explainToken(ref: ModelRef, text: string, byteStart: number): Promise<TokenExplanation> {
      const model = await modelOf(ref);
      let explain = explainers.get(refKey(ref));
      if (!explain) explainers.set(refKey(ref), (explain = tokenExplainer(model)));
      return explain(text, byteStart);
    },

    /** Estimates the categories' byte proportions in the model's training data (Hayase et al.). */
    async inferMixture(
      ref: ModelRef,
      categories: MixtureCategory[],
      options: MixtureRequestOptions = {},
      requestId?: number,
      onProgress?: (progress: MixtureProgress) => void,
    ): Promise<MixtureResult> {
      const model = await modelOf(ref);
      return estimateMixture(
        model,
        categories,
        await deps.lpSolver(),
        options,
        cancellations.hooks(requestId, onProgress),
      );
    },

    /** Trains on a mixture with known proportions and estimates them back from held-out halves. */
    async controlledExperiment(
      request: ExperimentRequest,
      requestId?: number,
      onProgress?: (progress: MixtureProgress) => void,
    ): Promise<ExperimentResult> {
      return controlledExperiment(request, await deps.lpSolver(), cancellations.hooks(requestId, onProgress));
    },

    /** A trained model as a Hugging Face tokenizer.json string. */
    async exportTokenizerJson(modelId: string): Promise<string> {
      return JSON.stringify(toTokenizerJson(await modelOf({ kind: "trained", id: modelId })));
    },

    /** Forgets a trained model and its cached encoders. */
    forget(modelId: string): void {
      trained.delete(modelId);
      binaryEncoders.delete(modelId);
      const prefix = `trained:${modelId}`;
      for (const key of [...tokenizers.keys()]) if (key.startsWith(`${prefix}|`)) tokenizers.delete(key);
      explainers.delete(prefix);
    },
  };
}

/** The API type the client wraps. */
export type BpeApi = ReturnType<typeof createBpeApi>;
