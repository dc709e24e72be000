/**
 * PROD.EFC, PROD.VARIANCE, PROD.CPI, PROD.SPI and PROD.EAC. Earned value uses the worked
 * example (docs/costs.md): BAC 10,000, PV 5,000, EV 4,000, AC 4,500.
 */
import { CPI, EAC, EFC, SPI, VARIANCE } from '../../src/functions/functions';
import { expectFailure } from './helpers';

describe('EFC', () => {
  test('Actual + Committed + ETC', () => expect(EFC(40000, 10000, 3500)).toBe(53500));
  test('an empty ETC with a budget: what is left of it, 10,000 - 4,000 - 1,000 = 5,000', () => {
    expect(EFC(4000, 1000, '', 10000)).toBe(10000);
  });
  test('an empty ETC never goes below 0: a line already over budget', () =>
    expect(EFC(9000, 3000, null, 10000)).toBe(12000));
  test('a typed ETC wins over the budget, even 0', () => {
    expect(EFC(4000, 1000, 0, 10000)).toBe(5000);
    expect(EFC(4000, 1000, 2000, 10000)).toBe(7000);
  });
  test('empty Actual and Committed are 0', () => expect(EFC('', null, '', 10000)).toBe(10000));
  test('money typed as text, as on the Budget sheet', () => expect(EFC('$12,500.50', '1,000', '(500)')).toBe(13000.5));
  test('no ETC and no budget', () => {
    expectFailure(
      () => EFC(4000, 1000, ''),
      '#VALUE!',
      'ETC is empty and there is no budget to work it out from: give the ETC, or the budget (an empty ETC is then max(0, Budget - Actual - Committed)).',
    );
  });
  test('text that is not an amount', () => {
    expectFailure(() => EFC('lots', 1000, 0), '#VALUE!', 'Actual: "lots" is not an amount.');
    expectFailure(() => EFC(1, 1, 1, 'TBD'), '#VALUE!', 'Budget: "TBD" is not an amount.');
    expectFailure(
      () => EFC(1, { code: '#N/A' }, 1),
      '#VALUE!',
      'Committed: the cell shows the error #N/A, not an amount.',
    );
  });
});

describe('VARIANCE', () => {
  test('Budget - EFC by default: over budget is negative', () => expect(VARIANCE(50000, 53500)).toBe(-3500));
  test('forecast-minus-budget flips the sign', () =>
    expect(VARIANCE(50000, 53500, 'forecast-minus-budget')).toBe(3500));
  test('the sign as the Settings sheet takes it: any case, spaces', () => {
    expect(VARIANCE(50000, 53500, 'Forecast minus Budget')).toBe(3500);
    expect(VARIANCE(50000, 53500, 'budget-minus-forecast')).toBe(-3500);
  });
  test('an empty sign cell passed as 0 takes the default', () =>
    expect(VARIANCE(50000, 53500, 0 as never)).toBe(-3500));
  test('a sign that is neither', () => {
    expectFailure(
      () => VARIANCE(1, 2, 'up'),
      '#VALUE!',
      'Sign: "up" must be budget-minus-forecast or forecast-minus-budget.',
    );
  });
  test('text that is not an amount', () =>
    expectFailure(() => VARIANCE(1, 'x'), '#VALUE!', 'EFC: "x" is not an amount.'));
});

describe('earned value: the worked example', () => {
  test('CPI = 4,000 / 4,500 = 0.889', () => expect(CPI(4000, 4500)).toBeCloseTo(0.889, 3));
  test('SPI = 4,000 / 5,000 = 0.8', () => expect(SPI(4000, 5000)).toBe(0.8));
  test('EAC = 4,500 + 6,000 / 0.889 = 11,250', () => expect(EAC(10000, 4000, 4500)).toBeCloseTo(11250, 6));
  test('EAC budget-rate = 4,500 + 6,000 = 10,500', () => expect(EAC(10000, 4000, 4500, 'budget-rate')).toBe(10500));
  test('EAC cpi-spi = 4,500 + 6,000 / (0.889 x 0.8) = 12,937.50', () => {
    expect(EAC(10000, 4000, 4500, 'cpi-spi', 5000)).toBeCloseTo(12937.5, 6);
    expect(EAC(10000, 4000, 4500, 'CPI x SPI', 5000)).toBeCloseTo(12937.5, 6);
  });
  test('with no actual cost yet the work to go is taken at budget', () => expect(EAC(10000, 4000, 0)).toBe(6000));
  test('cpi-spi with no planned value yet: at budget too', () =>
    expect(EAC(10000, 4000, 4500, 'cpi-spi', 0)).toBe(10500));

  test('CPI and SPI are #DIV/0! while their divisor is 0', () => {
    expectFailure(() => CPI(4000, 0), '#DIV/0!', 'CPI = EV / AC is undefined while the actual cost (AC) is 0.');
    expectFailure(() => SPI(4000, ''), '#DIV/0!', 'SPI = EV / PV is undefined while the planned value (PV) is 0.');
  });
  test('an unknown EAC method', () => {
    expectFailure(
      () => EAC(10000, 4000, 4500, 'guess'),
      '#VALUE!',
      'Method: "guess" must be cpi, budget-rate or cpi-spi.',
    );
  });
  test('cpi-spi without PV', () => {
    expectFailure(
      () => EAC(10000, 4000, 4500, 'cpi-spi'),
      '#VALUE!',
      'The cpi-spi method needs the planned value: give PV as the fifth argument.',
    );
  });
  test('text that is not an amount', () => {
    expectFailure(() => CPI('a lot', 1), '#VALUE!', 'EV: "a lot" is not an amount.');
    expectFailure(() => EAC(10000, 4000, 4500, 'cpi', 'x'), '#VALUE!', 'PV: "x" is not an amount.');
  });
});
