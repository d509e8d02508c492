// The column-mapping step for a staged CSV or XLSX ledger: a preview of the first rows and a
// choice of column per field, preselected from the saved mapping or the headings.
import { Button, CsrfField, ErrorSummary, SelectField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ColumnsPageModel, ColumnValues, UploadProblem } from '../presenter.ts';
import { Breadcrumb, costsPath } from './parts.tsx';
import { TableScroll } from '../../../ui/table-scroll.tsx';

/** The column-mapping step for a staged CSV or XLSX file. */
export function ColumnsPage(props: {
  page: PageContext;
  organisationId: string;
  organisationName: string;
  year: number;
  token: string;
  fileName: string;
  headings: string[] | null;
  /** The first data rows, for recognising the columns. */
  sample: string[][];
  choices: ColumnsPageModel;
  values: ColumnValues;
  errors: FieldErrors;
  problem: UploadProblem | null;
  notice: string | null;
}) {
  const { page, headings, values, errors, problem } = props;
  const { headingLabels, options, fields } = props.choices;
  const { m } = page;
  const base = `${costsPath(props.organisationId, props.year)}/columns/${props.token}`;
  const summaryErrors: FieldErrors = { ...errors, ...(problem ? { 'columns-problem': m.costs.uploadRejected } : {}) };
  return (
    <Layout page={page} title={`${m.costs.columnsTitle} – ${props.organisationName}`}>
      <div class="narrow">
        <ErrorSummary m={m} errors={summaryErrors} />
        <Breadcrumb page={page} organisationId={props.organisationId} organisationName={props.organisationName} year={props.year} />
        <h1>{m.costs.columnsTitle}</h1>
        {props.notice ? <p class="notice">{props.notice}</p> : null}
        <p>{m.costs.columnsIntro(props.fileName)}</p>
        {problem ? (
          <div class="field-error" id="columns-problem" data-testid="upload-error">
            <p>
              {problem.line === null ? '' : m.costs.uploadProblemAt(problem.line)}
              {problem.message}
            </p>
            <p class="hint">
              {m.costs.uploadDetail} <span lang="en">{problem.detail}</span>
            </p>
          </div>
        ) : null}
        {headings === null ? (
          <p class="notice" data-testid="no-header">
            {m.costs.columnsNoHeader}
          </p>
        ) : (
          <form method="post" action={base} novalidate>
            <CsrfField token={page.csrfToken} />
            {props.sample.length > 0 ? (
              <TableScroll label={m.costs.columnsPreview}>
                <table class="table" data-testid="column-preview">
                  <caption>{m.costs.columnsPreview}</caption>
                  <thead>
                    <tr>
                      {headingLabels.map((label) => (
                        <th scope="col">{label}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {props.sample.map((row) => (
                      <tr>
                        {row.map((cell) => (
                          <td>{cell}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            <fieldset class="fieldset" aria-describedby="columns-hint">
              <legend class="legend">{m.costs.columnsLegend}</legend>
              <p class="hint" id="columns-hint">
                {m.costs.columnsHint}
              </p>
              {fields.map(({ field, required }) => (
                <SelectField
                  m={m}
                  id={`column-${field}`}
                  name={field}
                  label={m.costs.columns[field]}
                  value={values[field]}
                  error={errors[`column-${field}`]}
                  options={[{ value: '', label: required ? m.costs.columnChoose : m.costs.columnNone }, ...options]}
                />
              ))}
            </fieldset>
            <Button>{m.costs.columnsSubmit}</Button>
          </form>
        )}
        <p class="hint">{m.costs.columnsStaged}</p>
        <form method="post" action={`${base}/cancel`}>
          <CsrfField token={page.csrfToken} />
          <Button variant="secondary">{m.costs.columnsCancel}</Button>
        </form>
      </div>
    </Layout>
  );
}
