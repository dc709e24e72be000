/**
 * PROD.EFC, PROD.VARIANCE, PROD.CPI, PROD.SPI and PROD.EAC: the cost report's and earned value's
 * formulas, taken from the engine (src/core/costs) so a cell computes what the Cost Report and
 * the Earned Value sheet show.
 */
import { lineEtc, signedVariance } from '../core/costs/cost-report';
import { evFigures } from '../core/costs/earned-value';
import type { EacMethod, VarianceSign } from '../core/model';
import { clip } from '../core/helpers';
import { parseEacMethod, parseVarianceSign } from '../core/parsers/settings';
import { fail } from './errors';
import { isBlank, numberArg, optionArg } from './values';

/** EFC = Actual + Committed + ETC, an empty ETC being what is left of the budget: max(0, Budget - Actual - Committed). */
export function efcOf(actual: unknown, committed: unknown, etc: unknown, budget: unknown): number {
  const a = numberArg(actual, 'Actual', 0);
  const c = numberArg(committed, 'Committed', 0);
  const e = numberArg(etc, 'ETC', null);
  const b = numberArg(budget, 'Budget', null);
  if (e === null && b === null) {
    fail(
      'invalidValue',
      'ETC is empty and there is no budget to work it out from: give the ETC, or the budget (an empty ETC is then max(0, Budget - Actual - Committed)).',
    );
  }
  return a + c + lineEtc(b ?? 0, a, c, e);
}

/** The Variance Sign setting's two values, read as the Settings sheet reads them. */
function varianceSign(sign: unknown): VarianceSign {
  const text = optionArg(sign);
  return (
    parseVarianceSign(text) ??
    fail('invalidValue', `Sign: "${clip(text)}" must be budget-minus-forecast or forecast-minus-budget.`)
  );
}

/** Budget - EFC, or EFC - Budget with the sign `forecast-minus-budget`. */
export function varianceOf(budget: unknown, efc: unknown, sign: unknown): number {
  return signedVariance(numberArg(budget, 'Budget', 0), numberArg(efc, 'EFC', 0), varianceSign(sign));
}

/** CPI = EV / AC; #DIV/0! while AC is 0. */
export function cpiOf(ev: unknown, ac: unknown): number {
  const cpi = evFigures(0, 0, numberArg(ev, 'EV', 0), numberArg(ac, 'AC', 0)).cpi;
  return cpi ?? fail('divisionByZero', 'CPI = EV / AC is undefined while the actual cost (AC) is 0.');
}

/** SPI = EV / PV; #DIV/0! while PV is 0. */
export function spiOf(ev: unknown, pv: unknown): number {
  const spi = evFigures(0, numberArg(pv, 'PV', 0), numberArg(ev, 'EV', 0), 0).spi;
  return spi ?? fail('divisionByZero', 'SPI = EV / PV is undefined while the planned value (PV) is 0.');
}

/** The EAC Method setting's values, read as the Settings sheet reads them (`cpi`, `budget-rate`, `cpi-spi`; `cpi x spi` too). */
function eacMethod(method: unknown): EacMethod {
  const text = optionArg(method);
  return parseEacMethod(text) ?? fail('invalidValue', `Method: "${clip(text)}" must be cpi, budget-rate or cpi-spi.`);
}

/** EAC by method, as the Earned Value sheet computes it (where the method's index is undefined, the work to go is taken at budget). */
export function eacOf(bac: unknown, ev: unknown, ac: unknown, method: unknown, pv: unknown): number {
  const m = eacMethod(method);
  if (m === 'cpi-spi' && isBlank(pv))
    fail('invalidValue', 'The cpi-spi method needs the planned value: give PV as the fifth argument.');
  return evFigures(numberArg(bac, 'BAC', 0), numberArg(pv, 'PV', 0), numberArg(ev, 'EV', 0), numberArg(ac, 'AC', 0), m)
    .eac;
}
