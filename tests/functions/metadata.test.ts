/**
 * The metadata the build makes from src/functions/functions.ts with the real generator
 * (custom-functions-metadata, as custom-functions-metadata-plugin runs it): every function, its
 * description, its parameters with their help text and optional flags, and the results that spill.
 */
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../src/functions/functions';

const FILE = path.resolve(__dirname, '../../src/functions/functions.ts');

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

/** name: [parameters, with `?` after the optional ones], result dimensionality. */
const EXPECTED: Record<string, [string[], 'scalar' | 'matrix']> = {
  FINISH: [['start', 'duration', 'holidays?', 'workingDays?', 'workingHours?'], 'scalar'],
  WORKDAYS: [['start', 'finish', 'holidays?', 'workingDays?', 'workingHours?'], 'scalar'],
  SCHEDULE: [['tasks', 'settings?', 'holidays?', 'resources?', 'calendars?'], 'matrix'],
  CRITICALPATH: [['tasks', 'settings?', 'holidays?'], 'matrix'],
  FLOAT: [['tasks', 'id', 'settings?', 'holidays?'], 'scalar'],
  OVERALLOCATIONS: [['tasks', 'resources', 'settings?', 'holidays?', 'calendars?'], 'matrix'],
  EFC: [['actual', 'committed', 'etc', 'budget?'], 'scalar'],
  VARIANCE: [['budget', 'efc', 'sign?'], 'scalar'],
  CPI: [['ev', 'ac'], 'scalar'],
  SPI: [['ev', 'pv'], 'scalar'],
  EAC: [['bac', 'ev', 'ac', 'method?', 'pv?'], 'scalar'],
  GANTTBAR: [['start', 'finish', 'timeline'], 'matrix'],
};
const RANGES = new Set(['holidays', 'tasks', 'settings', 'timeline', 'resources', 'calendars']);

describe('functions.json from the real generator', () => {
  let fns: Fn[] = [];
  let errors: string[] = [];
  let associate: { functionName: string; id: string }[] = [];

  beforeAll(async () => {
    const r = await generateCustomFunctionsMetadata(FILE);
    errors = r.errors;
    associate = r.associate;
    fns = r.metadataJson ? (JSON.parse(r.metadataJson).functions as Fn[]) : [];
  });

  test('no errors', () => expect(errors).toEqual([]));

  test('every function, and only these, each associated with the exported function of its name', () => {
    expect(fns.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of fns) expect(f.id).toBe(f.name);
    expect(associate.map((a) => [a.id, a.functionName])).toEqual(fns.map((f) => [f.id, f.name]));
    for (const a of associate) expect(typeof (functions as Record<string, unknown>)[a.functionName]).toBe('function');
  });

  test.each(Object.entries(EXPECTED))(
    '%s: description, parameters with help text, optional flags, result',
    (name, [params, dim]) => {
      const f = fns.find((x) => x.name === name)!;
      expect(f.description!.length).toBeGreaterThan(20);
      expect(f.description!.length).toBeLessThanOrEqual(255);
      expect(f.parameters.map((p) => p.name + (p.optional ? '?' : ''))).toEqual(params);
      for (const p of f.parameters) {
        expect(p.description!.length).toBeGreaterThan(5);
        expect(p.description!.length).toBeLessThanOrEqual(255);
        expect(p.dimensionality === 'matrix').toBe(RANGES.has(p.name));
      }
      expect(f.result.dimensionality ?? 'scalar').toBe(dim);
      if (dim === 'scalar') expect(f.result.type).toBe('number');
    },
  );

  test('optional parameters say so in their help text', () => {
    for (const f of fns)
      for (const p of f.parameters)
        if (p.optional && p.name !== 'settings') expect(p.description).toMatch(/^Optional\./);
  });

  test('no function is volatile, streaming or needs its address: they depend only on their arguments', () => {
    for (const f of fns) expect((f as { options?: unknown }).options).toBeUndefined();
  });
});
