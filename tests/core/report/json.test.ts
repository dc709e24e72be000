import * as fs from 'fs';
import * as path from 'path';
import { calculationToJson, calculationToJsonBytes, calculationToJsonText } from '../../../src/core/report/json';
import { JsonBytes } from '../../../src/core/report/json-bytes';
import { formatWall } from '../../../src/core/time';
import { round } from '../../../src/core/helpers';
import { calc, plan } from '../../helpers';

/** The compact text is built without objects per task; it must be exactly what JSON.stringify makes of the document. */
describe('calculationToJsonText', () => {
  const same = (doc: unknown) => {
    const c = calc(doc);
    const text = JSON.stringify(calculationToJson(c));
    expect(calculationToJsonText(c)).toBe(text);
    // The bytes are its UTF-8, with a line feed after it when asked.
    expect(Buffer.from(calculationToJsonBytes(c)).toString('utf8')).toBe(text);
    expect(Buffer.from(calculationToJsonBytes(c, true)).toString('utf8')).toBe(text + '\n');
    return c;
  };

  test.each(['film-shoot', 'factory-run'])('the %s example, with costs and earned value', (name) => {
    same(JSON.parse(fs.readFileSync(path.join(__dirname, '../../../examples', `${name}.json`), 'utf8')));
  });

  test('names and IDs that need escaping, summaries, milestones, negative float', () => {
    const c = same(
      plan([
        { ID: 'S"1', Name: 'Summary \\ "quoted"', Duration: '', 'Outline Level': 1 },
        { ID: 'A\u2028', Name: 'Tab\there\nnew line é 🎬', Duration: '2.5d', 'Outline Level': 2 },
        { ID: 'M', Name: '', Duration: 0, Predecessors: 'A\u2028', 'Outline Level': 2 },
        { ID: 'D', Name: 'Due early', Duration: '10d', Constraint: 'FNLT', 'Constraint Date': '2027-03-03' },
      ]),
    );
    expect(c.schedule).not.toBeNull();
    expect(Math.min(...c.schedule!.totalFloat)).toBeLessThan(0);
  });

  test('a plan with errors: no schedule, only issues', () => {
    expect(same(plan([{ ID: '1', Name: 'Bad', Duration: 'soon' }])).schedule).toBeNull();
  });
});

describe('JsonBytes', () => {
  const written = (write: (out: JsonBytes) => void) => {
    const out = new JsonBytes(4); // small, so that writing grows it
    write(out);
    return out.toString();
  };

  test('wall times as formatWall writes them, across the years it writes in four digits and past them', () => {
    const walls = [NaN, Infinity, -1, 0, 0.5, 1439.5];
    for (let day = -400_000; day < 3_000_000; day += 97) walls.push(day * 1440 + (((day % 1440) + 1440) % 1440));
    for (const w of walls) expect(written((out) => out.wall(w))).toBe(formatWall(w));
  });

  test('wall times written one after another, the same days again among them', () => {
    const walls: number[] = [];
    for (let k = 0; k < 5000; k++)
      walls.push((((k * 7919) % 3000) + 20_000) * 1440 + ((k * 37) % 1440), -400_000 * 1440 + k, 3_000_000 * 1440 - k);
    expect(written((out) => walls.forEach((w) => out.wall(w)))).toBe(walls.map(formatWall).join(''));
  });

  test('numbers rounded to four decimals as round() gives them and JSON.stringify writes them', () => {
    const xs = [
      0,
      -0,
      1e-5,
      -1e-5,
      5e-5,
      -5e-5,
      0.5,
      -0.5,
      1.00005,
      2.675,
      1 / 3,
      -2 / 3,
      0.1 + 0.2,
      123456789.12345,
      99_999_999_999.99995,
      1e11 + 0.25,
      1e15,
      1e21,
      -1e22,
      NaN,
      Infinity,
      -Infinity,
    ];
    for (let k = -2000; k <= 2000; k++) xs.push(k / 480, k / 7 + 1e-9);
    for (const x of xs) expect(written((out) => out.fourDecimals(x))).toBe(JSON.stringify(round(x, 4)));
  });

  test('numbers and strings as JSON.stringify writes them', () => {
    for (const x of [0, -0, 1, 9, 10, 99, 12345, 999_999_999, 1e9, -1, 0.5, 1.25, -3.1416, 1e21, NaN, Infinity]) {
      expect(written((out) => out.number(x))).toBe(JSON.stringify(x));
    }
    for (const s of ['', 'a', '"', '\\', 'é', '🎬', '\ud800', '\u2028', '\x7f', '\x1f', 'plain text']) {
      expect(written((out) => out.string(s))).toBe(JSON.stringify(s));
    }
  });
});
