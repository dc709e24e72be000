import { EAC_METHODS, EacMethod, VarianceSign } from '../model';
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
