// The studies on an organisation's page: for a federation, to those who run its studies, the list
// of studies and the link to start one; for a member, its part in each open study ("Er del i
// förbundets studie …") with the parts' status, declining a part and the link to its round.
import type { Study } from '../../../db/schema.ts';
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { MemberStudyModel } from '../presenter.ts';
import { PartCellContent } from './part-cell.tsx';
import { checklistPath } from '../../method-checklist/presenter.ts';

export function FederationStudies(props: { page: PageContext; federationId: string; studies: Study[] }) {
  const { m } = props.page;
  return (
    <section aria-labelledby="federation-studies">
      <h2 id="federation-studies">{m.studies.heading}</h2>
      <p>{m.studies.intro}</p>
      {props.studies.length === 0 ? (
        <p>{m.studies.none}</p>
      ) : (
        <ul class="list">
          {props.studies.map((study) => (
            <li>
              <a href={`/org/${props.federationId}/studies/${study.year}`}>{m.studies.title(study.year)}</a> –{' '}
              {study.status === 'open' ? m.studies.statusOpen : m.studies.statusClosed}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button button-secondary" href={`/org/${props.federationId}/studies/new`}>
          {m.studies.newLink}
        </a>
      </p>
    </section>
  );
}

export function MemberStudies(props: { page: PageContext; studies: MemberStudyModel[] }) {
  const { page } = props;
  const { m } = page;
  return (
    <>
      {props.studies.map((study) => {
        const id = `study-${study.federation.id}-${study.year}`;
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>{m.studies.memberHeading(study.federation.name, study.year)}</h2>
            {study.open ? <p>{m.studies.memberIntro(study.closesOnText)}</p> : <p><span class="tag tag-closed">{m.studies.statusClosed}</span></p>}
            <ul class="list">
              {study.row.roundId ? (
                <li>
                  <a href={`/rounds/${study.row.roundId}`}>{m.studies.roundLink}</a>
                </li>
              ) : null}
              <li>
                <a href={checklistPath(study.row.memberId, study.year)}>{m.studies.memberChecklistLink}</a>
              </li>
            </ul>
            <table class="table table-reflow">
              <caption class="visually-hidden">{m.studies.memberPartsCaption}</caption>
              <TableHead columns={[m.studies.partsLegend, m.organisation.status]} />
              <tbody>
                {study.row.cells.map((cell) => (
                  <tr>
                    <th scope="row">{cell.name}</th>
                    <td data-label={m.organisation.status}>
                      <PartCellContent page={page} federationId={study.federation.id} year={study.year} member={study.row} cell={cell} canDecline={study.canDecline} back="member" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
