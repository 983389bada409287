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

/** Every element under a node (itself included), depth first: document order. */
export function descendants(root: Node): Element[] {
  const found: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) found.push(node);
    const children = 'childNodes' in node ? node.childNodes : [];
    for (const child of children) walk(child);
    if ('content' in node && node.content) walk(node.content as Node);
  };
  walk(root);
  return found;
}

/** Every element of an HTML document, depth first (document order). */
export function elements(html: string): Element[] {
  return descendants(parse(html));
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const RESOURCE_RELS = /\b(stylesheet|import|preload|modulepreload|prefetch|prerender|dns-prefetch|preconnect|manifest|serviceworker)\b/i;

/**
 * What in a page could run code or take over its look: scripts (other than JSON-LD), handlers,
 * script URLs, embeds, any <style> element (the portal ships one external stylesheet and no
 * inline CSS), any <link> in the body, and a <link> in the head that loads something from
 * elsewhere than the portal itself.
 */
export function executableParts(html: string): string[] {
  const problems: string[] = [];
  const all = elements(html);
  const linksInBody = new Set(all.filter((el) => el.tagName === 'body').flatMap(descendants).filter((el) => el.tagName === 'link'));
  for (const el of all) {
    if (el.tagName === 'script' && attr(el, 'type') !== 'application/ld+json') problems.push(`<script ${attr(el, 'src') ?? ''}>`);
    if (['iframe', 'object', 'embed', 'svg', 'form', 'base', 'frame', 'applet', 'style'].includes(el.tagName)) problems.push(`<${el.tagName}>`);
    if (el.tagName === 'meta' && attr(el, 'http-equiv')) problems.push('<meta http-equiv>');
    if (el.tagName === 'link') {
      const href = attr(el, 'href') ?? '';
      const offSite = !/^\/(?!\/)/.test(href);
      if (linksInBody.has(el)) problems.push(`<link> in the body (${href})`);
      else if (RESOURCE_RELS.test(attr(el, 'rel') ?? '') && offSite) problems.push(`<link rel="${attr(el, 'rel')}" href="${href}">`);
    }
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
