// The method's checklist as a part of a page (the standalone checklist page and the study's
// dashboard; a member's organisation page links to the member's own list): progress, then each phase as a headed, ordered
// list of steps with their help texts. Each step has its own small form, so ticking works
// without JavaScript; the button is a toggle (aria-pressed) whose name says which step it is.
// The next open step is marked in words and with aria-current, never by colour alone.
import { formatDate } from '../../../i18n/format.ts';
import { pick } from '../../../i18n/messages.ts';
import { CsrfField } from '../../../ui/forms.tsx';
import type { PageContext } from '../../../web/page-context.ts';
import type { ChecklistStep } from '../../../domain/method/checklist.ts';
import type { MethodChecklistModel } from '../presenter.ts';

interface MethodChecklistProps {
  page: PageContext;
  model: MethodChecklistModel;
  /** The part's heading; the phases are one level below it. */
  heading: string;
  headingLevel?: 2 | 3;
}

export function MethodChecklist({ page, model, heading, headingLevel = 2 }: MethodChecklistProps) {
  const { m, locale } = page;
  const t = m.methodChecklist;
  const { checklist } = model;
  const id = `checklist-${model.scope}`;
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  const PhaseHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <section class="method-checklist" aria-labelledby={`${id}-title`} data-testid={id}>
      <Heading id={`${id}-title`}>{heading}</Heading>
      <p class="checklist-progress" data-testid="checklist-progress">
        <strong>{t.progress(checklist.done, checklist.total)}</strong>
        {checklist.next === null && checklist.total > 0 ? ` ${t.allDone}` : null}
      </p>
      <p class="hint" id={`${id}-hint`}>
        {model.canTick ? t.toggleHint : t.readOnly}
      </p>
      {checklist.phases.map((phase) => (
        <section class="checklist-phase" aria-labelledby={`${id}-phase-${phase.key}`}>
          <PhaseHeading id={`${id}-phase-${phase.key}`}>
            {pick(phase.title, locale)} <span class="checklist-phase-count">({t.phaseProgress(phase.done, phase.total)})</span>
          </PhaseHeading>
          <ol class="checklist-steps">
            {phase.steps.map((step) => (
              <Step page={page} model={model} step={step} hintId={`${id}-hint`} />
            ))}
          </ol>
        </section>
      ))}
      {model.study.followUpYear ? null : <p class="hint">{t.firstYearNote}</p>}
    </section>
  );
}

function Step({ page, model, step, hintId }: { page: PageContext; model: MethodChecklistModel; step: ChecklistStep; hintId: string }) {
  const { m, locale } = page;
  const t = m.methodChecklist;
  const title = pick(step.title, locale);
  const classes = ['checklist-step', step.done ? 'is-done' : '', step.next ? 'is-next' : ''].filter(Boolean).join(' ');
  return (
    <li class={classes} id={`step-${model.memberId || 'study'}-${step.key}`} aria-current={step.next ? 'step' : undefined} data-step={step.key}>
      <div class="checklist-step-head">
        {model.canTick ? (
          <form method="post" action={model.action} class="checklist-toggle-form">
            <CsrfField token={page.csrfToken} />
            <input type="hidden" name="step" value={step.key} />
            <input type="hidden" name="memberId" value={model.memberId} />
            <input type="hidden" name="done" value={step.done ? '0' : '1'} />
            <input type="hidden" name="returnTo" value={model.returnTo} />
            {/* The name starts with the visible word, then says which step (WCAG 2.5.3). */}
            <button type="submit" class="checklist-toggle" aria-pressed={step.done ? 'true' : 'false'} aria-label={`${t.toggle}: ${title}`} aria-describedby={hintId}>
              <span class="checklist-box" aria-hidden="true">
                {step.done ? '✓' : ''}
              </span>
              {t.toggle}
            </button>
          </form>
        ) : (
          <span class={`tag ${step.done ? 'tag-step-done' : 'tag-step-open'}`}>{step.done ? t.statusDone : t.statusOpen}</span>
        )}
        <p class="checklist-step-title">
          <strong>{title}</strong>
          {step.next ? <span class="tag tag-next">{t.next}</span> : null}
        </p>
      </div>
      <p class="checklist-help">{pick(step.help, locale)}</p>
      {step.checklist.length > 0 ? (
        <div class="checklist-list">
          <p class="checklist-list-title">{t.checklistTitle}</p>
          <ul>
            {step.checklist.map((item) => (
              <li>{pick(item, locale)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {step.doneAt ? <p class="hint">{t.doneOn(formatDate(locale, step.doneAt))}</p> : null}
    </li>
  );
}

/** On the study's list: how far each member has come with its own steps, each linking to its list. */
export function MemberChecklistSummary({ page, model }: { page: PageContext; model: MethodChecklistModel }) {
  const { m, locale } = page;
  const t = m.methodChecklist;
  const members = model.members ?? [];
  return (
    <section aria-labelledby="checklist-members-title" data-testid="checklist-members">
      <h2 id="checklist-members-title">{t.membersHeading}</h2>
      {members.length === 0 ? (
        <p>{t.noMembers}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="checklist-members-caption">
          <table class="table">
            <caption id="checklist-members-caption">{t.membersCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.memberColumn}</th>
                <th scope="col">{t.progressColumn}</th>
                <th scope="col">{t.nextColumn}</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr>
                  <th scope="row">
                    <a href={model.memberHref(member.id)}>{member.name}</a>
                  </th>
                  <td>{t.progress(member.done, member.total)}</td>
                  <td>{member.next ? pick(member.next, locale) : t.allDone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
