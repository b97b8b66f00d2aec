/**
 * Korean particles (조사) chosen by the word they follow, so messages never need the double
 * form "을(를)": `${word}${josa(word, '을/를')}`. The word's last letter decides: a Hangul
 * syllable by its final consonant (받침), a digit or Latin letter by how it is read aloud
 * (3 삼 → 을, 2 이 → 를, L 엘 → 을). Trailing spaces, brackets and quotes are skipped.
 */
export type JosaPair = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로' | '이에요/예요';

/** Final consonant of how each digit is read (0 영, 1 일, 2 이 …): 0 = none, 8 = ㄹ, other = some. */
const DIGIT_FINAL: Record<string, number> = { '0': 21, '1': 8, '2': 0, '3': 16, '4': 0, '5': 0, '6': 1, '7': 8, '8': 8, '9': 0 };
/** Latin letters read with a final consonant (엘, 엠, 엔, 알); L and R end in ㄹ. */
const LATIN_FINAL: Record<string, number> = { l: 8, m: 16, n: 4, r: 8 };

/** The final consonant index (0: none; 8: ㄹ) of the word's last readable letter, or null when unknown. */
function finalConsonant(word: string): number | null {
  const trimmed = word.replace(/[\s)\]}"'’”」』>.,:;!?-]+$/u, '');
  const last = trimmed.at(-1);
  if (!last) return null;
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28;
  if (last in DIGIT_FINAL) return DIGIT_FINAL[last]!;
  if (/[a-z]/i.test(last)) return LATIN_FINAL[last.toLowerCase()] ?? 0;
  return null;
}

/** The particle of the pair that follows `word` (with consonant first, without second). */
export function josa(word: string, pair: JosaPair): string {
  const [withFinal, withoutFinal] = pair.split('/') as [string, string];
  const final = finalConsonant(word);
  if (final === null) return withFinal === '으로' ? '(으)로' : `${withFinal}(${withoutFinal})`;
  // 으로/로: a word ending in ㄹ takes 로 (서울로), like one without a final consonant.
  if (pair === '으로/로') return final === 0 || final === 8 ? withoutFinal : withFinal;
  return final === 0 ? withoutFinal : withFinal;
}

/** The word followed by its particle: withJosa('행사 3', '을/를') → '행사 3을'. */
export const withJosa = (word: string, pair: JosaPair): string => `${word}${josa(word, pair)}`;
