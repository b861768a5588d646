import { useState } from "react";
import "./lab.css";
import { useLabActions, useLabCorpus, useLabTrained } from "../../state/lab-store";
import type { ModelRef } from "../../../workers/bpe/api";
import { BinaryPanel } from "./BinaryPanel";
import { MethodsPanel } from "./MethodsPanel";
import { MixturePanel } from "./MixturePanel";
import { SweepPanel } from "./SweepPanel";
import { TextSourcePicker } from "./TextSourcePicker";
import { TrainPanel } from "./TrainPanel";

/** Built-in vocabularies whose merge lists the lab can read (tiktoken ranks are turned into merges). */
const BUILTINS: { id: string; name: string }[] = [
  { id: "r50k_base", name: "GPT-2 (r50k_base)" },
  { id: "cl100k_base", name: "cl100k_base" },
  { id: "o200k_base", name: "o200k_base" },
  { id: "llama-3", name: "Llama 3" },
  { id: "gpt-4o-json", name: "GPT-4o (tokenizer.json)" },
];

/** The tokenizer lab: train BPE / SuperBPE, compare inference methods, explain merges, infer data mixtures. */
export function LabView() {
  const corpus = useLabCorpus();
  const trained = useLabTrained();
  const actions = useLabActions();
  const [choice, setChoice] = useState("trained");
  const modelRef: ModelRef | null =
    choice === "trained"
      ? trained
        ? { kind: "trained", id: trained.modelId }
        : null
      : { kind: "builtin", id: choice };
  return (
    <section className="lab" aria-label="Tokenizer lab" data-testid="lab">
      <div className="summary-head">
        <h2>Tokenizer lab</h2>
        <span className="muted">Everything runs in a worker in this tab; no text leaves the browser.</span>
      </div>
      <TextSourcePicker
        title="Training corpus"
        items={corpus}
        onAdd={actions.addCorpus}
        onRemove={actions.removeCorpus}
        testId="lab-corpus"
      />
      <TrainPanel />
      <SweepPanel />
      <div className="lab-row" data-testid="lab-model-choice">
        <label>
          Vocabulary to study{" "}
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="lab-model-select">
            <option value="trained">
              {trained ? `Trained here (${trained.vocabSize} tokens)` : "Trained here (none yet)"}
            </option>
            {BUILTINS.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <MethodsPanel modelRef={modelRef} />
      <MixturePanel modelRef={modelRef} />
      <BinaryPanel />
    </section>
  );
}
