// Bounces that arrive after a mail left (issue 15): the operator feeds the bounce reports (DSNs)
// the sender address received to `mogna mail bounces FILE`, and each respondent of an open round
// with a failed address is marked, so the coordinator sees it on the respondent's row. A later
// mail that goes out, or a changed address, clears the mark (invitation-service.ts).
import type { AppContext } from '../../app/app-context.ts';
import type { Actor } from '../../app/actor.ts';
import { authorizeOperatePlatform } from '../../access/organisation-policy.ts';
import type { BounceReport } from '../../domain/mail/delivery-status.ts';
import { recordAudit } from '../audit/repository.ts';
import { markBounced, respondentsOfOpenRoundsByEmail } from './schedule-repository.ts';

export interface BounceSummary {
  /** Failed-delivery reports read (delayed and delivered ones are skipped). */
  failed: number;
  /** Respondents marked as bounced. */
  marked: number;
  /** Failed addresses that belong to no respondent of an open round. */
  unmatched: string[];
}

/** What the coordinator's row keeps as the reason: the status and the server's words. */
function bounceReason(report: BounceReport): string {
  return [report.status, report.diagnostic].filter((part) => part !== '').join(' ').slice(0, 500) || 'failed';
}

export async function recordBounces(ctx: AppContext, actor: Actor, reports: BounceReport[]): Promise<BounceSummary> {
  authorizeOperatePlatform(actor);
  const now = ctx.clock.now().toISOString();
  const failed = reports.filter((report) => report.action === 'failed');
  let marked = 0;
  const unmatched: string[] = [];
  for (const report of failed) {
    const count = await ctx.db.transaction().execute(async (trx) => {
      const respondents = await respondentsOfOpenRoundsByEmail(trx, report.recipient);
      await markBounced(trx, respondents.map((respondent) => respondent.id), now, bounceReason(report));
      for (const respondent of respondents) {
        const detail = { status: report.status };
        await recordAudit(ctx, { actor, organisationId: respondent.organisation_id, action: 'mail_bounced', subject: { type: 'respondent', id: respondent.id }, detail }, trx);
      }
      return respondents.length;
    });
    if (count === 0) unmatched.push(report.recipient);
    marked += count;
  }
  return { failed: failed.length, marked, unmatched: [...new Set(unmatched)] };
}
