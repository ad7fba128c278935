// Time conditions of `include => ctx,times,weekdays,mdays,months[,timezone]` (main/pbx_timing.c): which
// minutes, weekdays, days of the month and months an include is open, and whether it is open at a given time.

export interface Timing {
  /** 1440 minutes of the day. */
  minutes: Uint8Array;
  /** Bit per weekday, Sunday = bit 0. */
  weekdays: number;
  /** Bit per day of month, the 1st = bit 0. */
  monthDays: number;
  /** Bit per month, January = bit 0. */
  months: number;
  timezone: string | null;
  /** Parts Asterisk skips with a warning ("Invalid day of week 'x', skipping element"). */
  invalid: string[];
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function lookup(s: string, names: string[] | null, max: number): number {
  if (names && s.length > 0 && s[0] > '9') {
    const i = names.indexOf(s.toLowerCase());
    if (i >= 0) return i;
  }
  const m = /^\s*([+-]?\d{1,2})/.exec(s);
  if (m) {
    const n = parseInt(m[1], 10);
    if (n >= 1 && n <= max) return n - 1;
  }
  return -1;
}

function range(src: string | undefined, max: number, names: string[] | null, what: string, invalid: string[]): number {
  if (src === undefined || src === '' || src === '*') return max >= 31 ? 0x7fffffff : (1 << max) - 1;
  let mask = 0;
  for (const part of src.split('&')) {
    const dash = part.indexOf('-');
    const startText = dash < 0 ? part : part.slice(0, dash);
    const start = lookup(startText, names, max);
    if (start < 0) {
      invalid.push(`${what} '${startText}'`);
      continue;
    }
    let end = start;
    if (dash >= 0) {
      end = lookup(part.slice(dash + 1), names, max);
      if (end < 0) {
        invalid.push(`end ${what} '${part.slice(dash + 1)}'`);
        continue;
      }
    }
    mask |= 1 << end;
    // ranges wrap around: fri-mon is fri, sat, sun, mon
    for (let i = start; i !== end; i = (i + 1) % max) mask |= 1 << i;
  }
  return mask >>> 0;
}

function parseTime(s: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{1,2})/.exec(s);
  if (!m) return null;
  const h = parseInt(m[1], 10);
  const min = parseInt(m[2], 10);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

function timeRange(src: string | undefined, invalid: string[]): Uint8Array {
  const minutes = new Uint8Array(1440);
  if (src === undefined || src === '' || src === '*') return minutes.fill(1);
  for (const part of src.split('&')) {
    const dash = part.indexOf('-');
    if (dash < 0) {
      const t = parseTime(part);
      if (t === null) invalid.push(`time '${part}'`);
      else minutes[t] = 1;
      continue;
    }
    const from = parseTime(part.slice(0, dash));
    const to = parseTime(part.slice(dash + 1).replace(/^\D*/, ''));
    if (from === null || to === null) {
      invalid.push(`time range '${part}'`);
      continue;
    }
    for (let x = from; x !== to; x = (x + 1) % 1440) minutes[x] = 1;
    minutes[to] = 1; // the end minute is included
  }
  return minutes;
}

/** ast_build_timing(): fields separated by `,` or `|`; a fifth field is a timezone. */
export function parseTiming(info: string): Timing {
  const fields = info.split(/[|,]/);
  const invalid: string[] = [];
  return {
    minutes: timeRange(fields[0], invalid),
    weekdays: fields.length > 1 ? range(fields[1], 7, DAYS, 'day of week', invalid) : 0x7f,
    monthDays: fields.length > 2 ? range(fields[2], 31, null, 'day', invalid) : 0x7fffffff,
    months: fields.length > 3 ? range(fields[3], 12, MONTHS, 'month', invalid) : 0xfff,
    timezone: fields.length === 5 ? fields[4] : null,
    invalid,
  };
}

/** Wall-clock fields of an instant in a timezone (IANA name), or in the local zone. */
function wallClock(at: Date, timezone: string | null): { month: number; day: number; weekday: number; minute: number } {
  if (timezone) {
    try {
      const f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
      const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
      return { month: Number(parts.month) - 1, day: Number(parts.day), weekday: DAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3)), minute: Number(parts.hour) * 60 + Number(parts.minute) };
    } catch {
      // an unknown timezone: Asterisk falls back to the local one
    }
  }
  return { month: at.getMonth(), day: at.getDate(), weekday: at.getDay(), minute: at.getHours() * 60 + at.getMinutes() };
}

/** ast_check_timing2(): is the include open at this instant? */
export function isOpen(t: Timing, at: Date): boolean {
  const w = wallClock(at, t.timezone);
  return !!(t.months & (1 << w.month)) && !!(t.monthDays & (1 << (w.day - 1))) && !!(t.weekdays & (1 << w.weekday)) && t.minutes[w.minute] === 1;
}

/** Whether some date and minute satisfy the timing (`*,*,30,feb` never does). */
export function canEverBeOpen(t: Timing): boolean {
  if (!t.minutes.includes(1)) return false;
  // 28 years cover every combination of weekday, day of month and month, leap days included.
  const day = new Date(Date.UTC(2000, 0, 1));
  for (let i = 0; i < 366 * 28; i++) {
    if (t.months & (1 << day.getUTCMonth()) && t.monthDays & (1 << (day.getUTCDate() - 1)) && t.weekdays & (1 << day.getUTCDay())) return true;
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return false;
}

/** Open at every minute of every day (`*,*,*,*`). */
export function isAlwaysOpen(t: Timing): boolean {
  return !t.minutes.includes(0) && (t.weekdays & 0x7f) === 0x7f && (t.monthDays >>> 0) === 0x7fffffff && (t.months & 0xfff) === 0xfff;
}
