import { useState } from "react";
import type { LmBackend } from "../../../workers/lm/api";
import { BiasScanPanel } from "./BiasScanPanel";
import { ByteVsTokenPanel } from "./ByteVsTokenPanel";
import { ExactSamplePanel } from "./ExactSamplePanel";

interface TokenLmSectionProps {
  text: string;
  caret: number;
  totalBytes: number;
  onCaret(byteOffset: number): void;
  backend: LmBackend | "auto";
}

/** The token LM's views, loaded (5–6 MB) only when the user opens the section. */
export function TokenLmSection(props: TokenLmSectionProps) {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="token-lm-section"
      data-testid="token-lm-section"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>
        <strong>Byte vs token probabilities</strong>: a tiny token LM asked for the next byte, exactly
        (summing over cover encodings) and naively (tokenize the prompt first)
      </summary>
      {open && (
        <>
          <ByteVsTokenPanel {...props} />
          <BiasScanPanel text={props.text} onCaret={props.onCaret} />
          <ExactSamplePanel prompt={props.text} caret={props.caret} />
        </>
      )}
    </details>
  );
}
