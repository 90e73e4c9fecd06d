/** A tiny strict XML reader for tests: elements, attributes, text; throws on anything malformed. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&([a-z]+);/g, (m: string, e: string) => {
    const v = ENTITIES[e];
    if (v === undefined) throw new Error(`unknown entity ${m}`);
    return v;
  });

/** Parses one document (an optional XML declaration, then one root element). */
export function parseXml(text: string): XmlNode {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`bad XML at ${i}: ${why}: ${JSON.stringify(text.slice(i, i + 40))}`);
  };
  const ws = (): void => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  if (text.startsWith('<?xml')) i = text.indexOf('?>') + 2;
  ws();
  const element = (): XmlNode => {
    if (text[i] !== '<') fail('expected <');
    const m = /^<([A-Za-z_][\w.-]*)/.exec(text.slice(i)) ?? fail('expected a name');
    const node: XmlNode = { name: m[1] ?? '', attrs: {}, children: [], text: '' };
    i += m[0].length;
    for (;;) {
      ws();
      if (text.startsWith('/>', i)) return ((i += 2), node);
      if (text[i] === '>') break;
      const a = /^([A-Za-z_][\w.-]*)="([^"<]*)"/.exec(text.slice(i)) ?? fail('expected an attribute');
      if ((a[1] ?? '') in node.attrs) fail('duplicate attribute');
      node.attrs[a[1] ?? ''] = unescape(a[2] ?? '');
      i += a[0].length;
    }
    i++;
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt < 0) fail('unclosed element');
      node.text += unescape(text.slice(i, lt));
      i = lt;
      if (text.startsWith(`</${node.name}>`, i)) return ((i += node.name.length + 3), node);
      if (text.startsWith('</', i)) fail('mismatched close tag');
      node.children.push(element());
    }
  };
  const root = element();
  ws();
  if (i !== text.length) fail('content after the root');
  return root;
}
