// The cost policy as a table: who may read and who may change an organisation's IT-cost data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../app/errors.ts';
import type { Actor, UserActor } from '../app/actor.ts';
import { anonymous } from '../app/actor.ts';
import type { MembershipRole } from '../db/schema.ts';
import { authorizeManageCosts, authorizeViewCosts, canManageCosts, canViewCosts } from './cost-policy.ts';

const ORG = 'org-a';

function user(own: MembershipRole | null, viaFederation: MembershipRole | null = null, isOperator = false): UserActor {
  return {
    kind: 'user',
    userId: 'u',
    name: 'U',
    email: 'u@example.org',
    locale: 'sv',
    isOperator,
    roles: new Map(own ? [[ORG, own]] : [['other-org', 'coordinator']]),
    viaFederation: new Map(viaFederation ? [[ORG, viaFederation]] : []),
  };
}

function outcome(check: () => void): string {
  try {
    check();
    return 'ok';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('cost policy', () => {
  const cases: Array<[string, Actor, boolean, boolean, string]> = [
    ['coordinator of the organisation', user('coordinator'), true, true, 'ok'],
    ['analyst of the organisation', user('analyst'), true, true, 'ok'],
    ['viewer of the organisation', user('viewer'), true, false, 'forbidden'],
    ['analyst of its federation', user(null, 'analyst'), true, true, 'ok'],
    ['coordinator of its federation', user(null, 'coordinator'), true, false, 'forbidden'],
    ['viewer of its federation', user(null, 'viewer'), true, false, 'forbidden'],
    ['operator', user(null, null, true), true, true, 'ok'],
    ['member of another organisation', user(null), false, false, 'not_found'],
    ['anonymous', anonymous, false, false, 'unauthenticated'],
  ];
  for (const [who, actor, view, manage, manageOutcome] of cases) {
    it(`${who}: view ${view}, manage ${manage}`, () => {
      assert.equal(canViewCosts(actor, ORG), view);
      assert.equal(canManageCosts(actor, ORG), manage);
      assert.equal(outcome(() => authorizeManageCosts(actor, ORG)), manageOutcome);
      assert.equal(outcome(() => authorizeViewCosts(actor, ORG)), view ? 'ok' : actor.kind === 'user' ? 'not_found' : 'unauthenticated');
    });
  }
});
