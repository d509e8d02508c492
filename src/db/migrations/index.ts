// Every migration, in order. Listed in code (not read from a folder) so the set is fixed at
// build time and works the same from the CLI, the server and the tests.
import type { Migration } from 'kysely';
import * as core from './0001-core.ts';
import * as results from './0002-results.ts';
import * as answerTypes from './0003-answer-types.ts';
import * as costAnalysis from './0004-cost-analysis.ts';
import * as reports from './0005-reports.ts';
import * as privateLinks from './0006-private-links.ts';
import * as auditLog from './0007-audit-log.ts';
import * as reportTexts from './0009-report-texts.ts';
import * as publishedSnapshots from './0010-published-snapshots.ts';
import * as loginBackoff from './0011-login-backoff.ts';
import * as studyLogo from './0012-study-logo.ts';
import * as referenceOrganisations from './0013-reference-organisations.ts';
import * as studies from './0014-studies.ts';
import * as actionPlans from './0015-action-plans.ts';

export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-results': results,
  '0003-answer-types': answerTypes,
  '0004-cost-analysis': costAnalysis,
  '0005-reports': reports,
  '0006-private-links': privateLinks,
  '0007-audit-log': auditLog,
  '0009-report-texts': reportTexts,
  '0010-published-snapshots': publishedSnapshots,
  '0011-login-backoff': loginBackoff,
  '0012-study-logo': studyLogo,
  '0013-reference-organisations': referenceOrganisations,
  '0014-studies': studies,
  '0015-action-plans': actionPlans,
};
