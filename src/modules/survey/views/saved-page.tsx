// "Saved, come back later": the personal link to come back with.
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export function SurveySavedPage({ page, link, viaOpenLink }: { page: PageContext; link: string; viaOpenLink: boolean }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.survey.savedTitle} variant="survey">
      <div class="panel panel-confirmation">
        <h1>{m.survey.savedTitle}</h1>
        <p>{m.survey.savedBody}</p>
      </div>
      <h2>{m.survey.savedLinkLabel}</h2>
      <p>
        <a href={link}>{link}</a>
      </p>
      {viaOpenLink ? <p class="notice">{m.survey.savedOpenLinkNote}</p> : null}
    </Layout>
  );
}
