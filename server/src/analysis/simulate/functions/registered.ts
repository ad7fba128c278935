// Every function name Asterisk 20.20.1 registers: the `.name` of each `struct ast_custom_function` in its sources
// (apps/, channels/, funcs/, main/, pbx/, res/; collected from the git tag 20.20.1), with the file that registers
// it and whether it can be read (r) and written (w). func_odbc.c also registers one function per query of
// func_odbc.conf, named ODBC_<query> unless the query sets another prefix.
// A name missing here makes Asterisk log "Function X not registered"; a name here that the simulation does not
// model is unknown, never "not registered".

const TABLE = `
apps/app_agent_pool.c AGENT:r
apps/app_confbridge.c CONFBRIDGE:w CONFBRIDGE_CHANNELS:r CONFBRIDGE_INFO:r
apps/app_jack.c JACK_HOOK:w
apps/app_meetme.c MEETME_INFO:r
apps/app_minivm.c MINIVMACCOUNT:r MINIVMCOUNTER:rw
apps/app_mixmonitor.c MIXMONITOR:r
apps/app_queue.c QUEUE_EXISTS:r QUEUE_GET_CHANNEL:r QUEUE_MEMBER:rw QUEUE_MEMBER_COUNT:r QUEUE_MEMBER_LIST:r QUEUE_MEMBER_PENALTY:rw QUEUE_VARIABLES:r QUEUE_WAITING_COUNT:r
apps/app_record.c RECORDING_INFO:r
apps/app_speech_utils.c SPEECH:r SPEECH_ENGINE:rw SPEECH_GRAMMAR:r SPEECH_RESULTS_TYPE:w SPEECH_SCORE:r SPEECH_TEXT:r
apps/app_stack.c LOCAL:rw LOCAL_PEEK:r STACK_PEEK:r
apps/app_voicemail.c VM_INFO:r
channels/chan_dahdi.c DAHDI_CHANNEL:rw POLARITY:rw
channels/chan_iax2.c IAXPEER:r IAXVAR:rw
channels/chan_pjsip.c PJSIP_DIAL_CONTACTS:r PJSIP_DTMF_MODE:rw PJSIP_MEDIA_OFFER:rw PJSIP_MOH_PASSTHROUGH:rw PJSIP_PARSE_URI:r PJSIP_PARSE_URI_FROM:r PJSIP_SEND_SESSION_REFRESH:w PJSIP_TRANSFER_HANDLING:w
channels/chan_sip.c CHECKSIPDOMAIN:r SIPPEER:r SIP_HEADER:r SIP_HEADERS:r
funcs/func_aes.c AES_DECRYPT:r AES_ENCRYPT:r
funcs/func_base64.c BASE64_DECODE:r BASE64_ENCODE:r
funcs/func_blacklist.c BLACKLIST:r
funcs/func_callcompletion.c CALLCOMPLETION:rw
funcs/func_callerid.c CALLERID:rw CONNECTEDLINE:rw REDIRECTING:rw
funcs/func_cdr.c CDR:rw CDR_PROP:w
funcs/func_channel.c CHANNEL:rw CHANNELS:r CHANNEL_EXISTS:r MASTER_CHANNEL:rw
funcs/func_config.c AST_CONFIG:r
funcs/func_curl.c CURL:rw CURLOPT:rw
funcs/func_cut.c CUT:r SORT:r
funcs/func_db.c DB:rw DB_DELETE:rw DB_EXISTS:r DB_KEYCOUNT:r DB_KEYS:r
funcs/func_devstate.c DEVICE_STATE:rw HINT:r
funcs/func_dialgroup.c DIALGROUP:rw
funcs/func_dialplan.c DIALPLAN_EXISTS:r VALID_EXTEN:r
funcs/func_enum.c ENUMLOOKUP:r ENUMQUERY:r ENUMRESULT:r TXTCIDNAME:r
funcs/func_env.c BASENAME:r DIRNAME:r ENV:rw FILE:rw FILE_COUNT_LINE:r FILE_FORMAT:r STAT:r
funcs/func_evalexten.c EVAL_EXTEN:r EVAL_SUB:r
funcs/func_export.c EXPORT:w
funcs/func_extstate.c EXTENSION_STATE:r
funcs/func_frame_drop.c FRAME_DROP:w
funcs/func_frame_trace.c FRAME_TRACE:w
funcs/func_global.c GLOBAL:rw GLOBAL_DELETE:w GLOBAL_EXISTS:r SHARED:rw
funcs/func_groupcount.c GROUP:rw GROUP_COUNT:r GROUP_LIST:r GROUP_MATCH_COUNT:r
funcs/func_hangupcause.c HANGUPCAUSE:r HANGUPCAUSE_KEYS:r
funcs/func_holdintercept.c HOLD_INTERCEPT:w
funcs/func_iconv.c ICONV:r
funcs/func_jitterbuffer.c JITTERBUFFER:w
funcs/func_json.c JSON_DECODE:r
funcs/func_lock.c LOCK:r TRYLOCK:r UNLOCK:r
funcs/func_logic.c DELETE:w EXISTS:r IF:r IFTIME:r IMPORT:r ISNULL:r SET:r VARIABLE_EXISTS:r
funcs/func_math.c ABS:r DEC:r DIGIT_SUM:r INC:r MATH:r MAX:r MIN:r
funcs/func_md5.c MD5:r
funcs/func_module.c IFMODULE:r
funcs/func_odbc.c ODBC_FETCH:r SQL_ESC:r SQL_ESC_BACKSLASHES:r
funcs/func_periodic_hook.c PERIODIC_HOOK:rw
funcs/func_pitchshift.c PITCH_SHIFT:w
funcs/func_pjsip_aor.c PJSIP_AOR:r
funcs/func_pjsip_contact.c PJSIP_CONTACT:r
funcs/func_pjsip_endpoint.c PJSIP_ENDPOINT:r
funcs/func_presencestate.c PRESENCE_STATE:rw
funcs/func_rand.c RAND:r
funcs/func_realtime.c REALTIME:rw REALTIME_DESTROY:rw REALTIME_FIELD:rw REALTIME_HASH:r REALTIME_STORE:w
funcs/func_sayfiles.c SAYFILES:r
funcs/func_scramble.c SCRAMBLE:w
funcs/func_sha1.c SHA1:r
funcs/func_shell.c SHELL:r
funcs/func_sorcery.c AST_SORCERY:r
funcs/func_speex.c AGC:rw DENOISE:rw
funcs/func_sprintf.c SPRINTF:r
funcs/func_srv.c SRVQUERY:r SRVRESULT:r
funcs/func_strings.c ARRAY:w CSV_QUOTE:r EVAL:r FIELDNUM:r FIELDQTY:r FILTER:r HASH:rw HASHKEYS:r KEYPADHASH:r LEN:r LISTFILTER:r LTRIM:r PASSTHRU:r POP:r PUSH:w QUOTE:r REGEX:r REPLACE:r RTRIM:r SHIFT:r STRBETWEEN:r STRFTIME:r STRPTIME:r STRREPLACE:r TOLOWER:r TOUPPER:r TRIM:r UNSHIFT:w
funcs/func_sysinfo.c SYSINFO:r
funcs/func_talkdetect.c TALK_DETECT:w
funcs/func_timeout.c TIMEOUT:rw
funcs/func_uri.c URIDECODE:r URIENCODE:r
funcs/func_uuid.c UUID:r
funcs/func_version.c VERSION:r
funcs/func_vmcount.c VMCOUNT:r
funcs/func_volume.c VOLUME:rw
main/features_config.c FEATURE:rw FEATUREMAP:rw
main/logger.c LOG_GROUP:w
main/manager.c AMI_CLIENT:r
main/message.c MESSAGE:rw MESSAGE_DATA:rw
main/pbx.c EXCEPTION:r TESTTIME:w
pbx/pbx_dundi.c DUNDILOOKUP:r DUNDIQUERY:r DUNDIRESULT:r
res/parking/parking_bridge_features.c PARK_GET_CHANNEL:r
res/res_calendar.c CALENDAR_BUSY:r CALENDAR_EVENT:r CALENDAR_QUERY:r CALENDAR_QUERY_RESULT:r CALENDAR_WRITE:w
res/res_fax.c FAXOPT:rw
res/res_geolocation/geoloc_dialplan.c GEOLOC_PROFILE:rw
res/res_mutestream.c MUTEAUDIO:w
res/res_odbc_transaction.c ODBC:rw
res/res_phoneprov.c PP_EACH_EXTENSION:r PP_EACH_USER:r
res/res_pjsip_header_funcs.c PJSIP_HEADER:rw PJSIP_HEADERS:r PJSIP_HEADER_PARAM:rw PJSIP_INHERITABLE_HEADER:w PJSIP_RESPONSE_HEADER:r PJSIP_RESPONSE_HEADERS:r
res/res_smdi.c SMDI_MSG:r SMDI_MSG_RETRIEVE:r
res/res_stir_shaken.c STIR_SHAKEN:r STIR_SHAKEN_ATTESTATION:w
res/res_tonedetect.c TONE_DETECT:rw
res/res_xmpp.c JABBER_RECEIVE:r JABBER_STATUS:r
`;

export interface Registration {
  source: string;
  read: boolean;
  write: boolean;
}

export const REGISTERED: ReadonlyMap<string, Registration> = new Map(
  TABLE.trim()
    .split('\n')
    .flatMap((line) => {
      const [source, ...names] = line.split(' ');
      return names.map((n): [string, Registration] => {
        const [name, rw] = n.split(':');
        return [name, { source, read: rw.includes('r'), write: rw.includes('w') }];
      });
    }),
);

/** How Asterisk 20.20.1 knows a name: its registration, a func_odbc.conf query (ODBC_*), or null. */
export function registration(name: string): Registration | null {
  return REGISTERED.get(name) ?? (name.startsWith('ODBC_') ? { source: 'funcs/func_odbc.c', read: true, write: true } : null);
}
