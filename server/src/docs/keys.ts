// Hover and completion data for configuration keys: which keys a section of sip.conf, pjsip.conf (and
// pjsip_wizard.conf), iax.conf and extensions.conf [general] accepts, what each does to a real phone or trunk, the
// values Asterisk accepts and its defaults. Written in our own words from Asterisk's source: res_pjsip,
// res_pjsip_outbound_registration, res_pjsip_endpoint_identifier_ip, res_pjsip_acl, res_pjsip_config_wizard,
// chan_iax2 and pbx_config of the 20 branch, and chan_sip of the 18 branch (chan_sip was removed in Asterisk 21, so
// every sip.conf entry links to the 18 branch's sip.conf.sample). Pure data: no editor or LSP imports.

export type ConfFile = 'sip.conf' | 'pjsip.conf' | 'iax.conf' | 'extensions.conf';
export type ValueKind = 'boolean' | 'number' | 'string' | 'enum' | 'list' | 'codecs' | 'address' | 'context' | 'object';

export interface ValueDoc {
  value: string;
  doc: string;
}

export interface KeyDoc {
  /** Lower case as written, e.g. 'insecure', 'outbound_auth', 'max_contacts'; wizard prefixes as 'endpoint/*'. */
  key: string;
  file: ConfFile;
  /**
   * Where the key is valid. sip.conf and iax.conf: 'general', 'peer', 'user', 'friend'. pjsip.conf: the object
   * types ('endpoint', 'aor', 'auth', 'transport', 'registration', 'identify', 'domain_alias', 'acl', 'contact',
   * 'global', 'system', 'phoneprov') and 'wizard' for pjsip_wizard.conf. extensions.conf: 'general'.
   */
  sections: string[];
  kind: ValueKind;
  /** For enum/list/boolean: the values Asterisk accepts, each with what it means (boolean: 'yes' and 'no'). */
  values?: ValueDoc[];
  /** For 'object' kind in pjsip: which object type the value names (outbound_auth -> 'auth', aors -> 'aor'). */
  refers?: string;
  default?: string;
  /** One sentence. */
  summary: string;
  /** One to four sentences: the effect on a real trunk or phone, and the traps. */
  description?: string;
  /** Official documentation. */
  url: string;
}

const MODULE_DOCS = 'https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/Module_Configuration/';
const URL = {
  pjsip: `${MODULE_DOCS}res_pjsip/`,
  registration: `${MODULE_DOCS}res_pjsip_outbound_registration/`,
  identify: `${MODULE_DOCS}res_pjsip_endpoint_identifier_ip/`,
  acl: `${MODULE_DOCS}res_pjsip_acl/`,
  wizard: `${MODULE_DOCS}res_pjsip_config_wizard/`,
  sip: 'https://github.com/asterisk/asterisk/blob/18/configs/samples/sip.conf.sample',
  iax: 'https://docs.asterisk.org/Configuration/Channel-Drivers/Inter-Asterisk-eXchange-protocol-version-2-IAX2/IAX2-Configuration/',
  dialplan: 'https://docs.asterisk.org/Configuration/Dialplan/',
} as const;

function bool(yes: string, no: string): ValueDoc[] {
  return [
    { value: 'yes', doc: yes },
    { value: 'no', doc: no },
  ];
}

/** Codec names offered by completion of allow/disallow; Asterisk knows more (see `core show codecs`). */
const CODECS: ValueDoc[] = [
  { value: 'all', doc: 'Every codec Asterisk knows; mostly used as disallow=all before the allow lines.' },
  { value: 'ulaw', doc: 'G.711 mu-law, 64 kbit/s: the North American and Japanese PSTN codec.' },
  { value: 'alaw', doc: 'G.711 A-law, 64 kbit/s: the European and international PSTN codec.' },
  { value: 'g722', doc: 'G.722 wideband (HD) audio at 64 kbit/s.' },
  { value: 'g729', doc: 'G.729 narrowband at 8 kbit/s; needs the codec_g729 module for transcoding.' },
  { value: 'gsm', doc: 'GSM full rate, 13 kbit/s.' },
  { value: 'opus', doc: 'Opus, variable bitrate wideband; transcoding needs codec_opus.' },
  { value: 'ilbc', doc: 'iLBC, 13.3 or 15.2 kbit/s, tolerant of packet loss.' },
  { value: 'g726', doc: 'G.726 ADPCM at 32 kbit/s.' },
  { value: 'speex', doc: 'Speex narrowband.' },
  { value: 'slin', doc: 'Signed linear 16-bit at 8 kHz (uncompressed).' },
  { value: 'h264', doc: 'H.264 video (passed through, never transcoded).' },
  { value: 'vp8', doc: 'VP8 video (passed through, never transcoded), common with WebRTC.' },
];

type Entry = Omit<KeyDoc, 'file' | 'sections' | 'url'> & { sections?: string[]; url?: string };

/** Entries of one file sharing default sections and documentation page. */
function group(file: ConfFile, sections: string[], url: string, entries: Entry[]): KeyDoc[] {
  return entries.map((e) => ({ ...e, key: e.key.toLowerCase(), file, sections: e.sections ?? sections, url: e.url ?? url }));
}

const PJSIP_TYPES = ['endpoint', 'aor', 'auth', 'transport', 'registration', 'identify', 'domain_alias', 'acl', 'contact', 'global', 'system', 'phoneprov'];

// ---------------------------------------------------------------------------------------------------- pjsip.conf

const PJSIP_TYPE: KeyDoc[] = group('pjsip.conf', [...PJSIP_TYPES, 'wizard'], URL.pjsip, [
  {
    key: 'type',
    kind: 'enum',
    summary: 'Says which kind of object the section defines; every pjsip.conf section needs it.',
    description:
      'Sections with the same name but different types are separate objects, which is why a trunk is often an endpoint, an aor, an auth and an identify all named after it. A section without type= builds nothing.',
    values: [
      { value: 'endpoint', doc: 'A phone or trunk: codecs, context, NAT and identity settings for its calls.' },
      { value: 'aor', doc: 'Address of record: where calls to an endpoint go (registered or static contacts).' },
      { value: 'auth', doc: 'A username and password, used to challenge a peer or to answer its challenge.' },
      { value: 'transport', doc: 'A listening socket: protocol, address and port, NAT addresses, TLS files.' },
      { value: 'registration', doc: 'An outbound REGISTER that Asterisk sends to a provider or another PBX.' },
      { value: 'identify', doc: 'Matches incoming requests to an endpoint by source IP address or a header.' },
      { value: 'domain_alias', doc: 'Makes another SIP domain count as one of ours.' },
      { value: 'acl', doc: 'Allowed and refused networks for incoming SIP requests and contacts.' },
      { value: 'contact', doc: 'A contact object; normally created by registrations rather than written by hand.' },
      { value: 'global', doc: 'Settings for the whole SIP stack (user agent, keep-alives, identification order); at most one.' },
      { value: 'system', doc: 'Low-level SIP stack settings (timers, thread pool); at most one.' },
      { value: 'phoneprov', doc: 'Phone provisioning data for an endpoint (res_pjsip_phoneprov_provider).' },
      { value: 'wizard', doc: 'Only valid in pjsip_wizard.conf, where one section builds a whole phone or trunk; in pjsip.conf no object is made from it.' },
    ],
  },
]);

