/**
 * The task pane's first version: it only says where the product stands. The
 * add-in issue brings Regenerate, the issues list, settings and the Explain view.
 */
function show(text: string): void {
  const status = document.getElementById('status');
  if (status) status.textContent = text;
}

if (typeof Office !== 'undefined') {
  Office.onReady(() =>
    show('Regenerating inside Excel is coming. For now, run the command line on your workbook: production-planner regenerate plan.xlsx'),
  );
} else {
  show('Open this page from Excel (Home > Open planner).');
}
