// Functions whose value only a live call on the running PBX has: what they read is named here, their read is
// unknown (substituted as ""), a write is accepted and noted. None of them is ever run: no database, file, shell,
// web request or environment is touched. Whether each can be read or written is Asterisk's (registered.ts).
import { registration } from './registered';
import type { DialplanFunction } from './types';

const LIVE: [string, string][] = [
  ['DB DB_EXISTS DB_KEYS DB_KEYCOUNT DB_DELETE', "the running PBX's AstDB"],
  ['ODBC ODBC_FETCH', 'a database of the running PBX'],
  ['REALTIME REALTIME_FIELD REALTIME_HASH REALTIME_STORE REALTIME_DESTROY', 'a realtime database'],
  ['CURL CURLOPT', 'a web request, never made by the simulation'],
  ['SHELL', 'a shell command, never run by the simulation'],
  ['ENV', "the running PBX's environment"],
  ['FILE FILE_COUNT_LINE FILE_FORMAT STAT', 'a file on the PBX, never read by the simulation'],
  ['AST_CONFIG AST_SORCERY', "the running PBX's configuration"],
  ['RAND UUID', 'a random value'],
  ['EXTENSION_STATE HINT PRESENCE_STATE', 'the state of a device at the time of the call'],
  ['CDR CDR_PROP', 'the call detail record of a live call'],
  ['CHANNELS CHANNEL_EXISTS MASTER_CHANNEL EXPORT', 'the other channels of the PBX'],
  ['PJSIP_HEADERS PJSIP_HEADER_PARAM PJSIP_INHERITABLE_HEADER', 'the SIP headers of a live call'],
  ['PJSIP_RESPONSE_HEADER PJSIP_RESPONSE_HEADERS', 'the SIP responses of a live call'],
  ['PJSIP_ENDPOINT PJSIP_AOR PJSIP_CONTACT PJSIP_DIAL_CONTACTS', 'the endpoints and registrations of the running PBX'],
  ['PJSIP_DTMF_MODE PJSIP_MEDIA_OFFER PJSIP_MOH_PASSTHROUGH PJSIP_SEND_SESSION_REFRESH PJSIP_TRANSFER_HANDLING', 'the SIP session of a live call'],
  ['PJSIP_PARSE_URI PJSIP_PARSE_URI_FROM', 'a SIP URI parsed by pjproject'],
  ['SIPPEER SIP_HEADER SIP_HEADERS CHECKSIPDOMAIN IAXPEER IAXVAR', 'the peers and signalling of a live call'],
  ['GROUP GROUP_COUNT GROUP_MATCH_COUNT GROUP_LIST', 'the calls in progress on the PBX'],
  ['VM_INFO VMCOUNT MINIVMACCOUNT MINIVMCOUNTER', 'the voicemail boxes of the running PBX'],
  ['QUEUE_EXISTS QUEUE_GET_CHANNEL QUEUE_MEMBER QUEUE_MEMBER_COUNT QUEUE_MEMBER_LIST QUEUE_MEMBER_PENALTY', 'the queues of the running PBX'],
  ['QUEUE_VARIABLES QUEUE_WAITING_COUNT', 'the queues of the running PBX'],
  ['CONFBRIDGE CONFBRIDGE_CHANNELS CONFBRIDGE_INFO MEETME_INFO', 'the conferences of the running PBX'],
  ['ENUMLOOKUP ENUMQUERY ENUMRESULT TXTCIDNAME SRVQUERY SRVRESULT DUNDILOOKUP DUNDIQUERY DUNDIRESULT', 'a network lookup'],
  ['FAXOPT', 'the fax session of a live call'],
  ['LOCK TRYLOCK UNLOCK', 'the locks held by other calls'],
  ['VERSION SYSINFO', 'the running PBX itself'],
  ['BLACKLIST', "the running PBX's blacklist (AstDB)"],
  ['CALENDAR_BUSY CALENDAR_EVENT CALENDAR_QUERY CALENDAR_QUERY_RESULT CALENDAR_WRITE', 'a calendar'],
  ['SPEECH SPEECH_ENGINE SPEECH_GRAMMAR SPEECH_RESULTS_TYPE SPEECH_SCORE SPEECH_TEXT', 'speech recognition on a live call'],
  ['FEATURE FEATUREMAP', "the features of the running PBX's features.conf"],
  ['MESSAGE MESSAGE_DATA', 'a message being sent or received'],
];

/** The table entries: one per name. */
export const LIVE_FUNCTIONS: DialplanFunction[] = LIVE.flatMap(([names, why]) =>
  names.split(' ').map((name) => ({ name, source: registration(name)?.source ?? 'funcs/func_odbc.c', needs: 'live call' as const, live: why })),
);

/** Any other registered function the simulation does not model, and the func_odbc.conf queries. */
export function unmodelled(name: string): DialplanFunction | null {
  const r = registration(name);
  if (!r) return null;
  const why = name.startsWith('ODBC_') ? 'a database query of func_odbc.conf' : `${r.source}, which the simulation does not model`;
  return { name, source: r.source, needs: 'live call', live: why };
}
