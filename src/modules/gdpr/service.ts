// What the app's pages show about personal data's lifetime. The tasks that remove, export and
// erase personal data run on the server only (personal-data-tasks.ts).
import type { AppContext } from '../../app/app-context.ts';
import { identityRemovalDate } from '../../domain/personal-data/identity-lifetime.ts';

/** When a closed round's names and addresses go (null while the round is not closed). */
export function respondentDataRemovalDate(ctx: AppContext, round: { status: string; closed_at: string | null }): Date | null {
  if (round.status !== 'closed' || !round.closed_at) return null;
  return identityRemovalDate(round.closed_at, ctx.config.RESPONDENT_DATA_MONTHS);
}
