// The dialplan's chan_sip names rewritten for chan_pjsip: devices (`SIP/peer`, `SIP/peer/number`, `SIP/number@peer`
// as channels/chan_sip.c sip_request_call reads them -> `PJSIP/endpoint`, `PJSIP/number@endpoint` as
// channels/chan_pjsip.c request accepts them), the functions of chan_sip (SIPPEER, SIP_HEADER, SIPCHANINFO,
// CHANNEL(peerip)...) and its applications (SIPAddHeader, SIPRemoveHeader, SIPDtmfMode). Works on one line's code
// (the part before an unescaped `;`); what has no equivalent is reported, never dropped.
import type { MigrationNote } from './types';

export interface LineRewrite {
  text: string;
  notes: { reason: string; kind: MigrationNote['kind'] }[];
}

/** The end of a device name that starts at `i`: the first `,`, `&`, `)`, `"`, `'` or blank outside `${...}`/`$[...]`. */
function deviceEnd(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '$' && (s[i + 1] === '{' || s[i + 1] === '[')) {
      depth++;
      i++;
      continue;
    }
    if (depth > 0) {
      if (c === '}' || c === ']') depth--;
      else if (c === '(' || c === '{' || c === '[') depth++;
      continue;
    }
    if (c === ',' || c === '&' || c === ')' || c === '"' || c === "'" || c === ' ' || c === '\t' || c === '|') return i;
  }
  return i;
}

/** Splits at the first `ch` outside `${...}`. */
function splitTop(s: string, ch: string): [string, string] | null {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && (s[i + 1] === '{' || s[i + 1] === '[')) {
      depth++;
      i++;
    } else if (depth > 0 && (s[i] === '}' || s[i] === ']')) depth--;
    else if (depth === 0 && s[i] === ch) return [s.slice(0, i), s.slice(i + 1)];
  }
  return null;
}

/** `peer`, `peer/number`, `number@peer` -> the chan_pjsip form. */
export function pjsipDevice(body: string): string {
  const slash = splitTop(body, '/');
  if (slash) {
    const [peer, rest] = slash;
    // SIP/peer/sip:uri stays a URI for the endpoint
    if (/^sips?:/i.test(rest)) return `PJSIP/${peer}/${rest}`;
    return rest === '' ? `PJSIP/${peer}` : `PJSIP/${rest}@${peer}`;
  }
  return `PJSIP/${body}`;
}

/** The code of a line (before an unescaped `;`) and its comment. */
function splitComment(line: string): [string, string] {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === ';') return [line.slice(0, i), line.slice(i)];
  }
  return [line, ''];
}

const SIPPEER_FIELDS: Record<string, (peer: string) => string> = {
  ip: (p) => `PJSIP_CONTACT(\${PJSIP_AOR(${p},contact)},via_addr)`,
  port: (p) => `PJSIP_CONTACT(\${PJSIP_AOR(${p},contact)},via_port)`,
  status: (p) => `PJSIP_CONTACT(\${PJSIP_AOR(${p},contact)},status)`,
  useragent: (p) => `PJSIP_CONTACT(\${PJSIP_AOR(${p},contact)},user_agent)`,
  context: (p) => `PJSIP_ENDPOINT(${p},context)`,
  mailbox: (p) => `PJSIP_ENDPOINT(${p},mailboxes)`,
  language: (p) => `PJSIP_ENDPOINT(${p},language)`,
  accountcode: (p) => `PJSIP_ENDPOINT(${p},accountcode)`,
  callerid_num: (p) => `PJSIP_ENDPOINT(${p},callerid)`,
  callerid_name: (p) => `PJSIP_ENDPOINT(${p},callerid)`,
  codecs: (p) => `PJSIP_ENDPOINT(${p},allow)`,
  dynamic: (p) => `PJSIP_AOR(${p},max_contacts)`,
};

/** The arguments of a call whose `(` is at `open`: up to the matching `)`. */
function argsAt(s: string, open: number): { args: string; close: number } | null {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      depth--;
      if (depth === 0) return { args: s.slice(open + 1, i), close: i };
    }
  }
  return null;
}

