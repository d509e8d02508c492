// The CLI is the operator's tool: it runs on the server with its database, so whoever runs a
// command already holds every row. A command (and the server's own timers) call services as the
// operator, under the command's name, with no account behind it.
import type { UserActor } from '../app/actor.ts';

export function operatorToolActor(name: string): UserActor {
  return { kind: 'user', userId: '', name, email: '', locale: 'sv', isOperator: true, roles: new Map(), viaFederation: new Map() };
}
