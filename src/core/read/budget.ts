import type { BudgetLine, BudgetRefs, Issue } from '../model';
import { clip } from '../helpers';
import { parseNumberCell } from '../parsers/values';
import type { RawSheet } from '../raw';
import { ColumnSpec, TableRow, cellText, readTable } from './table';

type BudgetField = 'account' | 'description' | 'category' | 'budget' | 'committed' | 'actual' | 'etc' | 'units' | 'qty' | 'rate';
export const BUDGET_COLUMNS: ColumnSpec<BudgetField>[] = [
  { field: 'account', label: 'Account', names: ['account', 'acct', 'accountno', 'costaccount'], required: true },
  { field: 'description', label: 'Description', names: ['description', 'desc'] },
  { field: 'category', label: 'Category', names: ['category'] },
  { field: 'budget', label: 'Budget', names: ['budget', 'amount'] },
  { field: 'committed', label: 'Committed', names: ['committed', 'commitments', 'po'] },
  { field: 'actual', label: 'Actual', names: ['actual', 'actuals', 'actualtodate'] },
  { field: 'etc', label: 'ETC', names: ['etc', 'estimatetocomplete'] },
  { field: 'units', label: 'Units', names: ['units'] },
  { field: 'qty', label: 'Qty', names: ['qty', 'quantity'] },
  { field: 'rate', label: 'Rate', names: ['rate'] },
];

/** The Budget sheet: one line per account, with its budget, commitments, actuals and estimate to complete. */
export function readBudget(sheet: RawSheet, issues: Issue[]): BudgetLine[] {
  const table = readTable(sheet, BUDGET_COLUMNS, issues);
  if (!table) return [];
  const out: BudgetLine[] = [];
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const account = cellText(row.cell('account'));
    const description = cellText(row.cell('description'));
    const label = account !== '' ? `Budget line ${account}` : 'This budget line';
    if (account === '') {
      issues.push({ severity: 'error', message: `This budget line${description ? ` ("${clip(description)}")` : ''} has no account.`, where: row.where('account') });
      continue;
    }
    if (seen.has(account)) {
      issues.push({ severity: 'error', message: `Account ${account} is on two budget lines (also at ${seen.get(account)}); give each line its own account.`, where: row.where('account') });
      continue;
    }
    seen.set(account, row.where('account'));
    const money = (f: BudgetField, what: string): number | null => {
      if (!row.has(f)) return null;
      const p = parseNumberCell(row.cell(f)!.value, 'an amount');
      if (!p.ok) {
        issues.push({ severity: 'error', message: `${label} ${what}: ${p.message}.`, where: row.where(f) });
        return null;
      }
      return p.value;
    };
    let amount = money('budget', 'Budget');
    if (amount === null && (row.has('units') || row.has('qty') || row.has('rate'))) {
      const u = money('units', 'Units');
      const q = money('qty', 'Qty');
      const r = money('rate', 'Rate');
      if (u !== null && q !== null && r !== null) amount = u * q * r;
      else if (!row.has('units') || !row.has('qty') || !row.has('rate')) {
        issues.push({ severity: 'error', message: `${label} gives no Budget and not all of Units, Qty and Rate.`, where: row.where('budget') });
      }
    }
    const committed = money('committed', 'Committed') ?? 0;
    const actual = money('actual', 'Actual') ?? 0;
    const etc = money('etc', 'ETC');
    for (const [f, v, what] of [['budget', amount, 'Budget'], ['committed', committed, 'Committed'], ['etc', etc, 'ETC']] as const) {
      if (v !== null && v < 0) issues.push({ severity: 'warning', message: `${label} has a negative ${what} (${v}); check it.`, where: row.where(f) });
    }
    out.push({
      account, description, category: cellText(row.cell('category')) || 'Uncategorized',
      budget: amount ?? 0, committed, actual, etc, where: row.where('account'), refs: new BudgetRowRefs(row),
    });
  }
  return out;
}

/** A budget line's cell references, worked out when needed. */
class BudgetRowRefs implements BudgetRefs {
  constructor(private readonly row: TableRow<BudgetField>) {}
  get account(): string { return this.row.where('account'); }
  get description(): string { return this.row.where('description'); }
  get category(): string { return this.row.where('category'); }
  get budget(): string { return this.row.where(this.row.has('budget') || !this.row.has('units') ? 'budget' : 'units'); }
  get committed(): string { return this.row.where('committed'); }
  get actual(): string { return this.row.where('actual'); }
  get etc(): string { return this.row.where('etc'); }
}
