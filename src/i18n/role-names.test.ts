import assert from 'node:assert/strict';
import { test } from 'node:test';
import { roleName } from './role-names.ts';

test('English readers see known Swedish role names translated, others as written', () => {
  assert.equal(roleName('förvaltningschef', 'en'), 'Head of department');
  assert.equal(roleName('Förvaltningschef', 'en'), 'Head of department');
  assert.equal(roleName('IT-chef', 'en'), 'Head of IT');
  assert.equal(roleName('stadsträdgårdsmästare', 'en'), 'stadsträdgårdsmästare');
  assert.equal(roleName('förvaltningschef', 'sv'), 'förvaltningschef');
});
