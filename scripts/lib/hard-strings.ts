/**
 * Strings that break naive tokenizer code: joined emoji, flags, combining marks, scripts with complex
 * shaping, right-to-left text, CRLF, lone surrogates, special-token look-alikes, NUL, BOM, long runs.
 */
export const HARD_STRINGS: readonly string[] = [
  "",
  "Hello, world!",
  "👨‍👩‍👧‍👦 family, 👍🏽 thumbs, 🏳️‍🌈 flag",
  "🇯🇵🇺🇸🇩🇪 flags side by side",
  "e\u0301 n\u0303 a\u030a\u0327 Z\u0351\u0337\u0336 combining marks",
  "日本語のテキストと中文文本，한국어 텍스트",
  "नमस्ते दुनिया, क्षत्रिय",
  "ภาษาไทยไม่มีช่องว่างระหว่างคำ",
  "مرحبا بالعالم — שלום עולם (RTL)",
  "line one\r\nline two\r\n\r\n\ttabbed",
  "lone \uD800 high and \uDC00 low surrogates \uDBFF\uDFFF paired",
  "<|endoftext|> <|im_start|>user<|im_end|> <s></s> [CLS] <unk> <0xE3>",
  "nul\u0000byte and \u0085 next-line and \u00a0 nbsp",
  "\uFEFFbyte order mark, and \uFEFF inside",
  "1234567890123456789 3.14159 1,000,000 ١٢٣٤ ४५६",
  "                                spaces and\n\n\n\n\nnewlines",
  "I'M HERE, it's fine, they'LL go, 'ſ long s",
  "ﬁ ligature, Ｆｕｌｌｗｉｄｔｈ, ① circled, ㎏ unit, Å angstrom",
  "▁ literal metaspace ▁▁ and Ġ literal",
  "def f(x):\n    return x ** 2  # code\n",
  "\u200b\u200c\u200d zero widths \u2028\u2029 separators",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math 𝟙𝟚𝟛 and 😀😃😄",
];
