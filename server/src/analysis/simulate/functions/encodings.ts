// Encodings of their argument: URIENCODE and URIDECODE (funcs/func_uri.c, main/utils.c ast_uri_encode/decode with
// ast_uri_http), BASE64_ENCODE and BASE64_DECODE (funcs/func_base64.c), MD5 (funcs/func_md5.c), SHA1
// (funcs/func_sha1.c), SQL_ESC and SQL_ESC_BACKSLASHES (funcs/func_odbc.c).
import { createHash } from 'node:crypto';
import type { DialplanFunction, FunctionCall } from './types';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

function uriEncode(call: FunctionCall): string {
  let out = '';
  for (const c of call.args) {
    if (/[A-Za-z0-9\-_.!~*'()]/.test(c)) out += c;
    else if (out.length + 3 <= 4095) out += `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
    else break;
    if (out.length >= 4095) break;
  }
  return out;
}

/** ast_uri_decode(): `%` and two more bytes that sscanf("%2x") reads (blanks, a sign, hex) become one byte. */
function uriDecode(call: FunctionCall): string {
  const s = call.args;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const m = s[i] === '%' && i + 2 < s.length ? /^\s*([+-]?)([0-9A-Fa-f]+)/.exec(s.slice(i + 1)) : null;
    if (m) {
      const digits = m[2].slice(0, 2 - m[1].length);
      if (digits !== '') {
        out += String.fromCharCode(((m[1] === '-' ? -1 : 1) * parseInt(digits, 16)) & 0xff);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

function base64(call: FunctionCall, encode: boolean): string | null {
  if (call.args === '') {
    call.log('WARNING', 'funcs/func_base64.c', `Syntax: ${call.name}(<data>) - missing argument!`);
    return null;
  }
  if (encode) return bytes(call.args).toString('base64');
  let out = '';
  let value = 0;
  let bits = 0;
  for (const c of call.args) {
    if (c === '=') break;
    const v = B64.indexOf(c);
    value = ((value << 6) | (v < 0 ? 63 : v)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

function digest(call: FunctionCall, algorithm: 'md5' | 'sha1', source: string): string | null {
  if (call.args === '') {
    call.log('WARNING', source, `Syntax: ${call.name}(<data>) - missing argument!`);
    return null;
  }
  return createHash(algorithm).update(bytes(call.args)).digest('hex');
}

const escape = (call: FunctionCall, c: string): string => call.args.split(c).join(c + c);

export const ENCODING_FUNCTIONS: DialplanFunction[] = [
  { name: 'URIENCODE', source: 'funcs/func_uri.c', needs: 'arguments', read: uriEncode },
  { name: 'URIDECODE', source: 'funcs/func_uri.c', needs: 'arguments', read: uriDecode },
  { name: 'BASE64_ENCODE', source: 'funcs/func_base64.c', needs: 'arguments', read: (call) => base64(call, true) },
  { name: 'BASE64_DECODE', source: 'funcs/func_base64.c', needs: 'arguments', read: (call) => base64(call, false) },
  { name: 'MD5', source: 'funcs/func_md5.c', needs: 'arguments', read: (call) => digest(call, 'md5', 'funcs/func_md5.c'), readMax: 33 },
  { name: 'SHA1', source: 'funcs/func_sha1.c', needs: 'arguments', read: (call) => digest(call, 'sha1', 'funcs/func_sha1.c'), readMax: 42 },
  { name: 'SQL_ESC', source: 'funcs/func_odbc.c', needs: 'arguments', read: (call) => escape(call, "'") },
  { name: 'SQL_ESC_BACKSLASHES', source: 'funcs/func_odbc.c', needs: 'arguments', read: (call) => escape(call, '\\') },
];
