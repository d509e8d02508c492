// Roles are free text, and a spreadsheet gives "Chef", "chef" and "CHEF " for one role. Results
// break answers down by the stored role, so three spellings would split one group into three
// (each perhaps below the anonymity threshold). Roles are therefore compared without case and
// extra spaces, and stored in one spelling: the one the round already uses (its earliest
// respondent's, so a second upload follows the first), otherwise the first one in the file.

const roleKey = (role: string) => role.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');

/** Returns each role in the spelling first seen: the given roles first, then as asked. */
export function createRoleSpeller(existingRoles: Iterable<string | null>): (role: string | null) => string | null {
  const spellings = new Map<string, string>();
  const spell = (role: string | null): string | null => {
    const cleaned = role?.replace(/\s+/g, ' ').trim() ?? '';
    if (cleaned === '') return null;
    const key = roleKey(cleaned);
    const known = spellings.get(key);
    if (known !== undefined) return known;
    spellings.set(key, cleaned);
    return cleaned;
  };
  for (const role of existingRoles) spell(role);
  return spell;
}
