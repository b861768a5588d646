import { useComparisonActions, useInput } from "../../state/comparison-store";

/** Plain text or a chat conversation as the lanes' input. */
export function InputSwitch() {
  const input = useInput();
  const { setInput } = useComparisonActions();
  return (
    <div className="input-switch" role="radiogroup" aria-label="Input">
      {(["text", "chat"] as const).map((kind) => (
        <button
          key={kind}
          type="button"
          role="radio"
          aria-checked={input === kind}
          className={input === kind ? "active" : undefined}
          data-testid={`input-${kind}`}
          onClick={() => setInput(kind)}
        >
          {kind === "text" ? "Text" : "Chat"}
        </button>
      ))}
    </div>
  );
}
