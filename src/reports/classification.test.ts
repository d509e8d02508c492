import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classificationLevels, classificationText, isClassificationLevel } from './classification.ts';

describe('KLASSA classification levels', () => {
  it('has the five levels 0–4, from none to serious damage', () => {
    assert.deepEqual(classificationLevels, [0, 1, 2, 3, 4]);
    assert.deepEqual(
      classificationLevels.map((level) => classificationText(level, 'sv').label),
      ['Nivå 0 – ingen skada, öppen', 'Nivå 1 – försumbar skada', 'Nivå 2 – måttlig skada', 'Nivå 3 – betydande skada', 'Nivå 4 – allvarlig skada'],
    );
    assert.equal(classificationText(4, 'en').label, 'Level 4 – serious damage');
  });

  it('reads a stored 3 as significant damage, no longer as the description of level 4', () => {
    assert.equal(classificationText(3, 'sv').label, 'Nivå 3 – betydande skada');
    assert.doesNotMatch(classificationText(3, 'sv').meaning, /liv och hälsa/);
    assert.match(classificationText(4, 'sv').meaning, /liv och hälsa/);
  });

  it('accepts 0–4 and nothing else', () => {
    assert.ok([0, 1, 2, 3, 4].every(isClassificationLevel));
    assert.ok(![5, -1, 1.5, '3', null].some(isClassificationLevel));
  });
});
