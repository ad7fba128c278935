// STRFTIME([epoch][,timezone][,format]) of funcs/func_strings.c: the epoch (the call's time when empty: unknown
// without a simulated time), the wall clock of the timezone (the PBX's local one when empty, taken as the local
// zone of the simulation, as model/timing.ts does), and the format as ast_strftime (main/stdtime/localtime.c) gives
// it to strftime in the C locale: `%q` and `%1q`..`%6q` are fractions of the second.
import { fromBytes, separateArgs, toBytes, toDouble } from '../cstring';
import type { DialplanFunction, FunctionCall } from './types';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Clock {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC. */
  offset: number;
  zone: string;
}

/** The wall clock of an instant in a zone (IANA name), or in the local zone; null for a zone Intl does not know. */
function clock(at: Date, zone: string | null): Clock | null {
  if (!zone) {
    return { year: at.getFullYear(), month: at.getMonth(), day: at.getDate(), weekday: at.getDay(), hour: at.getHours(), minute: at.getMinutes(), second: at.getSeconds(), offset: -at.getTimezoneOffset(), zone: localZoneName(at) };
  }
  try {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', timeZoneName: 'short' });
    const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
    const c = { year: Number(p.year), month: Number(p.month) - 1, day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second) };
    const offset = Math.round((Date.UTC(c.year, c.month, c.day, c.hour, c.minute, c.second) - Math.floor(at.getTime() / 1000) * 1000) / 60000);
    return { ...c, weekday: DAYS.findIndex((d) => d.startsWith(String(p.weekday))), offset, zone: localZoneName(at) };
  } catch {
    // a zone Asterisk cannot load is read as UTC
    return zone === 'UTC' ? null : clock(at, 'UTC');
  }
}

/** %Z: glibc falls back to the process's own zone name (struct ast_tm has no tm_zone), whatever the zone asked. */
const localZoneName = (at: Date): string => Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';

function dayOfYear(c: Clock): number {
  return Math.round((Date.UTC(c.year, c.month, c.day) - Date.UTC(c.year, 0, 1)) / 86400000);
}

/** ISO 8601 week number and week-based year: the week of this week's Thursday. */
function isoWeek(c: Clock): { week: number; year: number } {
  const thursday = new Date(Date.UTC(c.year, c.month, c.day - ((c.weekday + 6) % 7) + 3));
  const year = thursday.getUTCFullYear();
  return { week: 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 604800000), year };
}

function strftime(format: string, c: Clock, epoch: number): string {
  const pad = (n: number, width = 2, fill = '0'): string => String(n).padStart(width, fill);
  const h12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  const yday = dayOfYear(c);
  const conv: Record<string, () => string> = {
    a: () => DAYS[c.weekday].slice(0, 3),
    A: () => DAYS[c.weekday],
    b: () => MONTHS[c.month].slice(0, 3),
    h: () => MONTHS[c.month].slice(0, 3),
    B: () => MONTHS[c.month],
    c: () => `${DAYS[c.weekday].slice(0, 3)} ${MONTHS[c.month].slice(0, 3)} ${pad(c.day, 2, ' ')} ${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)} ${c.year}`,
    C: () => pad(Math.floor(c.year / 100)),
    d: () => pad(c.day),
    D: () => `${pad(c.month + 1)}/${pad(c.day)}/${pad(c.year % 100)}`,
    e: () => pad(c.day, 2, ' '),
    F: () => `${c.year}-${pad(c.month + 1)}-${pad(c.day)}`,
    g: () => pad(isoWeek(c).year % 100),
    G: () => String(isoWeek(c).year),
    H: () => pad(c.hour),
    I: () => pad(h12),
    j: () => pad(yday + 1, 3),
    k: () => pad(c.hour, 2, ' '),
    l: () => pad(h12, 2, ' '),
    m: () => pad(c.month + 1),
    M: () => pad(c.minute),
    n: () => '\n',
    p: () => (c.hour < 12 ? 'AM' : 'PM'),
    P: () => (c.hour < 12 ? 'am' : 'pm'),
    r: () => `${pad(h12)}:${pad(c.minute)}:${pad(c.second)} ${c.hour < 12 ? 'AM' : 'PM'}`,
    R: () => `${pad(c.hour)}:${pad(c.minute)}`,
    s: () => String(epoch),
    S: () => pad(c.second),
    t: () => '\t',
    T: () => `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
    u: () => String(c.weekday === 0 ? 7 : c.weekday),
    U: () => pad(Math.floor((yday + 7 - c.weekday) / 7)),
    V: () => pad(isoWeek(c).week),
    w: () => String(c.weekday),
    W: () => pad(Math.floor((yday + 7 - ((c.weekday + 6) % 7)) / 7)),
    x: () => `${pad(c.month + 1)}/${pad(c.day)}/${pad(c.year % 100)}`,
    X: () => `${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}`,
    y: () => pad(c.year % 100),
    Y: () => String(c.year),
    z: () => `${c.offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(c.offset) / 60))}${pad(Math.abs(c.offset) % 60)}`,
    Z: () => c.zone,
    '%': () => '%',
  };
  return format.replace(/%([-_0^#]?)(\d*)[EO]?(.)/gs, (m, flag: string, width: string, k: string) => {
    const f = conv[k];
    if (!f) return m;
    let v = f();
    const numeric = /^[+-]?\d+$/.test(v);
    if (flag === '-') v = v.replace(/^[0 ]+(?=.)/, '');
    else if (flag === '_') v = v.replace(/^0+(?=.)/, (z) => ' '.repeat(z.length));
    else if (flag === '^') v = v.toUpperCase();
    if (width && flag !== '-') v = v.padStart(Number(width), numeric && flag !== '_' ? '0' : ' ');
    return v;
  });
}

function read(call: FunctionCall): string {
  const [epochText, zone, format] = separateArgs(call.args, ',', true, 3);
  // ast_get_timeval: sscanf("%30Lf"), else the time of the call
  const given = epochText ? toDouble(epochText) : null;
  const seconds = given !== null && Number.isFinite(given) ? given : call.ctx.when ? call.ctx.when.getTime() / 1000 : null;
  if (seconds === null) {
    call.unknown('the time of the call');
    return '';
  }
  const sec = Math.trunc(seconds);
  const usec = Math.trunc((seconds - sec) * 1e6);
  const c = clock(new Date(sec * 1000), zone ? fromBytes(zone) : null) as Clock;
  // ast_strftime: %q and %1q..%6q first, then the C library's strftime
  const fmt = format === undefined ? '%c' : format;
  let pre = '';
  for (let i = 0; i < fmt.length; i++) {
    const digits = fmt[i] === '%' && /[1-6]/.test(fmt[i + 1] ?? '') && fmt[i + 2] === 'q' ? Number(fmt[i + 1]) : fmt[i] === '%' && fmt[i + 1] === 'q' ? 3 : 0;
    if (digits) {
      pre += String(Math.floor(usec / 10 ** (6 - digits))).padStart(digits, '0');
      i += digits === 3 && fmt[i + 1] === 'q' ? 1 : 2;
    } else pre += fmt[i];
  }
  const out = strftime(fromBytes(pre), c, sec);
  if (out === '') call.log('WARNING', 'funcs/func_strings.c', 'C function strftime() output nothing?!!');
  return toBytes(out).slice(0, 4095);
}

export const TIME_FUNCTIONS: DialplanFunction[] = [{ name: 'STRFTIME', source: 'funcs/func_strings.c', needs: 'time', read }];
