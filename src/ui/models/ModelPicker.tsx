import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useComparisonActions, useLanes } from "../../state/comparison-store";
import type { TokenizerListing } from "../../../workers/tokenizer/api";
import { pickerOptions, type PickerOption } from "./picker-options";

interface ModelPickerProps {
  listings: readonly TokenizerListing[];
  /** Lanes that are not tokenizers of the catalogue (the byte-LM patch lane). */
  extras: readonly { id: string; name: string }[];
}

/** Scrolls to a lane and focuses it (a tokenizer already shown is focused, not added twice). */
function focusLane(tokenizer: string): void {
  const lane = [...document.querySelectorAll<HTMLElement>("[data-testid='lane']")].find(
    (element) => element.dataset.tokenizer === tokenizer,
  );
  lane?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  lane?.focus({ preventScroll: true });
}

/**
 * A searchable list of models by vendor (each mapped to its tokenizer) and of the encodings themselves: type to
 * filter, arrows to move, Enter to add. Picking a tokenizer that is already shown focuses its lane.
 */
export function ModelPicker({ listings, extras }: ModelPickerProps) {
  const lanes = useLanes();
  const { addLane, notify } = useComparisonActions();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const options = useMemo(() => pickerOptions(query, listings, extras), [query, listings, extras]);
  const shown = new Set(lanes.map((lane) => lane.tokenizer));
  const activeIndex = Math.min(active, options.length - 1);

  const pick = (option: PickerOption) => {
    if (shown.has(option.tokenizer)) {
      focusLane(option.tokenizer);
      notify({ kind: "info", text: `${option.label} is already shown: its lane is ${option.detail}.` });
    } else {
      addLane(option.tokenizer);
      notify(null);
    }
    setQuery("");
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((Math.max(0, activeIndex) + step + options.length) % Math.max(1, options.length));
    } else if (event.key === "Enter" && open && options[activeIndex]) {
      event.preventDefault();
      pick(options[activeIndex]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };

  let previousGroup = "";
  return (
    <div className="model-picker">
      <label htmlFor={`${listId}-input`}>Add a model or tokenizer</label>
      <input
        id={`${listId}-input`}
        ref={input}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[activeIndex] ? `${listId}-${activeIndex}` : undefined}
        placeholder="GPT-4o, Llama 3.1, Qwen, o200k…"
        value={query}
        data-testid="model-search"
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul className="model-options" role="listbox" id={listId} aria-label="Models and tokenizers">
          {options.length === 0 && (
            <li className="muted" role="presentation">
              Nothing matches “{query}”. Try a vendor (Meta, Google), a family (Llama) or an encoding
              (cl100k).
            </li>
          )}
          {options.map((option, index) => {
            const header = option.group !== previousGroup ? option.group : null;
            previousGroup = option.group;
            const isShown = shown.has(option.tokenizer);
            return (
              <li key={option.key} role="presentation">
                {header && (
                  <div className="model-group" aria-hidden="true">
                    {header}
                  </div>
                )}
                <div
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="model-option"
                  data-kind={option.kind}
                  data-tokenizer={option.tokenizer}
                  // Picking on mouse down keeps the input from blurring (and the list from closing) first.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(option);
                  }}
                  onMouseMove={() => setActive(index)}
                >
                  <span className="model-name">{option.label}</span>
                  <span className="muted model-detail">
                    {option.kind === "model" ? `→ ${option.detail}` : option.detail}
                    {isShown ? " · shown" : ""}
                  </span>
                  {option.caveat && <span className="model-caveat">{option.caveat}</span>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
