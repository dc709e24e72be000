/**
 * Stands in for office.js in the browser test: the page loads this instead of Microsoft's CDN
 * script. `Excel.run` is the simulated host (tests/support/excel-sim.ts) over a sample plan
 * (`?plan=film` or `?plan=factory`), so the built pane runs its whole flow with no Excel.
 */
import film from '../../examples/film-shoot.json';
import factory from '../../examples/factory-run.json';
import { simWorkbookFromJson, simulatedExcel } from '../support/excel-sim';

const plans: Record<string, Record<string, unknown>> = { film, factory };
const which = new URLSearchParams(location.search).get('plan') ?? 'film';
const excel = simulatedExcel(simWorkbookFromJson(plans[which]));
const commands: Record<string, (event: { completed(): void }) => Promise<void>> = {};

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

Object.assign(window, {
  __excel: excel,
  __commands: commands,
  Office: {
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      if (callback) setTimeout(() => callback(info), 0);
      return Promise.resolve(info);
    },
    actions: {
      associate: (name: string, f: (event: { completed(): void }) => Promise<void>) => {
        commands[name] = f;
      },
    },
  },
  Excel: { run: excel.run },
  CustomFunctions: {
    associate: () => undefined,
    Error: CustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
  },
});
