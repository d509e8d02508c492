// What one report format is: how a document is drawn in it, its file name extension and its
// media type. Each format is one file in this folder and one line in ../report-formats.ts.
import type { ReportDocument } from '../report-model.ts';

export interface RenderOptions {
  /**
   * Lay out the DOCX once more to put page numbers into its table of contents before Word opens
   * it (Word fills them in itself on opening, since the field is marked for update). Costs several
   * seconds for a long report, so only the one-off command line asks for it; the web and the
   * batch leave it to Word.
   */
  docxPageNumbers?: boolean;
}

export interface FormatRenderer {
  /** The file name extension, without the dot. */
  extension: string;
  /** The Content-Type of a download. */
  mime: string;
  /** Drawn before the other formats of the same report: it starts work off this thread and yields (the DOCX's PNG fallbacks). */
  drawFirst?: boolean;
  render(document: ReportDocument, options: RenderOptions): Promise<Buffer> | Buffer;
}
