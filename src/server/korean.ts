/**
 * Korean particles (조사) chosen by the word they follow, so messages never need the double
 * form "을(를)": `${word}${josa(word, '을/를')}`. es-hangul picks the particle; this file only
 * finds what to read: the word's last readable letter, skipping trailing spaces, brackets and
 * quotes, with a digit or Latin letter read aloud (3 삼 → 을, 2 이 → 를, L 엘 → 을).
 */
import { josa as hangulJosa, numberToHangul } from 'es-hangul';

/** The pairs the messages use; 과/와 is es-hangul's 와/과 written with the consonant form first. */
export type JosaPair = '을/를' | '이/가' | '은/는' | '과/와' | '으로/로' | '이에요/예요';

/** How the word's last readable letter is said (a Hangul syllable, or a capital es-hangul reads aloud), or null. */
function lastReading(word: string): string | null {
  const last = word.replace(/[\s)\]}"'’”」』>.,:;!?-]+$/u, '').at(-1);
  if (last === undefined) return null;
  if (/[가-힣]/u.test(last)) return last;
  if (/[0-9]/.test(last)) return numberToHangul(Number(last)); // 0 영, 1 일 … (10 십 and 100 백 end like 0 영)
  if (/[a-z]/i.test(last)) return last.toUpperCase();
  return null;
}

/** The particle of the pair that follows `word` (with consonant first, without second). */
export function josa(word: string, pair: JosaPair): string {
  const reading = lastReading(word);
  if (reading === null) {
    const [withFinal, withoutFinal] = pair.split('/') as [string, string];
    return withFinal === '으로' ? '(으)로' : `${withFinal}(${withoutFinal})`;
  }
  return hangulJosa(reading, pair === '과/와' ? '와/과' : pair).slice(reading.length);
}

/** The word followed by its particle: withJosa('행사 3', '을/를') → '행사 3을'. */
export const withJosa = (word: string, pair: JosaPair): string => `${word}${josa(word, pair)}`;
