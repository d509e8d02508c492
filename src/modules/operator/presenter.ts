// The operator page's view model: the organisations matching the search (by name or
// organisation number), and the federations a new organisation may join.
import type { OrganisationSummary } from '../organisations/service.ts';

export interface OperatorModel {
  organisations: OrganisationSummary[];
  shown: OrganisationSummary[];
  federations: OrganisationSummary[];
  query: string;
}

export function presentOperator(organisations: OrganisationSummary[], query: string): OperatorModel {
  const needle = query.trim().toLowerCase();
  const shown = needle ? organisations.filter((organisation) => organisation.name.toLowerCase().includes(needle) || (organisation.org_number ?? '').includes(needle)) : organisations;
  return { organisations, shown, federations: organisations.filter((organisation) => organisation.kind === 'kommunalforbund'), query };
}
