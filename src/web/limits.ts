/** Largest upload accepted (respondent lists). Larger files are cut off while streaming. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
