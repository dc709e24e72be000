/**
 * What the task pane asks of its host. In Excel it is the Office.js flows over `Excel.run`; in
 * the browser test, the same flows over the simulated host. The pane itself never calls Office.
 */
import {
  BaselineOutcome,
  PaneSettings,
  explainSelection,
  goToCell,
  readSettings,
  setBaseline,
  writeSettings,
} from '../commands/planner';
import { ExcelRun, RegenerateSummary, regenerateWorkbook } from '../commands/regenerate';
import { ImportOutcome, importProjectXml } from '../commands/import-project';
import type { Location } from '../core/location';
import type { TaskExplanation } from '../core/schedule/explain';

export interface PlannerHost {
  regenerate(onProgress: (step: string) => void): Promise<RegenerateSummary>;
  goTo(at: Location): Promise<boolean>;
  readSettings(): Promise<PaneSettings>;
  writeSettings(changes: PaneSettings): Promise<void>;
  setBaseline(replace: boolean): Promise<BaselineOutcome>;
  explain(): Promise<{ explanation: TaskExplanation } | { message: string }>;
  /** Reads a Project XML file into the input sheets; asks first (kind `confirm`) before replacing a sheet. */
  importProject(bytes: Uint8Array, fileName: string, replace: boolean, ids: 'id' | 'wbs'): Promise<ImportOutcome>;
}

/** The host over an `Excel.run` (the real one in Excel). */
export function excelPlannerHost(run: ExcelRun): PlannerHost {
  return {
    regenerate: (onProgress) => regenerateWorkbook(run, { onProgress }),
    goTo: (at) => goToCell(run, at),
    readSettings: () => readSettings(run),
    writeSettings: (changes) => writeSettings(run, changes),
    setBaseline: (replace) => setBaseline(run, { replace }),
    explain: () => explainSelection(run),
    importProject: (bytes, fileName, replace, ids) => importProjectXml(run, bytes, fileName, { replace, ids }),
  };
}