function rewriteFunctions(code: string, notes: LineRewrite['notes']): string {
  let out = '';
  let i = 0;
  const re = /\b(SIPPEER|SIP_HEADER|SIPCHANINFO|SIP_CODEC|SIP_CODEC_INBOUND|SIP_CODEC_OUTBOUND|CHANNEL)\(/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const open = m.index + m[1].length;
    const a = argsAt(code, open);
    if (!a) break;
    const args = a.args.split(',').map((x) => x.trim());
    let rep: string | null = null;
    if (m[1] === 'SIPPEER') {
      const field = (args[1] ?? 'ip').toLowerCase();
      const f = SIPPEER_FIELDS[field];
      if (f) {
        rep = f(args[0]);
        if (field !== 'context' && field !== 'mailbox' && field !== 'language' && field !== 'accountcode')
          notes.push({ reason: `SIPPEER(${args[0]},${field}) -> ${rep}: pjsip keeps this per contact or as a whole callerid, and its values are written differently (status 'Reachable', not 'OK (n ms)')`, kind: 'approximated' });
      } else notes.push({ reason: `SIPPEER field '${field}' has no PJSIP_ENDPOINT/PJSIP_AOR/PJSIP_CONTACT counterpart: kept as it is (it fails on Asterisk 21)`, kind: 'dropped' });
    } else if (m[1] === 'SIP_HEADER') {
      rep = `PJSIP_HEADER(read,${args.join(',')})`;
    } else if (m[1] === 'SIPCHANINFO') {
      const f = (args[0] ?? '').toLowerCase();
      rep = f === 'peerip' || f === 'recvip' ? 'CHANNEL(pjsip,remote_addr)' : f === 'from' ? 'PJSIP_HEADER(read,From)' : f === 'uri' ? 'CHANNEL(pjsip,request_uri)' : f === 'useragent' ? 'PJSIP_HEADER(read,User-Agent)' : f === 'peername' ? 'CHANNEL(endpoint)' : null;
      if (rep) notes.push({ reason: `SIPCHANINFO(${f}) -> ${rep}${f === 'peerip' || f === 'recvip' ? ' (ip:port, not the bare address)' : ''}`, kind: 'approximated' });
      else notes.push({ reason: `SIPCHANINFO(${f}) has no chan_pjsip counterpart: kept as it is`, kind: 'dropped' });
    } else if (m[1].startsWith('SIP_CODEC')) {
      notes.push({ reason: `${m[1]} has no chan_pjsip counterpart (use CHANNEL(audionativeformat) to read, the endpoint's allow= to choose): kept as it is`, kind: 'dropped' });
    } else if (m[1] === 'CHANNEL') {
      const f = (args[0] ?? '').toLowerCase();
      if (f === 'peerip' || f === 'recvip') rep = 'CHANNEL(pjsip,remote_addr)';
      else if (f === 'from') rep = 'PJSIP_HEADER(read,From)';
      else if (f === 'uri') rep = 'CHANNEL(pjsip,request_uri)';
      else if (f === 'useragent') rep = 'PJSIP_HEADER(read,User-Agent)';
      else if (f === 'peername') rep = 'CHANNEL(endpoint)';
      if (rep && f !== 'peername') notes.push({ reason: `CHANNEL(${f}) of chan_sip -> ${rep}`, kind: 'approximated' });
    }
    if (rep !== null) {
      out += code.slice(i, m.index) + rep;
      i = a.close + 1;
      re.lastIndex = i;
    }
  }
  return out + code.slice(i);
}

/** SIPAddHeader(Name: value), SIPRemoveHeader(Name), SIPDtmfMode(mode) as applications of a priority. */
function rewriteApps(code: string, notes: LineRewrite['notes']): string {
  const m = /\b(SIPAddHeader|SIPRemoveHeader|SIPDtmfMode)\(/i.exec(code);
  if (!m) return code;
  const a = argsAt(code, m.index + m[1].length);
  if (!a) return code;
  const name = m[1].toLowerCase();
  let rep: string;
  if (name === 'sipaddheader') {
    const colon = a.args.indexOf(':');
    const header = colon < 0 ? a.args.trim() : a.args.slice(0, colon).trim();
    const v = colon < 0 ? '' : a.args.slice(colon + 1).trim();
    rep = `Set(PJSIP_HEADER(add,${header})=${v})`;
    notes.push({ reason: 'PJSIP_HEADER(add,...) acts on the channel it runs on: to add the header to the outgoing INVITE, as SIPAddHeader did, run it in a pre-dial handler (Dial option b())', kind: 'approximated' });
  } else if (name === 'sipremoveheader') {
    const header = a.args.trim();
    rep = `Set(PJSIP_HEADER(remove,${header === '' ? '*' : header})=)`;
    notes.push({ reason: 'PJSIP_HEADER(remove,...) acts on the channel it runs on (in a pre-dial handler for the outgoing one), and only on headers PJSIP_HEADER(add) added', kind: 'approximated' });
  } else rep = `Set(PJSIP_DTMF_MODE()=${a.args.trim().toLowerCase() === 'rfc2833' ? 'rfc4733' : a.args.trim()})`;
  return code.slice(0, m.index) + rep + code.slice(a.close + 1);
}

/** One dialplan line rewritten; `text` is the line unchanged when nothing applies. */
export function rewriteDialplanLine(line: string): LineRewrite {
  const notes: LineRewrite['notes'] = [];
  const [code, rest] = splitComment(line);
  if (!/SIP/i.test(code)) return { text: line, notes };
  let out = '';
  let i = 0;
  // SIP/ preceded by nothing that makes it part of a longer name (PJSIP/, XSIP/)
  const re = /(^|[^A-Za-z0-9_])SIP\//g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const start = m.index + m[1].length;
    const bodyStart = start + 4;
    const end = deviceEnd(code, bodyStart);
    const body = code.slice(bodyStart, end);
    if (body === '') continue;
    out += code.slice(i, start) + pjsipDevice(body);
    i = end;
    re.lastIndex = end;
  }
  let text = out + code.slice(i);
  text = rewriteFunctions(text, notes);
  text = rewriteApps(text, notes);
  if (/\$\[[^\]]*"SIP"/.test(text) || /=\s*SIP\b/.test(text.replace(/PJSIP/g, ''))) notes.push({ reason: 'compares a channel technology with "SIP": chan_pjsip channels are "PJSIP"', kind: 'dropped' });
  return { text: text + rest, notes };
}
