import { useQuery } from "@tanstack/react-query";
import { tokenizerListOptions } from "./queries/tokenizer-queries";
import { useAppActions, useLaneId, useParseSpecials, useText } from "./state/app-store";
import { BusyIndicator } from "./ui/BusyIndicator";
import { TextInput } from "./ui/editor/TextInput";
import { Lane } from "./ui/lanes/Lane";

/** The first page: a text box and one tokenizer lane. */
export function App() {
  const text = useText();
  const laneId = useLaneId();
  const parseSpecials = useParseSpecials();
  const { setLaneId, setParseSpecials } = useAppActions();
  const tokenizers = useQuery(tokenizerListOptions());
  return (
    <main className="app">
      <BusyIndicator />
      <h1>Tokenprism</h1>
      <TextInput />
      <div className="controls">
        <label>
          Tokenizer{" "}
          <select
            value={laneId}
            onChange={(event) => setLaneId(event.target.value)}
            data-testid="lane-select"
          >
            {(tokenizers.data ?? [{ id: laneId, name: laneId }]).map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={parseSpecials}
            onChange={(event) => setParseSpecials(event.target.checked)}
          />{" "}
          Parse special tokens
        </label>
      </div>
      <Lane laneId={laneId} text={text} parseSpecials={parseSpecials} />
    </main>
  );
}
