// The links to a federation's maturity overviews (on an organisation's page and the results page).
import type { PageContext } from '../../../web/page-context.ts';

export function federationMaturityPath(organisationId: string, instrumentKey: string): string {
  return `/org/${organisationId}/maturity/${instrumentKey}`;
}

/** On an organisation's page: a link to each maturity overview of its federation. */
export function FederationMaturityLinks({ page, organisationId, instruments }: { page: PageContext; organisationId: string; instruments: Array<{ key: string; name: string }> }) {
  const t = page.m.federation;
  return (
    <section aria-labelledby="federation-maturity-title">
      <h2 id="federation-maturity-title">{t.linksHeading}</h2>
      <p>{t.linkHint}</p>
      <ul class="link-list">
        {instruments.map((instrument) => (
          <li>
            <a href={federationMaturityPath(organisationId, instrument.key)}>{t.linkTitle(instrument.name)}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
