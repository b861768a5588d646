import { useState } from "react";
import { exportTrainedTokenizer } from "../../queries/lab-queries";
import { downloadText } from "../summary/download";

/** Downloads a model trained in the lab's worker as a tokenizer.json; says why when it cannot. */
export function ExportTokenizerButton({
  modelId,
  fileName,
  testId,
}: {
  modelId: string;
  fileName: string;
  testId: string;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        data-testid={testId}
        onClick={() => {
          setError(null);
          exportTrainedTokenizer(modelId)
            .then((json) => downloadText(fileName, json, "application/json"))
            .catch((e: Error) => setError(`Could not export: ${e.message}`));
        }}
      >
        Export tokenizer.json
      </button>
      {error && (
        <span className="error" role="alert">
          {" "}
          {error}
        </span>
      )}
    </>
  );
}
