import {
  LAG_ELAPSED,
  LINK_FF,
  LINK_FS,
  LINK_SF,
  LINK_SS,
  linkFromFinish,
  linkToFinish,
  linkWord,
  wordType,
} from '../../../src/core/schedule/input';
import { LINK_NAMES } from '../../../src/core/schedule/network';

test('each link type binds the sides its name says', () => {
  const cases: [number, string, boolean, boolean][] = [
    [LINK_FS, 'FS', true, false],
    [LINK_SS, 'SS', false, false],
    [LINK_FF, 'FF', true, true],
    [LINK_SF, 'SF', false, true],
  ];
  for (const [type, name, fromFinish, toFinish] of cases) {
    expect(LINK_NAMES[type]).toBe(name);
    expect(linkFromFinish(type)).toBe(fromFinish);
    expect(linkToFinish(type)).toBe(toFinish);
    expect(wordType(linkWord(type, LAG_ELAPSED, -5))).toBe(type);
  }
});
