/**
 * The add-in's one page (shared runtime): the task pane, the ribbon commands and the PROD
 * custom functions all load here. Placeholder until the pane is built.
 */
import { createRoot } from 'react-dom/client';

function Pane() {
  return <p>Production Planner</p>;
}

Office.onReady(() => {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<Pane />);
});
