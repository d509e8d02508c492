/** count()/sum() come back as strings from pg and numbers from SQLite: normalise here. */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'number' ? value : Number(value);
}
