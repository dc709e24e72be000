import { Location, formatLocation } from '../location';
import type { BudgetLine, BudgetRefs, Issue } from '../model';
import { clip } from '../helpers';
import { MAX_AMOUNT, parseAmountCell } from '../parsers/values';
import type { RawSheet } from '../raw';
import { ColumnSpec, TableRow, cellText, readTable } from './table';

type BudgetField =
  'account' | 'description' | 'category' | 'budget' | 'committed' | 'actual' | 'etc' | 'units' | 'qty' | 'rate';
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
  const seen = new Map<string, Location>();
  for (const row of table.rows) {
    const account = cellText(row.cell('account'));
    const description = cellText(row.cell('description'));
    const label = account !== '' ? `Budget line ${account}` : 'This budget line';
    if (account === '') {
      issues.push({
        severity: 'error',
        message: `This budget line${description ? ` ("${clip(description)}")` : ''} has no account.`,
        at: row.at('account'),
      });
      continue;
    }
    if (seen.has(account)) {
      issues.push({
        severity: 'error',
        message: `Account ${account} is on two budget lines (also at ${formatLocation(seen.get(account)!)}); give each line its own account.`,
        at: row.at('account'),
        also: seen.get(account),
      });
      continue;
    }
    seen.set(account, row.at('account'));
    const money = (f: BudgetField, what: string): number | null => {
      if (!row.has(f)) return null;
      const p = parseAmountCell(row.cell(f)!.value);
      if (!p.ok) {
        issues.push({ severity: 'error', message: `${label} ${what}: ${p.message}.`, at: row.at(f) });
        return null;
      }
      return p.value;
    };
    let amount = money('budget', 'Budget');
    if (amount === null && (row.has('units') || row.has('qty') || row.has('rate'))) {
      const u = money('units', 'Units');
      const q = money('qty', 'Qty');
      const r = money('rate', 'Rate');
      if (u !== null && q !== null && r !== null) {
        amount = u * q * r;
        if (Math.abs(amount) > MAX_AMOUNT) {
          issues.push({
            severity: 'error',
            message: `${label} Units x Qty x Rate is ${amount.toPrecision(3)}, more than any amount of money (at most 10,000,000,000,000).`,
            at: row.at('rate'),
          });
          amount = null;
        }
      } else if (!row.has('units') || !row.has('qty') || !row.has('rate')) {
        issues.push({
          severity: 'error',
          message: `${label} gives no Budget and not all of Units, Qty and Rate.`,
          at: row.at('budget'),
        });
      }
    }
    const committed = money('committed', 'Committed') ?? 0;
    const actual = money('actual', 'Actual') ?? 0;
    const etc = money('etc', 'ETC');
    for (const [f, v, what] of [
      ['budget', amount, 'Budget'],
      ['committed', committed, 'Committed'],
      ['etc', etc, 'ETC'],
    ] as const) {
      if (v !== null && v < 0)
        issues.push({
          severity: 'warning',
          message: `${label} has a negative ${what} (${v}); check it.`,
          at: row.at(f),
        });
    }
    out.push({
      account,
      description,
      category: cellText(row.cell('category')) || 'Uncategorized',
      budget: amount ?? 0,
      committed,
      actual,
      etc,
      at: row.at('account'),
      refs: new BudgetRowRefs(row),
    });
  }
  return out;
}

/** A budget line's cell references, worked out when needed. */
class BudgetRowRefs implements BudgetRefs {
  constructor(private readonly row: TableRow<BudgetField>) {}
  get account(): Location {
    return this.row.at('account');
  }
  get description(): Location {
    return this.row.at('description');
  }
  get category(): Location {
    return this.row.at('category');
  }
  get budget(): Location {
    return this.row.at(this.row.has('budget') || !this.row.has('units') ? 'budget' : 'units');
  }
  get committed(): Location {
    return this.row.at('committed');
  }
  get actual(): Location {
    return this.row.at('actual');
  }
  get etc(): Location {
    return this.row.at('etc');
  }
}
