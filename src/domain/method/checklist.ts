// The method's checklist of one study as plain data: which steps are done, which is next and how
// far the study (or one member) has come. Pure: the caller reads the ticked steps.
import type { LocalizedText } from '../../i18n/messages.ts';
import type { Method, MethodPhase, MethodStep, StepScope } from './method-schema.ts';

export interface ChecklistInput {
  /** Ticked step key → when it was ticked (ISO instant). Keys the method no longer has are ignored. */
  done: ReadonlyMap<string, string>;
  /** True when the federation had a study the year before: the follow-up phase is then shown. */
  followUpYear: boolean;
  /** Only the steps of this scope: the study's own, or one member's. */
  scope: StepScope;
}

export interface ChecklistStep {
  key: string;
  scope: StepScope;
  title: LocalizedText;
  help: LocalizedText;
  checklist: LocalizedText[];
  done: boolean;
  doneAt: string | null;
  /** The first step not yet done, in the method's order. */
  next: boolean;
}

interface ChecklistPhase {
  key: string;
  title: LocalizedText;
  steps: ChecklistStep[];
  done: number;
  total: number;
}

export interface Checklist {
  phases: ChecklistPhase[];
  /** The first open step, or null when every step is done. */
  next: { phase: string; step: string } | null;
  done: number;
  total: number;
}

/** The phases shown in a study year: every phase, but the follow-up ones only from the second year. */
function phasesOfYear(method: Method, followUpYear: boolean): MethodPhase[] {
  return method.phases.filter((phase) => followUpYear || !phase.followUpOnly);
}

/** The step with the key and its phase, or undefined when the method has no such step. */
export function findStep(method: Method, key: string): { phase: MethodPhase; step: MethodStep } | undefined {
  for (const phase of method.phases) {
    const step = phase.steps.find((candidate) => candidate.key === key);
    if (step) return { phase, step };
  }
  return undefined;
}

export function buildChecklist(method: Method, input: ChecklistInput): Checklist {
  let next: Checklist['next'] = null;
  const phases: ChecklistPhase[] = [];
  for (const phase of phasesOfYear(method, input.followUpYear)) {
    const steps = phase.steps
      .filter((step) => step.scope === input.scope)
      .map((step): ChecklistStep => {
        const doneAt = input.done.get(step.key) ?? null;
        const isNext = doneAt === null && next === null;
        if (isNext) next = { phase: phase.key, step: step.key };
        return { key: step.key, scope: step.scope, title: step.title, help: step.help, checklist: step.checklist, done: doneAt !== null, doneAt, next: isNext };
      });
    if (steps.length === 0) continue;
    phases.push({ key: phase.key, title: phase.title, steps, done: steps.filter((step) => step.done).length, total: steps.length });
  }
  return {
    phases,
    next,
    done: phases.reduce((sum, phase) => sum + phase.done, 0),
    total: phases.reduce((sum, phase) => sum + phase.total, 0),
  };
}
