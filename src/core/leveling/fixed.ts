import type { PlanTask } from '../model';

/** Whether leveling may not move a task, and why (for messages). */
export function fixedReason(t: PlanTask): string | null {
  if (t.actualStart !== null || t.actualFinish !== null || t.percentComplete > 0) return 'started';
  if (t.constraint === 'MSO') return 'Must Start On';
  if (t.constraint === 'MFO') return 'Must Finish On';
  if (t.constraint === 'ALAP') return 'As Late As Possible';
  if (t.priority >= 1000) return 'priority 1000';
  return null;
}
