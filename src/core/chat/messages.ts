import * as v from "valibot";

/** The roles a message editor offers (OpenAI-style). */
export const CHAT_ROLES = ["system", "user", "assistant", "tool"] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];

/** The most messages a conversation may hold (links, CLI). */
export const MAX_CHAT_MESSAGES = 200;

export const chatMessageSchema = v.strictObject({
  role: v.picklist(CHAT_ROLES),
  content: v.string(),
});

/** One message of a conversation: `{"role", "content"}` as OpenAI's API takes it. */
export type ChatMessage = v.InferOutput<typeof chatMessageSchema>;

const conversationSchema = v.pipe(v.array(chatMessageSchema), v.maxLength(MAX_CHAT_MESSAGES));

/**
 * Reads an OpenAI-style message list (`[{"role","content"}]`) from JSON text.
 * @throws Error saying which message is wrong and why.
 */
export function parseConversation(json: string): ChatMessage[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`The messages are not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  // Extra fields (name, tool_call_id …) are allowed in the API; only role and content are used here.
  if (Array.isArray(value))
    value = value.map((item: unknown) =>
      item && typeof item === "object" && !Array.isArray(item)
        ? { role: (item as { role?: unknown }).role, content: (item as { content?: unknown }).content }
        : item,
    );
  const parsed = v.safeParse(conversationSchema, value);
  if (parsed.success) return parsed.output;
  const issue = parsed.issues[0]!;
  const path = issue.path?.map((item) => String(item.key)).join(".");
  throw new Error(
    `The messages must be a list of {"role": ${CHAT_ROLES.map((r) => `"${r}"`).join("|")}, "content": string}` +
      `${path ? ` (at ${path})` : ""}: ${issue.message}.`,
  );
}
