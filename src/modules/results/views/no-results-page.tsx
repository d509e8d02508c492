// A round whose questionnaires have no results section.
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';

/** A round whose questionnaires have no results section (e.g. only a yes/no checklist). */
export function NoResultsPage({ page, roundId, roundName }: { page: PageContext; roundId: string; roundName: string }) {
  const m = page.m.results;
  return (
    <Layout page={page} title={m.title(roundName)}>
      <p class="caption">
        <a href={`/rounds/${roundId}`}>{roundName}</a>
      </p>
      <h1>{m.title(roundName)}</h1>
      <p>{m.noResultInstrument}</p>
    </Layout>
  );
}
