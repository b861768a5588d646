import { useAppActions, useText } from "../../state/app-store";

/** The text being tokenized. */
export function TextInput() {
  const text = useText();
  const { setText } = useAppActions();
  return (
    <label className="text-input">
      <span className="label">Text</span>
      <textarea
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={6}
        spellCheck={false}
        data-testid="text-input"
      />
    </label>
  );
}
