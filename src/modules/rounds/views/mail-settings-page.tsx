// The contact person and last day of a round on a page of their own: where the round page's form
// comes back to when something in it needs correcting.
import { ErrorSummary } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { MailSettingsPageModel } from '../mail-page-presenter.ts';
import { MailSettingsForm } from './mail-settings-section.tsx';

export function MailSettingsPage({ page, model }: { page: PageContext; model: MailSettingsPageModel }) {
  const { m } = page;
  return (
    <Layout page={page} title={m.mailTexts.settingsTitle}>
      <ErrorSummary m={m} errors={model.errors} />
      <p class="caption">
        <a href={`/rounds/${model.roundId}/mail#invitations`}>{model.roundName}</a>
      </p>
      <h1>{m.mailTexts.settingsTitle}</h1>
      <MailSettingsForm m={m} csrfToken={page.csrfToken} roundId={model.roundId} values={model.values} errors={model.errors} headingLevel={2} />
    </Layout>
  );
}
