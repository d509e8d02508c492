// The page of a member's own report texts for a year (issue 13): one field per text with the
// generated draft beside it and an "Använd förslaget" button, a link to the preview. Works
// without JavaScript; each button is its own submit of the same form.
import { Button, CsrfField, ErrorSummary, TextAreaField, type FieldErrors } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { memberTextsPath, reportsPath, type MemberTextsView } from '../presenter.ts';

export function MemberTextsPage({ page, view, values, errors }: { page: PageContext; view: MemberTextsView; values: Record<string, string>; errors: FieldErrors }) {
  const t = page.m.reportPages.memberTexts;
  const own = view.kind === 'federation' ? page.m.reportPages.federationTexts : t;
  const path = memberTextsPath(view.member.id, view.year);
  return (
    <Layout page={page} title={own.title(view.member.name, view.year)}>
      <ErrorSummary m={page.m} errors={errors} />
      <p class="caption">
        <a href={reportsPath(view.member.id, view.year)}>{t.back}</a>
      </p>
      <h1>{own.title(view.member.name, view.year)}</h1>
      <p>{own.intro}</p>
      <p>
        <a class="button button-secondary" href={`${reportsPath(view.member.id, view.year)}/${view.kind}`}>
          {t.preview}
        </a>
      </p>
      <form method="post" action={path} class="panel" novalidate>
        <CsrfField token={page.csrfToken} />
        {view.keys.map((key) => {
          const label = t.labels[key] ?? key;
          const draft = view.drafts[key];
          return (
            <div class="member-text" data-testid={`text-${key}`}>
              <TextAreaField
                m={page.m}
                id={key}
                label={label}
                hint={`${key === 'recommendations' ? `${t.recommendationsHint} ` : ''}${(values[key] ?? '').trim() === '' ? t.draftNote : t.writtenNote}`}
                value={values[key] ?? ''}
                error={errors[key]}
                rows={key === 'recommendations' || key === 'summary' ? 8 : 4}
              />
              <details>
                <summary>
                  {t.draftHeading}: {label}
                </summary>
                {draft === '' ? (
                  <p>{t.noDraft}</p>
                ) : (
                  draft.split('\n').map((line) => <p class="draft">{line}</p>)
                )}
              </details>
              {draft === '' ? null : (
                <Button variant="secondary" name="accept" value={key}>
                  {t.useDraft}
                  <span class="visually-hidden"> – {label}</span>
                </Button>
              )}
            </div>
          );
        })}
        <Button>{t.submit}</Button>
      </form>
    </Layout>
  );
}
