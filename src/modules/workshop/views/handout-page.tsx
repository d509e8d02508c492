// The workshop's printable handout: every topic with its lead and figures, and empty lines for
// the participants' own notes. Print styles (public/mogna.css) hide the site's frame. A PDF
// through the report model is a later step.
import type { WorkshopTopic } from '../../../domain/workshop/workshop-topics.ts';
import { Layout } from '../../../ui/layout.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import { workshopPath } from '../presenter.ts';
import { TopicPoints } from './workshop-page.tsx';

const NOTE_LINES = 6;

export function HandoutPage({ page, organisation, year, topics }: { page: PageContext; organisation: { id: string; name: string }; year: number; topics: WorkshopTopic[] }) {
  const m = page.m.workshop;
  const title = m.handoutTitle(organisation.name, year);
  return (
    <Layout page={page} title={title}>
      <div class="workshop-handout">
        <p class="caption no-print">
          <a href={workshopPath(organisation.id, year)}>{m.backToWorkshop}</a>
        </p>
        <h1>{title}</h1>
        <p>{topics.length > 0 ? m.handoutIntro : m.noTopics}</p>
        {topics.map((topic, i) => (
          <section class="handout-topic" aria-labelledby={`topic-${i + 1}`}>
            <h2 id={`topic-${i + 1}`}>
              {i + 1}. {topic.title}
            </h2>
            <p>{topic.lead}</p>
            <TopicPoints topic={topic} />
            <h3>{m.handoutNotes}</h3>
            <div class="note-lines" aria-hidden="true">
              {Array.from({ length: NOTE_LINES }, () => (
                <div class="note-line" />
              ))}
            </div>
          </section>
        ))}
      </div>
    </Layout>
  );
}
