// dialplan-function-arguments: a function used the wrong way round: read when it can only be written
// (`${CDR_PROP(disable)}`), or written when it can only be read (`Set(LEN(x)=1)`). ast_func_read and ast_func_write
// (main/pbx_functions.c) log "Function %s cannot be read" / "cannot be written to" and do nothing. Which functions
// can be read and written comes from their registrations (analysis/simulate/functions/registered.ts).
// (Argument counts are not checked yet: issue 14.)
import { registration } from '../simulate/functions/registered';
import type { Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { perLine } from './lineByLine';
import { functionUses } from './substitutions';

export const code = 'dialplan-function-arguments';

function check(p: Priority, out: Finding[]): void {
  const data = p.statement.application?.data;
  if (!data || !p.data.includes('(')) return;
  const exact = data.text === p.data && data.end - data.start === p.data.length;
  for (const use of functionUses(p.app, p.data)) {
    const r = registration(use.name);
    if (r === null || (use.mode === 'read' ? r.read : r.write)) continue;
    const start = exact ? data.start + use.at : data.start;
    const end = exact ? start + use.name.length : data.end;
    out.push({
      code,
      severity: 'error',
      message:
        use.mode === 'read'
          ? `${use.name} can only be written (Set(${use.name}(...)=value)): reading it logs "Function ${use.name} cannot be read" and gives an empty value.`
          : `${use.name} can only be read (\${${use.name}(...)}): this Set logs "Function ${use.name} cannot be written to" and changes nothing.`,
      file: p.file,
      start,
      end,
      related: [],
    });
  }
}

export const functionArguments = perLine(code, (_plan, p, out) => check(p, out));