const ENDPOINT: KeyDoc[] = group('pjsip.conf', ['endpoint'], URL.pjsip, [
  {
    key: 'context',
    kind: 'context',
    default: 'default',
    summary: 'Dialplan context where calls coming from this endpoint start.',
    description:
      "For a trunk this is where the provider's incoming calls land, so point it at a context that only reaches your numbers; for a phone it decides what the user may dial.",
  },
  {
    key: 'disallow',
    kind: 'codecs',
    values: CODECS,
    summary: 'Removes codecs from the endpoint; usually disallow=all before the allow lines.',
    description: 'Lines apply in order, so disallow=all followed by allow=... leaves exactly the codecs you list.',
  },
  {
    key: 'allow',
    kind: 'codecs',
    values: CODECS,
    summary: 'Codecs the endpoint may use, in order of preference (comma-separated, may repeat).',
    description:
      'A PJSIP endpoint starts with no codecs: without an allow line its calls fail (typically 488 Not Acceptable Here). List the codecs the provider or phone really supports to avoid needless transcoding.',
  },
  {
    key: 'aors',
    kind: 'object',
    refers: 'aor',
    summary: 'The AOR(s), comma-separated, whose contacts are called when you dial this endpoint.',
    description:
      "A phone that registers as 'alice' is stored in the AOR named by its To user, and that AOR must be listed here. Without aors, Dial(PJSIP/name) has no contact to call unless you give a full SIP URI.",
  },
  {
    key: 'auth',
    kind: 'object',
    refers: 'auth',
    summary: 'Auth object(s) whose credentials this endpoint must present: Asterisk challenges its requests.',
    description:
      'Leave it empty on a trunk authenticated by IP address; but then anything matched to the endpoint gets in without a password, so keep the identify match narrow.',
  },
  {
    key: 'outbound_auth',
    kind: 'object',
    refers: 'auth',
    summary: 'Auth object(s) Asterisk uses to answer a 401/407 challenge from the far end.',
    description:
      "A provider that challenges INVITEs needs this on the endpoint even when the registration has its own outbound_auth: calls and registrations are configured separately.",
  },
  {
    key: 'transport',
    kind: 'object',
    refers: 'transport',
    summary: 'Transport used for requests sent to this endpoint.',
    description:
      'If unset, PJSIP takes the first transport of a matching protocol and address family; set it explicitly when you have several (two UDP interfaces, a TLS trunk).',
  },
  {
    key: 'from_user',
    kind: 'string',
    summary: 'User part of the From header on requests to this endpoint, e.g. the account number a provider expects.',
    description: 'It replaces the caller number in From, so send the real caller ID with send_pai or send_rpid when the provider needs both.',
  },
  {
    key: 'from_domain',
    kind: 'string',
    summary: 'Host part of the From header on requests to this endpoint.',
    description: "Set it to the provider's domain when it checks that From belongs to the account; otherwise Asterisk uses its own address.",
  },
  {
    key: 'callerid',
    kind: 'string',
    summary: 'Caller ID for calls from this endpoint, written "Name" <number>.',
    description:
      'It replaces what the device sends, unless trust_id_inbound is on and the call carries P-Asserted-Identity or Remote-Party-ID. On a trunk it would overwrite the caller ID of every incoming call.',
  },
  {
    key: 'callerid_privacy',
    kind: 'enum',
    default: 'allowed_not_screened',
    summary: 'Presentation (privacy) given to the caller ID of calls from this endpoint.',
    values: [
      { value: 'allowed_not_screened', doc: 'Presentation allowed, number not screened (the default).' },
      { value: 'allowed_passed_screen', doc: 'Presentation allowed, number screened and passed.' },
      { value: 'allowed_failed_screen', doc: 'Presentation allowed, number screened and failed.' },
      { value: 'allowed', doc: 'Presentation allowed, network-provided number.' },
      { value: 'prohib_not_screened', doc: 'Presentation restricted, number not screened.' },
      { value: 'prohib_passed_screen', doc: 'Presentation restricted, number screened and passed.' },
      { value: 'prohib_failed_screen', doc: 'Presentation restricted, number screened and failed.' },
      { value: 'prohib', doc: 'Presentation restricted, network-provided number.' },
      { value: 'unavailable', doc: 'Number not available.' },
    ],
  },
  {
    key: 'direct_media',
    kind: 'boolean',
    default: 'yes',
    summary: 'Lets Asterisk re-INVITE two bridged endpoints so that RTP flows directly between them.',
    description: 'Set it to no for trunks and for phones behind NAT: otherwise audio often disappears a few seconds into the call, when the re-INVITE moves it.',
    values: bool('Media may bypass Asterisk once a call is bridged (the default).', 'Media always flows through Asterisk.'),
  },
  {
    key: 'rtp_symmetric',
    kind: 'boolean',
    default: 'no',
    summary: 'Sends RTP back to the address and port it arrives from instead of the one in the SDP.',
    description: 'Needed for phones behind NAT, whose SDP shows a private address; the usual NAT trio is rtp_symmetric, force_rport and rewrite_contact.',
    values: bool('Answer media where it comes from (comedia).', 'Send media to the address given in the SDP.'),
  },
  {
    key: 'force_rport',
    kind: 'boolean',
    default: 'yes',
    summary: 'Sends SIP responses to the source port of the request, as if it had asked for rport.',
    values: bool('Reply to the port the request came from (the default).', 'Reply to the port in the Via header unless rport was requested.'),
  },
  {
    key: 'rewrite_contact',
    kind: 'boolean',
    default: 'no',
    summary: 'Replaces the Contact of requests from this endpoint with their real source address and port.',
    description: 'Lets Asterisk reach a phone behind NAT at the address it registered from; with max_contacts=1 pair it with remove_existing=yes.',
    values: bool('Store and use the source address seen by Asterisk.', 'Trust the Contact header as sent.'),
  },
  {
    key: 'dtmf_mode',
    kind: 'enum',
    default: 'rfc4733',
    summary: 'How key presses (DTMF) are sent to and received from this endpoint.',
    description: 'Must match the far end: a mismatch shows up as IVR menus and voicemail PINs that ignore the caller.',
    values: [
      { value: 'rfc4733', doc: 'As RTP telephone-events (RFC 4733, formerly RFC 2833): the usual choice.' },
      { value: 'inband', doc: 'As audio tones in the media; only reliable with G.711 (ulaw/alaw).' },
      { value: 'info', doc: 'As SIP INFO requests.' },
      { value: 'auto', doc: 'RFC 4733 when the far end offers telephone-event in its SDP, otherwise inband.' },
      { value: 'auto_info', doc: 'RFC 4733 when the far end offers telephone-event in its SDP, otherwise SIP INFO.' },
      { value: 'none', doc: 'Do not send or detect DTMF.' },
    ],
  },
  {
    key: 'ice_support',
    kind: 'boolean',
    default: 'no',
    summary: 'Enables ICE candidates in the SDP, for WebRTC and other NAT-traversing clients.',
    values: bool('Offer and accept ICE candidates.', 'No ICE (the default).'),
  },
  {
    key: 'media_encryption',
    kind: 'enum',
    default: 'no',
    summary: 'Encrypts the endpoint\'s RTP with SRTP, keyed by SDES or DTLS.',
    description: 'With sdes the keys travel in the SDP, so only use it over a TLS transport; WebRTC clients need dtls.',
    values: [
      { value: 'no', doc: 'Plain RTP (the default).' },
      { value: 'sdes', doc: 'SRTP with keys exchanged in the SDP (a=crypto).' },
      { value: 'dtls', doc: 'SRTP keyed by a DTLS handshake on the media path, as WebRTC requires.' },
    ],
  },
  {
    key: 'identify_by',
    kind: 'list',
    default: 'username,ip',
    summary: 'Which ways of recognising incoming requests may select this endpoint, comma-separated.',
    description:
      'A trunk recognised by address needs ip here and an identify section; a registering phone needs username (or auth_username) or its REGISTER is not matched to its AOR.',
    values: [
      { value: 'username', doc: 'The user part of From (To for REGISTER) equals the endpoint name.' },
      { value: 'auth_username', doc: 'The username in the Authorization header equals the endpoint name; only known after a challenge.' },
      { value: 'ip', doc: 'The source address matches an identify section pointing at this endpoint.' },
      { value: 'header', doc: 'A header matches the match_header of an identify section.' },
      { value: 'request_uri', doc: 'The request URI matches the match_request_uri of an identify section.' },
    ],
  },
  {
    key: 'trust_id_inbound',
    kind: 'boolean',
    default: 'no',
    summary: 'Accepts caller identity from the P-Asserted-Identity or Remote-Party-ID headers this endpoint sends.',
    description: 'Only turn it on for peers you trust, such as your carrier: a phone could otherwise claim any number.',
    values: bool('Use PAI/RPID (and their privacy) when present.', 'Ignore them and use From or callerid (the default).'),
  },
  {
    key: 'trust_id_outbound',
    kind: 'boolean',
    default: 'no',
    summary: 'Sends identity headers to this endpoint even when the caller ID is private.',
    description: 'Carriers usually need it: with no, an anonymous call reaches them with no PAI/RPID at all, and they may reject or mis-bill it.',
    values: bool('Send PAI/RPID with a Privacy header for restricted callers.', 'Leave the identity out when it is restricted (the default).'),
  },
  {
    key: 'send_pai',
    kind: 'boolean',
    default: 'no',
    summary: 'Adds a P-Asserted-Identity header with the caller ID to requests sent to this endpoint.',
    values: bool('Send P-Asserted-Identity.', 'Do not send it (the default).'),
  },
  {
    key: 'send_rpid',
    kind: 'boolean',
    default: 'no',
    summary: 'Adds a Remote-Party-ID header with the caller ID to requests sent to this endpoint.',
    values: bool('Send Remote-Party-ID.', 'Do not send it (the default).'),
  },
  {
    key: '100rel',
    kind: 'enum',
    default: 'yes',
    summary: 'Support for reliable provisional responses (PRACK, RFC 3262).',
    values: [
      { value: 'no', doc: 'Not supported; an INVITE that requires 100rel is refused with 420.' },
      { value: 'yes', doc: 'Advertised as supported; 1xx responses are sent reliably only when the caller requires it (the default).' },
      { value: 'required', doc: 'Required in both directions; INVITEs that do not support it are refused with 421.' },
      { value: 'peer_supported', doc: 'Send 1xx reliably whenever the caller lists 100rel as supported or required.' },
    ],
  },
  {
    key: 'timers',
    kind: 'enum',
    default: 'yes',
    summary: 'Session timers (RFC 4028), which refresh a call periodically so that dead calls end.',
    values: [
      { value: 'no', doc: 'Session timers are not supported.' },
      { value: 'yes', doc: 'Supported, and used when negotiated with the far end (the default).' },
      { value: 'required', doc: 'The far end must support them.' },
      { value: 'always', doc: 'Always used, even if the far end did not ask.' },
      { value: 'forced', doc: 'Same as always.' },
    ],
  },
  {
    key: 'timers_sess_expires',
    kind: 'number',
    default: '1800',
    summary: 'Session interval in seconds proposed when session timers are used.',
  },
  {
    key: 'timers_min_se',
    kind: 'number',
    default: '90',
    summary: 'Smallest session interval in seconds that Asterisk accepts.',
  },
  {
    key: 'language',
    kind: 'string',
    summary: 'Language of the prompts played to calls from this endpoint, e.g. en, fr, de.',
  },
  {
    key: 'mailboxes',
    kind: 'list',
    summary: 'Mailboxes (mailbox@context, comma-separated) whose message-waiting state is pushed to this endpoint.',
    description: 'This sends unsolicited MWI NOTIFYs, for phones that do not subscribe; phones that do subscribe use the AOR mailboxes instead.',
  },
  {
    key: 'voicemail_extension',
    kind: 'string',
    summary: 'Voicemail number sent in the Message-Account header of MWI NOTIFYs, which many phones dial from their voicemail key.',
  },
  {
    key: 'aggregate_mwi',
    kind: 'boolean',
    default: 'yes',
    summary: 'Combines the state of all the endpoint\'s mailboxes into a single MWI NOTIFY.',
    values: bool('One NOTIFY for all mailboxes (the default).', 'One NOTIFY per mailbox.'),
  },
  {
    key: 'named_call_group',
    kind: 'list',
    summary: 'Named call groups (comma-separated) this endpoint belongs to, for call pickup by name.',
  },
  {
    key: 'named_pickup_group',
    kind: 'list',
    summary: 'Named call groups whose ringing calls this endpoint may pick up.',
  },
  {
    key: 'call_group',
    kind: 'list',
    summary: 'Numbered call groups (0-63, ranges allowed, e.g. 1,3-5) this endpoint belongs to.',
  },
  {
    key: 'pickup_group',
    kind: 'list',
    summary: 'Numbered call groups (0-63) whose ringing calls this endpoint may pick up, e.g. with *8.',
  },
  {
    key: 'device_state_busy_at',
    kind: 'number',
    default: '0',
    summary: 'Number of simultaneous calls at which the endpoint reports busy instead of in use.',
    description: 'With 1, a queue or hint sees the phone as busy as soon as it is on a call; 0 never reports busy from the call count.',
  },
  {
    key: 'allow_subscribe',
    kind: 'boolean',
    default: 'yes',
    summary: 'Accepts SUBSCRIBE requests (presence, BLF, MWI) from this endpoint.',
    values: bool('Subscriptions are accepted (the default).', 'Subscriptions are refused.'),
  },
  {
    key: 'subscribe_context',
    kind: 'context',
    summary: 'Context in which the endpoint\'s subscriptions look up hints; defaults to the endpoint\'s context.',
  },
  {
    key: 'sdp_session',
    kind: 'string',
    default: 'Asterisk',
    summary: 'Text put in the s= (session name) line of the SDP Asterisk sends.',
  },
  {
    key: 'sdp_owner',
    kind: 'string',
    default: '-',
    summary: 'User name put in the o= (origin) line of the SDP Asterisk sends.',
  },
  {
    key: 't38_udptl',
    kind: 'boolean',
    default: 'no',
    summary: 'Enables T.38 fax over UDPTL for this endpoint.',
    description: 'Behind NAT also set t38_udptl_nat=yes; the error correction (t38_udptl_ec) must suit the far end.',
    values: bool('Negotiate T.38 when a fax is detected or offered.', 'Faxes go as audio (G.711 pass-through) only.'),
  },
  {
    key: 't38_udptl_ec',
    kind: 'enum',
    default: 'none',
    summary: 'Error correction used in T.38 UDPTL packets.',
    values: [
      { value: 'none', doc: 'No error correction (the default).' },
      { value: 'fec', doc: 'Forward error correction.' },
      { value: 'redundancy', doc: 'Redundant copies of earlier packets.' },
    ],
  },
  {
    key: 't38_udptl_nat',
    kind: 'boolean',
    default: 'no',
    summary: 'Sends T.38 packets back to where they come from, for fax machines behind NAT.',
    values: bool('Symmetric UDPTL.', 'Send to the address in the SDP (the default).'),
  },
  {
    key: 'fax_detect',
    kind: 'boolean',
    default: 'no',
    summary: 'Listens for fax tones (CNG) on calls from this endpoint and sends them to the fax extension.',
    values: bool('Detect faxes and jump to the fax extension of the context.', 'No detection (the default).'),
  },
  {
    key: 'moh_suggest',
    kind: 'string',
    default: 'default',
    summary: 'Music on hold class the other party hears when this endpoint puts the call on hold.',
  },
  {
    key: 'moh_passthrough',
    kind: 'boolean',
    default: 'no',
    summary: 'Passes hold and unhold on to the other endpoint instead of playing music from Asterisk.',
    values: bool('Forward hold re-INVITEs; Asterisk plays no music.', 'Asterisk plays music on hold (the default).'),
  },
  {
    key: 'rtp_timeout',
    kind: 'number',
    default: '0',
    summary: 'Hangs up a call after this many seconds without incoming RTP while it is not on hold (0: never).',
    description: 'A value of 30 to 60 clears calls whose far end vanished without a BYE; phones that stop sending RTP during silence will be cut off.',
  },
  {
    key: 'rtp_timeout_hold',
    kind: 'number',
    default: '0',
    summary: 'Hangs up a held call after this many seconds without incoming RTP (0: never).',
  },
  {
    key: 'rtp_keepalive',
    kind: 'number',
    default: '0',
    summary: 'Sends a comfort-noise RTP packet every so many seconds so that NAT and firewalls keep the media path open (0: off).',
  },
  {
    key: 'media_address',
    kind: 'address',
    summary: 'IP address put in the SDP as the media address of calls to and from this endpoint.',
  },
  {
    key: 'direct_media_method',
    kind: 'enum',
    default: 'invite',
    summary: 'SIP method used to move media when direct_media sets up a direct RTP path.',
    values: [
      { value: 'invite', doc: 'A re-INVITE (the default).' },
      { value: 'reinvite', doc: 'Same as invite.' },
      { value: 'update', doc: 'An UPDATE request.' },
    ],
  },
  {
    key: 'disable_direct_media_on_nat',
    kind: 'boolean',
    default: 'no',
    summary: 'Refuses direct media for this endpoint when its signalling arrives from behind NAT.',
    values: bool('No direct media when NAT is detected.', 'NAT does not prevent direct media (the default).'),
  },
  {
    key: 'set_var',
    kind: 'string',
    summary: 'Sets a channel variable (NAME=value) on every channel of this endpoint; repeat for several.',
  },
  {
    key: 'max_audio_streams',
    kind: 'number',
    default: '1',
    summary: 'Maximum number of audio streams negotiated at once for this endpoint.',
  },
  {
    key: 'max_video_streams',
    kind: 'number',
    default: '1',
    summary: 'Maximum number of video streams negotiated at once for this endpoint.',
  },
  {
    key: 'webrtc',
    kind: 'boolean',
    default: 'no',
    summary: 'Turns on the settings a WebRTC browser client needs.',
    description:
      'Enables rtcp_mux, use_avpf, ice_support and media_use_received_transport, and defaults media_encryption=dtls, dtls_verify=fingerprint and dtls_setup=actpass (with an auto-generated certificate if none is given). The endpoint still needs a ws or wss transport.',
    values: bool('WebRTC defaults on.', 'Plain SIP endpoint (the default).'),
  },
  {
    key: 'use_avpf',
    kind: 'boolean',
    default: 'no',
    summary: 'Uses the AVPF RTP profile (RTCP feedback) in the SDP, as WebRTC requires.',
    values: bool('Offer and expect RTP/AVPF (or RTP/SAVPF).', 'Use RTP/AVP (the default).'),
  },
  {
    key: 'rtcp_mux',
    kind: 'boolean',
    default: 'no',
    summary: 'Carries RTCP on the same port as RTP, as WebRTC requires.',
    values: bool('Offer and accept RTCP multiplexing.', 'Separate RTCP port (the default).'),
  },
  {
    key: 'bundle',
    kind: 'boolean',
    default: 'no',
    summary: 'Carries several media streams (audio, video) over a single transport, per BUNDLE.',
    values: bool('Offer and accept BUNDLE.', 'One transport per stream (the default).'),
  },
  {
    key: 'media_use_received_transport',
    kind: 'boolean',
    default: 'no',
    summary: 'Answers with the same media transport profile (e.g. SAVPF) as the received offer.',
    values: bool('Mirror the received media transport.', 'Use the endpoint settings (the default).'),
  },
  {
    key: 'dtls_auto_generate_cert',
    kind: 'boolean',
    default: 'no',
    summary: 'Creates a temporary certificate for DTLS-SRTP instead of reading dtls_cert_file.',
    values: bool('Generate a certificate at start-up.', 'Use dtls_cert_file (the default).'),
  },
  {
    key: 'dtls_cert_file',
    kind: 'string',
    summary: 'Path of the certificate Asterisk presents in the DTLS handshake.',
  },
  {
    key: 'dtls_private_key',
    kind: 'string',
    summary: 'Path of the private key for dtls_cert_file.',
  },
  {
    key: 'dtls_ca_file',
    kind: 'string',
    summary: 'Path of the CA certificates used to check the far end in DTLS.',
  },
  {
    key: 'dtls_verify',
    kind: 'enum',
    default: 'no',
    summary: 'What Asterisk checks about the far end during the DTLS handshake.',
    values: [
      { value: 'no', doc: 'Check nothing (the default).' },
      { value: 'yes', doc: 'Check both the certificate and the SDP fingerprint.' },
      { value: 'fingerprint', doc: 'Check only that the certificate matches the fingerprint in the SDP.' },
      { value: 'certificate', doc: 'Check only the certificate against the CA.' },
    ],
  },
  {
    key: 'dtls_setup',
    kind: 'enum',
    summary: 'Which side starts the DTLS handshake, as offered in the SDP.',
    values: [
      { value: 'active', doc: 'Asterisk connects to the far end.' },
      { value: 'passive', doc: 'Asterisk waits for the far end to connect.' },
      { value: 'actpass', doc: 'Either; the answer decides.' },
    ],
  },
  {
    key: 'dtls_fingerprint',
    kind: 'enum',
    summary: 'Hash used for the certificate fingerprint in the SDP.',
    values: [
      { value: 'SHA-256', doc: 'SHA-256 fingerprint.' },
      { value: 'SHA-1', doc: 'SHA-1 fingerprint.' },
    ],
  },
  {
    key: 'tos_audio',
    kind: 'string',
    default: '0',
    summary: 'DSCP/TOS mark for the endpoint\'s RTP audio packets, e.g. ef.',
  },
  {
    key: 'tos_video',
    kind: 'string',
    default: '0',
    summary: 'DSCP/TOS mark for the endpoint\'s RTP video packets, e.g. af41.',
  },
  {
    key: 'cos_audio',
    kind: 'number',
    default: '0',
    summary: '802.1p priority (0-7) for the endpoint\'s RTP audio packets.',
  },
  {
    key: 'cos_video',
    kind: 'number',
    default: '0',
    summary: '802.1p priority (0-7) for the endpoint\'s RTP video packets.',
  },
  {
    key: 'accountcode',
    kind: 'string',
    summary: 'Account code written into the CDRs of this endpoint\'s calls.',
  },
  {
    key: 'outbound_proxy',
    kind: 'string',
    summary: 'SIP URI of a proxy through which all requests to this endpoint are sent.',
    description: 'Write the loose-routing parameter with an escaped semicolon, sip:proxy.example.com\\;lr, because a bare ; starts a comment in Asterisk files.',
  },
  {
    key: 'contact_user',
    kind: 'string',
    summary: 'User part forced into the Contact header of requests Asterisk sends to this endpoint.',
  },
  {
    key: 'send_diversion',
    kind: 'boolean',
    default: 'yes',
    summary: 'Adds a Diversion header when a call to this endpoint has been forwarded.',
    description: 'Some carriers use it to accept a forwarded call whose caller ID is not one of your numbers; others reject calls that carry it.',
    values: bool('Send Diversion on redirected calls (the default).', 'Never send it.'),
  },
  {
    key: 'send_history_info',
    kind: 'boolean',
    default: 'no',
    summary: 'Adds a History-Info header when a call to this endpoint has been forwarded.',
    values: bool('Send History-Info on redirected calls.', 'Do not send it (the default).'),
  },
  {
    key: 'inband_progress',
    kind: 'boolean',
    default: 'no',
    summary: 'Plays ringback as audio after a 183 Session Progress instead of sending 180 Ringing.',
    values: bool('Send 183 and ringing tones in the media.', 'Send 180 Ringing; the caller\'s device makes its own ringback (the default).'),
  },
  {
    key: 'allow_transfer',
    kind: 'boolean',
    default: 'yes',
    summary: 'Accepts transfers (REFER) from this endpoint.',
    values: bool('Transfers allowed (the default).', 'REFER requests are refused.'),
  },
  {
    key: 'allow_overlap',
    kind: 'boolean',
    default: 'yes',
    summary: 'Supports overlap dialling: answers 484 Address Incomplete while the number may still grow.',
    values: bool('Overlap dialling supported (the default).', 'Incomplete numbers are refused.'),
  },
  {
    key: 'suppress_q850_reason_headers',
    kind: 'boolean',
    default: 'no',
    summary: 'Leaves out the Reason header carrying the Q.850 hang-up cause.',
    values: bool('Do not send Reason headers.', 'Send them (the default).'),
  },
  {
    key: 'send_connected_line',
    kind: 'boolean',
    default: 'yes',
    summary: 'Sends connected-line updates (who the call is now with) to this endpoint.',
    values: bool('Send updates, e.g. after a transfer (the default).', 'Never send them.'),
  },
  {
    key: 'trust_connected_line',
    kind: 'boolean',
    default: 'yes',
    summary: 'Accepts connected-line updates sent by this endpoint.',
    values: bool('Use them (the default).', 'Ignore them.'),
  },
  {
    key: 'rpid_immediate',
    kind: 'boolean',
    default: 'no',
    summary: 'Sends connected-line information at once in a 180 or 183 instead of waiting for the answer.',
    values: bool('Send it immediately.', 'Send it with the next suitable message (the default).'),
  },
  {
    key: 'preferred_codec_only',
    kind: 'boolean',
    default: 'no',
    summary: 'Answers an offer with only the single most preferred common codec.',
    description: 'Deprecated in favour of incoming_call_offer_pref; do not set both.',
    values: bool('Answer with one codec.', 'Answer with every common codec (the default).'),
  },
  {
    key: 'incoming_call_offer_pref',
    kind: 'enum',
    default: 'local',
    summary: 'How the codecs of an incoming offer are combined with this endpoint\'s allow list.',
    values: [
      { value: 'local', doc: 'Common codecs, in the order of the allow list (the default).' },
      { value: 'local_first', doc: 'Only the first allowed codec that the caller also offers.' },
      { value: 'remote', doc: 'Common codecs, in the order of the caller\'s offer.' },
      { value: 'remote_first', doc: 'Only the first offered codec that is also allowed.' },
    ],
  },
  {
    key: 'outgoing_call_offer_pref',
    kind: 'enum',
    default: 'remote_merge',
    summary: 'How the codecs of the calling channel are combined with this endpoint\'s allow list in an outgoing offer.',
    values: [
      { value: 'local', doc: 'Allowed codecs that the calling channel also has, in allow order.' },
      { value: 'local_merge', doc: 'All allowed codecs, in allow order.' },
      { value: 'local_first', doc: 'Only the first allowed codec.' },
      { value: 'remote', doc: 'The calling channel\'s codecs that are also allowed, in its order.' },
      { value: 'remote_merge', doc: 'All allowed codecs, the calling channel\'s first (the default).' },
      { value: 'remote_first', doc: 'Only the calling channel\'s first codec that is also allowed.' },
    ],
  },
  {
    key: 'allow_unauthenticated_options',
    kind: 'boolean',
    default: 'no',
    summary: 'Answers OPTIONS pings from this endpoint without challenging them.',
    description: 'Helps devices that use OPTIONS as a keep-alive, but lets anyone probe which endpoint names exist.',
    values: bool('OPTIONS are never challenged.', 'OPTIONS are authenticated like other requests (the default).'),
  },
  {
    key: 'message_context',
    kind: 'context',
    summary: 'Context where SIP MESSAGE requests from this endpoint are handled; defaults to context.',
  },
  {
    key: 'tone_zone',
    kind: 'string',
    summary: 'Country tone set (from indications.conf) used for tones played to this endpoint, e.g. fr.',
  },
  {
    key: 'user_eq_phone',
    kind: 'boolean',
    default: 'no',
    summary: 'Adds ;user=phone to outgoing SIP URIs whose user part is a telephone number.',
    values: bool('Add user=phone.', 'Do not add it (the default).'),
  },
  {
    key: 'mwi_from_user',
    kind: 'string',
    summary: 'User part of the From header of MWI NOTIFYs sent to this endpoint.',
  },
  {
    key: 'one_touch_recording',
    kind: 'boolean',
    default: 'no',
    summary: 'Lets the endpoint start and stop call recording with SIP INFO from a record button.',
    values: bool('Record button enabled.', 'Disabled (the default).'),
  },
  {
    key: 'permit',
    kind: 'address',
    summary: 'Networks (address/mask, comma-separated) from which this endpoint\'s requests are accepted.',
  },
  {
    key: 'deny',
    kind: 'address',
    summary: 'Networks (address/mask, comma-separated) from which this endpoint\'s requests are refused.',
    description: 'Rules apply in order and the last match wins: deny=0.0.0.0/0 followed by permit lines allows only those networks.',
  },
  {
    key: 'acl',
    kind: 'string',
    summary: 'Named access list(s) from acl.conf, comma-separated, applied to this endpoint\'s requests.',
  },
  {
    key: 'contact_permit',
    kind: 'address',
    summary: 'Networks (comma-separated) accepted as the address of this endpoint\'s registered contacts.',
  },
  {
    key: 'contact_deny',
    kind: 'address',
    summary: 'Networks (comma-separated) refused as the address of this endpoint\'s registered contacts.',
  },
  {
    key: 'stir_shaken_profile',
    kind: 'string',
    summary: 'STIR/SHAKEN profile (stir_shaken.conf) used to sign or verify caller ID on this endpoint\'s calls.',
  },
]);

