import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeNext } from './safe-next.ts';

const PUBLIC = 'https://mogna.example';

describe('the path followed after login', () => {
  test('a local path, with its query and fragment, is kept', () => {
    assert.equal(safeNext('/rounds/42?tab=answers#top', PUBLIC), '/rounds/42?tab=answers#top');
    assert.equal(safeNext('/', PUBLIC), '/');
  });

  test('no form of another site gets through', () => {
    const attempts = [
      '//evil.example',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '/\t/evil.example', // `next=/%09/evil.example` once the query string is decoded
      '/\n/evil.example',
      '/\r\n/evil.example',
      '/%09/evil.example', // if it was not decoded it stays a harmless local path (checked below)
      '%2F%2Fevil.example',
      'https://evil.example',
      'http://evil.example/',
      'HTTPS://evil.example',
      'javascript:alert(1)',
      ' javascript:alert(1)',
      '/.//evil.example',
      '/..//evil.example',
      '/../..//evil.example',
      'evil.example',
      '',
    ];
    for (const next of attempts) {
      const followed = safeNext(next, PUBLIC);
      const resolved = new URL(followed, PUBLIC);
      assert.equal(resolved.origin, PUBLIC, `${JSON.stringify(next)} gave ${followed}`);
      assert.ok(followed.startsWith('/') && !followed.startsWith('//') && !followed.includes('\\'), `${JSON.stringify(next)} gave ${followed}`);
      // A browser drops tabs and newlines from a Location header: the result must still be ours.
      assert.equal(new URL(followed.replace(/[\t\r\n]/g, ''), PUBLIC).origin, PUBLIC);
    }
  });

  test('the plain bypass forms fall back to the start page', () => {
    for (const next of ['//evil.example', '/\\evil.example', '/\t/evil.example', '%2F%2Fevil.example', 'https://evil.example', 'javascript:alert(1)', '/.//evil.example', '/\r\n/evil.example']) {
      assert.equal(safeNext(next, PUBLIC), '/', JSON.stringify(next));
    }
  });

  test('an undecoded percent sequence stays part of a local path', () => {
    assert.equal(safeNext('/%09/evil.example', PUBLIC), '/%09/evil.example');
    assert.equal(safeNext('/%2F%2Fevil.example', PUBLIC), '/%2F%2Fevil.example');
  });
});
