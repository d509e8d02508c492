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

export function numberMembers(organisationIds: readonly string[], ownOrganisationIds: ReadonlySet<string>): Map<string, NumberedMember> {
  const sorted = [...new Set(organisationIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(sorted.map((organisationId, index) => [organisationId, { organisationId, number: index + 1, own: ownOrganisationIds.has(organisationId) }]));
}
