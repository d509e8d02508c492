// HTML, one self-contained page (the preview's article on its own).
import { renderHtml } from '../html-renderer.tsx';
import type { FormatRenderer } from './format-renderer.ts';

export const htmlFormat: FormatRenderer = {
  extension: 'html',
  mime: 'text/html; charset=utf-8',
  render: (document) => renderHtml(document),
};
