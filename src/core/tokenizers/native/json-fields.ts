/** A JSON object node of a tokenizer.json, with the path it was found at (for messages). */
export interface JsonNode {
  path: string;
  value: Record<string, unknown>;
}

/** An error in a tokenizer file, with a message meant for the user (it names the field and the reason). */
export class TokenizerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenizerFileError";
  }
}

/** A component the file uses that this engine does not run. */
export class UnsupportedComponentError extends TokenizerFileError {
  constructor(what: string) {
    super(`This tokenizer.json uses ${what}, which is not supported yet.`);
    this.name = "UnsupportedComponentError";
  }
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as a node, or an error saying what `path` should have been. */
export function asNode(value: unknown, path: string): JsonNode {
  if (!isRecord(value)) throw new TokenizerFileError(`${path} must be an object (it is ${typeName(value)}).`);
  return { path, value };
}

function wrong(node: JsonNode, key: string, expected: string): TokenizerFileError {
  return new TokenizerFileError(
    `${node.path}.${key} must be ${expected} (it is ${typeName(node.value[key])}).`,
  );
}

export function optionalString(node: JsonNode, key: string): string | null {
  const value = node.value[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw wrong(node, key, "a string");
  return value;
}

export function requiredString(node: JsonNode, key: string): string {
  const value = optionalString(node, key);
  if (value === null) throw wrong(node, key, "a string");
  return value;
}

export function optionalBoolean(node: JsonNode, key: string, fallback: boolean): boolean {
  const value = node.value[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "boolean") throw wrong(node, key, "true or false");
  return value;
}

export function optionalNumber(node: JsonNode, key: string): number | null {
  const value = node.value[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw wrong(node, key, "a number");
  return value;
}

export function requiredId(node: JsonNode, key: string): number {
  const value = node.value[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw wrong(node, key, "a non-negative integer id");
  return value;
}

export function requiredArray(node: JsonNode, key: string): unknown[] {
  const value = node.value[key];
  if (!Array.isArray(value)) throw wrong(node, key, "an array");
  return value;
}

/** `{ "String": "…" }` or `{ "Regex": "…" }`, as Split and Replace write their pattern. */
export function pattern(node: JsonNode, key: string): { kind: "String" | "Regex"; source: string } {
  const value = asNode(node.value[key], `${node.path}.${key}`);
  if (typeof value.value.String === "string") return { kind: "String", source: value.value.String };
  if (typeof value.value.Regex === "string") return { kind: "Regex", source: value.value.Regex };
  throw new TokenizerFileError(`${value.path} must be {"String": "…"} or {"Regex": "…"}.`);
}

/** One of a fixed set of string values. */
export function oneOf<T extends string>(node: JsonNode, key: string, values: readonly T[], fallback: T): T {
  const value = node.value[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string" || !(values as readonly string[]).includes(value))
    throw new TokenizerFileError(
      `${node.path}.${key} must be one of ${values.join(", ")} (it is ${JSON.stringify(value)}).`,
    );
  return value as T;
}
