import { EAC_METHODS, EacMethod, LevelingOrder, VarianceSign } from '../model';
import { normalizeHeader } from '../helpers';

/** A Variance Sign as typed (any case, spaces or dashes); empty is the default. Null: not a sign. */
export function parseVarianceSign(text: string): VarianceSign | null {
  const key = normalizeHeader(text);
  if (key === '' || key === 'budgetminusforecast') return 'budget-minus-forecast';
  return key === 'forecastminusbudget' ? 'forecast-minus-budget' : null;
}

/** An EAC Method as typed (`cpi`, `budget-rate`, `CPI x SPI`...); empty is the default. Null: not a method. */
export function parseEacMethod(text: string): EacMethod | null {
  const key = normalizeHeader(text).replace(/[-_×x*]/g, '');
  if (key === '') return 'cpi';
  return EAC_METHODS.find((m) => m.replace(/-/g, '') === key) ?? null;
}

/** Leveling as typed (`On`, `off`, `yes`, `no`...); empty is Off. Null: neither. */
export function parseLeveling(text: string): boolean | null {
  const key = normalizeHeader(text);
  if (key === '' || ['off', 'no', 'false', '0'].includes(key)) return false;
  return ['on', 'yes', 'true', '1'].includes(key) ? true : null;
}

/** A Leveling Order as typed (`Standard`, `Priority, Standard`, `ID Only`); empty is standard. Null: none of them. */
export function parseLevelingOrder(text: string): LevelingOrder | null {
  const key = normalizeHeader(text).replace(/[-_,;/]/g, '');
  if (key === '' || key === 'standard') return 'standard';
  if (key === 'prioritystandard' || key === 'priority') return 'priority-standard';
  return key === 'idonly' || key === 'id' ? 'id-only' : null;
}
