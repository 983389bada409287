import { Parser } from 'htmlparser2';

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'br', 'div']);

/** The paragraphs of the portal's sanitised HTML as plain text, entities decoded; images and code dropped. */
export function htmlParagraphs(html: string): string[] {
  const paragraphs: string[] = [];
  let current = '';
  let skip = 0;
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'pre' || name === 'figure') skip += 1;
        if (BLOCKS.has(name)) flush();
      },
      ontext(text) {
        if (!skip) current += text;
      },
      onclosetag(name) {
        if (name === 'pre' || name === 'figure') skip -= 1;
        if (BLOCKS.has(name)) flush();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return paragraphs;
}
