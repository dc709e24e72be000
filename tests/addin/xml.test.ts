/** The small XML reader the manifest tests stand on. */
import { child, descendants, elements, parseXml } from './xml';

test('reads elements, attributes (either quote), text, entities and CDATA; skips comments and the declaration', () => {
  const doc = parseXml(`<?xml version="1.0"?>
<!-- a comment with <tags> -->
<a x="1" y='two &amp; &quot;three&quot;'>
  <b:c id="k"/>
  <d>fish &lt;&#38;&#x41;&gt; <![CDATA[<raw>]]></d>
</a>`);
  expect(doc.name).toBe('a');
  expect(doc.attrs).toEqual({ x: '1', y: 'two & "three"' });
  expect(child(doc, 'b:c').attrs.id).toBe('k');
  expect(child(doc, 'd').text).toBe('fish <&A> <raw>');
  expect(elements(doc).map((e) => e.name)).toEqual(['a', 'b:c', 'd']);
  expect(descendants(doc, 'd')[0].parent).toBe(doc);
});

test.each([
  ['an unclosed element', '<a><b></a>'],
  ['a stray closing tag', '<a></b>'],
  ['two roots', '<a/><b/>'],
  ['text outside the root', 'hello<a/>'],
  ['an unquoted attribute', '<a x=1/>'],
  ['a duplicate attribute', '<a x="1" x="2"/>'],
  ['a bare <', '<a> 1 < 2 </a>'],
  ['nothing', '  '],
])('refuses %s', (_, xml) => {
  expect(() => parseXml(xml)).toThrow();
});

test('child() wants exactly one', () => {
  const doc = parseXml('<a><b/><b/></a>');
  expect(() => child(doc, 'b')).toThrow(/2 <b> children/);
  expect(() => child(doc, 'c')).toThrow(/0 <c> children/);
});
