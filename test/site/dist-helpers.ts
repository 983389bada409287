import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every file of a built site, as paths relative to its root. */
export function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path)];
  });
}

/** Every element of an HTML document, depth first. */
export function elements(html: string): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) found.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if ('content' in node && node.content) walk(node.content as Node);
  };
  walk(parse(html));
  return found;
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** What in a page could run code: scripts (other than JSON-LD), handlers, script URLs, embeds. */
export function executableParts(html: string): string[] {
  const problems: string[] = [];
  for (const el of elements(html)) {
    if (el.tagName === 'script' && attr(el, 'type') !== 'application/ld+json') problems.push(`<script ${attr(el, 'src') ?? ''}>`);
    if (['iframe', 'object', 'embed', 'svg', 'form', 'base', 'frame', 'applet'].includes(el.tagName)) problems.push(`<${el.tagName}>`);
    if (el.tagName === 'meta' && attr(el, 'http-equiv')) problems.push('<meta http-equiv>');
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) problems.push(`${el.tagName}[${a.name}]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcset'].includes(a.name) && /^\s*(javascript|vbscript|data):/i.test(a.value)) {
        problems.push(`${el.tagName}[${a.name}=${a.value}]`);
      }
      if (a.name === 'style' && /javascript:|expression\(/i.test(a.value)) problems.push(`${el.tagName}[style]`);
    }
  }
  return problems;
}

/** HTML syntax errors as the WHATWG parser reports them (parse5). */
export function htmlSyntaxErrors(html: string): string[] {
  const errors: string[] = [];
  parse(html, { onParseError: (e) => errors.push(`${e.code} at line ${e.startLine}:${e.startCol}`) });
  return errors;
}
