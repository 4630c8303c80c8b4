import { useStorageStatus } from './storageStatus';

export function StorageBanner() {
  const problem = useStorageStatus((s) => s.problem);
  if (!problem) return null;
  return (
    <div className="banner" role="alert">
      {problem.message}
    </div>
  );
}
