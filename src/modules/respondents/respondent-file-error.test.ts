// A file that cannot be read as a list is an AppError with its own code in the one catalogue;
// problems on rows stay a list. Either way the same problems (and so the same sentences) reach the form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorCatalogue, isAppError } from '../../app/errors.ts';
import { messages } from '../../i18n/messages.ts';
import { isRespondentFileError, readRespondentFile, RESPONDENT_FILE_ERROR_CODES } from './respondent-file-error.ts';

const context = { existingEmails: new Set<string>(), units: [] };
const read = (text: string, fileName = 'lista.csv') => readRespondentFile({ fileName, data: Buffer.from(text, 'utf8') }, context);

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a RespondentFileError');
}

test('every file-level problem has a catalogued code with Swedish and English texts', () => {
  for (const code of Object.values(RESPONDENT_FILE_ERROR_CODES)) {
    assert.equal(errorCatalogue[code], 422, code);
    assert.ok(messages('sv').errors[code].title, code);
    assert.ok(messages('en').errors[code].body, code);
  }
});

test('an empty file, a file without an e-mail column and a file that is not a list are AppErrors', async () => {
  const empty = await errorOf(read(''));
  assert.ok(isAppError(empty) && isRespondentFileError(empty));
  assert.equal(empty.code, 'respondent_file_empty');
  assert.equal(empty.status, 422);
  assert.deepEqual(empty.problems.map((problem) => problem.code), ['empty_file']);

  const noEmail = await errorOf(read('Namn;Roll\nAnna;Chef\n'));
  assert.ok(isRespondentFileError(noEmail));
  assert.equal(noEmail.code, 'respondent_file_missing_email_column');

  const pdf = await errorOf(read('%PDF-1.7 …', 'lista.pdf'));
  assert.ok(isRespondentFileError(pdf));
  assert.equal(pdf.code, 'respondent_file_wrong_format');

  const tooLarge = await errorOf(readRespondentFile({ fileName: 'lista.csv', data: Buffer.alloc(20, 'a'), maxBytes: 10 }, context));
  assert.ok(isRespondentFileError(tooLarge));
  assert.equal(tooLarge.code, 'respondent_file_too_large');
});

test('column problems found with a file-level problem come along, in the order found', async () => {
  const error = await errorOf(read('E-post;Telefon\n'));
  assert.ok(isRespondentFileError(error));
  assert.equal(error.code, 'respondent_file_empty');
  assert.deepEqual(error.problems.map((problem) => problem.code), ['unknown_column', 'empty_file']);
});

test('problems on rows are a list, not an error', async () => {
  const result = await read('E-post\nanna@kommun\nbo@kommun.se\n');
  assert.equal(result.ok, false);
  assert.deepEqual(!result.ok && result.problems.map((problem) => problem.code), ['invalid_email']);
});
