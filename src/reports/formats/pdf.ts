// PDF, the format to read and share as it is.
import { renderPdf } from '../pdf-renderer.ts';
import type { FormatRenderer } from './format-renderer.ts';

export const pdfFormat: FormatRenderer = {
  extension: 'pdf',
  mime: 'application/pdf',
  render: (document) => renderPdf(document),
};
