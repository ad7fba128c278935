// What plays to the caller and waits for their keys: BackGround, WaitExten, SayDigits and the other Say
// applications (main/pbx_builtins.c), Playback (apps/app_playback.c), Read (apps/app_read.c). The caller's keys
// are the simulation's inputs, one entry per prompt (`--digits 2,#`); with none, nobody presses anything and every
// wait runs to its timeout. Sound files are taken to exist (PLAYBACKSTATUS=SUCCESS).
import { separateArgs } from '../cstring';
import { jumpTo } from '../walk';
import type { Application, AppContext } from './types';

/** ast_app_parse_timelen in seconds: a decimal number of seconds as milliseconds, or undefined. */
function seconds(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d*\.?\d+\s*$/.test(text)) return undefined;
  return Math.round(parseFloat(text) * 1000);
}

function background(x: AppContext): number {
  if (x.data === '') {
    x.run.log('WARNING', 'pbx_builtins.c', 'Background requires an argument (filename)');
    return -1;
  }
  const [filename, options = '', , contextArg] = separateArgs(x.data, ',', true, 4);
  const context = contextArg || (x.ch.variable('MACRO_CONTEXT') ?? x.ch.context);
  const opts = options.toLowerCase();
  let res = 0;
  if (!x.ch.answered && (opts === 'skip' || (opts !== 'noanswer' && opts.includes('s')))) {
    x.setVar('BACKGROUNDSTATUS', 'SUCCESS');
    return 0;
  }
  if (!x.ch.answered && opts !== 'noanswer' && !opts.includes('n')) {
    x.ch.answered = true;
    x.note('Answers the call.');
  }
  // a menu played before a WaitExten is one prompt with it: without inputs, the caller's choice is made there
  const next = x.run.lineAt(x.call, x.ch.context, x.ch.exten, x.ch.priority + 1);
  const menu = next?.app.toLowerCase() === 'waitexten' && x.run.inputs.digits === undefined;
  if (!opts.includes('p') && !menu) {
    x.prompt(`BackGround(${filename.trim()})`, context);
    res = x.waitDigit(0);
  }
  x.note(`Plays ${filename.trim()}${res ? `; the caller presses ${String.fromCharCode(res)}` : ''}.`);
  if (res > 0) {
    const key = String.fromCharCode(res);
    if (x.canMatch(context, key) && !x.matchMore(context, key)) {
      jumpTo(x.call, context, key, 0);
      res = 0;
    }
  }
  x.setVar('BACKGROUNDSTATUS', 'SUCCESS');
  return res;
}

function waitExten(x: AppContext): number {
  const [timeout] = x.data === '' ? [] : separateArgs(x.data, ',', true, 2);
  const ms = seconds(timeout) ?? x.ch.timeouts.responseMs;
  x.prompt('WaitExten');
  const res = x.waitDigit(ms);
  if (res) {
    x.note(`The caller presses ${String.fromCharCode(res)}.`);
    return res;
  }
  const { ch, run } = x;
  if (x.call.hungUp) return -1;
  if (x.exists(ch.context, ch.exten, ch.priority + 1)) {
    run.log('VERBOSE', 'pbx_builtins.c', `Timeout on ${ch.name}, continuing...`);
    x.note(`Nobody presses a key within ${ms / 1000} s: on with the next priority.`);
    return 0;
  }
  if (x.exists(ch.context, 't', 1)) {
    run.log('VERBOSE', 'pbx_builtins.c', `Timeout on ${ch.name}, going to 't'`);
    x.note(`Nobody presses a key within ${ms / 1000} s: on to 't'.`);
    jumpTo(x.call, ch.context, 't', 0);
    return 0;
  }
  run.log('WARNING', 'pbx_builtins.c', `Timeout but no rule 't' or 'e' in context '${ch.context}'`);
  x.note(`Nobody presses a key within ${ms / 1000} s, and there is no 't': the call ends.`);
  return -1;
}

function playback(x: AppContext): number {
  if (x.data === '') {
    x.run.log('WARNING', 'app_playback.c', 'Playback requires an argument (filename)');
    return -1;
  }
  const [files, options = ''] = separateArgs(x.data, ',', true, 2);
  const opts = options.toLowerCase();
  if (!x.ch.answered && opts.includes('skip')) {
    x.setVar('PLAYBACKSTATUS', 'SUCCESS');
    return 0;
  }
  if (!x.ch.answered && !opts.includes('noanswer')) {
    x.ch.answered = true;
    x.note('Answers the call.');
  }
  x.note(`Plays ${files}.`);
  x.setVar('PLAYBACKSTATUS', 'SUCCESS');
  return x.call.hungUp ? -1 : 0;
}

function read(x: AppContext): number {
  x.setVar('READSTATUS', 'ERROR');
  if (x.data === '') {
    x.run.log('WARNING', 'app_read.c', 'Read requires an argument (variable)');
    return 0;
  }
  const [variable, filename, maxdigits, options = ''] = separateArgs(x.data, ',', true, 6);
  const max = Math.min(255, Math.max(1, parseInt(maxdigits ?? '', 10) || 255));
  if (!variable) {
    x.run.log('WARNING', 'app_read.c', 'Invalid! Usage: Read(variable[,filename][,maxdigits][,option][,attempts][,timeout])\n');
    return 0;
  }
  if (!x.ch.answered && options.includes('s')) {
    x.setVar(variable, '');
    x.setVar('READSTATUS', 'SKIPPED');
    return 0;
  }
  if (!x.ch.answered && !options.includes('n')) x.ch.answered = true;
  x.prompt(`Read(${variable}${filename ? `,${filename}` : ''})`);
  let typed = '';
  let status = 'TIMEOUT';
  for (;;) {
    const key = x.waitDigit(0);
    if (key === 0) break;
    const c = String.fromCharCode(key);
    if (c === '#') {
      status = 'OK';
      break;
    }
    typed += c;
    if (typed.length >= max) {
      status = 'OK';
      break;
    }
  }
  x.setVar(variable, typed);
  x.setVar('READSTATUS', status);
  x.note(typed ? `The caller enters '${typed}': ${variable}=${typed}.` : `The caller enters nothing: ${variable} is empty (READSTATUS=${status}).`);
  return 0;
}

const say = (x: AppContext): number => (x.call.hungUp ? -1 : 0);

export const IVR: Application[] = [
  { name: 'BackGround', source: 'main/pbx_builtins.c', run: background },
  { name: 'WaitExten', source: 'main/pbx_builtins.c', run: waitExten },
  { name: 'Playback', source: 'apps/app_playback.c', run: playback },
  { name: 'Read', source: 'apps/app_read.c', run: read },
  ...['SayDigits', 'SayNumber', 'SayAlpha', 'SayAlphaCase', 'SayPhonetic', 'SayMoney', 'SayOrdinal'].map((name) => ({ name, source: 'main/pbx_builtins.c', run: say })),
];
