/** The JSON form of a plan: values of the wrong kind are errors at their paths, never turned into text. */
import { calculate } from '../../src/core/calculate';
import { issueToJson } from '../../src/core/report/json';
import { readJsonPlan } from '../../src/workbook/json-host';

/** The text of a value nested `levels` lists deep (JSON.stringify would recurse too deep to write it). */
const DEEP = '['.repeat(100000) + '"x"' + ']'.repeat(100000);

test('an ID or Name that is a list or an object is an error at its path', () => {
  const doc = JSON.parse(
    JSON.stringify({
      settings: { 'Project Start': '2027-03-01' },
      tasks: [
        { ID: { a: 1 }, Name: 'Prep', Duration: '1d' },
        { ID: '2', Name: [1, 2], Duration: '1d' },
        { ID: 'DEEP', Name: 'Deep', Duration: '1d' },
        { ID: '4', Name: 'Fine', Duration: '1d' },
      ],
    }).replace('"DEEP"', DEEP),
  );
  const read = readJsonPlan(doc);
  const calc = calculate(read.workbook);
  const errors = calc.issues.filter((i) => i.severity === 'error').map(issueToJson);
  expect(errors).toEqual([
    {
      severity: 'error',
      message: "This task's ID: an object is not text; give every task an ID such as 12 or S-9.",
      where: 'tasks[0].ID',
    },
    {
      severity: 'error',
      message: "This task's ID: a list is not text; give every task an ID such as 12 or S-9.",
      where: 'tasks[2].ID',
    },
    { severity: 'error', message: 'Task 2 Name: a list is not text.', where: 'tasks[1].Name' },
  ]);
  expect(calc.schedule).toBeNull();
});
