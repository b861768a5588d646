import { memo } from "react";
import { useComparisonActions, useInput } from "../../state/comparison-store";

const LABELS = { text: "Text", chat: "Chat", binary: "Binary" } as const;

/** Plain text, a chat conversation, or a file's raw bytes as the lanes' input. */
export const InputSwitch = memo(function InputSwitch() {
  const input = useInput();
  const { setInput } = useComparisonActions();
  return (
    <div className="input-switch" role="radiogroup" aria-label="Input">
      {(["text", "chat", "binary"] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          role="radio"
          aria-checked={input === kind}
          className={input === kind ? "active" : undefined}
          data-testid={`input-${kind}`}
          onClick={() => setInput(kind)}
        >
          {LABELS[kind]}
        </button>
      ))}
    </div>
  );
});
