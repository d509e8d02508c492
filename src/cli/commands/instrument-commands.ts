// `mogna instrument list` and `mogna instrument show`.
import type { Command } from 'commander';

export function registerInstrumentCommands(_program: Command): void {}
