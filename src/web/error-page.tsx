// The friendly page for every error: a title and a sentence that says what to do next.
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorCode } from '../app/errors.ts';
import { anonymous } from '../app/actor.ts';
import { messages } from '../i18n/messages.ts';
import { Layout } from '../ui/layout.tsx';
import { renderDocument } from './render.ts';

/** One line per rejected field of a request that failed its schema: which field and what to fix. */
export interface FieldProblem {
  field: string;
  kind: 'too_long' | 'too_short' | 'invalid';
  max?: number;
}

export function fieldProblemsOf(error: z.core.$ZodError): FieldProblem[] {
  return error.issues.slice(0, 10).map((issue) => {
    const field = issue.path.map(String).join('.') || '–';
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { field, kind: 'too_long', max: issue.maximum };
    if (issue.code === 'too_small') return { field, kind: 'too_short' };
    return { field, kind: 'invalid' };
  });
}

export function renderErrorPage(request: FastifyRequest, code: ErrorCode, problems: FieldProblem[] = []): string {
  const m = request.m ?? messages('sv');
  const text = m.errors[code];
  const isSurvey = request.url.startsWith('/s/') || request.url.startsWith('/o/');
  const page = {
    m,
    locale: request.locale ?? 'sv',
    actor: request.actor ?? anonymous,
    url: request.url,
    csrfToken: '',
    flash: null,
  };
  return renderDocument(
    <Layout page={page} title={text.title} variant={isSurvey ? 'survey' : 'app'}>
      <h1>{text.title}</h1>
      <p class="lead">{text.body}</p>
      {problems.length > 0 ? (
        <div class="error-summary" role="alert">
          <p>{m.errors.fieldProblems}</p>
          <ul>
            {problems.map((problem) => (
              <li>{problem.kind === 'too_long' ? m.errors.fieldTooLong(problem.field, problem.max ?? 0) : problem.kind === 'too_short' ? m.errors.fieldTooShort(problem.field) : m.errors.fieldInvalid(problem.field)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {!isSurvey ? (
        <p>
          <a href="/">{m.common.home}</a>
        </p>
      ) : null}
    </Layout>,
  );
}
