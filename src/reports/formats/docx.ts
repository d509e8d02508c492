// Word (DOCX), the format an analyst edits further.
import { renderDocx } from '../docx-renderer.ts';
import type { FormatRenderer } from './format-renderer.ts';

export const docxFormat: FormatRenderer = {
  extension: 'docx',
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  drawFirst: true,
  render: (document, options) => renderDocx(document, { estimatePageNumbers: options.docxPageNumbers ?? false }),
};
