// One catalogue of the errors users can meet. Each has a stable code, an HTTP status and a
// message in src/i18n (errors.<code>); a raw err.message is never shown to a user.
export const errorCatalogue = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  validation: 400,
  csrf: 403,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  survey_link_unknown: 404,
  survey_round_closed: 410,
  survey_round_not_open: 409,
  survey_already_submitted: 409,
  round_year_over: 409,
  round_exists: 409,
  study_exists: 409,
  study_part_answered: 409,
  study_closed: 409,
  report_batch_running: 409,
  open_link_full: 409,
  open_link_rate_limited: 429,
  internal: 500,
  // Ledger import and mapping rules (src/importers/ledger, src/domain/costs/mapping-rules.ts):
  // a file or rules text the user sent that cannot be used. `ledger_<code>` and
  // `mapping_<code>` are LedgerImportError's and MappingRulesError's codes in lower case.
  ledger_not_sie: 422,
  ledger_bad_encoding: 422,
  ledger_broken_trans: 422,
  ledger_broken_record: 422,
  ledger_bad_number: 422,
  ledger_unterminated_voucher: 422,
  ledger_unexpected_brace: 422,
  ledger_no_cost_centre_data: 422,
  ledger_unsupported_sie_type: 422,
  ledger_line_too_long: 422,
  ledger_amount_out_of_range: 422,
  ledger_empty_file: 422,
  ledger_bad_csv: 422,
  ledger_missing_column: 422,
  ledger_bad_xlsx: 422,
  ledger_xlsx_unpacks_too_large: 422,
  ledger_xlsx_suspicious_ratio: 422,
  ledger_read_failed: 422,
  ledger_unknown_format: 400,
  mapping_rules_empty: 400,
  mapping_rules_bad_header: 400,
  mapping_rules_bad_account: 400,
  mapping_rules_bad_range: 400,
  mapping_rules_unknown_pool: 400,
  mapping_rules_bad_csv: 400,
  // Respondent files (src/modules/respondents/respondent-file-error.ts): a file that cannot be
  // read as a list at all. 422 like every rejected upload; the upload form shows the details.
  respondent_file_empty: 422,
  respondent_file_too_large: 422,
  respondent_file_wrong_format: 422,
  respondent_file_bad_encoding: 422,
  respondent_file_unreadable: 422,
  respondent_file_malformed_csv: 422,
  respondent_file_missing_email_column: 422,
  respondent_file_too_many_rows: 422,
  // The method's checklist (src/modules/method-checklist): a step the study's method has not, or
  // a follow-up step before the federation's second study year.
  checklist_step_unknown: 400,
  checklist_step_follow_up_only: 409,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.status = errorCatalogue[code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
