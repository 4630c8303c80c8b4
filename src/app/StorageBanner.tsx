import { say } from '../i18n/message';
import { useI18n } from '../i18n/react';
import { useStorageStatus } from './storageStatus';

export function StorageBanner() {
  const i18n = useI18n();
  const problem = useStorageStatus((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="banner" role="alert">
      {typeof problem.message === 'string' ? problem.message : say(i18n, problem.message)}
    </div>
  );
}
