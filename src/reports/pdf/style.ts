// Sizes, spacing and colours of the PDF report in one place. Points throughout (1 pt = 1/72 in).
export const pageMargins = { top: 68, bottom: 68, left: 62, right: 62 };

export const textColour = '#1b1b1b';
/** Still 7:1 against white, for secondary text such as running headers. */
export const mutedColour = '#595959';
export const ruleColour = '#8c8c8c';
export const headerFill = '#e8eaed';

export const bodySize = 10.5;
export const tableSize = 9.5;
export const captionSize = 9.5;
export const furnitureSize = 8.5;
export const lineGap = 2;
export const paragraphGap = 8;

export const headingSizes = { 1: 18, 2: 14, 3: 12 } as const;
export const headingSpaceBefore = { 1: 16, 2: 12, 3: 10 } as const;
export const headingSpaceAfter = 6;

/** Lines of a paragraph that must fit under a heading for the heading to stay on the page. */
export const linesKeptWithHeading = 2;

/**
 * A chart takes at most this share of the page's text height: a tall chart (the 55-row heat map)
 * stays wide enough to read and still leaves room for its caption.
 */
export const maxFigureShare = 0.85;
