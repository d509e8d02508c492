// An organisation's page (/org/:orgId): its facts, rounds, links to costs, reports and the
// federation comparisons, its members (a federation) and its unit tree with the unit forms.
import { formatNumber } from '../../../i18n/format.ts';
import { Button, CsrfField, ErrorSummary, SelectField, TextField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { FederationMaturityLinks } from '../../federation/views/links.tsx';
import { JointCompareLinks } from '../../joint/views/compare-links.tsx';
import type { OrganisationModel } from '../presenter.ts';
import type { Study } from '../../../db/schema.ts';
import type { MemberStudyModel } from '../../studies/presenter.ts';
import { FederationStudies, MemberStudies } from '../../studies/views/study-section.tsx';

interface OrganisationPageProps {
  page: PageContext;
  model: OrganisationModel;
  unitErrors: FieldErrors;
  unitForm: { name: string; parentId: string };
  /** The federation's studies (to those who run them) and the member's own parts (issue 15). */
  studies: { federation: Study[] | null; member: MemberStudyModel[] };
}

export function OrganisationPage(props: OrganisationPageProps) {
  const { page, unitErrors } = props;
  const { organisation, rounds, units, members, canManage } = props.model;
  const { m, locale } = page;
  return (
    <Layout page={page} title={organisation.name}>
      <ErrorSummary m={m} errors={unitErrors} />
      <p class="caption">{m.kinds[organisation.kind]}</p>
      <h1>{organisation.name}</h1>
      {canManage ? (
        <p>
          <a href={`/org/${organisation.id}/audit`}>{m.personalData.audit.organisationTitle(organisation.name)}</a>
        </p>
      ) : null}
      <dl class="summary-list">
        {organisation.org_number ? (
          <div>
            <dt>{m.organisation.orgNumber}</dt>
            <dd>{organisation.org_number}</dd>
          </div>
        ) : null}
        {organisation.size ? (
          <div>
            <dt>{m.organisation.size}</dt>
            <dd>
              {organisation.kind === 'myndighet'
                ? m.organisation.employees(formatNumber(locale, organisation.size))
                : m.organisation.inhabitants(formatNumber(locale, organisation.size))}
            </dd>
          </div>
        ) : null}
      </dl>

      <h2>{m.organisation.rounds}</h2>
      {rounds.length === 0 ? <p>{m.organisation.noRounds}</p> : (
        <table class="table">
          <caption class="visually-hidden">{m.organisation.rounds}</caption>
          <TableHead columns={[m.rounds.name, m.organisation.year, m.rounds.instruments, m.organisation.status]} />
          <tbody>
            {rounds.map((round) => (
              <tr>
                <th scope="row">
                  <a href={`/rounds/${round.id}`}>{round.name}</a>
                </th>
                <td>{round.year}</td>
                <td>{round.instrumentNames.join(', ')}</td>
                <td>
                  <span class={`tag tag-${round.status}`}>{m.roundStatus[round.status]}</span>
                  {round.status !== 'draft' && round.canViewResults ? (
                    <>
                      {' '}
                      <a href={`/rounds/${round.id}/results`}>
                        {m.results.linkFromRound}
                        <span class="visually-hidden"> – {round.name}</span>
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <p>
          <a class="button button-secondary" href={`/org/${organisation.id}/rounds/new`}>
            {m.organisation.newRound}
          </a>
        </p>
      ) : null}

      <MemberStudies page={page} studies={props.studies.member} />
      {props.studies.federation ? <FederationStudies page={page} federationId={organisation.id} studies={props.studies.federation} /> : null}

      <h2>{m.costs.navLink}</h2>
      <p>{m.costs.navHint}</p>
      <p>
        <a href={`/org/${organisation.id}/costs`}>{m.costs.navLink}</a>
      </p>

      <h2>{m.reportPages.navLink}</h2>
      <p>{m.reportPages.navHint}</p>
      <p>
        <a href={`/org/${organisation.id}/reports`}>{m.reportPages.navLink}</a>
      </p>
      {props.model.canReadActionPlan ? (
        <p>
          <a href={`/org/${organisation.id}/actions`}>{m.actions.planLink}</a>
        </p>
      ) : null}

      {(members.length > 0 || props.model.inFederation) && props.model.maturityInstruments.length > 0 ? (
        <FederationMaturityLinks page={page} organisationId={organisation.id} instruments={props.model.maturityInstruments} />
      ) : null}

      {(members.length > 0 || props.model.inFederation) && props.model.jointInstruments.length > 0 ? (
        <JointCompareLinks m={m} organisationId={organisation.id} instruments={props.model.jointInstruments} />
      ) : null}

      {members.length > 0 ? (
        <>
          <h2>{m.organisation.members}</h2>
          <ul class="list">
            {members.map((member) => (
              <li>
                <a href={`/org/${member.id}`}>{member.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{m.organisation.units}</h2>
      <p>{m.organisation.unitsIntro}</p>
      {units.length === 0 ? <p>{m.organisation.noUnits}</p> : (
        <ul class="unit-tree">
          {units.map((unit) => (
            <li class={`depth-${Math.min(unit.depth, 4)}`}>
              {unit.name}
              {canManage ? (
                <details class="unit-edit">
                  <summary>{m.organisation.editUnit(unit.name)}</summary>
                  <form method="post" action={`/org/${organisation.id}/units/${unit.id}/rename`} class="inline-form">
                    <CsrfField token={page.csrfToken} />
                    <TextField m={m} id={`unit-${unit.id}-name`} name="name" label={m.organisation.newUnitName} value={unit.name} width="medium" />
                    <Button variant="secondary">{m.organisation.renameUnit}</Button>
                  </form>
                  <form method="post" action={`/org/${organisation.id}/units/${unit.id}/delete`} class="inline-form">
                    <CsrfField token={page.csrfToken} />
                    <Button variant="warning">{m.organisation.removeUnit}</Button>
                  </form>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <form method="post" action={`/org/${organisation.id}/units`} class="panel" novalidate>
          <h3>{m.organisation.addUnit}</h3>
          <CsrfField token={page.csrfToken} />
          <TextField m={m} id="unit-name" name="name" label={m.organisation.unitName} value={props.unitForm.name} error={unitErrors['unit-name']} />
          <SelectField
            m={m}
            id="unit-parent"
            name="parentId"
            label={m.organisation.unitParent}
            value={props.unitForm.parentId}
            options={[
              { value: '', label: m.organisation.unitParentNone },
              ...units.map((unit) => ({ value: unit.id, label: unit.path.join(' / ') })),
            ]}
          />
          <Button variant="secondary">{m.organisation.addUnit}</Button>
        </form>
      ) : null}
    </Layout>
  );
}
