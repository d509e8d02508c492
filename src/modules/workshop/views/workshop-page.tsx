// One topic of a results workshop per screen, made for a projector: large type, the topic's lead,
// figures and chart, the room's notes and decisions (saved with the form or, with
// /static/workshop.js, as the facilitator types) and "Föregående"/"Nästa" links the script also
// maps to the arrow and page keys. No personal data: only published figures and the room's notes.
import type { ChartSpec } from '../../../charts/chart-spec.ts';
import type { WorkshopTopic } from '../../../domain/workshop/workshop-topics.ts';
import { ChartFigure, chartScripts } from '../../../ui/chart-figure.tsx';
import { Button, CsrfField, TextAreaField } from '../../../ui/forms.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { TopicNotes } from '../repository.ts';
import { actionHref, workshopPath } from '../presenter.ts';

export interface WorkshopPageProps {
  page: PageContext;
  organisation: { id: string; name: string };
  year: number;
  topics: WorkshopTopic[];
  /** 1-based place of the topic shown. */
  index: number;
  chart: ChartSpec | undefined;
  notes: TopicNotes | undefined;
  canWrite: boolean;
}

export function TopicPoints({ topic }: { topic: WorkshopTopic }) {
  return (
    <ul class="workshop-points">
      {topic.points.map((point) => (
        <li>
          {point.label}
          {point.value ? <strong>: {point.value}</strong> : null}
        </li>
      ))}
    </ul>
  );
}

function decisionsOf(notes: TopicNotes | undefined): string[] {
  return (notes?.decisions ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function WorkshopPage({ page, organisation, year, topics, index, chart, notes, canWrite }: WorkshopPageProps) {
  const m = page.m.workshop;
  const base = workshopPath(organisation.id, year);
  const title = m.title(organisation.name, year);
  const topic = topics[index - 1];
  if (!topic) {
    return (
      <Layout page={page} title={title}>
        <div class="workshop">
          <h1>{title}</h1>
          <p>{m.noTopics}</p>
        </div>
      </Layout>
    );
  }
  const decisions = decisionsOf(notes);
  const action = `${base}/notes`;
  return (
    <Layout page={page} title={`${topic.title} – ${title}`} scripts={[...chartScripts, '/static/workshop.js']}>
      <div class="workshop">
        <p class="caption">
          {title} · <span data-testid="progress">{m.progress(index, topics.length)}</span>
        </p>
        <h1 id="topic-heading" tabIndex={-1}>
          {topic.title}
        </h1>
        <p class="workshop-lead">{topic.lead}</p>
        <TopicPoints topic={topic} />
        {chart ? <ChartFigure spec={chart} locale={page.locale} /> : null}
        <nav class="workshop-nav" aria-label={m.topicsNav}>
          {index > 1 ? (
            <a href={`${base}/${index - 1}`} rel="prev">
              {m.previous}
            </a>
          ) : null}
          {index < topics.length ? (
            <a href={`${base}/${index + 1}`} rel="next">
              {m.next}
            </a>
          ) : null}
          <a href={`${base}/handout`}>{m.handoutLink}</a>
        </nav>
        <p class="hint">{m.keyboardHint}</p>
        <section aria-labelledby="notes-heading" class="workshop-notes">
          <h2 id="notes-heading">{m.notesHeading}</h2>
          {canWrite ? (
            <form method="post" action={action} data-autosave={action} data-saved-text={m.saved} data-failed-text={m.saveFailed}>
              <CsrfField token={page.csrfToken} />
              <input type="hidden" name="topic" value={topic.key} />
              <input type="hidden" name="index" value={String(index)} />
              <TextAreaField m={page.m} id="notes" label={m.notesLabel} value={notes?.notes ?? ''} rows={5} />
              <TextAreaField m={page.m} id="decisions" label={m.decisionsLabel} hint={m.decisionsHint} value={notes?.decisions ?? ''} rows={3} />
              <Button>{m.save}</Button>
              <p id="workshop-status" class="hint" role="status" aria-live="polite"></p>
            </form>
          ) : (
            <>
              <p class="hint">{m.readOnly}</p>
              {notes?.notes ? <p class="workshop-saved-notes">{notes.notes}</p> : <p>{m.noNotes}</p>}
            </>
          )}
          {decisions.length > 0 ? (
            <ul data-testid="decisions">
              {decisions.map((decision) => (
                <li>
                  {canWrite ? <a href={actionHref(organisation.id, year, topic.key, decision)}>{m.makeAction(decision)}</a> : decision}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </Layout>
  );
}
