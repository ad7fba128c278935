// dialplan-function-arguments: a function used the wrong way round: read when it can only be written
// (`${CDR_PROP(disable)}`), or written when it can only be read (`Set(LEN(x)=1)`). ast_func_read and ast_func_write
// (main/pbx_functions.c) log "Function %s cannot be read" / "cannot be written to" and do nothing. Which functions
// can be read and written comes from their registrations (analysis/simulate/functions/registered.ts).
// Too few arguments, too: `${CUT(NUMBER,-)}` lacks the field CUT needs; the function logs its syntax and gives an
// empty value. The bounds come from the documented call form (docs/argumentShape.ts), checked only for functions
// that need two or more (a one-argument function reads its whole text, commas included) and arguments without `$`
// (a substituted value may hold commas).
import { functionDoc } from '../../docs/functions';
import { argumentShape } from '../../docs/argumentShape';
import { countArgs } from '../simulate/cstring';
import { registration } from '../simulate/functions/registered';
import type { Priority } from '../../model/dialplan';
import type { Finding } from '../finding';
import { dataPlaces, perLine } from './lineByLine';
import { functionUses } from './substitutions';

export const code = 'dialplan-function-arguments';

function check(p: Priority, out: Finding[]): void {
  if (!p.data.includes('(') || !p.statement.application?.data) return;
  const places = dataPlaces(p);
  for (const use of functionUses(p.app, p.data)) {
    const doc = functionDoc(use.name);
    const shape = doc ? argumentShape(doc) : null;
    const given = countArgs(use.args, ',');
    if (doc && shape && shape.min >= 2 && given < shape.min && !use.args.includes('$')) {
      out.push({
        code,
        severity: 'error',
        message: `${use.name} needs ${shape.min} arguments (${shape.names.slice(0, shape.min).join(', ')}); here ${given}: Asterisk logs its syntax and ${use.mode === 'read' ? 'substitutes an empty value' : 'writes nothing'}.`,
        file: p.file,
        ...places.at(use.at, use.at + use.name.length + use.args.length + 2),
        related: [],
      });
    }
    const r = registration(use.name);
    if (r === null || (use.mode === 'read' ? r.read : r.write)) continue;
    out.push({
      code,
      severity: 'error',
      message:
        use.mode === 'read'
          ? `${use.name} can only be written (Set(${use.name}(...)=value)): reading it logs "Function ${use.name} cannot be read" and gives an empty value.`
          : `${use.name} can only be read (\${${use.name}(...)}): this Set logs "Function ${use.name} cannot be written to" and changes nothing.`,
      file: p.file,
      ...places.at(use.at, use.at + use.name.length),
      related: [],
    });
  }
}

export const functionArguments = perLine(code, (_plan, p, out) => check(p, out));
