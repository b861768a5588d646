/** Built-in texts to start from. */
export interface Sample {
  id: string;
  label: string;
  text: string;
}

export const SAMPLES: readonly Sample[] = [
  {
    id: "multilingual",
    label: "Multilingual",
    text: [
      "All human beings are born free and equal in dignity and rights.",
      "Alle Menschen sind frei und gleich an Würde und Rechten geboren.",
      "Все люди рождаются свободными и равными в своем достоинстве и правах.",
      "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता और समानता प्राप्त है।",
      "人人生而自由，在尊严和权利上一律平等。",
      "جميع الناس يولدون أحرارًا متساوين في الكرامة والحقوق.",
      "မွေးဖွားလာသူ လူတိုင်းသည် တူညီ လွတ်လပ်သော ဂုဏ်သိက္ခာဖြင့် လည်းကောင်း၊ တူညီလွတ်လပ်သော အခွင့်အရေးများဖြင့် လည်းကောင်း၊ မွေးဖွားလာသူများ ဖြစ်သည်။",
      "ప్రతిపత్తిస్వత్వముల విషయమున మానవులెల్లరును జన్మతః స్వతంత్రులును సమానులును నగుదురు.",
    ].join("\n"),
  },
  {
    id: "code",
    label: "Code",
    text: [
      "def fibonacci(n: int) -> list[int]:",
      '    """Return the first n Fibonacci numbers."""',
      "    seq = [0, 1]",
      "    while len(seq) < n:",
      "        seq.append(seq[-1] + seq[-2])",
      "    return seq[:n]",
      "",
      "const greet = (name) => `Hello, ${name}!`; // JavaScript",
      "SELECT id, COUNT(*) FROM tokens WHERE text LIKE '%▁%' GROUP BY id;",
    ].join("\n"),
  },
  {
    id: "numbers",
    label: "Numbers",
    text: "3.14159265358979 1,234,567.89 0xDEADBEEF 2026-11-26 12:30:45 +1 (555) 010-9999\n१२३४५ ١٢٣٤٥ ১২৩ 一二三 ⅫⅦ 1e-9 99.999% $1,000,000",
  },
  {
    id: "emoji",
    label: "Emoji",
    text: "👋🏽 Hi! 👨‍👩‍👧‍👦 family · 🏳️‍🌈 · 🇯🇵🇫🇷🇧🇷 flags · 🧑🏿‍💻 coder · ❤️‍🔥 · 🫠 · e\u0301 vs é · ﷽",
  },
];
