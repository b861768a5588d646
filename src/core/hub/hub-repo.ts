/** A repository on the Hugging Face Hub (or a mirror), at a revision (branch, tag or commit). */
export interface HubRepo {
  owner: string;
  name: string;
  revision: string;
}

export type HubRepoResult = { ok: true; repo: HubRepo } | { ok: false; reason: string };

/** The Hub Tokenprism asks when the user adds a tokenizer from it (changeable in settings or with `?hub=`). */
export const DEFAULT_HUB_ENDPOINT = "https://huggingface.co";

/** Largest tokenizer_config.json accepted (Gemma 3's, with its added-token table, is 1.2 MB). */
export const MAX_HUB_CONFIG_BYTES = 16 * 1024 * 1024;

const PART = "[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?";
const REVISION = "[A-Za-z0-9_.][A-Za-z0-9_./-]{0,99}";
const SPEC = new RegExp(`^(${PART})/(${PART})(?:@(${REVISION}))?$`);

/** Lane ids of Hub tokenizers: `hf:owner/name@revision`. */
export const HUB_ID_PATTERN = new RegExp(`^hf:${PART}/${PART}@${REVISION}$`);

/**
 * Reads what a user typed: `owner/name`, `owner/name@revision`, `hf:owner/name@revision` or a model page's
 * address (`https://huggingface.co/owner/name/tree/revision`).
 */
export function parseHubRepo(input: string): HubRepoResult {
  let spec = input.trim();
  if (spec.startsWith("hf:")) spec = spec.slice(3);
  const url = /^https?:\/\/[^/]+\/(.*)$/.exec(spec);
  if (url) {
    const [owner, name, kind, ...rest] = url[1]!.replace(/[?#].*$/, "").split("/");
    spec = `${owner ?? ""}/${name ?? ""}${(kind === "tree" || kind === "blob" || kind === "resolve") && rest[0] ? `@${rest[0]}` : ""}`;
  }
  const match = SPEC.exec(spec);
  if (!match || match[1] === ".." || match[2] === "..")
    return {
      ok: false,
      reason: `“${input.trim().slice(0, 80)}” is not a Hub repository: write owner/name or owner/name@revision (e.g. Qwen/Qwen3-0.6B).`,
    };
  if (match[3]?.split("/").some((part) => part === ".." || part === ""))
    return { ok: false, reason: `“${match[3]}” is not a revision name.` };
  return { ok: true, repo: { owner: match[1]!, name: match[2]!, revision: match[3] ?? "main" } };
}

/** The lane id of a Hub repository's tokenizer. */
export function hubTokenizerId(repo: HubRepo): string {
  return `hf:${repo.owner}/${repo.name}@${repo.revision}`;
}

/** The repository of a `hf:` lane id, or null for other ids. */
export function hubRepoOfId(id: string): HubRepo | null {
  if (!HUB_ID_PATTERN.test(id)) return null;
  const result = parseHubRepo(id);
  return result.ok ? result.repo : null;
}

/**
 * An endpoint as typed (a mirror, `HF_ENDPOINT`-style): an http(s) address without a trailing slash.
 * @throws Error saying what is wrong.
 */
export function normalizeHubEndpoint(input: string): string {
  const text = input.trim();
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\s]+)(\/[^?#\s]*)?(\?[^#]*)?(#.*)?$/i.exec(text);
  if (!match)
    throw new Error(
      `“${text.slice(0, 80)}” is not an address: the Hub endpoint must be like https://huggingface.co.`,
    );
  const scheme = match[1]!.toLowerCase();
  if (scheme !== "https" && scheme !== "http")
    throw new Error(`The Hub endpoint must be an http(s) address (it is ${scheme}:).`);
  if (match[4] || match[5] || match[2]!.includes("@"))
    throw new Error("The Hub endpoint must be a plain address, without query, fragment or credentials.");
  return `${scheme}://${match[2]!.toLowerCase()}${(match[3] ?? "").replace(/\/+$/, "")}`;
}

/** Where a file of a repository is downloaded from: `<endpoint>/<owner>/<name>/resolve/<revision>/<file>`. */
export function hubFileUrl(endpoint: string, repo: HubRepo, file: string): string {
  const revision = repo.revision.split("/").map(encodeURIComponent).join("%2F");
  return `${endpoint}/${repo.owner}/${repo.name}/resolve/${revision}/${file}`;
}

/** Whether a revision names a commit (its files never change, so a cached copy is as good as the network's). */
export function isCommitRevision(revision: string): boolean {
  return /^[0-9a-f]{40}$/.test(revision);
}

/** What an HTTP error from the Hub means for the user. */
export function hubHttpMessage(status: number, repo: HubRepo, file: string, endpoint: string): string {
  const where = `${repo.owner}/${repo.name}@${repo.revision}`;
  const host = endpoint.replace(/^https?:\/\//, "");
  if (status === 404)
    return `${host} has no ${file} for ${where} (HTTP 404): check the repository name and revision, or the repository has no ${file}.`;
  if (status === 401 || status === 403)
    return `${where} is gated or private (HTTP ${status}): Tokenprism does not sign in to the Hub. Download its tokenizer.json from the model page and drop the file here instead.`;
  if (status === 429) return `${host} asks to slow down (HTTP 429). Try again in a minute.`;
  return `${host} answered HTTP ${status} for ${file} of ${where}.`;
}
