// The respondents part (/rounds/:roundId/respondents, coordinators only): the upload and the
// add form at the top, the searchable list of respondents, and the log of changes to them.
import { TableHead } from '../../../ui/table-head.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { RespondentFormState, RespondentListModel, RoundPageModel } from '../presenter.ts';
import { RespondentForms, respondentFormErrors } from './respondent-forms.tsx';
import { RespondentsTable } from './respondents-table.tsx';
import { RoundFrame } from './round-frame.tsx';

export type RespondentsPageProps = Pick<RoundPageModel, 'round' | 'organisation' | 'canManage' | 'resultsHref' | 'changes' | 'units'> & {
  page: PageContext;
  list: RespondentListModel;
  respondentForm: RespondentFormState;
  formatWhen: (iso: string) => string;
};

export function RespondentsPage(props: RespondentsPageProps) {
  const { page, round, changes } = props;
  const { m } = page;
  return (
    <RoundFrame page={page} round={round} organisation={props.organisation} current="respondents" canManage={props.canManage} resultsHref={props.resultsHref} errors={respondentFormErrors(props.respondentForm)}>
      <RespondentForms page={page} round={round} units={props.units} form={props.respondentForm} />

      <RespondentsTable page={page} round={round} list={props.list} formatWhen={props.formatWhen} />

      <h2 id="respondent-changes">{m.privacy.changesTitle}</h2>
      {changes.length === 0 ? (
        <p>{m.privacy.changesNone}</p>
      ) : (
        <table class="table stack-table" data-testid="respondent-changes">
          <caption class="visually-hidden">{m.privacy.changesTitle}</caption>
          <TableHead columns={[m.privacy.changeWhen, m.privacy.changeWho, m.privacy.changeWhat]} />
          <tbody>
            {changes.map((change) => (
              <tr>
                <td data-label={m.privacy.changeWhen}>{props.formatWhen(change.changed_at)}</td>
                <td data-label={m.privacy.changeWho}>{change.changed_by_name}</td>
                <td data-label={m.privacy.changeWhat}>
                  {change.kind === 'imported'
                    ? m.privacy.changeImported(change.respondent_count)
                    : change.kind === 'added'
                      ? m.privacy.changeAdded(change.detail ?? '')
                      : m.privacy.changeRemoved(change.detail ?? '')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </RoundFrame>
  );
}
