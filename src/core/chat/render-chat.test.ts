import { describe, expect, it } from "vitest";
import type { ChatFormat } from "./chat-formats";
import { parseConversation } from "./messages";
import { ChatTemplateError, renderChat } from "./render-chat";

const format = (template: string): ChatFormat => ({
  description: "test",
  template,
  bosToken: "<s>",
  eosToken: "</s>",
  extraSpecialTokens: {},
});

const TAGGED = format(
  "{{ bos_token }}{% for m in messages %}[{{ m.role }}]{{ m.content }}[/]{% endfor %}{% if add_generation_prompt %}[assistant]{% endif %}",
);

describe("renderChat", () => {
  it("tiles the text with one part per message and the generation prompt", () => {
    const rendered = renderChat(
      TAGGED,
      [
        { role: "user", content: "a" },
        { role: "assistant", content: "bb" },
      ],
      { addGenerationPrompt: true },
    );
    expect(rendered.text).toBe("<s>[user]a[/][assistant]bb[/][assistant]");
    const parts = rendered.messages.map(({ start, end }) => rendered.text.slice(start, end));
    expect(parts).toEqual(["<s>[user]a[/]", "[assistant]bb[/]"]);
    expect(rendered.text.slice(rendered.generationPrompt!.start)).toBe("[assistant]");
    expect(rendered.notes).toEqual([]);
  });

  it("says when a template ignores the generation-prompt switch", () => {
    const always = format("{% for m in messages %}{{ m.content }}{% endfor %}<reply>");
    const rendered = renderChat(always, [{ role: "user", content: "x" }], { addGenerationPrompt: false });
    expect(rendered.text).toBe("x<reply>");
    expect(rendered.notes[0]).toMatch(/ignores/);
  });

  it("cuts at the next message's content when a template folds the system prompt into the first turn", () => {
    const folding = format(
      "{% set sys = messages[0].content + ' | ' if messages[0].role == 'system' else '' %}{% for m in messages %}{% if m.role != 'system' %}<{{ m.role }}>{{ sys if loop.index0 == 1 else '' }}{{ m.content }}</>{% endif %}{% endfor %}",
    );
    const rendered = renderChat(
      folding,
      [
        { role: "system", content: "S" },
        { role: "user", content: "U" },
      ],
      { addGenerationPrompt: false },
    );
    expect(rendered.text).toBe("<user>S | U</>");
    const parts = rendered.messages.map(({ start, end }) => rendered.text.slice(start, end));
    expect(parts).toEqual(["<user>S | ", "U</>"]);
  });

  it("turns template errors into ChatTemplateError with the template's message", () => {
    const strict = format("{{ raise_exception('only users here') }}");
    expect(() => renderChat(strict, [], { addGenerationPrompt: true })).toThrow(ChatTemplateError);
    expect(() => renderChat(strict, [], { addGenerationPrompt: true })).toThrow(/only users here/);
    expect(() => renderChat(format("{% for %}"), [], { addGenerationPrompt: true })).toThrow(
      /cannot be read/,
    );
  });
});

describe("parseConversation", () => {
  it("reads OpenAI-style messages and ignores extra fields", () => {
    expect(parseConversation('[{"role":"user","content":"hi","name":"x"}]')).toEqual([
      { role: "user", content: "hi" },
    ]);
  });

  it("names the wrong message", () => {
    expect(() => parseConversation('[{"role":"user","content":"hi"},{"role":"robot","content":""}]')).toThrow(
      /at 1\.role/,
    );
    expect(() => parseConversation("{")).toThrow(/not valid JSON/);
    expect(() => parseConversation('{"role":"user"}')).toThrow(/must be a list/);
  });
});
