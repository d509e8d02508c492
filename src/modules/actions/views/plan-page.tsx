// An organisation's action plan of a year (/org/:orgId/actions): its actions in a table that
// stacks at phone width, the federation's shared actions a member takes part in, and on a
// federation's plan the anonymised overview of its members' plans. Export links and, for those
// who may write, the way to a new action.
import { TableHead } from '../../../ui/table-head.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import type { PageContext } from '../../../web/page-context.ts';
import { actionPath, addressesText } from '../presenter.ts';
import type { ImportProblem } from '../import-service.ts';
import type { ActionPlan, MembersOverview, PlanAction } from '../service.ts';
import { CsrfField } from '../../../ui/forms.tsx';

function ActionsTable({ page, actions, caption, organisationId }: { page: PageContext; actions: PlanAction[]; caption: string; organisationId: string }) {
  const t = page.m.actions;
  const c = t.columns;
  return (
    <table class="table stack-table" data-testid="actions">
      <caption class="visually-hidden">{caption}</caption>
      <TableHead columns={[c.title, c.addresses, c.owner, c.due, c.status, c.note]} />
      <tbody>
        {actions.map((action) => (
          <tr>
            <td data-label={c.title}>
              <a href={actionPath(organisationId, action.id)}>{action.title}</a>
            </td>
            <td data-label={c.addresses}>{addressesText(t, action, page.locale)}</td>
            <td data-label={c.owner}>{action.owner}</td>
            <td data-label={c.due}>{action.due_on ? formatDate(page.locale, action.due_on) : t.noDue}</td>
            <td data-label={c.status}>{t.status[action.status]}</td>
            <td data-label={c.note}>{action.lastNote ?? t.noNote}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Overview({ page, overview }: { page: PageContext; overview: MembersOverview }) {
  const t = page.m.actions;
  return (
    <section aria-labelledby="overview-heading" data-testid="members-overview">
      <h2 id="overview-heading">{t.overviewHeading}</h2>
      <p>{t.overviewIntro(overview.threshold)}</p>
      {!overview.shown ? (
        <p>{t.overviewTooFew(overview.threshold)}</p>
      ) : (
        <>
          <p>{t.overviewTotals(overview.members, overview.actions, overview.done)}</p>
          {overview.areas.length > 0 ? (
            <table class="table stack-table">
              <caption>{t.overviewCaption}</caption>
              <TableHead columns={[t.overviewArea, { label: t.overviewActions, numeric: true }, { label: t.overviewDone, numeric: true }]} />
              <tbody>
                {overview.areas.map((area) => (
                  <tr>
                    <td data-label={t.overviewArea}>{area.name ? pick(area.name, page.locale) : t.sourceKinds[area.sourceKind]}</td>
                    <td data-label={t.overviewActions} class="numeric">
                      {area.actions}
                    </td>
                    <td data-label={t.overviewDone} class="numeric">
                      {area.done}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {overview.hiddenAreas > 0 ? <p>{t.overviewHidden(overview.hiddenAreas)}</p> : null}
        </>
      )}
    </section>
  );
}

function ImportForm({ page, base, problems }: { page: PageContext; base: string; problems: ImportProblem[] }) {
  const t = page.m.actions;
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t.importHeading}</h2>
      <p class="hint" id="import-file-hint">
        {t.importHint}
      </p>
      {problems.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="import-problems-title" tabIndex={-1} data-testid="import-problems">
          <h3 id="import-problems-title">{t.importRejected}</h3>
          <ul>
            {problems.map((problem) => (
              <li>
                {problem.row === 0 ? t.importWholeFile : t.importRow(problem.row)}: {problem.problems.map((key) => t.errors[key] ?? t.errors.fieldInvalid).join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`${base}/import`} enctype="multipart/form-data">
        <CsrfField token={page.csrfToken} />
        <div class="field">
          <label for="import-file" class="label">
            {t.importFile}
          </label>
          <input id="import-file" name="file" type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="import-file-hint" />
        </div>
        <button type="submit" class="button button-secondary">
          {t.importButton}
        </button>
      </form>
    </section>
  );
}

export function PlanPage({ page, plan, importProblems = [] }: { page: PageContext; plan: ActionPlan; importProblems?: ImportProblem[] }) {
  const t = page.m.actions;
  const title = t.planTitle(plan.organisation.name, plan.year);
  const base = `/org/${plan.organisation.id}/actions`;
  return (
    <Layout page={page} title={title}>
      <p class="caption">
        <a href={`/org/${plan.organisation.id}`}>{plan.organisation.name}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t.intro}</p>
      <form method="get" action={base} class="inline-form">
        <label for="year" class="label">
          {t.yearLabel}
        </label>
        <input id="year" name="year" type="number" class="input input-short" value={plan.year} inputMode="numeric" />
        <button type="submit" class="button button-secondary">
          {t.showYear}
        </button>
      </form>
      {plan.canWrite ? (
        <p>
          <a class="button" href={`${base}/new?year=${plan.year}`}>
            {t.newAction}
          </a>
        </p>
      ) : (
        <p>{t.readOnly}</p>
      )}
      <h2>{t.caption(plan.year)}</h2>
      {plan.actions.length === 0 ? <p>{t.empty}</p> : <ActionsTable page={page} actions={plan.actions} caption={t.caption(plan.year)} organisationId={plan.organisation.id} />}
      {plan.shared.length > 0 ? (
        <section aria-labelledby="shared-heading">
          <h2 id="shared-heading">{t.sharedHeading}</h2>
          <p>{t.sharedIntro}</p>
          <ActionsTable page={page} actions={plan.shared} caption={t.sharedHeading} organisationId={plan.organisation.id} />
        </section>
      ) : null}
      {plan.overview ? <Overview page={page} overview={plan.overview} /> : null}
      {plan.canWrite ? <ImportForm page={page} base={base} problems={importProblems} /> : null}
      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t.exportHeading}</h2>
        <ul>
          <li>
            <a href={`${base}.csv?year=${plan.year}`}>{t.exportCsv}</a>
          </li>
          <li>
            <a href={`${base}.xlsx?year=${plan.year}`}>{t.exportXlsx}</a>
          </li>
        </ul>
      </section>
    </Layout>
  );
}
