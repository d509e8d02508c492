// One member's part in a study, as a table cell: its status, the counts, the next step and whose
// it is, and, for those who may, declining the part (with a confirmation) or taking it back.
import { Button, CsrfField } from '../../../ui/forms.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { MemberRow, PartCell } from '../presenter.ts';

export function PartCellContent(props: { page: PageContext; federationId: string; year: number; member: MemberRow; cell: PartCell; canDecline: boolean; back: 'dashboard' | 'member' }) {
  const { page, cell, member } = props;
  const { m } = page;
  const action = `/org/${props.federationId}/studies/${props.year}/members/${member.memberId}/parts/${cell.part}`;
  return (
    <>
      <span class={`tag tag-study-${cell.status}`}>{cell.statusText}</span>
      {cell.countsText ? <span class="study-counts"> {cell.countsText}</span> : null}
      {cell.nextText ? <p class="hint study-next">{cell.nextText}</p> : null}
      {props.canDecline && !cell.declined ? (
        <details class="study-decline">
          <summary>
            {m.studies.decline}
            <span class="visually-hidden"> – {cell.name}, {member.name}</span>
          </summary>
          <p>{m.studies.declineQuestion(cell.name)}</p>
          <form method="post" action={`${action}/decline`}>
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="back" value={props.back} />
            <Button variant="warning">{m.studies.declineConfirm(cell.name, member.name)}</Button>
          </form>
        </details>
      ) : null}
      {props.canDecline && cell.declined ? (
        <form method="post" action={`${action}/undecline`} class="inline-form">
          <CsrfField token={page.csrfToken} />
          <input type="hidden" name="back" value={props.back} />
          <Button variant="secondary">
            {m.studies.undecline}
            <span class="visually-hidden"> – {cell.name}, {member.name}</span>
          </Button>
        </form>
      ) : null}
    </>
  );
}
