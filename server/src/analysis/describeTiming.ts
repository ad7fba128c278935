// An include's time condition in words: `09:00-17:00,mon-fri,*,*` -> "09:00-17:00, Monday to Friday".
const DAYS: Record<string, string> = { sun: 'Sunday', mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday' };
const MONTHS: Record<string, string> = {
  jan: 'January',
  feb: 'February',
  mar: 'March',
  apr: 'April',
  may: 'May',
  jun: 'June',
  jul: 'July',
  aug: 'August',
  sep: 'September',
  oct: 'October',
  nov: 'November',
  dec: 'December',
};

function names(field: string, table: Record<string, string>): string {
  return field
    .split('&')
    .map((part) => part.split('-').map((p) => table[p.toLowerCase()] ?? p).join(' to '))
    .join(' and ');
}

export function describeTiming(fields: string[]): string {
  const [times = '*', weekdays = '*', monthDays = '*', months = '*', timezone] = fields.map((f) => f.trim());
  const parts: string[] = [];
  parts.push(times === '*' || times === '' ? 'all day' : times.split('&').join(' and '));
  if (weekdays !== '*' && weekdays !== '') parts.push(names(weekdays, DAYS));
  if (monthDays !== '*' && monthDays !== '') parts.push(`on day${/[-&]/.test(monthDays) ? 's' : ''} ${monthDays.split('&').join(' and ')} of the month`);
  if (months !== '*' && months !== '') parts.push(`in ${names(months, MONTHS)}`);
  if (timezone) parts.push(`(${timezone} time)`);
  if (parts.length === 1 && parts[0] === 'all day') return 'at all times';
  return parts.join(', ');
}
