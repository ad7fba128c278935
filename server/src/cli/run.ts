// Command-line interface: `check`, `match`, `simulate`, `migrate`, `help` and `--version`. Exit codes: 0 success, 1 the
// command found a problem (an error finding, a number that reaches nothing, a call that fails), 2 a usage or I/O
// error, 3 a failure of PBX Interconnect itself (an internal-error finding, or a command that failed).
import { internalError } from '../analysis/findings';
import { runCheck } from './check';
import { runMatch } from './match';
import { runMigrate } from './migrate';
import { packageInfo } from './packageInfo';
import { runSimulate } from './simulate';
import type { Command } from './usage';
import { isCommand, OVERVIEW_USAGE, USAGE } from './usage';

export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

const RUN: Record<Command, (args: string[], io: CliIo) => number> = { check: runCheck, match: runMatch, simulate: runSimulate, migrate: runMigrate };

export function runCli(argv: string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined) {
    io.err(OVERVIEW_USAGE);
    return 2;
  }
  if (command === '--version' || command === '-V') {
    io.out(`${packageInfo().version}\n`);
    return 0;
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    if (topic === undefined) io.out(OVERVIEW_USAGE);
    else if (isCommand(topic)) io.out(USAGE[topic]);
    else {
      io.err(`pbx-interconnect: no command '${topic}' (commands: check, match, simulate, migrate)\n\n${OVERVIEW_USAGE}`);
      return 2;
    }
    return 0;
  }
  if (!isCommand(command)) {
    io.err(`pbx-interconnect: unknown command '${command}'\n\n${OVERVIEW_USAGE}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(USAGE[command]);
    return 0;
  }
  try {
    return RUN[command](rest, io);
  } catch (error) {
    // exit 3: a failure of ours, named by its code path (never by a message that could quote a configuration)
    const f = internalError('', `running '${command}'`, error);
    io.err(`pbx-interconnect: internal error: ${f.message}\n`);
    return 3;
  }
}
