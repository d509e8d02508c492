// What every part of a round shares: the page's title, the error summary, the organisation above
// the round's name, and the sub-navigation between the parts (overview, respondents, mail and the
// results), with the current part marked `aria-current="page"`. Coordinators see every part;
// other readers the overview and, when they may read them, the results.
import type { ComponentChildren } from 'preact';
import type { Organisation } from '../../../db/schema.ts';
import { ErrorSummary } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { roundPartHref, type RoundPart, type RoundWithInstruments } from '../presenter.ts';

export interface RoundFrameProps {
  page: PageContext;
  round: RoundWithInstruments;
  organisation: Organisation;
  current: RoundPart;
  canManage: boolean;
  resultsHref: string | null;
  errors?: Record<string, string>;
  children: ComponentChildren;
}

export function RoundFrame({ page, round, organisation, current, canManage, resultsHref, errors, children }: RoundFrameProps) {
  const { m } = page;
  const t = m.roundPage;
  const parts: Array<{ part: RoundPart; label: string }> = [
    { part: 'overview', label: t.overview },
    ...(canManage
      ? [
          { part: 'respondents' as const, label: t.respondents },
          { part: 'mail' as const, label: t.mail },
        ]
      : []),
  ];
  const currentLabel = parts.find((entry) => entry.part === current)?.label ?? t.overview;
  return (
    <Layout page={page} title={current === 'overview' ? round.name : t.pageTitle(currentLabel, round.name)}>
      <ErrorSummary m={m} errors={errors ?? {}} />
      <p class="caption">
        <a href={`/org/${organisation.id}`}>{organisation.name}</a>
      </p>
      <h1>{round.name}</h1>
      <nav class="sub-nav" aria-label={t.navLabel}>
        <ul>
          {parts.map(({ part, label }) => (
            <li>
              <a href={roundPartHref(round.id, part)} aria-current={part === current ? 'page' : undefined} data-testid={`round-nav-${part}`}>
                {label}
              </a>
            </li>
          ))}
          {resultsHref ? (
            <li>
              <a href={resultsHref} data-testid="round-nav-results">
                {t.results}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}
