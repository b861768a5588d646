import { useState } from "react";
import { hubTokenizerId, parseHubRepo } from "../../core/hub/hub-repo";
import { useComparisonActions, useLanes } from "../../state/comparison-store";
import { useHubSettings } from "../../state/hub-settings";

/**
 * "Add from the Hub": `owner/name[@revision]` becomes a lane `hf:owner/name@revision` whose tokenizer.json and
 * tokenizer_config.json are downloaded in a worker (progress and errors show in the lane). The only request
 * Tokenprism makes outside its own origin, and only when asked.
 */
export function HubAdder() {
  const { endpoint, problem, setEndpoint } = useHubSettings();
  const lanes = useLanes();
  const { addLane, notify } = useComparisonActions();
  const [spec, setSpec] = useState("");
  const [endpointDraft, setEndpointDraft] = useState(endpoint);
  const [error, setError] = useState<string | null>(null);

  const add = () => {
    const parsed = parseHubRepo(spec);
    if (!parsed.ok) {
      setError(parsed.reason);
      return;
    }
    setError(null);
    const id = hubTokenizerId(parsed.repo);
    if (lanes.some((lane) => lane.tokenizer === id)) {
      notify({ kind: "info", text: `${parsed.repo.owner}/${parsed.repo.name} is already shown.` });
      return;
    }
    addLane(id);
    setSpec("");
  };

  const saveEndpoint = () => {
    try {
      setEndpoint(endpointDraft);
      setError(null);
    } catch (problemWithEndpoint) {
      setError((problemWithEndpoint as Error).message);
    }
  };

  return (
    <details className="hub-adder">
      <summary>Add from the Hugging Face Hub…</summary>
      <form
        className="hub-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label>
          Repository{" "}
          <input
            type="text"
            value={spec}
            placeholder="owner/name or owner/name@revision"
            spellCheck={false}
            autoCapitalize="off"
            data-testid="hub-repo"
            aria-invalid={error !== null}
            onChange={(event) => setSpec(event.target.value)}
          />
        </label>
        <button type="submit" data-testid="hub-add" disabled={spec.trim() === ""}>
          Add
        </button>
      </form>
      {(error ?? problem) && (
        <p role="alert" className="error">
          {error ?? problem}
        </p>
      )}
      <p className="muted">
        Downloads tokenizer.json and tokenizer_config.json from <strong>{endpoint}</strong> — the only site
        Tokenprism contacts, and only when you ask. Gated or private models need their tokenizer.json
        downloaded and dropped here instead.
      </p>
      <details>
        <summary>Endpoint</summary>
        <form
          className="hub-form"
          onSubmit={(event) => {
            event.preventDefault();
            saveEndpoint();
          }}
        >
          <label>
            Hub address{" "}
            <input
              type="url"
              value={endpointDraft}
              spellCheck={false}
              data-testid="hub-endpoint"
              onChange={(event) => setEndpointDraft(event.target.value)}
            />
          </label>
          <button type="submit">Use</button>
        </form>
        <p className="muted">
          A mirror works too (like HF_ENDPOINT); ?hub=&lt;address&gt; in the page address sets it for a visit.
        </p>
      </details>
    </details>
  );
}
