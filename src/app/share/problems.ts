/** One wording for every reason sharing, joining or a connection can fail (server refusals and ours). */
import type { I18n } from '../../i18n';
import type { ShareProblem } from '../../sync/sharedMap';

const PROBLEM_IDS: Record<ShareProblem, string> = {
  'unknown-map': /*i18n*/ 'share.problem.unknownMap',
  'wrong-secret': /*i18n*/ 'share.problem.wrongSecret',
  'team-key': /*i18n*/ 'share.problem.teamKey',
  'bad-token': /*i18n*/ 'share.problem.badToken',
  'map-exists': /*i18n*/ 'share.problem.mapExists',
  revoked: /*i18n*/ 'share.problem.revoked',
  'rate-limited': /*i18n*/ 'share.problem.rateLimited',
  'too-large': /*i18n*/ 'share.problem.tooLarge',
  unreachable: /*i18n*/ 'share.problem.unreachable',
  empty: /*i18n*/ 'share.problem.empty',
  storage: /*i18n*/ 'share.problem.storage',
};

export function problemText(i18n: I18n, problem: ShareProblem, server: string): string {
  return i18n._(PROBLEM_IDS[problem], { server });
}
