// serve, migrate, demo, org list: filled in with the web app (issue 2).
import type { Command } from 'commander';

export function registerPlatformCommands(_program: Command): void {}
