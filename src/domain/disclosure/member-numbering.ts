// How members of a federation are named in comparisons that others read: by a number
// ("Kommun 3"), except the reader's own organisation. The number comes from the order of the
// organisations' ids, which are random, so it says nothing about size, name or result, and it
// is the same for every reader of a view over the same members.

export interface NumberedMember {
  organisationId: string;
  /** 1-based. */
  number: number;
  own: boolean;
}

/**
 * Numbers the organisations by id order. With `fixed` (the numbers of a whole study, e.g.
 * `studyNumbering` over every member of the federation), those numbers are used instead, so a
 * member keeps its number in every figure of a report even where some members have no data.
 */
export function numberMembers(
  organisationIds: readonly string[],
  ownOrganisationIds: ReadonlySet<string>,
  fixed?: ReadonlyMap<string, number>,
): Map<string, NumberedMember> {
  const sorted = [...new Set(organisationIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(
    sorted.map((organisationId, index) => [organisationId, { organisationId, number: fixed?.get(organisationId) ?? index + 1, own: ownOrganisationIds.has(organisationId) }]),
  );
}

/** One number per member of a study (all the federation's members, with or without data). */
export function studyNumbering(memberIds: readonly string[]): Map<string, number> {
  return new Map([...numberMembers(memberIds, new Set())].map(([organisationId, member]) => [organisationId, member.number]));
}