const AOR: KeyDoc[] = group('pjsip.conf', ['aor'], URL.pjsip, [
  {
    key: 'max_contacts',
    kind: 'number',
    default: '0',
    summary: 'How many contacts may register to this AOR at once.',
    description:
      'The default 0 refuses every REGISTER with 403 Forbidden, the classic reason a new phone will not register. Use 1 with remove_existing=yes for a desk phone; static contact= lines do not count.',
  },
  {
    key: 'remove_existing',
    kind: 'boolean',
    default: 'no',
    summary: 'Lets a new registration push out the contacts that expire soonest when max_contacts is reached.',
    description: 'Without it a phone that re-registers from a new NAT port is refused until its old contact expires.',
    values: bool('Replace old contacts.', 'Refuse registrations beyond max_contacts (the default).'),
  },
  {
    key: 'contact',
    kind: 'string',
    summary: 'A permanent SIP URI to call for this AOR, such as sip:sip.provider.example:5060; repeat for several.',
    description: 'This is how a trunk gets a destination: Dial(PJSIP/number@trunk) sends to this contact with number as the user part.',
  },
  {
    key: 'qualify_frequency',
    kind: 'number',
    default: '0',
    summary: 'Seconds between OPTIONS pings sent to each contact to see whether it is reachable (0: off).',
    description: 'Also keeps NAT bindings open towards phones; without it a contact is never marked unreachable.',
  },
  {
    key: 'qualify_timeout',
    kind: 'number',
    default: '3.0',
    summary: 'Seconds (fractions allowed) to wait for an OPTIONS reply before the contact counts as unavailable.',
  },
  {
    key: 'default_expiration',
    kind: 'number',
    default: '3600',
    summary: 'Registration lifetime in seconds granted when the REGISTER asks for none.',
  },
  {
    key: 'minimum_expiration',
    kind: 'number',
    default: '60',
    summary: 'Shortest registration lifetime in seconds granted; shorter requests are raised to it.',
  },
  {
    key: 'maximum_expiration',
    kind: 'number',
    default: '7200',
    summary: 'Longest registration lifetime in seconds granted; longer requests are cut down to it.',
  },
  {
    key: 'authenticate_qualify',
    kind: 'boolean',
    default: 'no',
    summary: 'Asks for authentication of qualify requests; it no longer has any effect in Asterisk 20.',
    description: 'A challenged OPTIONS ping is always answered with the endpoint credentials anyway.',
    values: bool('Kept for old configurations.', 'Kept for old configurations (the default).'),
  },
  {
    key: 'mailboxes',
    kind: 'list',
    summary: 'Mailboxes (mailbox@context) a device may subscribe to for message waiting through this AOR.',
  },
  {
    key: 'voicemail_extension',
    kind: 'string',
    summary: 'Voicemail number announced in MWI notifications for subscriptions to this AOR.',
  },
  {
    key: 'outbound_proxy',
    kind: 'string',
    summary: 'SIP URI of a proxy used for the OPTIONS pings sent to this AOR\'s contacts.',
  },
  {
    key: 'support_path',
    kind: 'boolean',
    default: 'no',
    summary: 'Keeps the Path headers of REGISTERs and routes later requests back through those proxies.',
    values: bool('Honour Path (RFC 3327).', 'Ignore Path (the default).'),
  },
  {
    key: 'remove_unavailable',
    kind: 'boolean',
    default: 'no',
    summary: 'When max_contacts is reached, removes contacts that failed qualify before refusing a registration.',
    values: bool('Drop unreachable contacts first.', 'Keep them (the default).'),
  },
]);

