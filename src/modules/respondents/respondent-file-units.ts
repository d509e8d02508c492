// Finds the unit a row names. A path may be separated by "/", ">" or "»" and may be shortened
// from the top ("Hemtjänst / Område Norr", or just "Hemtjänst") as long as only one unit in the
// tree ends that way. Comparison ignores case and extra spaces. A name that matches nothing gets
// a suggestion ("did you mean …?") when one unit is spelled almost the same: the same letters
// without accents (Excel on another keyboard drops å, ä, ö), or one or two letters off.

export interface OrgUnit {
  id: string;
  path: string[];
}

type UnitMatch =
  | { kind: 'found'; unit: OrgUnit }
  | { kind: 'ambiguous'; candidates: OrgUnit[] }
  | { kind: 'unknown' };

const SEPARATOR = /\s*(?:->|[/>›»])\s*/;
const normalizePart = (part: string) => part.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');
/** For suggestions only: no accents, no spaces or punctuation ("Hem-tjanst" ≈ "Hemtjänst"). */
const foldPart = (part: string) => part.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '');

export const formatUnitPath = (path: string[]) => path.join(' / ');

export interface UnitResolver {
  resolve(value: string): UnitMatch;
  /** A unit spelled almost like `value` (for "did you mean"); slower, so only for problems shown. */
  suggest(value: string): OrgUnit | undefined;
}

export function createUnitResolver(units: OrgUnit[]): UnitResolver {
  const normalized = units.map((unit) => ({ unit, parts: unit.path.map(normalizePart) }));
  const byLeaf = new Map<string, typeof normalized>();
  for (const entry of normalized) {
    const leaf = entry.parts.at(-1);
    if (leaf === undefined) continue;
    byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), entry]);
  }
  const cache = new Map<string, UnitMatch>();

  const match = (parts: string[]): OrgUnit[] => {
    const candidates = byLeaf.get(parts.at(-1) ?? '') ?? [];
    const endsWith = candidates.filter(
      (entry) => entry.parts.length >= parts.length && parts.every((part, i) => entry.parts[entry.parts.length - parts.length + i] === part),
    );
    const exact = endsWith.filter((entry) => entry.parts.length === parts.length);
    return (exact.length === 1 ? exact : endsWith).map((entry) => entry.unit);
  };

  const parse = (value: string) => normalizePart(value).split(SEPARATOR).filter((part) => part !== '');

  // The typed path is compared with the same number of levels at the end of each unit's path, so
  // "Socialforvaltningen / Hemtjanst" points at one unit even though two units are called Hemtjänst.
  const suggest = (value: string): OrgUnit | undefined => {
    const typed = parse(value).map(foldPart).filter((part) => part !== '');
    const text = typed.join('/');
    if (text === '') return undefined;
    const allowed = Math.min(2, Math.floor(text.length / 4));
    let best: { units: OrgUnit[]; distance: number } | undefined;
    for (const entry of normalized) {
      if (entry.parts.length < typed.length) continue;
      const distance = editDistance(text, entry.parts.slice(-typed.length).map(foldPart).join('/'), allowed);
      if (distance > allowed || (best && distance > best.distance)) continue;
      best = best && distance === best.distance ? { units: [...best.units, entry.unit], distance } : { units: [entry.unit], distance };
    }
    // Two units equally close: naming one of them would be a guess.
    return best?.units.length === 1 ? best.units[0] : undefined;
  };

  return {
    resolve(value) {
      const key = normalizePart(value);
      const cached = cache.get(key);
      if (cached) return cached;
      const parts = parse(key);
      // A unit may itself be called "IT/Digitalisering": try the value whole before giving up.
      let found = match(parts);
      if (found.length === 0 && parts.length > 1) found = match([key]);
      const result: UnitMatch =
        found.length === 1 && found[0]
          ? { kind: 'found', unit: found[0] }
          : found.length > 1
            ? { kind: 'ambiguous', candidates: found }
            : { kind: 'unknown' };
      cache.set(key, result);
      return result;
    },
    suggest,
  };
}

/** Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}
