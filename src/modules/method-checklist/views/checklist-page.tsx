// The standalone page of a study's checklist (/org/:orgId/studies/:year/checklist): for the
// federation, its own steps and every member's progress; for a member, its own steps. The study
// dashboard and the organisation page can include the same MethodChecklist part.
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { MethodChecklistModel } from '../presenter.ts';
import { MemberChecklistSummary, MethodChecklist } from './method-checklist.tsx';

export function ChecklistPage({ page, model }: { page: PageContext; model: MethodChecklistModel }) {
  const t = page.m.methodChecklist;
  const title = model.scope === 'study' ? t.federationTitle(model.study.year) : t.memberTitle(model.organisation.name, model.study.year);
  return (
    <Layout page={page} title={title}>
      <p class="caption">
        <a href={`/org/${model.organisation.id}`}>{model.organisation.name}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{model.scope === 'study' ? t.federationIntro : t.memberIntro}</p>
      <MethodChecklist page={page} model={model} heading={model.scope === 'study' ? t.studySteps : t.heading} />
      {model.scope === 'study' ? <MemberChecklistSummary page={page} model={model} /> : null}
    </Layout>
  );
}
