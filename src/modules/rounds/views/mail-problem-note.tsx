// On a respondent's row (issue 15): the last mail to them failed as it was sent, or a bounce came
// back later. Says what went wrong in plain words, what to do about it, and the server's own words.
import type { Messages } from '../../../i18n/messages.ts';
import type { RoundPageModel } from '../presenter.ts';

type MailProblem = NonNullable<RoundPageModel['respondents'][number]['mailProblem']>;

function fixFor(m: Messages, problem: MailProblem): string {
  if (problem.problem === 'mail_server') return m.mailSchedule.fixes.mailServer;
  if (problem.problem === 'temporary') return m.mailSchedule.fixes.later;
  return m.mailSchedule.fixes.address;
}

export function MailProblemNote({ m, problem, formatWhen }: { m: Messages; problem: MailProblem; formatWhen: (iso: string) => string }) {
  return (
    <div class="mail-problem" data-testid="mail-problem">
      <p>
        <strong class="tag tag-mail-problem">{m.mailSchedule.problemTitle[problem.kind]}</strong> <span class="hint">{formatWhen(problem.at)}</span>
      </p>
      <p>
        {m.mailSchedule.problems[problem.problem]} {fixFor(m, problem)}
      </p>
      {problem.reason !== '' ? (
        <details>
          <summary>{m.mailSchedule.serverWords}</summary>
          <p class="hint">{problem.reason}</p>
        </details>
      ) : null}
    </div>
  );
}
