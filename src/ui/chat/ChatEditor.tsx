import { useState } from "react";
import { CHAT_ROLES, MAX_CHAT_MESSAGES, type ChatRole } from "../../core/chat/messages";
import { useChat, useComparisonActions, useShowWhitespace } from "../../state/comparison-store";

/** The role a new message most likely has: the other side of the last turn. */
function nextRole(last: ChatRole | undefined): ChatRole {
  return last === "user" ? "assistant" : "user";
}

/**
 * The conversation that chat mode tokenizes: messages with a role (add, remove, reorder), and whether the
 * template appends the assistant's header. Each lane renders it with its own chat template.
 */
export function ChatEditor() {
  const chat = useChat();
  const showWhitespace = useShowWhitespace();
  const { addMessage, updateMessage, removeMessage, moveMessage, setAddGenerationPrompt, setShowWhitespace } =
    useComparisonActions();
  const [newRole, setNewRole] = useState<ChatRole | "">("");
  const { messages } = chat;
  return (
    <section className="chat-editor" aria-label="Conversation" data-testid="chat-editor">
      {messages.length === 0 && <p className="empty-state">No messages yet. Add one below.</p>}
      <ol className="chat-messages">
        {messages.map((message, index) => {
          const label = `Message ${index + 1}`;
          return (
            <li key={index} className={`chat-message role-${message.role}`} data-testid="chat-message">
              <div className="chat-message-bar">
                <select
                  aria-label={`Role of message ${index + 1}`}
                  value={message.role}
                  onChange={(event) => updateMessage(index, { role: event.target.value as ChatRole })}
                >
                  {CHAT_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role}
                    </option>
                  ))}
                </select>
                <span className="lane-controls">
                  <button
                    type="button"
                    aria-label={`Move message ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => moveMessage(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move message ${index + 1} down`}
                    disabled={index === messages.length - 1}
                    onClick={() => moveMessage(index, 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove message ${index + 1}`}
                    onClick={() => removeMessage(index)}
                  >
                    ✕
                  </button>
                </span>
              </div>
              <textarea
                aria-label={label}
                value={message.content}
                rows={Math.min(8, Math.max(2, message.content.split("\n").length))}
                spellCheck={false}
                placeholder={`${message.role} message`}
                onChange={(event) => updateMessage(index, { content: event.target.value })}
              />
            </li>
          );
        })}
      </ol>
      <div className="options" role="group" aria-label="Conversation options">
        <label>
          Add{" "}
          <select
            aria-label="Role of the new message"
            value={newRole || nextRole(messages.at(-1)?.role)}
            onChange={(event) => setNewRole(event.target.value as ChatRole)}
          >
            {CHAT_ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={messages.length >= MAX_CHAT_MESSAGES}
          onClick={() => {
            addMessage(newRole || nextRole(messages.at(-1)?.role));
            setNewRole("");
          }}
        >
          Add message
        </button>
        <label>
          <input
            type="checkbox"
            checked={chat.addGenerationPrompt}
            onChange={(event) => setAddGenerationPrompt(event.target.checked)}
          />{" "}
          Add generation prompt
        </label>
        <label>
          <input
            type="checkbox"
            checked={showWhitespace}
            onChange={(event) => setShowWhitespace(event.target.checked)}
          />{" "}
          Show whitespace
        </label>
      </div>
      <p className="muted">
        Each lane renders these messages with its model’s chat template and parses the template’s special
        tokens (drawn as specials).
      </p>
    </section>
  );
}