const AUTH: KeyDoc[] = group('pjsip.conf', ['auth'], URL.pjsip, [
  {
    key: 'auth_type',
    kind: 'enum',
    default: 'userpass',
    summary: 'Which credentials the auth object holds.',
    description: 'Since 20.12 userpass and md5 are read as digest; with any of them give password or a pre-computed hash.',
    values: [
      { value: 'userpass', doc: 'Username and clear-text password (the traditional choice).' },
      { value: 'md5', doc: 'Username and md5_cred hash instead of a password.' },
      { value: 'digest', doc: 'Digest authentication with password and/or password_digest (20.12 and later).' },
      { value: 'google_oauth', doc: 'OAuth tokens for Google Voice (refresh_token, oauth_clientid, oauth_secret).' },
    ],
  },
  {
    key: 'username',
    kind: 'string',
    summary: 'User name to authenticate with.',
    description: 'On outbound_auth this is the account name the provider gave you; it may differ from from_user and from the registration client_uri user.',
  },
  {
    key: 'password',
    kind: 'string',
    summary: 'Clear-text password that goes with username.',
  },
  {
    key: 'md5_cred',
    kind: 'string',
    summary: 'MD5 hash of "username:realm:password", used instead of a clear password.',
    description: 'The realm must be exactly the one used in the challenge, so set realm too; newer releases prefer password_digest.',
  },
  {
    key: 'realm',
    kind: 'string',
    summary: 'Authentication realm: the realm Asterisk challenges with, or the realm this outbound auth answers.',
    description: 'Empty means the global default_realm when challenging, and any realm when answering a challenge.',
  },
  {
    key: 'nonce_lifetime',
    kind: 'number',
    default: '32',
    summary: 'Seconds a nonce Asterisk sends in a challenge stays valid.',
  },
]);

const TRANSPORT: KeyDoc[] = group('pjsip.conf', ['transport'], URL.pjsip, [
  {
    key: 'protocol',
    kind: 'enum',
    default: 'udp',
    summary: 'Network protocol the transport listens with.',
    description: 'ws and wss run on Asterisk\'s built-in HTTP server: their port and TLS certificates come from http.conf, not from this transport.',
    values: [
      { value: 'udp', doc: 'SIP over UDP (the default).' },
      { value: 'tcp', doc: 'SIP over TCP.' },
      { value: 'tls', doc: 'SIP over TLS; needs cert_file and priv_key_file.' },
      { value: 'ws', doc: 'SIP over WebSocket, through the built-in HTTP server.' },
      { value: 'wss', doc: 'SIP over secure WebSocket, through the built-in HTTPS server.' },
      { value: 'flow', doc: 'A transport that reuses an existing connection (outbound flows).' },
    ],
  },
  {
    key: 'bind',
    kind: 'address',
    summary: 'Address and optional port the transport listens on, e.g. 0.0.0.0:5060 or [::]:5061.',
    description: 'Required: a transport without bind is not started. Without a port it listens on 5060 (5061 for tls); changing it needs a restart unless allow_reload=yes.',
  },
  {
    key: 'external_media_address',
    kind: 'address',
    summary: 'Public IP address written into the SDP when Asterisk is behind NAT.',
    description: 'It is used for every destination outside local_net; without local_net it is used even for phones on the LAN.',
  },
  {
    key: 'external_signaling_address',
    kind: 'address',
    summary: 'Public IP address written into Contact and Via when Asterisk is behind NAT.',
    description: 'Like external_media_address it applies to destinations outside local_net, so always pair it with local_net lines.',
  },
  {
    key: 'external_signaling_port',
    kind: 'number',
    default: '0',
    summary: 'Public port written into Contact and Via together with external_signaling_address (0: the bind port).',
  },
  {
    key: 'local_net',
    kind: 'address',
    summary: 'A network (address/mask) that counts as inside the NAT; repeat for every private range.',
    description: 'Requests to these networks keep the private address; everything else gets the external_* addresses.',
  },
  {
    key: 'cert_file',
    kind: 'string',
    summary: 'Path of the certificate (PEM) a TLS transport presents.',
  },
  {
    key: 'priv_key_file',
    kind: 'string',
    summary: 'Path of the private key (PEM) for cert_file.',
  },
  {
    key: 'ca_list_file',
    kind: 'string',
    summary: 'Path of a file of CA certificates used to check the other side of a TLS connection.',
  },
  {
    key: 'ca_list_path',
    kind: 'string',
    summary: 'Directory of CA certificates used to check the other side of a TLS connection.',
  },
  {
    key: 'method',
    kind: 'enum',
    summary: 'TLS protocol version the transport uses.',
    values: [
      { value: 'default', doc: 'Let pjproject and OpenSSL choose (the default).' },
      { value: 'unspecified', doc: 'Same as default.' },
      { value: 'tlsv1', doc: 'TLS 1.0 (obsolete).' },
      { value: 'tlsv1_1', doc: 'TLS 1.1 (obsolete).' },
      { value: 'tlsv1_2', doc: 'TLS 1.2.' },
      { value: 'tlsv1_3', doc: 'TLS 1.3.' },
      { value: 'sslv2', doc: 'SSL 2 (insecure).' },
      { value: 'sslv3', doc: 'SSL 3 (insecure).' },
      { value: 'sslv23', doc: 'Negotiate the highest version both sides support.' },
    ],
  },
  {
    key: 'cipher',
    kind: 'string',
    summary: 'Comma-separated list of OpenSSL cipher names allowed on a TLS transport.',
  },
  {
    key: 'verify_server',
    kind: 'boolean',
    default: 'no',
    summary: 'Checks the certificate of the server when Asterisk opens a TLS connection.',
    description: 'The default no accepts any certificate from a provider, which defeats most of the point of TLS.',
    values: bool('Refuse servers whose certificate does not check out.', 'Accept any certificate (the default).'),
  },
  {
    key: 'verify_client',
    kind: 'boolean',
    default: 'no',
    summary: 'Checks the certificate of clients that connect to this TLS transport, if they send one.',
    values: bool('Check client certificates.', 'Do not check them (the default).'),
  },
  {
    key: 'require_client_cert',
    kind: 'boolean',
    default: 'no',
    summary: 'Refuses TLS clients that present no certificate.',
    values: bool('A client certificate is mandatory.', 'Clients may connect without one (the default).'),
  },
  {
    key: 'allow_reload',
    kind: 'boolean',
    default: 'no',
    summary: 'Lets a reload apply changes to this transport.',
    description: 'With the default no, a reload keeps the running socket: changes to protocol, bind, TLS, tos and cos only take effect after a restart.',
    values: bool('Rebuild the transport on reload when it changed.', 'Keep the running socket until restart (the default).'),
  },
  {
    key: 'symmetric_transport',
    kind: 'boolean',
    default: 'no',
    summary: 'Sends requests to a device over the same transport its own requests arrived on.',
    values: bool('Reuse the incoming transport.', 'Choose the transport normally (the default).'),
  },
  {
    key: 'tos',
    kind: 'string',
    default: '0',
    summary: 'DSCP/TOS mark for SIP signalling packets of this transport, e.g. cs3.',
  },
  {
    key: 'cos',
    kind: 'number',
    default: '0',
    summary: '802.1p priority (0-7) for SIP signalling packets of this transport.',
  },
  {
    key: 'tcp_keepalive_enable',
    kind: 'boolean',
    default: 'no',
    summary: 'Turns on TCP keep-alive probes for connections of a TCP or TLS transport.',
    values: bool('Send TCP keep-alives.', 'No TCP keep-alives (the default).'),
  },
  {
    key: 'websocket_write_timeout',
    kind: 'number',
    default: '100',
    summary: 'Milliseconds to wait for a WebSocket write before the connection is dropped.',
  },
]);

