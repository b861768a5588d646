// What a tokenizer.json's normalizer and pre-tokenizer trees are, in words (lane info, token card).

/** A normalizer / pre-tokenizer / decoder node. */
export interface ComponentJson {
  type: string;
  [key: string]: unknown;
}

/** Every component of a node tree (Sequence nodes included), depth first. */
export function components(node: ComponentJson | null | undefined): ComponentJson[] {
  if (!node) return [];
  const children = (node.normalizers ?? node.pretokenizers ?? node.decoders) as ComponentJson[] | undefined;
  return [node, ...(children ?? []).flatMap((child) => components(child))];
}

/** A short human description of a normalizer or pre-tokenizer tree. */
export function describe(node: ComponentJson | null | undefined): string {
  if (!node) return "none";
  const parts = components(node).filter((c) => c.type !== "Sequence");
  if (parts.length === 0) return "none";
  return parts
    .map((c) => {
      if (c.type === "Split") {
        const pattern = c.pattern as { Regex?: string; String?: string } | undefined;
        return `Split(${pattern?.Regex ?? JSON.stringify(pattern?.String ?? "")})`;
      }
      if (c.type === "Replace") {
        const pattern = c.pattern as { String?: string; Regex?: string } | undefined;
        return `Replace(${JSON.stringify(pattern?.String ?? pattern?.Regex)} → ${JSON.stringify(c.content)})`;
      }
      if (c.type === "Prepend") return `Prepend(${JSON.stringify(c.prepend)})`;
      return c.type;
    })
    .join(" + ");
}
