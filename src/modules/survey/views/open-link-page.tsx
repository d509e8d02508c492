// The open link's page: anyone with the round's shared link may start an anonymous response.
import { CsrfField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';

export function OpenLinkPage({ page, organisationName, title, token }: { page: PageContext; organisationName: string; title: string; token: string }) {
  const { m } = page;
  return (
    <Layout page={page} title={title} variant="survey">
      <p class="caption">{organisationName}</p>
      <h1>{m.survey.openLinkTitle(title)}</h1>
      <p class="lead">{m.survey.openLinkIntro(organisationName)}</p>
      <ul class="list">
        {m.survey.howItWorksItems.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
      <p class="notice">{m.survey.anonymity}</p>
      <form method="post" action={`/o/${token}`}>
        <CsrfField token={page.csrfToken} />
        <button type="submit" class="button button-primary button-start">
          {m.survey.openLinkStart}
        </button>
      </form>
    </Layout>
  );
}