const REGISTRATION: KeyDoc[] = group('pjsip.conf', ['registration'], URL.registration, [
  {
    key: 'server_uri',
    kind: 'string',
    summary: 'SIP URI of the registrar the REGISTER is sent to, e.g. sip:sip.provider.example.',
    description:
      "Registering does not by itself make the provider's calls arrive at an endpoint: they must still be matched, by an identify section on the provider's addresses or by line=yes with endpoint=.",
  },
  {
    key: 'client_uri',
    kind: 'string',
    summary: 'Address of record being registered (the To header), e.g. sip:account@sip.provider.example.',
  },
  {
    key: 'contact_user',
    kind: 'string',
    default: 's',
    summary: 'User part of the Contact Asterisk registers, where the provider will send calls.',
    description: 'Providers that call the Contact send calls to this user, which then becomes the dialled extension: set it to your number or expect calls at s.',
  },
  {
    key: 'outbound_auth',
    kind: 'object',
    refers: 'auth',
    summary: 'Auth object used to answer the registrar\'s challenge.',
  },
  {
    key: 'transport',
    kind: 'object',
    refers: 'transport',
    summary: 'Transport the REGISTER is sent on; if unset the first transport of a matching type.',
  },
  {
    key: 'outbound_proxy',
    kind: 'string',
    summary: 'SIP URI of a proxy through which the REGISTER is sent (write ;lr as \\;lr).',
  },
  {
    key: 'expiration',
    kind: 'number',
    default: '3600',
    summary: 'Registration lifetime in seconds that Asterisk asks for.',
    description: 'Behind NAT a short value (60 to 300) keeps the provider able to reach you.',
  },
  {
    key: 'retry_interval',
    kind: 'number',
    default: '60',
    summary: 'Seconds to wait before trying again after a temporary failure.',
  },
  {
    key: 'forbidden_retry_interval',
    kind: 'number',
    default: '0',
    summary: 'Seconds to wait before retrying after 403 Forbidden; 0 means never retry.',
  },
  {
    key: 'fatal_retry_interval',
    kind: 'number',
    default: '0',
    summary: 'Seconds to wait before retrying after a permanent failure response; 0 means never retry.',
  },
  {
    key: 'max_retries',
    kind: 'number',
    default: '10',
    summary: 'How many failed attempts in a row are made before registration stops.',
    description: 'Once it stops, only a reload or pjsip send register starts it again, so an outage longer than max_retries x retry_interval leaves the trunk unregistered.',
  },
  {
    key: 'auth_rejection_permanent',
    kind: 'boolean',
    default: 'yes',
    summary: 'Stops registering for good when the registrar rejects our credentials.',
    values: bool('A failed challenge stops the registration until reload (the default).', 'Keep retrying after failed authentication.'),
  },
  {
    key: 'line',
    kind: 'boolean',
    default: 'no',
    summary: 'Adds a line parameter to the registered Contact so calls coming back through it select the endpoint.',
    description: 'An alternative to identify for providers whose addresses change: calls carrying the line parameter are matched to the endpoint named by endpoint=.',
    values: bool('Match returning calls by the line parameter.', 'Rely on identify or username matching (the default).'),
  },
  {
    key: 'endpoint',
    kind: 'object',
    refers: 'endpoint',
    summary: 'Endpoint that calls arriving through this registration use when line=yes.',
  },
  {
    key: 'support_path',
    kind: 'boolean',
    default: 'no',
    summary: 'Announces Path support in the REGISTER so proxies on the way can add Path headers.',
    values: bool('Advertise Path support.', 'Do not (the default).'),
  },
  {
    key: 'max_random_initial_delay',
    kind: 'number',
    default: '10',
    summary: 'Up to this many seconds of random delay before the first REGISTER, to spread start-up load.',
  },
  {
    key: 'contact_header_params',
    kind: 'string',
    summary: 'Extra parameters appended to the Contact header of the REGISTER.',
  },
]);

const IDENTIFY: KeyDoc[] = group('pjsip.conf', ['identify'], URL.identify, [
  {
    key: 'endpoint',
    kind: 'object',
    refers: 'endpoint',
    summary: 'Endpoint chosen for requests that this identify matches.',
  },
  {
    key: 'match',
    kind: 'list',
    summary: 'Source addresses to recognise: IPs, networks (address/mask) or host names, comma-separated or repeated.',
    description:
      "This is what makes a provider's incoming calls reach the trunk endpoint; list every signalling address it uses. Host names are resolved when the configuration loads, so a changed DNS record needs a reload.",
  },
  {
    key: 'srv_lookups',
    kind: 'boolean',
    default: 'yes',
    summary: 'Also resolves SIP SRV records for host names in match and adds their addresses.',
    values: bool('Follow SRV records (the default).', 'Resolve only A/AAAA records.'),
  },
  {
    key: 'match_header',
    kind: 'string',
    summary: 'A header and value that select the endpoint, written Header: value (or Header: /regex/).',
    description: 'Used when the endpoint has header in identify_by, for example several trunks sharing one proxy address.',
  },
  {
    key: 'match_request_uri',
    kind: 'string',
    summary: 'A request URI (or /regex/) that selects the endpoint; needs request_uri in identify_by.',
  },
]);

const GLOBAL: KeyDoc[] = group('pjsip.conf', ['global'], URL.pjsip, [
  {
    key: 'user_agent',
    kind: 'string',
    default: 'Asterisk PBX <version>',
    summary: 'Value of the User-Agent and Server headers Asterisk sends.',
    description: 'Changing it hides the version number from scanners.',
  },
  {
    key: 'default_outbound_endpoint',
    kind: 'object',
    refers: 'endpoint',
    default: 'default_outbound_endpoint',
    summary: 'Endpoint whose settings apply to requests sent to a bare SIP URI with no endpoint named.',
  },
  {
    key: 'keep_alive_interval',
    kind: 'number',
    default: '90',
    summary: 'Seconds between keep-alives sent on open TCP and TLS connections (0: off).',
  },
  {
    key: 'endpoint_identifier_order',
    kind: 'list',
    default: 'ip,username,anonymous',
    summary: 'Order in which the ways of recognising an incoming request are tried.',
    values: [
      { value: 'ip', doc: 'identify sections, by source address.' },
      { value: 'username', doc: 'The From user equals an endpoint name.' },
      { value: 'anonymous', doc: 'Fall back to an endpoint named anonymous.' },
      { value: 'header', doc: 'identify sections with match_header.' },
      { value: 'auth_username', doc: 'The Authorization username equals an endpoint name.' },
      { value: 'request_uri', doc: 'identify sections with match_request_uri.' },
    ],
  },
  {
    key: 'max_forwards',
    kind: 'number',
    default: '70',
    summary: 'Max-Forwards value put on requests Asterisk originates.',
  },
  {
    key: 'debug',
    kind: 'string',
    default: 'no',
    summary: 'Logs SIP messages: yes, no, or a host name or address to log only that peer.',
  },
  {
    key: 'default_from_user',
    kind: 'string',
    default: 'asterisk',
    summary: 'From user of requests Asterisk originates when no caller ID or from_user is known.',
  },
  {
    key: 'default_realm',
    kind: 'string',
    default: 'asterisk',
    summary: 'Realm used in challenges when an auth object sets none.',
  },
]);

const SYSTEM: KeyDoc[] = group('pjsip.conf', ['system'], URL.pjsip, [
  {
    key: 'timer_t1',
    kind: 'number',
    default: '500',
    summary: 'SIP timer T1 in milliseconds: the base of retransmission intervals.',
  },
  {
    key: 'timer_b',
    kind: 'number',
    default: '32000',
    summary: 'SIP timer B in milliseconds: how long an unanswered INVITE transaction lasts.',
  },
  {
    key: 'compact_headers',
    kind: 'boolean',
    default: 'no',
    summary: 'Uses the one-letter forms of SIP header names to keep messages small.',
    values: bool('Send compact headers.', 'Send full header names (the default).'),
  },
  {
    key: 'disable_tcp_switch',
    kind: 'boolean',
    default: 'yes',
    summary: 'Keeps large requests on UDP instead of switching to TCP as RFC 3261 suggests.',
    values: bool('Stay on UDP (the default).', 'Switch to TCP for requests too large for UDP.'),
  },
]);

const DOMAIN_ALIAS: KeyDoc[] = group('pjsip.conf', ['domain_alias'], URL.pjsip, [
  {
    key: 'domain',
    kind: 'string',
    summary: 'Domain that this alias stands for; the section name is the alias.',
  },
]);

const ACL: KeyDoc[] = group('pjsip.conf', ['acl'], URL.acl, [
  {
    key: 'permit',
    kind: 'address',
    summary: 'Networks (address/mask, comma-separated) whose SIP requests are accepted.',
  },
  {
    key: 'deny',
    kind: 'address',
    summary: 'Networks (address/mask, comma-separated) whose SIP requests are refused.',
    description: 'The last matching rule wins, so put deny=0.0.0.0/0 before the permit lines.',
  },
  {
    key: 'acl',
    kind: 'string',
    summary: 'Named access list from acl.conf applied to incoming SIP requests.',
  },
  {
    key: 'contact_permit',
    kind: 'address',
    summary: 'Networks (comma-separated) accepted as the address of a registering contact.',
  },
  {
    key: 'contact_deny',
    kind: 'address',
    summary: 'Networks (comma-separated) refused as the address of a registering contact.',
  },
  {
    key: 'contact_acl',
    kind: 'string',
    summary: 'Named access list from acl.conf applied to the addresses of registering contacts.',
  },
]);

const WIZARD_NOTE = 'Wizard sections live in pjsip_wizard.conf, not pjsip.conf.';

