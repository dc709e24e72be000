/**
 * The add-in's one page (shared runtime): the task pane, the ribbon command and the PROD custom
 * functions (bundled beside this entry) all load here, once.
 */
import { createRoot } from 'react-dom/client';
import { registerCommands } from '../commands/commands';
import { App } from './App';
import { excelPlannerHost } from './host';

Office.onReady(() => {
  registerCommands();
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App host={excelPlannerHost(Excel.run)} />);
});
