// `pbx-interconnect`: the checks of the language server for terminals and CI.
import { runCli } from './run';

process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