const WIZARD: KeyDoc[] = group('pjsip.conf', ['wizard'], URL.wizard, [
  {
    key: 'sends_auth',
    kind: 'boolean',
    default: 'no',
    summary: 'Creates an outbound auth (<name>-oauth) from the outbound_auth/ lines and gives it to the endpoint and registrations.',
    description: `Requires outbound_auth/username. ${WIZARD_NOTE}`,
    values: bool('We authenticate to the far end.', 'No outbound auth (the default).'),
  },
  {
    key: 'accepts_auth',
    kind: 'boolean',
    default: 'no',
    summary: 'Creates an inbound auth (<name>-iauth) from the inbound_auth/ lines: the far end must authenticate to us.',
    description: `Requires inbound_auth/username. ${WIZARD_NOTE}`,
    values: bool('Challenge the far end.', 'No inbound auth (the default).'),
  },
  {
    key: 'sends_registrations',
    kind: 'boolean',
    default: 'no',
    summary: 'Creates one outbound registration per remote host (<name>-reg-0, -reg-1, ...).',
    description: `Needs remote_hosts, and sends_auth with outbound_auth/username when the registrar challenges. ${WIZARD_NOTE}`,
    values: bool('Register to the remote hosts.', 'No registrations (the default).'),
  },
  {
    key: 'accepts_registrations',
    kind: 'boolean',
    default: 'no',
    summary: 'Makes the AOR take registered contacts instead of static ones: for phones.',
    description: `With yes the wizard makes no identify, so a trunk set this way is only recognised by username; it also leaves aor/max_contacts at 0, which refuses every REGISTER until you set it. ${WIZARD_NOTE}`,
    values: bool('Phone style: the device registers to us.', 'Trunk style: static contacts and an identify from remote_hosts (the default).'),
  },
  {
    key: 'sends_line_with_registrations',
    kind: 'boolean',
    default: 'no',
    summary: 'Sets line=yes and endpoint= on the registrations instead of creating an identify.',
    description: `Calls are then recognised by the line parameter of the registered Contact. ${WIZARD_NOTE}`,
    values: bool('Match returning calls by line, no identify.', 'Create an identify from remote_hosts (the default).'),
  },
  {
    key: 'remote_hosts',
    kind: 'list',
    summary: 'Remote hosts (host[:port], comma-separated): each becomes an AOR contact, an identify match and, with sends_registrations, a registration.',
    description: `Required unless accepts_registrations is yes; an explicit aor/contact or identify/match replaces what the wizard would derive. ${WIZARD_NOTE}`,
  },
  {
    key: 'outbound_proxy',
    kind: 'string',
    summary: 'Outbound proxy URI copied to the endpoint, the AOR and the registrations.',
    description: WIZARD_NOTE,
  },
  {
    key: 'transport',
    kind: 'object',
    refers: 'transport',
    summary: 'Transport copied to the endpoint and the registrations.',
    description: WIZARD_NOTE,
  },
  {
    key: 'server_uri_pattern',
    kind: 'string',
    default: 'sip:${REMOTE_HOST}',
    summary: 'Pattern of the registrations\' server_uri; ${REMOTE_HOST} is replaced by each remote host.',
    description: WIZARD_NOTE,
  },
  {
    key: 'client_uri_pattern',
    kind: 'string',
    default: 'sip:${USERNAME}@${REMOTE_HOST}',
    summary: 'Pattern of the registrations\' client_uri; ${USERNAME} is outbound_auth/username (or the section name).',
    description: WIZARD_NOTE,
  },
  {
    key: 'contact_pattern',
    kind: 'string',
    default: 'sip:${REMOTE_HOST}',
    summary: 'Pattern of the AOR contacts built from remote_hosts.',
    description: WIZARD_NOTE,
  },
  {
    key: 'has_phoneprov',
    kind: 'boolean',
    default: 'no',
    summary: 'Creates a phoneprov object for the endpoint from the phoneprov/ lines (phoneprov/MAC is required).',
    description: WIZARD_NOTE,
    values: bool('Provision the phone through res_phoneprov.', 'No provisioning (the default).'),
  },
  {
    key: 'has_hint',
    kind: 'boolean',
    default: 'no',
    summary: 'Adds a dialplan hint for hint_exten pointing at PJSIP/<name>.',
    description: WIZARD_NOTE,
    values: bool('Create the hint.', 'No hint (the default).'),
  },
  {
    key: 'hint_exten',
    kind: 'string',
    summary: 'Extension that gets the hint (and hint_application) when has_hint is yes.',
    description: WIZARD_NOTE,
  },
  {
    key: 'hint_context',
    kind: 'context',
    summary: 'Context where the hint goes; defaults to endpoint/context, else default.',
    description: WIZARD_NOTE,
  },
  {
    key: 'hint_application',
    kind: 'string',
    summary: 'Application run at priority 1 of hint_exten, e.g. Dial(${HINT}).',
    description: WIZARD_NOTE,
  },
  {
    key: 'endpoint/*',
    kind: 'string',
    summary: 'Any endpoint option, passed unchanged to the endpoint the wizard builds, e.g. endpoint/context = from-trunk.',
    description: WIZARD_NOTE,
  },
  {
    key: 'aor/*',
    kind: 'string',
    summary: 'Any aor option, passed to the AOR the wizard builds, e.g. aor/max_contacts = 1.',
    description: `An aor/contact replaces the contacts derived from remote_hosts. ${WIZARD_NOTE}`,
  },
  {
    key: 'inbound_auth/*',
    kind: 'string',
    summary: 'Options of the inbound auth (<name>-iauth) made when accepts_auth is yes, e.g. inbound_auth/password.',
    description: WIZARD_NOTE,
  },
  {
    key: 'outbound_auth/*',
    kind: 'string',
    summary: 'Options of the outbound auth (<name>-oauth) made when sends_auth is yes, e.g. outbound_auth/username.',
    description: WIZARD_NOTE,
  },
  {
    key: 'registration/*',
    kind: 'string',
    summary: 'Options copied to every registration the wizard builds, e.g. registration/expiration = 300.',
    description: WIZARD_NOTE,
  },
  {
    key: 'identify/*',
    kind: 'string',
    summary: 'Options of the identify (<name>-identify) the wizard builds, e.g. identify/match.',
    description: `An identify/match replaces the matches derived from remote_hosts. ${WIZARD_NOTE}`,
  },
  {
    key: 'phoneprov/*',
    kind: 'string',
    summary: 'Options of the phoneprov object made when has_phoneprov is yes, e.g. phoneprov/MAC.',
    description: WIZARD_NOTE,
  },
]);

// ------------------------------------------------------------------------------------------------------ sip.conf

const DEVICE = ['peer', 'user', 'friend'];
const OUTBOUND = ['peer', 'friend'];
const EVERYWHERE = ['general', ...DEVICE];

const SIP_TRANSPORTS: ValueDoc[] = [
  { value: 'udp', doc: 'SIP over UDP.' },
  { value: 'tcp', doc: 'SIP over TCP; needs tcpenable=yes in [general].' },
  { value: 'tls', doc: 'SIP over TLS; needs tlsenable=yes in [general].' },
  { value: 'ws', doc: 'SIP over WebSocket (through the HTTP server).' },
  { value: 'wss', doc: 'SIP over secure WebSocket.' },
];

const SIP: KeyDoc[] = group('sip.conf', DEVICE, URL.sip, [
  {
    key: 'type',
    kind: 'enum',
    summary: 'How chan_sip matches calls to this section: as a peer, a user or both.',
    description: 'A peer is found by source address (host/port) and can be called; a user is found by the From user name for incoming calls only; a friend is both.',
    values: [
      { value: 'peer', doc: 'Matched by IP address and port; used for outgoing calls and registrations.' },
      { value: 'user', doc: 'Matched by the From user name on incoming calls; never called.' },
      { value: 'friend', doc: 'Both a user and a peer: typical for phones.' },
    ],
  },
  {
    key: 'host',
    kind: 'address',
    sections: OUTBOUND,
    summary: 'Where the peer is: dynamic if it registers to us, otherwise a host name or IP address.',
    description: 'Incoming calls are matched to a static peer by this address, so a provider with several servers needs a peer (or permit range) for each.',
  },
  {
    key: 'port',
    kind: 'number',
    sections: OUTBOUND,
    default: '5060',
    summary: 'SIP port of the peer, used with a static host.',
  },
  {
    key: 'defaultip',
    kind: 'address',
    sections: OUTBOUND,
    summary: 'Address used for a host=dynamic peer that has not registered yet.',
  },
  {
    key: 'defaultuser',
    kind: 'string',
    sections: OUTBOUND,
    summary: 'User part of the request URI when calling the peer, and the name Asterisk authenticates with when challenged.',
  },
  {
    key: 'username',
    kind: 'string',
    sections: OUTBOUND,
    summary: 'Old name of defaultuser (deprecated since Asterisk 1.6).',
    description: 'It sets the same value as defaultuser: the user part of calls to the peer and the name sent when the peer challenges us.',
  },
  {
    key: 'secret',
    kind: 'string',
    summary: 'Password shared with this device, for both directions of authentication.',
    description: 'Used to challenge the device, and to answer its challenges unless remotesecret is set.',
  },
  {
    key: 'md5secret',
    kind: 'string',
    summary: 'MD5 hash of "user:realm:password", used instead of a clear-text secret.',
  },
  {
    key: 'remotesecret',
    kind: 'string',
    sections: OUTBOUND,
    summary: 'Password Asterisk sends when the peer challenges it, if it differs from secret.',
  },
  {
    key: 'fromuser',
    kind: 'string',
    sections: OUTBOUND,
    summary: 'User part of the From header on calls to this peer, e.g. the provider account number.',
    description: 'It replaces the caller number in From; many providers want the account here and the real number in P-Asserted-Identity (sendrpid=pai).',
  },
  {
    key: 'fromdomain',
    kind: 'string',
    sections: ['general', ...OUTBOUND],
    summary: 'Host part of the From header on calls to this peer.',
  },
  {
    key: 'context',
    kind: 'context',
    sections: EVERYWHERE,
    default: 'default',
    summary: 'Dialplan context where calls from this device start; in [general], the default for devices and guest calls.',
    description: 'With allowguest=yes the [general] context receives calls from anyone on the Internet, so keep it empty or harmless.',
  },
  {
    key: 'subscribecontext',
    kind: 'context',
    sections: EVERYWHERE,
    summary: 'Context where SUBSCRIBE requests (presence, BLF) look up hints; defaults to context.',
  },
  {
    key: 'insecure',
    kind: 'enum',
    default: 'no',
    sections: EVERYWHERE,
    summary: 'Relaxes how calls from a peer are matched and authenticated, for providers that do not authenticate.',
    description:
      "With invite, calls matched to the peer are accepted without a password, so anything coming from (or spoofing) the provider's address gets in; add permit/deny. The old values very and yes are no longer accepted.",
    values: [
      { value: 'port', doc: 'Match the peer by IP address even if the source port differs.' },
      { value: 'invite', doc: 'Do not challenge INVITEs from this peer.' },
      { value: 'port,invite', doc: 'Both: the usual setting for an IP-authenticated provider.' },
      { value: 'no', doc: 'Match address and port, and authenticate (the default).' },
    ],
  },
  {
    key: 'nat',
    kind: 'enum',
    default: 'auto_force_rport',
    sections: EVERYWHERE,
    summary: 'How chan_sip works around NAT between Asterisk and this device.',
    description: 'For phones behind NAT use force_rport,comedia, usually with qualify=yes to keep the NAT binding open and directmedia=no.',
    values: [
      { value: 'no', doc: 'No NAT handling: follow Via and SDP addresses.' },
      { value: 'force_rport', doc: 'Reply to the source port of requests, as if rport were requested.' },
      { value: 'comedia', doc: 'Send RTP back to where it comes from, not to the SDP address.' },
      { value: 'force_rport,comedia', doc: 'Both: the usual setting for phones behind NAT.' },
      { value: 'auto_force_rport', doc: 'force_rport only when NAT is detected (the default).' },
      { value: 'auto_comedia', doc: 'comedia only when NAT is detected.' },
      { value: 'auto_force_rport,auto_comedia', doc: 'Both, only when NAT is detected.' },
      { value: 'yes', doc: 'Deprecated: same as force_rport,comedia, with a warning.' },
    ],
  },
  {
    key: 'qualify',
    kind: 'string',
    sections: ['general', ...OUTBOUND],
    default: 'no',
    summary: 'Pings the peer with OPTIONS and marks it unreachable if the reply takes longer than the limit.',
    description: 'yes means a 2000 ms limit; a number sets the limit in milliseconds. The pings also keep NAT bindings open.',
    values: bool('Qualify with a 2000 ms limit.', 'Never ping the peer (the default).'),
  },
  {
    key: 'qualifyfreq',
    kind: 'number',
    sections: ['general', ...OUTBOUND],
    default: '60',
    summary: 'Seconds between qualify pings while the peer is reachable.',
  },
  {
    key: 'directmedia',
    kind: 'enum',
    default: 'yes',
    sections: EVERYWHERE,
    summary: 'Lets RTP flow directly between two bridged devices instead of through Asterisk.',
    description: 'Set no for trunks and for phones behind NAT, or audio may vanish when the re-INVITE moves it.',
    values: [
      { value: 'yes', doc: 'Re-INVITE the devices for direct media when possible (the default).' },
      { value: 'no', doc: 'Media always flows through Asterisk.' },
      { value: 'nonat', doc: 'Direct media only when neither device is behind NAT.' },
      { value: 'update', doc: 'Use UPDATE instead of re-INVITE to move the media.' },
      { value: 'outgoing', doc: 'Only Asterisk sends the re-INVITE, to avoid glare with the other device.' },
    ],
  },
  {
    key: 'canreinvite',
    kind: 'enum',
    default: 'yes',
    sections: EVERYWHERE,
    summary: 'Old name of directmedia, with the same values.',
    values: [
      { value: 'yes', doc: 'Allow direct media (the default).' },
      { value: 'no', doc: 'Media always flows through Asterisk.' },
      { value: 'nonat', doc: 'Direct media only without NAT.' },
      { value: 'update', doc: 'Use UPDATE instead of re-INVITE.' },
    ],
  },
  {
    key: 'disallow',
    kind: 'codecs',
    sections: EVERYWHERE,
    values: CODECS,
    summary: 'Removes codecs from this device\'s list; usually disallow=all before the allow lines.',
  },
  {
    key: 'allow',
    kind: 'codecs',
    sections: EVERYWHERE,
    values: CODECS,
    summary: 'Codecs this device may use, in order of preference.',
    description: 'A device starts from the [general] list and its own lines change it, so begin with disallow=all to replace it.',
  },
  {
    key: 'dtmfmode',
    kind: 'enum',
    default: 'rfc2833',
    sections: EVERYWHERE,
    summary: 'How key presses (DTMF) are exchanged with this device.',
    values: [
      { value: 'rfc2833', doc: 'As RTP telephone-events (the default).' },
      { value: 'info', doc: 'As SIP INFO requests (application/dtmf-relay).' },
      { value: 'shortinfo', doc: 'As short SIP INFO requests (application/dtmf).' },
      { value: 'inband', doc: 'As audio tones; only reliable with ulaw/alaw.' },
      { value: 'auto', doc: 'rfc2833 if the device offers it, otherwise inband.' },
    ],
  },
  {
    key: 'callerid',
    kind: 'string',
    sections: EVERYWHERE,
    summary: 'Caller ID given to calls from this device, written "Name" <number>.',
  },
  {
    key: 'callgroup',
    kind: 'list',
    summary: 'Numbered call groups (0-63, ranges allowed) this device belongs to.',
  },
  {
    key: 'pickupgroup',
    kind: 'list',
    summary: 'Numbered call groups whose ringing calls this device may pick up.',
  },
  {
    key: 'namedcallgroup',
    kind: 'list',
    summary: 'Named call groups this device belongs to.',
  },
  {
    key: 'namedpickupgroup',
    kind: 'list',
    summary: 'Named call groups whose ringing calls this device may pick up.',
  },
  {
    key: 'call-limit',
    kind: 'number',
    default: '0',
    summary: 'Maximum simultaneous calls for this device (0: no limit); also turns on call counting.',
    description: 'Hints and queues only see a device as in use when call counting is on (call-limit or callcounter).',
  },
  {
    key: 'busylevel',
    kind: 'number',
    default: '0',
    summary: 'Number of calls at which the device is reported busy rather than in use.',
  },
  {
    key: 'callcounter',
    kind: 'boolean',
    sections: EVERYWHERE,
    default: 'no',
    summary: 'Counts the device\'s calls so that hints and queues see it in use, without limiting them.',
    values: bool('Count calls.', 'Do not count them (the default).'),
  },
  {
    key: 'transport',
    kind: 'list',
    sections: EVERYWHERE,
    default: 'udp',
    summary: 'Transports allowed for this device, comma-separated; the first is used for outgoing requests.',
    values: SIP_TRANSPORTS,
  },
  {
    key: 'trustrpid',
    kind: 'boolean',
    sections: EVERYWHERE,
    default: 'no',
    summary: 'Accepts the caller identity in Remote-Party-ID / P-Asserted-Identity headers from this device.',
    values: bool('Use the identity headers.', 'Ignore them (the default).'),
  },
  {
    key: 'sendrpid',
    kind: 'enum',
    sections: EVERYWHERE,
    default: 'no',
    summary: 'Sends the caller identity to this device in an identity header.',
    values: [
      { value: 'no', doc: 'No identity header (the default).' },
      { value: 'yes', doc: 'Remote-Party-ID.' },
      { value: 'rpid', doc: 'Remote-Party-ID.' },
      { value: 'pai', doc: 'P-Asserted-Identity.' },
    ],
  },
  {
    key: 'mailbox',
    kind: 'list',
    sections: OUTBOUND,
    summary: 'Mailboxes (mailbox@context, comma-separated) whose message-waiting state is sent to this peer.',
  },
  {
    key: 'deny',
    kind: 'address',
    summary: 'Network (address/mask) from which this device may not connect; repeatable.',
    description: 'Rules apply in order and the last match wins: deny=0.0.0.0/0.0.0.0 followed by permit lines allows only those networks.',
  },
  {
    key: 'permit',
    kind: 'address',
    summary: 'Network (address/mask) from which this device may connect; repeatable.',
  },
  {
    key: 'acl',
    kind: 'string',
    summary: 'Named access list from acl.conf applied to this device.',
  },
  {
    key: 'contactpermit',
    kind: 'address',
    sections: EVERYWHERE,
    summary: 'Network accepted as the address this device registers; repeatable.',
  },
  {
    key: 'contactdeny',
    kind: 'address',
    sections: EVERYWHERE,
    summary: 'Network refused as the address this device registers; repeatable.',
  },
  {
    key: 'outboundproxy',
    kind: 'string',
    sections: ['general', ...OUTBOUND],
    summary: 'Proxy (host[:port], optional transport:// prefix and ,force) that outgoing requests are sent through.',
  },
  {
    key: 't38pt_udptl',
    kind: 'list',
    sections: EVERYWHERE,
    default: 'no',
    summary: 'Enables T.38 fax over UDPTL, with optional error correction and maxdatagram=<bytes>.',
    values: [
      { value: 'yes', doc: 'Enable T.38, with FEC error correction.' },
      { value: 'no', doc: 'T.38 off (the default).' },
      { value: 'fec', doc: 'Enable T.38 with forward error correction.' },
      { value: 'redundancy', doc: 'Enable T.38 with redundancy error correction.' },
      { value: 'none', doc: 'Enable T.38 without error correction.' },
    ],
  },
  {
    key: 'videosupport',
    kind: 'enum',
    sections: EVERYWHERE,
    default: 'no',
    summary: 'Offers video streams to and from this device.',
    values: [
      { value: 'yes', doc: 'Offer video when the call has video codecs.' },
      { value: 'no', doc: 'Audio only (the default).' },
      { value: 'always', doc: 'Always offer video, even when no video codec is in common yet.' },
    ],
  },
  {
    key: 'session-timers',
    kind: 'enum',
    sections: EVERYWHERE,
    default: 'accept',
    summary: 'Session timer (RFC 4028) mode: whether calls are refreshed periodically.',
    values: [
      { value: 'accept', doc: 'Use them when the other side asks (the default).' },
      { value: 'originate', doc: 'Always ask for them.' },
      { value: 'refuse', doc: 'Never use them.' },
    ],
  },
  {
    key: 'rtptimeout',
    kind: 'number',
    sections: EVERYWHERE,
    default: '0',
    summary: 'Hangs up a call after this many seconds without RTP or RTCP while not on hold (0: never).',
  },
  {
    key: 'rtpholdtimeout',
    kind: 'number',
    sections: EVERYWHERE,
    default: '0',
    summary: 'Hangs up a held call after this many seconds without RTP or RTCP (0: never).',
  },
  {
    key: 'rtpkeepalive',
    kind: 'number',
    sections: EVERYWHERE,
    default: '0',
    summary: 'Sends an RTP keep-alive every so many seconds to keep NAT bindings open (0: off).',
  },
  {
    key: 'language',
    kind: 'string',
    sections: EVERYWHERE,
    summary: 'Language of the prompts played to calls from this device, e.g. en, fr.',
  },
  {
    key: 'accountcode',
    kind: 'string',
    summary: 'Account code written into the CDRs of this device\'s calls.',
  },
  {
    key: 'setvar',
    kind: 'string',
    summary: 'Sets a channel variable (NAME=value) on every call of this device; repeat for several.',
  },
  {
    key: 'mohsuggest',
    kind: 'string',
    sections: EVERYWHERE,
    summary: 'Music on hold class the other party hears when this device puts the call on hold.',
  },
  {
    key: 'allowtransfer',
    kind: 'boolean',
    sections: EVERYWHERE,
    default: 'yes',
    summary: 'Accepts transfers (REFER) from this device.',
    values: bool('Transfers allowed (the default).', 'REFER requests are refused.'),
  },
  {
    key: 'allowsubscribe',
    kind: 'boolean',
    sections: EVERYWHERE,
    default: 'yes',
    summary: 'Accepts SUBSCRIBE requests (presence, BLF) from this device.',
    values: bool('Subscriptions accepted (the default).', 'Subscriptions refused.'),
  },
  {
    key: 'progressinband',
    kind: 'enum',
    sections: EVERYWHERE,
    default: 'no',
    summary: 'Whether ringing is signalled as in-band audio after 183 Session Progress.',
    values: [
      { value: 'no', doc: 'Send 180 Ringing, or ringing tones in the media once early media has started (the default).' },
      { value: 'yes', doc: 'Send 183 and ringing tones in the media.' },
      { value: 'never', doc: 'Never send in-band ringing.' },
    ],
  },
  {
    key: 'regexten',
    kind: 'string',
    summary: 'Extension created in regcontext while this device is registered, so the dialplan can tell it is reachable.',
  },
  {
    key: 'register',
    kind: 'string',
    sections: ['general'],
    summary: 'Registers Asterisk to a provider or another PBX: register => [peer?][transport://]user[@domain][:secret[:authuser]]@host[:port][/extension][~expiry].',
    description:
      "transport is udp (default), tcp or tls; domain is the registration domain, secret and authuser the password and the authentication name; extension is where incoming calls land (s if omitted) and ~expiry the lifetime in seconds; peer? links the registration to a peer's settings. Registering does not route incoming calls by itself: a peer whose host matches the provider decides the context.",
  },
  {
    key: 'registertimeout',
    kind: 'number',
    sections: ['general'],
    default: '20',
    summary: 'Seconds to wait for a REGISTER answer before trying again.',
  },
  {
    key: 'registerattempts',
    kind: 'number',
    sections: ['general'],
    default: '0',
    summary: 'Registration attempts before giving up (0: keep trying forever).',
  },
  {
    key: 'defaultexpiry',
    kind: 'number',
    sections: ['general'],
    default: '120',
    summary: 'Registration lifetime in seconds used when none is requested, in both directions.',
  },
  {
    key: 'minexpiry',
    kind: 'number',
    sections: ['general'],
    default: '60',
    summary: 'Shortest registration lifetime in seconds accepted from devices.',
  },
  {
    key: 'maxexpiry',
    kind: 'number',
    sections: ['general'],
    default: '3600',
    summary: 'Longest registration lifetime in seconds granted to devices.',
  },
  {
    key: 'bindaddr',
    kind: 'address',
    sections: ['general'],
    default: '0.0.0.0',
    summary: 'Address chan_sip listens on for UDP; older name of udpbindaddr.',
  },
  {
    key: 'udpbindaddr',
    kind: 'address',
    sections: ['general'],
    default: '0.0.0.0',
    summary: 'Address and optional port chan_sip listens on for UDP, e.g. 0.0.0.0:5060.',
  },
  {
    key: 'bindport',
    kind: 'number',
    sections: ['general'],
    default: '5060',
    summary: 'UDP port chan_sip listens on when bindaddr/udpbindaddr gives none.',
    description: 'Change it when chan_sip and chan_pjsip run side by side, since both default to 5060.',
  },
  {
    key: 'tcpenable',
    kind: 'boolean',
    sections: ['general'],
    default: 'no',
    summary: 'Starts a TCP listener; devices may only use transport=tcp when it is on.',
    values: bool('Listen on TCP.', 'No TCP (the default).'),
  },
  {
    key: 'tcpbindaddr',
    kind: 'address',
    sections: ['general'],
    summary: 'Address and optional port of the TCP listener.',
  },
  {
    key: 'tlsenable',
    kind: 'boolean',
    sections: ['general'],
    default: 'no',
    summary: 'Starts a TLS listener; devices may only use transport=tls when it is on.',
    values: bool('Listen on TLS (also set tlscertfile).', 'No TLS (the default).'),
  },
  {
    key: 'tlsbindaddr',
    kind: 'address',
    sections: ['general'],
    summary: 'Address and optional port of the TLS listener.',
  },
  {
    key: 'srvlookup',
    kind: 'boolean',
    sections: ['general'],
    default: 'yes',
    summary: 'Looks up DNS SRV records when calling host names.',
    values: bool('Use SRV records (the default).', 'Only A/AAAA records.'),
  },
  {
    key: 'externip',
    kind: 'address',
    sections: ['general'],
    summary: 'Older name of externaddr: the public address behind NAT.',
  },
  {
    key: 'externaddr',
    kind: 'address',
    sections: ['general'],
    summary: 'Public address (and optional port) written into SIP and SDP when Asterisk is behind NAT.',
    description: 'Used for every destination outside the localnet ranges, so list all private networks with localnet.',
  },
  {
    key: 'externhost',
    kind: 'string',
    sections: ['general'],
    summary: 'Host name resolved (and refreshed) to find the public address, for dynamic public IPs.',
  },
  {
    key: 'localnet',
    kind: 'address',
    sections: ['general'],
    summary: 'A network (address/mask) considered inside the NAT; repeat for each private range.',
  },
  {
    key: 'useragent',
    kind: 'string',
    sections: ['general'],
    default: 'Asterisk PBX <version>',
    summary: 'Value of the User-Agent header chan_sip sends.',
    description: 'Changing it hides the version number from scanners.',
  },
  {
    key: 'allowguest',
    kind: 'boolean',
    sections: ['general'],
    default: 'yes',
    summary: 'Accepts calls that match no peer or user, sending them to the [general] context.',
    description: 'Turn it off on anything reachable from the Internet unless that context only answers your DIDs.',
    values: bool('Unknown callers get in (the default).', 'Calls from unknown devices are refused.'),
  },
  {
    key: 'alwaysauthreject',
    kind: 'boolean',
    sections: ['general'],
    default: 'yes',
    summary: 'Answers every rejected request the same way so scanners cannot tell which names exist.',
    values: bool('Uniform rejection (the default).', 'Different answers for unknown names and bad passwords.'),
  },
  {
    key: 'realm',
    kind: 'string',
    sections: ['general'],
    default: 'asterisk',
    summary: 'Realm used in chan_sip\'s authentication challenges.',
  },
  {
    key: 'regcontext',
    kind: 'context',
    sections: ['general'],
    summary: 'Context in which an extension (regexten) is created for each registered device.',
  },
  {
    key: 'tos_audio',
    kind: 'string',
    sections: ['general'],
    default: '0',
    summary: 'DSCP/TOS mark for RTP audio, e.g. ef.',
  },
  {
    key: 'tos_sip',
    kind: 'string',
    sections: ['general'],
    default: '0',
    summary: 'DSCP/TOS mark for SIP signalling, e.g. cs3.',
  },
]);

// ------------------------------------------------------------------------------------------------------ iax.conf

const IAX_DEVICE = ['peer', 'user', 'friend'];
const IAX_PEER = ['peer', 'friend'];
const IAX_USER = ['user', 'friend'];

const IAX: KeyDoc[] = group('iax.conf', IAX_DEVICE, URL.iax, [
  {
    key: 'type',
    kind: 'enum',
    summary: 'Whether the section is called (peer), calls in (user), or both (friend).',
    values: [
      { value: 'peer', doc: 'A host Asterisk calls or that registers to us.' },
      { value: 'user', doc: 'A caller that may place calls into Asterisk.' },
      { value: 'friend', doc: 'Both a user and a peer.' },
    ],
  },
  {
    key: 'host',
    kind: 'address',
    sections: IAX_PEER,
    summary: 'Where the peer is: dynamic if it registers to us, otherwise a host name or address.',
  },
  {
    key: 'port',
    kind: 'number',
    sections: IAX_PEER,
    default: '4569',
    summary: 'IAX2 port of the peer.',
  },
  {
    key: 'username',
    kind: 'string',
    sections: IAX_PEER,
    summary: 'Name Asterisk presents to the peer when calling it; the far end matches it to a user section.',
  },
  {
    key: 'secret',
    kind: 'string',
    summary: 'Password shared with the other side.',
  },
  {
    key: 'context',
    kind: 'context',
    summary: 'Dialplan context: for a user, where its calls start here; for a peer, the context asked for on the far end when calling it.',
  },
  {
    key: 'trunk',
    kind: 'boolean',
    default: 'no',
    summary: 'Bundles the audio of all calls to this host into shared trunk packets to save bandwidth.',
    description: 'Needs a timing module (res_timing_*); without one trunking is turned off with a warning.',
    values: bool('Use IAX2 trunking.', 'One packet stream per call (the default).'),
  },
  {
    key: 'auth',
    kind: 'list',
    sections: ['general', ...IAX_DEVICE],
    default: 'md5',
    summary: 'Authentication methods allowed, comma-separated.',
    values: [
      { value: 'md5', doc: 'Challenge/response with the shared secret.' },
      { value: 'rsa', doc: 'Public/private keys (inkeys, outkey).' },
      { value: 'plaintext', doc: 'Secret sent in clear; deprecated and logged as a warning.' },
    ],
  },
  {
    key: 'requirecalltoken',
    kind: 'enum',
    default: 'yes',
    summary: 'Whether this side must use call tokens, the IAX2 protection against spoofed-source floods.',
    values: [
      { value: 'yes', doc: 'Call tokens required (the default).' },
      { value: 'no', doc: 'Not required; for old devices without call-token support.' },
      { value: 'auto', doc: 'Required once the other side has shown it supports them.' },
    ],
  },
  {
    key: 'qualify',
    kind: 'string',
    sections: IAX_PEER,
    default: 'no',
    summary: 'Pings the peer and marks it unreachable when replies are slower than the limit (yes: 2000 ms, or a number of ms).',
    values: bool('Ping with the default limit.', 'Never ping (the default).'),
  },
  {
    key: 'allow',
    kind: 'codecs',
    sections: ['general', ...IAX_DEVICE],
    values: CODECS,
    summary: 'Codecs that may be used with this host, in order of preference.',
  },
  {
    key: 'disallow',
    kind: 'codecs',
    sections: ['general', ...IAX_DEVICE],
    values: CODECS,
    summary: 'Codecs removed from the list; usually disallow=all before allow.',
  },
  {
    key: 'permit',
    kind: 'address',
    summary: 'Network (address/mask) from which this section may be used; repeatable.',
  },
  {
    key: 'deny',
    kind: 'address',
    summary: 'Network (address/mask) from which this section may not be used; repeatable.',
  },
  {
    key: 'callerid',
    kind: 'string',
    summary: 'Caller ID given to calls from this section, written "Name" <number>.',
  },
  {
    key: 'encryption',
    kind: 'enum',
    sections: ['general', ...IAX_DEVICE],
    default: 'no',
    summary: 'Allows AES-128 encryption of calls (needs md5 or rsa authentication).',
    values: [
      { value: 'yes', doc: 'Encryption allowed.' },
      { value: 'aes128', doc: 'Same as yes.' },
      { value: 'no', doc: 'No encryption (the default).' },
    ],
  },
  {
    key: 'transfer',
    kind: 'enum',
    sections: ['general', ...IAX_DEVICE],
    default: 'yes',
    summary: 'Whether Asterisk may hand a call over so the two endpoints talk directly.',
    values: [
      { value: 'yes', doc: 'Native transfers allowed (the default).' },
      { value: 'no', doc: 'Calls always stay on Asterisk.' },
      { value: 'mediaonly', doc: 'Only media is sent directly; signalling stays on Asterisk.' },
    ],
  },
  {
    key: 'inkeys',
    kind: 'string',
    sections: IAX_USER,
    summary: 'Public key name(s), colon-separated, accepted for rsa authentication of this user.',
  },
  {
    key: 'outkey',
    kind: 'string',
    sections: IAX_PEER,
    summary: 'Private key name used for rsa authentication when calling this peer.',
  },
  {
    key: 'bindport',
    kind: 'number',
    sections: ['general'],
    default: '4569',
    summary: 'UDP port chan_iax2 listens on; only read at start-up.',
  },
  {
    key: 'bindaddr',
    kind: 'address',
    sections: ['general'],
    default: '0.0.0.0',
    summary: 'Address (and optional port) chan_iax2 listens on; may be given more than once.',
  },
  {
    key: 'register',
    kind: 'string',
    sections: ['general'],
    summary: 'Registers to another IAX2 server: register => user[:secret]@host[:port], or user:[keyname]@host for RSA.',
  },
  {
    key: 'trunkfreq',
    kind: 'number',
    sections: ['general'],
    default: '20',
    summary: 'Milliseconds between trunk packets.',
  },
  {
    key: 'language',
    kind: 'string',
    sections: ['general', ...IAX_USER],
    summary: 'Language of the prompts played to calls from this user.',
  },
]);

// ----------------------------------------------------------------------------------------------- extensions.conf

const EXTENSIONS: KeyDoc[] = group('extensions.conf', ['general'], URL.dialplan, [
  {
    key: 'static',
    kind: 'boolean',
    default: 'no',
    summary: 'Marks the dialplan as static; together with writeprotect=no it allows the CLI command dialplan save.',
    description: 'dialplan save rewrites extensions.conf and loses every comment in it.',
    values: bool('Static dialplan.', 'Not static (the default when missing).'),
  },
  {
    key: 'writeprotect',
    kind: 'boolean',
    default: 'no',
    summary: 'Forbids dialplan save from overwriting extensions.conf.',
    values: bool('dialplan save is refused.', 'dialplan save may overwrite the file (the default).'),
  },
  {
    key: 'autofallthrough',
    kind: 'boolean',
    default: 'yes',
    summary: 'Hangs up a call whose extension runs out of priorities, with BUSY, CONGESTION or a plain hang-up.',
    values: bool('End the call when the dialplan runs out (the default).', 'Wait for more digits instead, as Asterisk 1.0 did.'),
  },
  {
    key: 'clearglobalvars',
    kind: 'boolean',
    default: 'no',
    summary: 'Clears global variables on dialplan reload so that removed ones disappear.',
    values: bool('Globals are rebuilt from the files on reload.', 'Old globals survive reloads (the default).'),
  },
  {
    key: 'extenpatternmatchnew',
    kind: 'boolean',
    default: 'no',
    summary: 'Uses the faster trie-based pattern matcher, useful for contexts with many extensions.',
    values: bool('New matcher.', 'Classic matcher (the default).'),
  },
  {
    key: 'userscontext',
    kind: 'context',
    default: 'default',
    summary: 'Context where the extensions of users.conf are registered.',
  },
  {
    key: 'overrideswitch',
    kind: 'string',
    summary: 'A switch (e.g. IAX2/user:secret@host/context) consulted before the dialplan for every extension.',
  },
]);

export const KEYS: readonly KeyDoc[] = Object.freeze([
  ...PJSIP_TYPE,
  ...ENDPOINT,
  ...AOR,
  ...AUTH,
  ...TRANSPORT,
  ...REGISTRATION,
  ...IDENTIFY,
  ...GLOBAL,
  ...SYSTEM,
  ...DOMAIN_ALIAS,
  ...ACL,
  ...WIZARD,
  ...SIP,
  ...IAX,
  ...EXTENSIONS,
]);

let byKey: Map<string, KeyDoc[]> | undefined;

function index(): Map<string, KeyDoc[]> {
  if (!byKey) {
    byKey = new Map();
    for (const doc of KEYS) {
      const id = `${doc.file}\n${doc.key}`;
      const list = byKey.get(id);
      if (list) list.push(doc);
      else byKey.set(id, [doc]);
    }
  }
  return byKey;
}

/**
 * The documentation of `key` in `file`, case-insensitive. With `section` (a section type such as 'endpoint' or
 * 'peer'), the entry valid there is preferred; otherwise the first entry for the key. A wizard key such as
 * 'endpoint/context' falls back to its prefix entry 'endpoint/*'.
 */
export function keyDoc(file: ConfFile, key: string, section?: string): KeyDoc | undefined {
  const name = key.trim().toLowerCase();
  const slash = name.indexOf('/');
  const list = index().get(`${file}\n${name}`) ?? (slash > 0 ? index().get(`${file}\n${name.slice(0, slash)}/*`) : undefined);
  if (!list) return undefined;
  if (section !== undefined) {
    const type = section.trim().toLowerCase();
    const valid = list.find((d) => d.sections.includes(type));
    if (valid) return valid;
  }
  return list[0];
}

/** The keys completion offers in a section of that type of `file`, sorted by key. */
export function keysFor(file: ConfFile, section: string): KeyDoc[] {
  const type = section.trim().toLowerCase();
  return KEYS.filter((d) => d.file === file && d.sections.includes(type)).sort((a, b) => a.key.localeCompare(b.key));
}
