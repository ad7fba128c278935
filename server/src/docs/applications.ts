// Hover, completion and signature-help data for Asterisk dialplan applications, written in our own words for
// telecom administrators. Names, parameter order and option letters follow the Asterisk 20 sources (the XML
// documentation in apps/*.c, main/pbx_builtins.c, res/*.c and the AST_APP_OPTIONS tables); each entry links to
// the official page on docs.asterisk.org.
//
// Conventions, checked by test/docs/applications.test.ts:
// - `syntax` is the call form; every parameter name appears in it, in the order of `params`. Apart from the
//   parameter names, `syntax` holds only punctuation, numbered repeats (`filename2`, `arg2`, `argN`) and `...`.
// - `params` are the arguments in the order they appear in the data. Most are separated by commas; where
//   Asterisk splits one argument with another character (`?` and `:` in GotoIf, `=` in Set, `.` between a
//   file name and its format) each piece is its own parameter, so a hover can explain it.
// - A variadic tail (`arg1[,arg2...]`) is one parameter named after its first element.
// - Texts are Markdown: code in backticks, no raw angle brackets.

import { caseless } from './caseless';

export interface ParamDoc {
  name: string;
  doc: string;
  optional: boolean;
  /** for a parameter made of options: each option letter/name */
  options?: OptionDoc[];
}

export interface OptionDoc {
  name: string;
  /** e.g. '(x)' or '(context^exten^priority)' when the option takes arguments */
  args?: string;
  doc: string;
}

/** An application or a dialplan function: how it is called and what it does. */
export interface CallableDoc {
  /** as Asterisk registers it, e.g. 'Dial', 'GotoIf', 'CALLERID' */
  name: string;
  /** one sentence */
  summary: string;
  syntax: string;
  /** in order, as they appear in the data (inside the parentheses) */
  params: ParamDoc[];
  /** what it does on a real call, what it sets or returns, the usual traps */
  description: string;
  /** the module that registers it ('core' for what is built into the PBX core) */
  module: string;
  /** the official page on docs.asterisk.org */
  url: string;
}

export type AppDoc = CallableDoc;

const APP_URL = 'https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/Dialplan_Applications/';

/** A required parameter. */
export function req(name: string, doc: string, options?: OptionDoc[]): ParamDoc {
  return options ? { name, doc, optional: false, options } : { name, doc, optional: false };
}

/** An optional parameter. */
export function opt(name: string, doc: string, options?: OptionDoc[]): ParamDoc {
  return options ? { name, doc, optional: true, options } : { name, doc, optional: true };
}

/** An option letter (or word); `args` is written as it appears after the letter, e.g. '(class)'. */
export function o(name: string, doc: string, args?: string): OptionDoc {
  return args ? { name, args, doc } : { name, doc };
}

// Pieces shared by several applications.
const GOSUB_TARGET = '([[context^]exten^]priority[(arg1[^...])])';
const PREDIAL_CALLEE = o('b', 'Before each outgoing channel is dialled, run a Gosub on that new channel (a pre-dial handler). The place to set `PJSIP_HEADER(add,...)` or other per-callee settings.', GOSUB_TARGET);
const PREDIAL_CALLER = o('B', 'Before dialling, run a Gosub once on the calling channel.', GOSUB_TARGET);
const GOTO_LABEL = 'A label in Goto form: `priority`, `extension,priority` or `context,extension,priority`; priorities may be numbers or `n(label)` names.';
const TIME_SPEC_DOCS = {
  times: 'Time range `HH:MM-HH:MM` in 24-hour form, or `*` for any time.',
  weekdays: 'Day-of-week range such as `mon-fri`, or `*`.',
  mdays: 'Day-of-month range such as `1-15`, or `*`.',
  months: 'Month range such as `jan-mar`, or `*`.',
  timezone: 'Optional time zone name from the zoneinfo database, e.g. `Europe/Paris`; the server time zone otherwise.',
};

// ChanSpy and ExtenSpy parse the same option table.
const SPY_OPTIONS: OptionDoc[] = [
  o('b', 'Only spy on bridged channels.'),
  o('B', 'Barge: talk to both parties.'),
  o('c', 'DTMF digit that moves to the next channel (default `*`).', '(digit)'),
  o('d', 'Use `4`, `5`, `6` to switch between spy, whisper and barge.'),
  o('D', 'Write the two directions as a stereo recording instead of mixing them.'),
  o('e', 'Only spy on these extensions, separated by `:`.', '(ext)'),
  o('E', 'Stop when the spied-on channel hangs up.'),
  o('g', 'Only spy on channels whose `SPYGROUP` variable contains one of these groups, separated by `:`.', '(grp)'),
  o('l', 'Use a longer audio queue: better sound, more delay.'),
  o('n', 'Say the name of the person spied on, from voicemail.', '[(mailbox[@context])]'),
  o('N', 'Do not answer the spying channel.'),
  o('o', 'Only hear the spied-on channel, not its peer.'),
  o('q', 'Quiet: no beep and no channel name announcement.'),
  o('r', 'Record the session, with an optional base name.', '[(basename)]'),
  o('s', 'Do not say the technology when announcing a channel.'),
  o('S', 'Stop when no channel is left to spy on.'),
  o('u', 'The prefix is a unique ID or a full channel name.'),
  o('v', 'Initial volume, from -4 to 4.', '[(value)]'),
  o('w', 'Whisper: talk to the spied-on channel only.'),
  o('W', 'Private whisper: talk without listening.'),
  o('x', 'DTMF digit that ends spying.', '(digit)'),
  o('X', 'Leave to a one-digit extension of `SPY_EXIT_CONTEXT` or the current context.'),
];

type AppEntry = Omit<AppDoc, 'url'>;

const ENTRIES: AppEntry[] = [
  // ---- Answering, ending and signalling ------------------------------------------------------------------------
  {
    name: 'Answer',
    summary: 'Answers the incoming channel if it is not already up.',
    syntax: 'Answer([delay[,options]])',
    params: [
      opt('delay', 'Milliseconds to wait for media after answering before the next priority runs; the minimum is 500.'),
      opt('options', 'Answer options.', [o('i', 'Answer and return at once, without waiting for media.')]),
    ],
    description:
      'Puts the call in the up state so audio can flow both ways; on a SIP channel this sends the `200 OK`. By default it waits up to half a second for media before going on. On a channel that is already up it does nothing. Queue, Echo, MusicOnHold and MixMonitor do not answer by themselves, so put `Answer()` or `Progress()` before them.',
    module: 'core',
  },
  {
    name: 'Hangup',
    summary: 'Hangs up the current channel, optionally with a given hangup cause.',
    syntax: 'Hangup([causecode])',
    params: [opt('causecode', 'A Q.850 cause number (16 normal clearing, 17 user busy, 21 call rejected, 34 no circuit) or a cause name such as `USER_BUSY`.')],
    description:
      'Ends dialplan execution for the channel and tears the call down; the `h` extension and hangup handlers still run afterwards. The cause decides what the caller sees: on an unanswered PJSIP channel 17 becomes `486 Busy Here`, 21 becomes `403`, 34 becomes `503` and 1 becomes `404`. Without a cause the channel keeps the cause it already has, usually normal clearing.',
    module: 'core',
  },
  {
    name: 'Busy',
    summary: 'Signals busy to the caller and waits for the caller to hang up.',
    syntax: 'Busy([timeout])',
    params: [opt('timeout', 'Seconds after which Asterisk hangs up itself; without it the channel waits for the caller to leave.')],
    description:
      'On an unanswered SIP channel this sends `486 Busy Here`; on an answered channel it plays the busy tone of the channel tone zone. The dialplan never goes on after it: it waits for the caller to hang up, or hangs up itself after `timeout`. `Hangup(17)` rejects with a busy cause without waiting.',
    module: 'core',
  },
  {
    name: 'Congestion',
    summary: 'Signals congestion (all circuits busy) to the caller.',
    syntax: 'Congestion([timeout])',
    params: [opt('timeout', 'Seconds after which Asterisk hangs up itself; without it the channel waits for the caller to leave.')],
    description:
      'On an unanswered SIP channel this sends `503 Service Unavailable`; on an answered channel it plays the congestion tone. It is the usual way to end a trunk route that failed, for example after `Dial` returned `DIALSTATUS` `CHANUNAVAIL` or `CONGESTION`. Like Busy, the dialplan never goes on after it.',
    module: 'core',
  },
  {
    name: 'Progress',
    summary: 'Sends a call progress indication so the caller can hear early media.',
    syntax: 'Progress()',
    params: [],
    description:
      'On a SIP channel this sends `183 Session Progress` with SDP, opening the audio path before the call is answered. Use it before Playback with the `noanswer` option to play announcements without starting billing. Not every phone or carrier plays early media.',
    module: 'core',
  },
  {
    name: 'Ringing',
    summary: 'Tells the caller that the call is ringing.',
    syntax: 'Ringing()',
    params: [],
    description:
      'On a SIP channel this sends `180 Ringing` (`183` with in-band ringback when the endpoint has `inband_progress`), so the caller phone generates its own ringback. To play ringback from Asterisk itself use `PlayTones(ring)` or the `r` option of Dial.',
    module: 'core',
  },
  {
    name: 'Proceeding',
    summary: 'Tells the caller that the call is being processed.',
    syntax: 'Proceeding()',
    params: [],
    description:
      'Sends a proceeding indication: ISDN CALL PROCEEDING on DAHDI lines, a `100 Trying` on an unanswered PJSIP channel. Useful when the dialplan takes a while before ringing, so the network does not time out.',
    module: 'core',
  },
  {
    name: 'Incomplete',
    summary: 'Tells the switch that the dialled number is incomplete so more digits should be collected.',
    syntax: 'Incomplete([options])',
    params: [opt('options', 'Incomplete options.', [o('n', 'Do not answer the channel first.')])],
    description:
      'Used inside a pattern match to ask for more digits before routing, for overlap dialling. Without `n` the channel is answered first, since most channels must be up to receive DTMF. With `n` on an unanswered PJSIP channel the indication becomes a final `484 Address Incomplete`, which ends the SIP call.',
    module: 'core',
  },
  {
    name: 'SoftHangup',
    summary: 'Hangs up another channel by name.',
    syntax: 'SoftHangup(Technology/Resource[,options])',
    params: [
      req('Technology/Resource', 'The channel to hang up, e.g. `PJSIP/alice-00000012`, or a device prefix with the `a` option.'),
      opt('options', 'SoftHangup options.', [o('a', 'Hang up every channel of the given device, not just one.')]),
    ],
    description:
      'Requests a hangup of the named channel, not the one running the dialplan. Useful for supervisor features and cleanup scripts. It reports through the log when no channel matched.',
    module: 'app_softhangup',
  },

  // ---- Dialling and bridging ----------------------------------------------------------------------------------------
  {
    name: 'Dial',
    summary: 'Calls one or more endpoints or trunks and bridges the caller to the first that answers.',
    syntax: 'Dial(Technology/Resource[&Technology2/Resource2...][,timeout[,options[,URL]]])',
    params: [
      req('Technology/Resource', 'What to call, e.g. `PJSIP/alice`, `PJSIP/0123456789@trunk` or `Local/100@internal`; join several with `&` to ring them at the same time. `${PJSIP_DIAL_CONTACTS(alice)}` rings every registered contact.'),
      opt('timeout', 'Seconds to ring before giving up (fractions allowed); without it Dial rings forever. A second value after `^` limits the seconds to wait for any ringing or progress before treating the destination as unavailable.'),
      opt('options', 'Letters that change how the call is placed and bridged.', [
        o('A', 'Play an announcement to the called party (first file) and/or the caller (second file) when the call is answered.', '(x[:y])'),
        o('a', 'Answer the caller as soon as the called party answers, even when announcements or a Gosub still run on the called side.'),
        PREDIAL_CALLEE,
        PREDIAL_CALLER,
        o('C', 'Reset the CDR of the call.'),
        o('c', 'When the call is cancelled, set the hangup cause to answered elsewhere, so phones do not log a missed call.'),
        o('d', 'Let the caller dial a one-digit extension while waiting; the call leaves to that extension in the current context or in `${EXITCONTEXT}`.'),
        o('D', 'Send DTMF digits after answer: first string to the called party, second to the caller; later fields send digits on progress or MF/SF signalling.', '([called][:calling][:progress][:mfprogress][:mfwink][:sfprogress][:sfwink])'),
        o('E', 'Echo sent MF or SF digits back to the caller; used with `D`.'),
        o('e', 'Run the `h` extension on the called channel too when the call ends.'),
        o('f', 'On a call forward or deflection, force the caller ID sent to the hint of this extension, or to `x` when given.', '[(x)]'),
        o('F', 'When the caller hangs up, send the called party to this dialplan location; without arguments, to the next priority. Variables the callee needs must be inherited with `_` or `__`.', '[([[context^]exten^]priority)]'),
        o('g', 'Continue in the dialplan when the called party hangs up, instead of ending the call.'),
        o('G', 'On answer, send the caller to the given priority and the called party to that priority plus one.', '([[context^]exten^]priority)'),
        o('h', 'Let the called party hang up with the disconnect code of features.conf.'),
        o('H', 'Let the caller hang up with the disconnect code of features.conf.'),
        o('i', 'Ignore call forward requests (SIP 302) from the called side.'),
        o('I', 'Ignore connected-line and redirecting updates from the called side.'),
        o('j', 'Keep the caller original stream topology for the outgoing channels.'),
        o('k', 'Let the called party park the call with the park code of features.conf.'),
        o('K', 'Let the caller park the call with the park code of features.conf.'),
        o('L', 'Limit the call to `x` milliseconds, warn when `y` ms remain and repeat the warning every `z` ms.', '(x[:y][:z])'),
        o('m', 'Play music on hold, optionally of the given class, to the caller instead of ringback until answer.', '[(class)]'),
        o('M', 'Run a macro on the called channel after answer and before bridging. Deprecated with Macro; use `U`.', '(macro[^arg[^...]])'),
        o('n', 'Privacy modifier: do not keep caller introductions for later calls; with `n(1)` the introduction is also deleted when the caller hangs up before answer.', '[(delete)]'),
        o('N', 'Privacy modifier: skip screening when the caller has caller ID.'),
        o('o', 'Copy the caller ID of the caller to the called channel, or set it to `x`.', '[(x)]'),
        o('O', 'Operator services mode for DAHDI-to-DAHDI calls only.', '[(mode)]'),
        o('p', 'Screening mode: privacy without remembering the answer.'),
        o('P', 'Privacy mode, storing decisions in the AstDB under the given family/key (default: the extension).', '[(x)]'),
        o('Q', 'Hangup cause sent to the channels that did not answer when another did, e.g. `Q(NO_ANSWER)`; `0` or `NONE` sends none.', '(cause)'),
        o('r', 'Generate ringback to the caller (or the named tone) and pass no audio from the called side until answer.', '[(tone)]'),
        o('R', 'Generate ringback, but stop it when early media arrives from the called side.'),
        o('S', 'Hang up `x` seconds after the called party answers.', '(x)'),
        o('s', 'Force the caller ID tag of the outgoing call to `x`; works with `f`.', '(x)'),
        o('t', 'Let the called party transfer with the transfer codes of features.conf.'),
        o('T', 'Let the caller transfer with the transfer codes of features.conf.'),
        o('U', 'Run a Gosub on the called channel after answer and before bridging, starting at `s,1` of context `x`; it may set `GOSUB_RESULT` to `ABORT`, `CONGESTION`, `BUSY`, `CONTINUE` or `GOTO:...`.', '(x[^arg[^...]])'),
        o('u', 'Force the caller ID presentation of the outgoing call, e.g. `prohib`; works with `f`.', '(x)'),
        o('w', 'Let the called party start a one-touch recording (automon code of features.conf).'),
        o('W', 'Let the caller start a one-touch recording (automon code of features.conf).'),
        o('x', 'Let the called party start a MixMonitor recording (automixmon code of features.conf).'),
        o('X', 'Let the caller start a MixMonitor recording (automixmon code of features.conf).'),
        o('z', 'On a call forward, cancel any dial timeout that has been set.'),
      ]),
      opt('URL', 'A URL sent to the called party, for the few channel drivers that support it.'),
    ],
    description:
      'Creates an outgoing channel for each destination, rings them in parallel and bridges the caller to the first one that answers; the others are hung up. When nobody answers Dial returns and the dialplan goes on with `DIALSTATUS` set to `CHANUNAVAIL`, `CONGESTION`, `NOANSWER`, `BUSY`, `CANCEL`, `DONTCALL`, `TORTURE` or `INVALIDARGS` (`ANSWER` when it was answered). After an answered call ends the caller is hung up too, unless `g` or `F` is given. Headers for the outgoing SIP request are added in a `b()` pre-dial handler, not before Dial, because before Dial you act on the incoming channel.',
    module: 'app_dial',
  },
  {
    name: 'Originate',
    summary: 'Places a new outgoing call and connects it to an extension or an application.',
    syntax: 'Originate(tech_data,type,arg1[,arg2[,arg3[,timeout[,options]]]])',
    params: [
      req('tech_data', 'Channel to create, e.g. `PJSIP/alice`.'),
      req('type', '`exten` to send the answered channel to the dialplan, or `app` to run an application on it.'),
      req('arg1', 'The context (type `exten`) or the application name (type `app`).'),
      opt('arg2', 'The extension (type `exten`) or the application arguments (type `app`).'),
      opt('arg3', 'The priority (type `exten`); ignored for `app`.'),
      opt('timeout', 'Seconds to wait for the new channel to answer; 30 by default.'),
      opt('options', 'Originate options.', [
        o('a', 'Do not wait: continue the dialplan while the new call is placed.'),
        o('b', 'Run a Gosub on the new channel before it is dialled.', GOSUB_TARGET),
        o('B', 'Run a Gosub on the current channel before dialling.', GOSUB_TARGET),
        o('C', 'Codecs to allow on the new channel, e.g. `C(ulaw^alaw)`; `slin` by default.', '(codecs)'),
        o('c', 'Caller ID number for the new channel.', '(number)'),
        o('n', 'Caller ID name for the new channel.', '(name)'),
        o('v', 'Variables to set on the new channel, separated by `^`, e.g. `v(FOO=1^BAR=2)`.', '(var1=value1[^...])'),
      ]),
    ],
    description:
      'Creates a call that is independent of the current one, like the AMI Originate action or a call file. Without `a` it blocks until the new channel answers or fails, then sets `ORIGINATE_STATUS` to `SUCCESS`, `FAILED`, `BUSY`, `CONGESTION`, `HANGUP`, `RINGING` or `UNKNOWN`. The current channel is not bridged to the new call.',
    module: 'app_originate',
  },
  {
    name: 'Bridge',
    summary: 'Bridges the current channel to another existing channel.',
    syntax: 'Bridge(channel[,options])',
    params: [
      req('channel', 'The channel to join: a full channel name, a name prefix or a unique ID.'),
      opt('options', 'Bridge options.', [
        o('p', 'Play a courtesy tone to the other channel.'),
        o('F', 'When the current channel hangs up, send the other party to this location; without arguments, to the next priority.', '[([[context^]exten^]priority)]'),
        o('h', 'Let the other party hang up with `*`.'),
        o('H', 'Let the current channel hang up with `*`.'),
        o('k', 'Let the other party park the call.'),
        o('K', 'Let the current channel park the call.'),
        o('L', 'Limit the call to `x` ms, warn when `y` ms remain, repeat every `z` ms.', '(x[:y][:z])'),
        o('n', 'Do not answer the current channel before bridging.'),
        o('S', 'Hang up `x` seconds after the bridge starts.', '(x)'),
        o('t', 'Let the other party transfer.'),
        o('T', 'Let the current channel transfer.'),
        o('w', 'Let the other party start a one-touch recording.'),
        o('W', 'Let the current channel start a one-touch recording.'),
        o('x', 'Hang up the other party after the bridge instead of returning it to the dialplan.'),
      ]),
    ],
    description:
      'Pulls the other channel out of whatever it was doing and connects both in a bridge. The result is in `BRIDGERESULT`: `SUCCESS`, `FAILURE`, `LOOP` (tried to bridge to itself) or `NONEXISTENT`. Mostly used by custom pickup and operator features.',
    module: 'core',
  },
  {
    name: 'BridgeWait',
    summary: 'Puts the channel in a holding bridge where it waits, for example for an ARI application.',
    syntax: 'BridgeWait([name[,role[,options]]])',
    params: [
      opt('name', 'Name of the holding bridge; `default` when omitted.'),
      opt('role', '`participant` (waits, the default) or `announcer` (plays to the waiting channels).'),
      opt('options', 'BridgeWait options.', [
        o('m', 'Music on hold class to use.', '(class)'),
        o('e', 'Entertainment while waiting: `m` music, `r` ringing, `s` silence, `h` hold, `n` nothing.', '(m|r|s|h|n)'),
        o('S', 'Leave the bridge and continue the dialplan after this many seconds.', '(duration)'),
        o('n', 'Do not answer the channel.'),
      ]),
    ],
    description:
      'The channel stays in the holding bridge until something moves it, such as an ARI application, a transfer or the `S` timeout. It answers the channel unless `n` is given.',
    module: 'app_bridgewait',
  },
  {
    name: 'ChanIsAvail',
    summary: 'Checks whether one or more devices could take a call right now.',
    syntax: 'ChanIsAvail(Technology/Resource[&Technology2/Resource2...][,options])',
    params: [
      req('Technology/Resource', 'Devices to check, joined with `&`, e.g. `PJSIP/alice&PJSIP/bob`.'),
      opt('options', 'ChanIsAvail options.', [
        o('a', 'Check all devices, not only until the first available one.'),
        o('s', 'Treat a device that is in use as unavailable.'),
        o('t', 'Only check whether the channel exists, without asking the driver.'),
      ]),
    ],
    description:
      'Sets `AVAILCHAN` to the first available channel (empty if none), `AVAILORIGCHAN` to the name that was checked, `AVAILSTATUS` to the device state and `AVAILCAUSECODE` to the cause. For PJSIP, `DEVICE_STATE()` is often simpler.',
    module: 'app_chanisavail',
  },
  {
    name: 'FollowMe',
    summary: 'Tries the numbers of a find-me/follow-me profile from followme.conf one step after another.',
    syntax: 'FollowMe(followmeid[,options])',
    params: [
      req('followmeid', 'Profile name in followme.conf.'),
      opt('options', 'FollowMe options.', [
        o('a', 'Record the caller name and announce it to each callee.'),
        o('B', 'Run a Gosub on the caller before dialling.', GOSUB_TARGET),
        o('b', 'Run a Gosub on each outgoing channel before it is dialled.', GOSUB_TARGET),
        o('d', 'Skip the please-hold announcement.'),
        o('I', 'Ignore connected-line updates.'),
        o('l', 'Disable local channel optimization, so audio hooks survive.'),
        o('N', 'Do not answer the caller until a callee accepts or all steps fail.'),
        o('n', 'Play the unreachable message when every step failed.'),
        o('s', 'Play the status message before starting the steps.'),
      ]),
    ],
    description:
      'Each callee hears who is calling and accepts with `1` or rejects with `2`. When the profile is missing or no step is accepted the dialplan continues at the next priority, which is the place for a VoiceMail fallback.',
    module: 'app_followme',
  },
  {
    name: 'Page',
    summary: 'Calls several phones at once and joins them muted into a conference for an announcement.',
    syntax: 'Page(Technology/Resource[&Technology2/Resource2...][,options[,timeout]])',
    params: [
      req('Technology/Resource', 'Phones to page, joined with `&`; intercom auto-answer usually needs a header set in a `b()` handler.'),
      opt('options', 'Page options.', [
        PREDIAL_CALLEE,
        PREDIAL_CALLER,
        o('d', 'Full duplex: the paged phones can talk back.'),
        o('i', 'Ignore call forwards from the paged phones.'),
        o('q', 'Do not play a beep to the caller.'),
        o('r', 'Record the page.'),
        o('s', 'Only call phones whose device state is idle.'),
        o('A', 'Play this announcement to all paged phones.', '(x)'),
        o('n', 'With `A`, do not play the announcement to the caller.'),
      ]),
      opt('timeout', 'Seconds to wait for phones to answer; unanswered page legs are then dropped.'),
    ],
    description:
      'Built on ConfBridge: the caller is the only speaker (unless `d`) and the conference ends when the caller hangs up. Phones only answer automatically if told to, for example with a `Call-Info` or `Alert-Info` header added through `PJSIP_HEADER` in a `b()` pre-dial handler.',
    module: 'app_page',
  },
  {
    name: 'Transfer',
    summary: 'Asks the channel driver to transfer the caller to another destination.',
    syntax: 'Transfer(destination)',
    params: [req('destination', 'Where to send the caller: an extension, or `Tech/destination` to act only when the caller uses that technology (e.g. `PJSIP/sip:200@example.com`).')],
    description:
      'On an answered SIP call this sends a REFER; before answer chan_pjsip replies with a `302` redirect. The far end must support it, so many trunks refuse. The result is in `TRANSFERSTATUS`: `SUCCESS`, `FAILURE` or `UNSUPPORTED`, with the SIP code in `TRANSFERSTATUSPROTOCOL`.',
    module: 'app_transfer',
  },
  {
    name: 'BlindTransfer',
    summary: 'Blind-transfers the channels bridged with the caller to another extension.',
    syntax: 'BlindTransfer(exten[,context])',
    params: [
      req('exten', 'Extension to transfer to.'),
      opt('context', 'Context of that extension; the caller context by default.'),
    ],
    description:
      'Acts on the other side of the current bridge, as if the caller had pressed the blind-transfer code; the transfer happens inside Asterisk, not through a SIP REFER. The result is in `BLINDTRANSFERSTATUS`: `SUCCESS`, `FAILURE`, `INVALID` or `NOTPERMITTED`.',
    module: 'app_blind_transfer',
  },
  {
    name: 'ChannelRedirect',
    summary: 'Sends another channel to a location in the dialplan.',
    syntax: 'ChannelRedirect(channel,[[context,]extension,]priority)',
    params: [
      req('channel', 'Name of the channel to move.'),
      opt('context', 'Target context.'),
      opt('extension', 'Target extension.'),
      req('priority', 'Target priority or label.'),
    ],
    description:
      'Like the AMI Redirect action: the named channel leaves what it was doing and runs the given location. The result is in `CHANNELREDIRECT_STATUS`: `SUCCESS` or `NOCHANNEL`.',
    module: 'app_channelredirect',
  },
  {
    name: 'Pickup',
    summary: 'Answers a call that is ringing on another phone.',
    syntax: 'Pickup([extension[&extension2...]])',
    params: [opt('extension', 'What to pick up: `exten@context`, `exten` in the current context, or `mark@PICKUPMARK` for a channel whose `PICKUPMARK` variable equals `mark`. Empty means any ringing channel in the pickup groups of the caller.')],
    description:
      'Without arguments it behaves like the pickup feature code (`*8` by default): it takes a ringing call from the pickup groups of the calling endpoint. With `exten@context` it looks for a ringing channel whose extension and context match (the current context when omitted). When no ringing call matches, the dialplan goes on.',
    module: 'app_directed_pickup',
  },
  {
    name: 'PickupChan',
    summary: 'Answers a ringing call on a named channel or channel prefix.',
    syntax: 'PickupChan(channel[&channel2...][,options])',
    params: [
      req('channel', 'Channel names or unique IDs, joined with `&`, e.g. `PJSIP/alice`.'),
      opt('options', 'PickupChan options.', [o('p', 'Treat the names as prefixes, so `PJSIP/ali` matches `PJSIP/alice-00000001`.')]),
    ],
    description:
      'Useful for BLF pickup: the phone dials a code plus the extension, and the dialplan picks up the channel of that device. Only ringing channels can be picked up.',
    module: 'app_directed_pickup',
  },

  // ---- Flow control -------------------------------------------------------------------------------------------------
  {
    name: 'Goto',
    summary: 'Continues the dialplan at another priority, extension or context.',
    syntax: 'Goto([[context,]extension,]priority)',
    params: [
      opt('context', 'Target context; the current one when omitted.'),
      opt('extension', 'Target extension; the current one when omitted.'),
      req('priority', 'Target priority number or label name.'),
    ],
    description:
      'Jumps without remembering where it came from. If the target extension does not exist the call goes to the `i` extension of the target context (its includes count) and ends when there is none; a mistyped label ends the call silently. With only two arguments they are read as extension and priority.',
    module: 'core',
  },
  {
    name: 'GotoIf',
    summary: 'Jumps to one of two labels depending on a condition.',
    syntax: 'GotoIf(condition?[labeliftrue][:labeliffalse])',
    params: [
      req('condition', 'An expression, usually `$[...]`; empty or `0` is false, anything else is true.'),
      opt('labeliftrue', `Where to go when true. ${GOTO_LABEL}`),
      opt('labeliffalse', `Where to go when false. ${GOTO_LABEL}`),
    ],
    description:
      'When the chosen label is empty the dialplan simply goes on at the next priority. A label that does not exist ends the call (a real Asterisk 20 does not go to `i` for it). Remember the `?` even when only the false branch is used: `GotoIf($[${X}=1]?:skip)`.',
    module: 'core',
  },
  {
    name: 'GotoIfTime',
    summary: 'Jumps to one of two labels depending on the current time and date.',
    syntax: 'GotoIfTime(times,weekdays,mdays,months[,timezone]?[labeliftrue][:labeliffalse])',
    params: [
      req('times', TIME_SPEC_DOCS.times),
      req('weekdays', TIME_SPEC_DOCS.weekdays),
      req('mdays', TIME_SPEC_DOCS.mdays),
      req('months', TIME_SPEC_DOCS.months),
      opt('timezone', TIME_SPEC_DOCS.timezone),
      opt('labeliftrue', `Where to go inside the time range. ${GOTO_LABEL}`),
      opt('labeliffalse', `Where to go outside the time range. ${GOTO_LABEL}`),
    ],
    description:
      'The usual way to route calls by business hours, e.g. `GotoIfTime(08:00-17:59,mon-fri,*,*?open,s,1)`. The end minute is included: `09:00-17:00` still matches at 17:00:30, so write `09:00-16:59` to close at five. The `TESTTIME` function can simulate another date for testing.',
    module: 'core',
  },
  {
    name: 'ExecIf',
    summary: 'Runs one application when a condition is true and optionally another when it is false.',
    syntax: 'ExecIf(expression?appiftrue[:appiffalse])',
    params: [
      req('expression', 'The condition, usually `$[...]`.'),
      req('appiftrue', 'Application with its arguments in parentheses to run when true, e.g. `Set(X=1)`.'),
      opt('appiffalse', 'Application with its arguments to run when false.'),
    ],
    description:
      'Saves a GotoIf and a label for one-line decisions, e.g. `ExecIf($["${CALLERID(num)}"=""]?Set(CALLERID(num)=anonymous))`. Keep the arguments of each application inside its parentheses. If the chosen application does not exist, the call is ended.',
    module: 'app_exec',
  },
  {
    name: 'ExecIfTime',
    summary: 'Runs an application only when the current time matches a time specification.',
    syntax: 'ExecIfTime(times,weekdays,mdays,months[,timezone]?appname)',
    params: [
      req('times', TIME_SPEC_DOCS.times),
      req('weekdays', TIME_SPEC_DOCS.weekdays),
      req('mdays', TIME_SPEC_DOCS.mdays),
      req('months', TIME_SPEC_DOCS.months),
      opt('timezone', TIME_SPEC_DOCS.timezone),
      req('appname', 'Application with its arguments in parentheses, e.g. `Playback(closed)`.'),
    ],
    description: 'Like GotoIfTime but runs an application instead of jumping; outside the time range nothing happens and the dialplan goes on. A range may wrap past midnight, e.g. `ExecIfTime(18:00-07:59,*,*,*?Set(NIGHT=1))`.',
    module: 'core',
  },
  {
    name: 'Gosub',
    summary: 'Calls a dialplan subroutine and comes back when it runs Return.',
    syntax: 'Gosub([[context,]extension,]priority[(arg1[,...][,argN])])',
    params: [
      opt('context', 'Context of the subroutine.'),
      opt('extension', 'Extension of the subroutine, often `s`.'),
      req('priority', 'Priority or label to start at, followed by the arguments in parentheses; they appear as `${ARG1}`, `${ARG2}`... inside the subroutine.'),
    ],
    description:
      'Saves the current location on a stack, runs the subroutine and resumes at the next priority after `Return()`. Use `LOCAL()` for variables that should not leak to the caller. It replaces the deprecated Macro and, unlike it, does not run a nested PBX loop per level. A subroutine that runs out of priorities without Return hangs up the call.',
    module: 'app_stack',
  },
  {
    name: 'GosubIf',
    summary: 'Calls one of two subroutines depending on a condition.',
    syntax: 'GosubIf(condition?[labeliftrue][:labeliffalse])',
    params: [
      req('condition', 'An expression, usually `$[...]`.'),
      opt('labeliftrue', 'Subroutine to call when true, in Gosub form with optional `(args)`.'),
      opt('labeliffalse', 'Subroutine to call when false, in Gosub form with optional `(args)`.'),
    ],
    description: 'When the chosen branch is empty nothing is called and the dialplan goes on. Either subroutine returns to the priority after GosubIf.',
    module: 'app_stack',
  },
  {
    name: 'Return',
    summary: 'Returns from a Gosub subroutine, optionally with a value.',
    syntax: 'Return([value])',
    params: [opt('value', 'Value stored in `${GOSUB_RETVAL}` for the caller.')],
    description:
      'Resumes at the priority after the Gosub that called the subroutine and drops its `LOCAL()` variables. A Return with no Gosub on the stack is an error that ends the call.',
    module: 'app_stack',
  },
  {
    name: 'StackPop',
    summary: 'Discards the most recent Gosub return address without jumping.',
    syntax: 'StackPop()',
    params: [],
    description: 'Use it when a subroutine leaves with Goto and will never Return, so the Gosub stack does not grow. Without it, a subroutine that jumps away leaves its return address behind, and a later Return goes back to the wrong place.',
    module: 'app_stack',
  },
  {
    name: 'Macro',
    summary: 'Runs the deprecated macro context `macro-name` and returns when it ends.',
    syntax: 'Macro(name[,arg1[,arg2...]])',
    params: [
      req('name', 'Macro name; the context executed is `macro-name`, starting at extension `s`.'),
      opt('arg1', 'Arguments, seen as `${ARG1}`, `${ARG2}`... inside the macro.'),
    ],
    description:
      'Deprecated since Asterisk 16 and removed in 21 (app_macro); use Gosub instead. Inside the macro `${MACRO_EXTEN}`, `${MACRO_CONTEXT}` and `${MACRO_PRIORITY}` hold the caller location. Each level runs on the C stack, so nesting is limited to about seven levels.',
    module: 'app_macro',
  },
  {
    name: 'MacroExit',
    summary: 'Leaves the current macro as if it had reached its end.',
    syntax: 'MacroExit()',
    params: [],
    description: 'Deprecated with Macro and removed in Asterisk 21; with Gosub use Return. Outside a macro its effect is undefined.',
    module: 'app_macro',
  },
  {
    name: 'MacroIf',
    summary: 'Runs one of two deprecated macros depending on a condition.',
    syntax: 'MacroIf(expr?macroiftrue[:macroiffalse])',
    params: [
      req('expr', 'The condition.'),
      req('macroiftrue', 'Macro name with optional `(args)` to run when true.'),
      opt('macroiffalse', 'Macro to run when false.'),
    ],
    description: 'Deprecated with Macro and removed in Asterisk 21; use GosubIf. The chosen macro takes its arguments in parentheses after its name, as with Macro.',
    module: 'app_macro',
  },
  {
    name: 'While',
    summary: 'Starts a loop that repeats while an expression is true.',
    syntax: 'While(expr)',
    params: [req('expr', 'Condition tested at every turn, usually `$[...]`.')],
    description:
      'The loop body runs until the matching `EndWhile()`, which jumps back to While. When the condition is false, execution continues after the EndWhile. Loops must stay inside one extension.',
    module: 'app_while',
  },
  {
    name: 'EndWhile',
    summary: 'Marks the end of a While loop and jumps back to its test.',
    syntax: 'EndWhile()',
    params: [],
    description: 'Every While needs exactly one EndWhile in the same extension. It jumps back to the While, which evaluates its condition again.',
    module: 'app_while',
  },
  {
    name: 'ExitWhile',
    summary: 'Leaves the current While loop at once.',
    syntax: 'ExitWhile()',
    params: [],
    description: 'Execution continues after the matching EndWhile. Use it for an early exit, for example once a lookup has succeeded.',
    module: 'app_while',
  },
  {
    name: 'ContinueWhile',
    summary: 'Jumps back to the test of the current While loop.',
    syntax: 'ContinueWhile()',
    params: [],
    description: 'Skips the rest of the loop body for this turn. The condition is evaluated again before the next turn.',
    module: 'app_while',
  },
  {
    name: 'If',
    summary: 'Starts a block that runs only when an expression is true.',
    syntax: 'If(expr)',
    params: [req('expr', 'Condition, usually `$[...]`.')],
    description: 'Closed by `EndIf()`, with optional `ElseIf()` and `Else()` branches. Added in Asterisk 20.1 (app_if); older servers need GotoIf.',
    module: 'app_if',
  },
  {
    name: 'ElseIf',
    summary: 'Starts a branch of an If block that runs when its own expression is true and earlier branches were false.',
    syntax: 'ElseIf(expr)',
    params: [req('expr', 'Condition of this branch.')],
    description: 'A true If branch falls through into ElseIf unless it ends with `ExitIf()`. Added in Asterisk 20.1.',
    module: 'app_if',
  },
  {
    name: 'Else',
    summary: 'Starts the branch of an If block that runs when every earlier branch was false.',
    syntax: 'Else()',
    params: [],
    description: 'Optional; the block still ends with `EndIf()`. Added in Asterisk 20.1.',
    module: 'app_if',
  },
  {
    name: 'EndIf',
    summary: 'Closes an If block.',
    syntax: 'EndIf()',
    params: [],
    description: 'Every If needs exactly one EndIf in the same extension. Added in Asterisk 20.1.',
    module: 'app_if',
  },
  {
    name: 'ExitIf',
    summary: 'Leaves the current If block at once.',
    syntax: 'ExitIf()',
    params: [],
    description: 'Execution continues after the matching EndIf. Added in Asterisk 20.1.',
    module: 'app_if',
  },
  {
    name: 'Exec',
    summary: 'Runs an application whose name is only known at run time.',
    syntax: 'Exec(appname)',
    params: [req('appname', 'Application with its arguments in parentheses, e.g. `${ACTION}(${ARGS})`.')],
    description:
      'If the application does not exist or ends the dialplan, the call ends. TryExec is the variant that always comes back. To run a shell command use System.',
    module: 'app_exec',
  },
  {
    name: 'TryExec',
    summary: 'Runs an application by name and always returns to the dialplan.',
    syntax: 'TryExec(appname)',
    params: [req('appname', 'Application with its arguments in parentheses.')],
    description: 'Sets `TRYSTATUS` to `SUCCESS`, `FAILED` (the application returned an error) or `NOAPP` (no such application). Use it when the application name comes from data that may be wrong, such as a database field.',
    module: 'app_exec',
  },

  // ---- Variables and logging -------------------------------------------------------------------------------------------
  {
    name: 'Set',
    summary: 'Sets a channel variable or writes a dialplan function.',
    syntax: 'Set(name=value)',
    params: [
      req('name', 'Variable name or writable function such as `CALLERID(num)`; prefix `_` to inherit it into channels this one creates, `__` to inherit it through every generation.'),
      req('value', 'The new value; everything after the first `=` is taken as is, commas and quotes included.'),
    ],
    description:
      'The workhorse of the dialplan. Variables are per channel: a variable set on the caller is not seen by the channel Dial creates unless it starts with `_` or `__`. `Set(X=)` leaves the variable empty. Use `GLOBAL()` for global variables.',
    module: 'core',
  },
  {
    name: 'MSet',
    summary: 'Sets several variables in one step.',
    syntax: 'MSet(name1=value1[,name2=value2...])',
    params: [
      req('name1', 'First variable or writable function.'),
      req('value1', 'Its value; surrounding double quotes are stripped, commas must be escaped.'),
    ],
    description: 'Kept for compatibility with old dialplans: it strips quotes and splits on commas, which surprises people. Prefer one Set per variable.',
    module: 'core',
  },
  {
    name: 'ImportVar',
    summary: 'Copies a variable from another channel into the current one.',
    syntax: 'ImportVar(newvar=channelname,variable)',
    params: [
      req('newvar', 'Variable to create on this channel; `_` and `__` prefixes work as in Set.'),
      req('channelname', 'Full name of the channel to read from.'),
      req('variable', 'Variable to read on that channel.'),
    ],
    description: 'The `IMPORT()` function does the same as an expression. The other channel is named in full, e.g. `PJSIP/alice-00000012`, typically taken from `BRIDGEPEER` or `DIALEDPEERNAME`.',
    module: 'core',
  },
  {
    name: 'NoOp',
    summary: 'Does nothing, but its arguments are expanded and shown in the verbose log.',
    syntax: 'NoOp([text])',
    params: [opt('text', 'Any text; variables in it are expanded, which makes NoOp a quick debug print.')],
    description: 'Often used as priority 1 so that later lines can use `n`. The text shows at verbose level 3 on the CLI.',
    module: 'core',
  },
  {
    name: 'Verbose',
    summary: 'Writes a message to the verbose output of the CLI and the logs.',
    syntax: 'Verbose([level,]message)',
    params: [
      opt('level', 'Verbose level from 0 to 4; 0 by default, which always shows.'),
      req('message', 'The text to write.'),
    ],
    description: 'The message appears when `core set verbose` is at least the level. For log files by severity use Log.',
    module: 'app_verbose',
  },
  {
    name: 'Log',
    summary: 'Writes a message to the Asterisk logger at a chosen level.',
    syntax: 'Log(level,message)',
    params: [
      req('level', '`ERROR`, `WARNING`, `NOTICE`, `DEBUG`, `VERBOSE`, `DTMF` or a custom level name.'),
      req('message', 'The text to write.'),
    ],
    description: 'Where the message ends up depends on logger.conf: `NOTICE` usually reaches both the console and the messages file. Unlike Verbose it carries a severity, so a `WARNING` from the dialplan lands where the warnings of Asterisk itself go.',
    module: 'app_verbose',
  },
  {
    name: 'DumpChan',
    summary: 'Prints the state and all variables of the current channel to the CLI.',
    syntax: 'DumpChan([level])',
    params: [opt('level', 'Only print when the verbose level is at least this.')],
    description: 'Shows caller ID, context, codecs, bridge and every channel variable. Handy while debugging a trunk.',
    module: 'app_dumpchan',
  },
  {
    name: 'UserEvent',
    summary: 'Sends a custom event to AMI clients and ARI applications.',
    syntax: 'UserEvent(eventname[,body])',
    params: [
      req('eventname', 'Name of the event, seen as the `UserEvent` header.'),
      opt('body', 'Comma-separated `key: value` pairs added to the event.'),
    ],
    description: 'Lets an external dashboard or CRM react to points in the dialplan. AMI clients receive it as `Event: UserEvent` with your name in the `UserEvent` header.',
    module: 'app_userevent',
  },

  // ---- Waiting and collecting digits ---------------------------------------------------------------------------------
  {
    name: 'Wait',
    summary: 'Pauses the dialplan for a number of seconds.',
    syntax: 'Wait(seconds)',
    params: [req('seconds', 'Time to wait; fractions allowed, e.g. `0.5`.')],
    description: 'Audio from the caller is ignored while waiting. On an unanswered channel nothing is played, so the caller hears ringback or silence depending on the phone.',
    module: 'core',
  },
  {
    name: 'WaitExten',
    summary: 'Waits for the caller to dial an extension, typically after an IVR menu prompt.',
    syntax: 'WaitExten([seconds[,options]])',
    params: [
      opt('seconds', 'How long to wait; the response timeout of the channel (`TIMEOUT(response)`) by default.'),
      opt('options', 'WaitExten options.', [
        o('m', 'Play music on hold, optionally of the given class, while waiting.', '[(class)]'),
        o('d', 'Play a tone while waiting, dial tone by default.', '[(tone)]'),
      ]),
    ],
    description:
      'Digits dialled are matched against the current context. On timeout the dialplan continues at the next priority if there is one, else at the `t` extension, else the call is hung up. An invalid entry goes to the `i` extension.',
    module: 'core',
  },
  {
    name: 'WaitDigit',
    summary: 'Waits for one DTMF digit from an allowed set.',
    syntax: 'WaitDigit([seconds[,digits]])',
    params: [
      opt('seconds', 'How long to wait.'),
      opt('digits', 'Digits to accept; others are ignored.'),
    ],
    description: 'Sets `WAITDIGITSTATUS` to `DTMF`, `TIMEOUT`, `CANCEL` or `ERROR` and the digit in `WAITDIGITRESULT`. Unlike WaitExten, the digit is not matched against extensions.',
    module: 'core',
  },
  {
    name: 'WaitForSilence',
    summary: 'Waits until the caller has been silent for a given time.',
    syntax: 'WaitForSilence([silencerequired[,iterations[,timeout]]])',
    params: [
      opt('silencerequired', 'Milliseconds of silence needed; 1000 by default.'),
      opt('iterations', 'How many silent periods to wait for; 1 by default.'),
      opt('timeout', 'Seconds after which to give up anyway.'),
    ],
    description:
      'Used by outbound campaigns to wait for an answering machine greeting to end before playing a message. Sets `WAITSTATUS` to `SILENCE` or `TIMEOUT`. Without a timeout it can wait forever on a noisy line.',
    module: 'app_waitforsilence',
  },
  {
    name: 'WaitUntil',
    summary: 'Waits until a given Unix time.',
    syntax: 'WaitUntil(epoch)',
    params: [req('epoch', 'Time to wait for, in seconds since 1970, e.g. from `${EPOCH}` or `STRPTIME()`.')],
    description: 'Sets `WAITUNTILSTATUS` to `OK`, `FAILURE`, `HANGUP` or `PAST` (the time had already passed). Useful to delay a callback or to release calls at a given moment.',
    module: 'app_waituntil',
  },
  {
    name: 'Read',
    summary: 'Plays a prompt and reads DTMF digits into a variable.',
    syntax: 'Read(variable[,filenames[,maxdigits[,options[,attempts[,timeout]]]]])',
    params: [
      req('variable', 'Variable that receives the digits.'),
      opt('filenames', 'Prompt files joined with `&`, or a tone name with the `i` option.'),
      opt('maxdigits', 'Stop after this many digits without waiting for `#`; 0 (default) means wait for `#`; at most 255.'),
      opt('options', 'Read options.', [
        o('s', 'Return at once if the channel is not answered.'),
        o('i', 'Treat the prompt as a tone from indications.conf.'),
        o('n', 'Read even if the channel is not answered.'),
        o('t', 'Digits that end the input instead of `#`; `t()` with no digits disables terminators.', '(terminators)'),
        o('e', 'When the only key pressed is the terminator, store it as the result.'),
      ]),
      opt('attempts', 'Number of tries when nothing is entered.'),
      opt('timeout', 'Seconds to wait for digits; fractions allowed.'),
    ],
    description:
      'Unlike BackGround, the digits are not matched against extensions: they are just stored. `READSTATUS` ends up `OK`, `TIMEOUT`, `HANGUP`, `INTERRUPTED`, `SKIPPED` or `ERROR`. The channel is answered first unless `n` or `s` is given.',
    module: 'app_read',
  },
  {
    name: 'ReadExten',
    summary: 'Reads digits until they form a valid extension and stores it in a variable.',
    syntax: 'ReadExten(variable[,filename[,context[,option[,timeout]]]])',
    params: [
      req('variable', 'Variable that receives the extension.'),
      opt('filename', 'Prompt to play first.'),
      opt('context', 'Context in which the digits must match an extension; the current one by default.'),
      opt('option', 'ReadExten options.', [
        o('s', 'Return at once if the channel is not answered.'),
        o('i', 'Treat the prompt as a tone.'),
        o('n', 'Read even if the channel is not answered.'),
        o('p', 'Consider the extension complete when `#` is pressed.'),
      ]),
      opt('timeout', 'Seconds to wait for each digit.'),
    ],
    description:
      'Stops as soon as the digits can only match one extension. `READEXTENSTATUS` is `OK`, `TIMEOUT` (variable set to `t`), `INVALID` (variable set to `i`), `SKIP` or `ERROR`.',
    module: 'app_readexten',
  },

  // ---- Playing sounds -------------------------------------------------------------------------------------------------
  {
    name: 'Playback',
    summary: 'Plays one or more sound files to the caller without listening for digits.',
    syntax: 'Playback(filename[&filename2...][,options])',
    params: [
      req('filename', 'Files to play, joined with `&`, without extension; relative names are looked up in the sounds directory in the channel language.'),
      opt('options', 'Playback options (words, comma-free).', [
        o('skip', 'Do nothing if the channel is not answered.'),
        o('noanswer', 'Play without answering, as early media; pair it with `Progress()`.'),
        o('say', 'Treat the text as something to say using say.conf rules.'),
        o('mix', 'Mix file names and say.conf rules.'),
      ]),
    ],
    description:
      'Answers the channel first unless `noanswer` is given. A missing file does not end the call: it is skipped with a warning, the next files still play and `PLAYBACKSTATUS` ends up `FAILED` (else `SUCCESS`). Digits pressed are ignored; use BackGround for menus.',
    module: 'app_playback',
  },
  {
    name: 'BackGround',
    summary: 'Plays sound files while listening for the caller to dial an extension.',
    syntax: 'BackGround(filename[&filename2...][,options[,langoverride[,context]]])',
    params: [
      req('filename', 'Files to play, joined with `&`, without extension.'),
      opt('options', 'BackGround options.', [
        o('s', 'Do nothing if the channel is not answered.'),
        o('n', 'Do not answer the channel first.'),
        o('m', 'Only stop on a digit that matches a one-digit extension of the context.'),
        o('p', 'Play to the end without letting digits interrupt.'),
      ]),
      opt('langoverride', 'Language to use for these files instead of the channel language.'),
      opt('context', 'Context where dialled digits are matched; the current one by default.'),
    ],
    description:
      'The building block of IVR menus: a digit stops the prompt and the caller is sent to the matching extension. Follow it with WaitExten to give time to dial after the prompt ends. A missing file sets `BACKGROUNDSTATUS` to `FAILED` and skips the rest of the list. The words `skip` and `noanswer` are also accepted as options. The registered name is `BackGround`, but application names are case-insensitive, so `Background` works too.',
    module: 'core',
  },
  {
    name: 'ControlPlayback',
    summary: 'Plays a file with keys to fast-forward, rewind, pause and stop.',
    syntax: 'ControlPlayback(filename[,skipms[,ff[,rew[,stop[,pause[,restart[,options]]]]]]])',
    params: [
      req('filename', 'File to play.'),
      opt('skipms', 'Milliseconds to skip per key press; 3000 by default.'),
      opt('ff', 'Fast-forward key; `#` by default.'),
      opt('rew', 'Rewind key; `*` by default.'),
      opt('stop', 'Keys that stop playback.'),
      opt('pause', 'Key that pauses and resumes.'),
      opt('restart', 'Key that restarts the file.'),
      opt('options', 'ControlPlayback options.', [o('o', 'Start this many milliseconds into the file.', '(time)')]),
    ],
    description: 'Sets `CPLAYBACKSTATUS` (`SUCCESS`, `USERSTOPPED`, `REMOTESTOPPED`, `ERROR`), `CPLAYBACKOFFSET` and `CPLAYBACKSTOPKEY`. A `stop` key ends playback and is reported back, so the dialplan can act on it.',
    module: 'app_controlplayback',
  },
  {
    name: 'SayDigits',
    summary: 'Speaks a string of digits one by one.',
    syntax: 'SayDigits(digits)',
    params: [req('digits', 'Digits to speak, e.g. `${CALLERID(num)}`.')],
    description: 'Uses the channel language. DTMF interrupts it only when `SAY_DTMF_INTERRUPT` is `true`.',
    module: 'core',
  },
  {
    name: 'SayNumber',
    summary: 'Speaks a whole number, such as forty-two.',
    syntax: 'SayNumber(digits[,gender])',
    params: [
      req('digits', 'The number to speak.'),
      opt('gender', 'Grammatical gender for languages that need it, e.g. `f` or `m`.'),
    ],
    description: 'Uses the channel language, which must have the number prompts installed. Use SayDigits to read a phone number digit by digit instead.',
    module: 'core',
  },
  {
    name: 'SayAlpha',
    summary: 'Spells out a string character by character.',
    syntax: 'SayAlpha(string)',
    params: [req('string', 'Text to spell.')],
    description: 'Letters, digits and some symbols have prompts; others are skipped. SayAlphaCase can say upper and lower case.',
    module: 'core',
  },
  {
    name: 'SayAlphaCase',
    summary: 'Spells out a string, saying the case of letters if asked.',
    syntax: 'SayAlphaCase(casetype,string)',
    params: [
      req('casetype', '`a` says the case of every letter, `u` only of capitals, `l` only of lower case, `n` none.'),
      req('string', 'Text to spell.'),
    ],
    description: 'Useful for reading back passwords or codes where case matters. As with SayAlpha, DTMF only interrupts it when `SAY_DTMF_INTERRUPT` is `true`.',
    module: 'core',
  },
  {
    name: 'SayPhonetic',
    summary: 'Spells out a string with the phonetic alphabet (alpha, bravo, charlie).',
    syntax: 'SayPhonetic(string)',
    params: [req('string', 'Text to spell.')],
    description: 'Only letters use phonetic prompts; digits are said normally. Handy for reading back confirmation codes over a noisy line.',
    module: 'core',
  },
  {
    name: 'SayUnixTime',
    summary: 'Speaks a date and time in a chosen format.',
    syntax: 'SayUnixTime([unixtime[,timezone[,format[,options]]]])',
    params: [
      opt('unixtime', 'Seconds since 1970; now by default.'),
      opt('timezone', 'Time zone name; the server time zone by default.'),
      opt('format', 'Format letters as in voicemail.conf, e.g. `ABdY \'digits/at\' IMp`.'),
      opt('options', 'SayUnixTime options.', [o('j', 'Let the caller dial digits to jump to an extension.')]),
    ],
    description: 'Handy for announcing the time of a voicemail or a callback. The default format says the weekday, the date, the year and then the time.',
    module: 'app_sayunixtime',
  },
  {
    name: 'PlayTones',
    summary: 'Starts playing a tone in the background and goes on with the dialplan.',
    syntax: 'PlayTones(arg)',
    params: [req('arg', 'A tone name from indications.conf (`ring`, `busy`, `congestion`, `dial`) or a tone list such as `440+480/2000,0/4000`.')],
    description: 'The tone continues while the next priorities run, until StopPlayTones or another sound replaces it. Named tones follow the country of the channel tone zone from indications.conf.',
    module: 'app_playtones',
  },
  {
    name: 'StopPlayTones',
    summary: 'Stops a tone started by PlayTones.',
    syntax: 'StopPlayTones()',
    params: [],
    description: 'Does nothing when no tone is playing. Use it to end a tone started earlier, for example a ringing tone played while a slow lookup runs.',
    module: 'app_playtones',
  },
  {
    name: 'Echo',
    summary: 'Sends the caller audio straight back, for testing latency and audio paths.',
    syntax: 'Echo()',
    params: [],
    description: 'Pressing `#` ends it. It does not answer the channel, so put `Answer()` before it. One-way audio on an echo test usually points at NAT or RTP port problems.',
    module: 'app_echo',
  },
  {
    name: 'Milliwatt',
    summary: 'Plays a 1004 Hz test tone.',
    syntax: 'Milliwatt([options])',
    params: [
      opt('options', 'Milliwatt options.', [
        o('m', 'Real milliwatt test line pattern, with one second of silence every ten seconds.'),
        o('o', 'Constant 1000 Hz tone, as old versions did.'),
      ]),
    ],
    description: 'Used for line level tests by carriers; without `m` it is a plain continuous tone. The tone plays until the caller hangs up.',
    module: 'app_milliwatt',
  },
  {
    name: 'MusicOnHold',
    summary: 'Plays music on hold for a while or until the caller hangs up.',
    syntax: 'MusicOnHold(class[,duration])',
    params: [
      req('class', 'Class from musiconhold.conf; empty for the channel default.'),
      opt('duration', 'Seconds to play; forever when omitted.'),
    ],
    description: 'Blocks the dialplan while playing. It does not answer the channel. For music in the background while the dialplan continues, use StartMusicOnHold.',
    module: 'res_musiconhold',
  },
  {
    name: 'StartMusicOnHold',
    summary: 'Starts music on hold in the background and goes on with the dialplan.',
    syntax: 'StartMusicOnHold(class)',
    params: [req('class', 'Class from musiconhold.conf; empty for the channel default.')],
    description: 'The music keeps playing until StopMusicOnHold or until another application plays audio. Use it to keep callers entertained during a slow AGI or database lookup.',
    module: 'res_musiconhold',
  },
  {
    name: 'StopMusicOnHold',
    summary: 'Stops music on hold started by StartMusicOnHold.',
    syntax: 'StopMusicOnHold()',
    params: [],
    description: 'Does nothing when no music is playing. Music started with the blocking MusicOnHold application cannot be stopped this way, since the dialplan waits for it.',
    module: 'res_musiconhold',
  },

  // ---- Recording ------------------------------------------------------------------------------------------------------
  {
    name: 'Record',
    summary: 'Records what the caller says into a file.',
    syntax: 'Record(filename.format[,silence[,maxduration[,options]]])',
    params: [
      req('filename', 'File name without extension; `%d` is replaced with a counter so each recording gets a new file.'),
      req('format', 'Audio format, e.g. `wav` or `gsm`; `core show file formats` lists them.'),
      opt('silence', 'Seconds of silence after which recording stops.'),
      opt('maxduration', 'Maximum length in seconds; 0 or empty for no limit.'),
      opt('options', 'Record options.', [
        o('a', 'Append to an existing file.'),
        o('n', 'Do not answer the channel, record anyway.'),
        o('o', 'Stop when `0` is pressed and set `RECORD_STATUS` to `OPERATOR`.'),
        o('q', 'Do not play a beep first.'),
        o('s', 'Skip recording if the channel is not answered.'),
        o('t', 'Use `*` as the stop key instead of `#`.'),
        o('u', 'Keep the trailing silence.'),
        o('x', 'Ignore all keys and record until hangup.'),
        o('k', 'Keep the recording when the caller hangs up.'),
        o('y', 'Stop on any key.'),
      ]),
    ],
    description:
      'The caller presses `#` to finish. `RECORDED_FILE` holds the final name and `RECORD_STATUS` ends up `DTMF`, `SILENCE`, `SKIP`, `TIMEOUT`, `HANGUP` or `ERROR`. Without `k` the recording is thrown away when the caller hangs up.',
    module: 'app_record',
  },
  {
    name: 'MixMonitor',
    summary: 'Records both directions of the call into one mixed file, in the background.',
    syntax: 'MixMonitor(filename.extension[,options[,command]])',
    params: [
      req('filename', 'File name; a relative name goes to the monitor directory (`/var/spool/asterisk/monitor` by default).'),
      req('extension', 'Format given by the extension, e.g. `wav`; `raw` is required with the `D` option.'),
      opt('options', 'MixMonitor options.', [
        o('a', 'Append to the file instead of overwriting it.'),
        o('b', 'Only record while the channel is bridged (with Local channels add `/n` to keep them).'),
        o('B', 'Beep every `interval` seconds (15 by default) while recording.', '[(interval)]'),
        o('c', 'Use the real caller ID when copying to voicemail.'),
        o('d', 'Delete the file once MixMonitor has finished with it (with `m`).'),
        o('v', 'Change the volume of what is heard, from -4 to 4.', '(x)'),
        o('V', 'Change the volume of what is spoken, from -4 to 4.', '(x)'),
        o('W', 'Change both volumes, from -4 to 4.', '(x)'),
        o('r', 'Also record the received audio alone into this file.', '(file)'),
        o('t', 'Also record the transmitted audio alone into this file.', '(file)'),
        o('D', 'Write the two directions as the two channels of a stereo raw file instead of mixing them.'),
        o('n', 'With `r` or `t`, do not pad the files with silence to keep them in step.'),
        o('i', 'Store the ID of this MixMonitor in the given variable, for StopMixMonitor.', '(chanvar)'),
        o('p', 'Beep on the channel when recording starts.'),
        o('P', 'Beep on the channel when recording stops.'),
        o('m', 'Copy the recording into these voicemail boxes, separated by commas, e.g. `m(100@default,200@default)`.', '(mailbox[,mailbox2...])'),
        o('s', 'Start writing only after this many seconds, to skip ringback and announcements.', '(seconds)'),
      ]),
      opt('command', 'Shell command run when the recording ends; `^{X}` becomes `${X}` at that time.'),
    ],
    description:
      'Recording goes on while the dialplan continues and through the bridge; the file name actually used is in `MIXMONITOR_FILENAME`. It does not answer the channel. Never put caller-controlled values such as `CALLERID(name)` in the file name or command unfiltered: the command runs in a shell. The file is only complete after the call ends or StopMixMonitor runs.',
    module: 'app_mixmonitor',
  },
  {
    name: 'StopMixMonitor',
    summary: 'Stops a MixMonitor recording and closes its file.',
    syntax: 'StopMixMonitor([MixMonitorID])',
    params: [opt('MixMonitorID', 'ID stored by the `i` option of MixMonitor; all recordings of the channel when omitted.')],
    description: 'Run it before processing the file in the same dialplan, so the file is complete. The `command` given to MixMonitor runs once the file is closed.',
    module: 'app_mixmonitor',
  },
  {
    name: 'Monitor',
    summary: 'Records the two directions of a channel into separate files (deprecated).',
    syntax: 'Monitor([file_format[:urlbase][,fname_base[,options]]])',
    params: [
      opt('file_format', 'Audio format; `wav` by default.'),
      opt('urlbase', 'Base URL; with `fname_base`, the URL of the recording is stored in the CDR userfield.'),
      opt('fname_base', 'Base file name; the channel name by default.'),
      opt('options', 'Monitor options.', [
        o('m', 'Mix the two files into one when recording ends (with sox, or the command in `MONITOR_EXEC`).'),
        o('b', 'Only start recording once the call is bridged.'),
        o('B', 'Beep every `interval` seconds while recording.', '[(interval)]'),
        o('i', 'Do not record the incoming audio.'),
        o('o', 'Do not record the outgoing audio.'),
      ]),
    ],
    description: 'res_monitor is deprecated since Asterisk 16 and removed in 21: use MixMonitor. Files go to the monitor spool directory.',
    module: 'res_monitor',
  },
  {
    name: 'StopMonitor',
    summary: 'Stops a recording started by Monitor (deprecated).',
    syntax: 'StopMonitor()',
    params: [],
    description: 'Removed in Asterisk 21 together with Monitor; use StopMixMonitor. Monitor also stops by itself when the channel hangs up.',
    module: 'res_monitor',
  },
  {
    name: 'ChanSpy',
    summary: 'Listens to other channels, optionally whispering or barging in.',
    syntax: 'ChanSpy([chanprefix[,options]])',
    params: [
      opt('chanprefix', 'Only spy on channels whose name starts with this, e.g. `PJSIP/alice`; all channels when empty.'),
      opt('options', 'ChanSpy options.', SPY_OPTIONS),
    ],
    description:
      'While spying, `*` moves to the next channel, `#` changes volume and digits followed by `#` pick a channel by number. Protect the extension that runs it: anyone who can dial it can listen to calls. The `D` option is documented under ExtenSpy but the two share their options.',
    module: 'app_chanspy',
  },
  {
    name: 'ExtenSpy',
    summary: 'Listens to the calls placed from a given extension.',
    syntax: 'ExtenSpy(exten[@context][,options])',
    params: [
      req('exten', 'Extension to spy on.'),
      opt('context', 'Context of that extension; the current context when omitted.'),
      opt('options', 'The options of ChanSpy, except `u`.', SPY_OPTIONS.filter((x) => x.name !== 'u')),
    ],
    description: 'Picks channels created by calls dialled from that extension, which suits supervisors following an agent. As with ChanSpy, protect the extension that runs it.',
    module: 'app_chanspy',
  },

  // ---- Voicemail, directory, authentication ---------------------------------------------------------------------------
  {
    name: 'VoiceMail',
    summary: 'Lets the caller leave a message in one or more voicemail boxes.',
    syntax: 'VoiceMail(mailbox[&mailbox2...][,options])',
    params: [
      req('mailbox', 'Mailbox as `box@context` (context `default` if omitted); join several with `&`, the greeting comes from the first.'),
      opt('options', 'VoiceMail options.', [
        o('b', 'Play the busy greeting.'),
        o('d', 'Let the caller dial an extension of this context during the greeting.', '[(c)]'),
        o('e', 'Play the greeting as early media and only answer before recording.'),
        o('g', 'Recording gain in dB (DAHDI only).', '(#)'),
        o('s', 'Skip the leave-a-message instructions.'),
        o('S', 'Skip the instructions only when the user recorded a greeting.'),
        o('t', 'Play this file instead of the beep; empty means no beep.', '[(x)]'),
        o('u', 'Play the unavailable greeting.'),
        o('U', 'Mark the message urgent.'),
        o('P', 'Mark the message priority.'),
      ]),
    ],
    description:
      'Sets `VMSTATUS` to `SUCCESS`, `USEREXIT` or `FAILED`. A mailbox that is not in voicemail.conf stops the dialplan. During the greeting `0` jumps to the `o` extension (operator) and `*` to the `a` extension of the current context when they exist.',
    module: 'app_voicemail',
  },
  {
    name: 'VoiceMailMain',
    summary: 'Lets a user log in and listen to their voicemail.',
    syntax: 'VoiceMailMain([mailbox][@context][,options])',
    params: [
      opt('mailbox', 'Mailbox to open; the caller is asked when empty.'),
      opt('context', 'Voicemail context; `default` when omitted.'),
      opt('options', 'VoiceMailMain options.', [
        o('p', 'Treat the mailbox as a prefix for the number the caller enters.'),
        o('g', 'Recording gain in dB.', '(#)'),
        o('r', 'Read-only: messages cannot be deleted in this session.'),
        o('s', 'Skip the password check; only for extensions reachable by the owner alone.'),
        o('a', 'Open this folder first: a number 0-9 or a name such as `Old`.', '(folder)'),
      ]),
    ],
    description: 'The `s` option on an extension reachable from a trunk lets anyone read messages; keep it for extensions only the mailbox owner can dial. `*` at the mailbox or password prompt jumps to the `a` extension when it exists.',
    module: 'app_voicemail',
  },
  {
    name: 'VMAuthenticate',
    summary: 'Asks for a voicemail password before the dialplan continues.',
    syntax: 'VMAuthenticate([mailbox][@context][,options])',
    params: [
      opt('mailbox', 'Mailbox whose password must be entered; any mailbox when empty.'),
      opt('context', 'Voicemail context.'),
      opt('options', 'VMAuthenticate options.', [o('s', 'Skip the initial prompts.')]),
    ],
    description: 'Like Authenticate but checks voicemail.conf passwords. When no mailbox is given, `AUTH_MAILBOX` is set to the one that logged in. Three failures hang up.',
    module: 'app_voicemail',
  },
  {
    name: 'Authenticate',
    summary: 'Asks the caller for a password and hangs up after three wrong tries.',
    syntax: 'Authenticate(password[,options[,maxdigits[,prompt]]])',
    params: [
      req('password', 'The password, or a path starting with `/` to a file of passwords (or an AstDB family with `d`).'),
      opt('options', 'Authenticate options.', [
        o('a', 'Set the account code of the channel to the password entered.'),
        o('d', 'Treat the path as an AstDB family/key instead of a file.'),
        o('m', 'File lines are `accountcode:md5hash`; the matching account code is set on the channel.'),
        o('r', 'With `d`, delete the database key once used.'),
      ]),
      opt('maxdigits', 'Stop reading after this many digits without waiting for `#`.'),
      opt('prompt', 'Prompt files to play instead of `agent-pass`, joined with `&`.'),
    ],
    description: 'A simple guard for features such as outbound dialling from DISA. The password is in clear text in the dialplan unless a file or the AstDB is used.',
    module: 'app_authenticate',
  },
  {
    name: 'DISA',
    summary: 'Gives an outside caller an internal dial tone after a passcode (Direct Inward System Access).',
    syntax: 'DISA(passcode[,context[,cid[,mailbox[,options]]]])',
    params: [
      req('passcode', 'Numeric passcode, a path to a file of passcodes, or `no-password`.'),
      opt('context', 'Context in which the number dialled is matched; `disa` by default.'),
      opt('cid', 'Caller ID to present on the calls made.'),
      opt('mailbox', 'Mailbox as `box@context`; a stutter dial tone signals new messages.'),
      opt('options', 'DISA options.', [
        o('n', 'Do not answer the channel at first.'),
        o('p', 'Treat `#` as the end of the number dialled.'),
      ]),
    ],
    description: 'A classic path to toll fraud: use a long passcode and a context that only reaches the routes you intend. With `no-password` anyone who reaches the extension can call out.',
    module: 'app_disa',
  },
  {
    name: 'Directory',
    summary: 'Lets callers find a user by spelling the name on the keypad.',
    syntax: 'Directory([vm-context[,dial-context[,options]]])',
    params: [
      opt('vm-context', 'Voicemail context whose users are listed; `default` unless searchcontexts is on.'),
      opt('dial-context', 'Context in which the chosen extension is dialled; the current one by default.'),
      opt('options', 'Directory options.', [
        o('e', 'Also say the extension number.'),
        o('f', 'Search by first name, optionally with the number of letters to enter.', '[(n)]'),
        o('l', 'Search by last name (the default), optionally with the number of letters.', '[(n)]'),
        o('b', 'Search by first or last name.', '[(n)]'),
        o('a', 'Also match aliases; use with `f`, `l` or `b`.'),
        o('m', 'Offer a menu of up to eight matches.'),
        o('n', 'Read digits even when the channel is not answered.'),
        o('p', 'Pause this many milliseconds after the digits.', '(n)'),
        o('c', 'Read names from this file instead of voicemail.conf.', '(filename)'),
        o('s', 'Do not dial: put the extension in `DIRECTORY_EXTEN`.'),
        o('d', 'Enable ADSI screen phone support.'),
      ]),
    ],
    description: 'Names come from the full name field of voicemail.conf. `DIRECTORY_RESULT` tells why it ended: `SELECTED`, `OPERATOR`, `ASSISTANT`, `TIMEOUT`, `HANGUP`, `USEREXIT` or `FAILED`.',
    module: 'app_directory',
  },

  // ---- Queues and conferences -------------------------------------------------------------------------------------------
  {
    name: 'Queue',
    summary: 'Puts the caller in a call queue until an agent answers.',
    syntax: 'Queue(queuename[,options[,URL[,announceoverride[,timeout[,AGI[,macro[,gosub[,rule[,position]]]]]]]]])',
    params: [
      req('queuename', 'Queue name from queues.conf or realtime.'),
      opt('options', 'Queue options.', [
        PREDIAL_CALLEE,
        PREDIAL_CALLER,
        o('C', 'Mark the calls of members that did not answer as answered elsewhere.'),
        o('c', 'Continue in the dialplan when the member hangs up.'),
        o('d', 'Data-quality call (DAHDI only).'),
        o('F', 'When the caller hangs up, send the member to this location; without arguments, to the next priority.', '[([[context^]exten^]priority)]'),
        o('h', 'Let the member hang up with `*`.'),
        o('H', 'Let the caller hang up with `*`.'),
        o('i', 'Ignore call forwards from members.'),
        o('I', 'Ignore connected-line and redirecting updates.'),
        o('k', 'Let the member park the call.'),
        o('K', 'Let the caller park the call.'),
        o('m', 'Music on hold class for this call, overriding queues.conf.', '(class)'),
        o('n', 'No retries after the timeout: leave the queue at once.'),
        o('r', 'Play ringback instead of music on hold.'),
        o('R', 'Play ringback while a member is actually ringing.'),
        o('t', 'Let the member transfer.'),
        o('T', 'Let the caller transfer.'),
        o('w', 'Let the member start a one-touch recording (Monitor).'),
        o('W', 'Let the caller start a one-touch recording (Monitor).'),
        o('x', 'Let the member start a MixMonitor recording.'),
        o('X', 'Let the caller start a MixMonitor recording.'),
      ]),
      opt('URL', 'URL sent to the member, where supported.'),
      opt('announceoverride', 'Announcements played to the member before connecting, joined with `&`.'),
      opt('timeout', 'Seconds after which the caller leaves the queue; checked between retry cycles, so it can be exceeded.'),
      opt('AGI', 'AGI script run on the caller once connected.'),
      opt('macro', 'Macro run on the member channel once connected (deprecated; use `gosub`).'),
      opt('gosub', 'Subroutine run on the member channel once connected, starting at `s,1`.'),
      opt('rule', 'Penalty rule from queuerules.conf, overriding the default.'),
      opt('position', 'Position at which the caller joins, 1 being the head.'),
    ],
    description:
      'When the caller leaves without being answered, `QUEUESTATUS` is `TIMEOUT`, `FULL`, `JOINEMPTY`, `LEAVEEMPTY`, `JOINUNAVAIL`, `LEAVEUNAVAIL`, `CONTINUE` or `WITHDRAW` and the dialplan goes on; `ABANDONED` is `TRUE` if the caller hung up. Queue does not answer the channel itself, so put `Answer()` before it when callers must hear music and announcements. Members ring according to the strategy and rules of queues.conf.',
    module: 'app_queue',
  },
  {
    name: 'AddQueueMember',
    summary: 'Logs an interface in to a queue as a dynamic member.',
    syntax: 'AddQueueMember(queuename[,interface[,penalty[,options[,membername[,stateinterface[,wrapuptime]]]]]])',
    params: [
      req('queuename', 'The queue.'),
      opt('interface', 'What to ring, e.g. `PJSIP/alice` or `Local/100@agents/n`; the current channel device when empty.'),
      opt('penalty', 'Member penalty; lower penalties ring first.'),
      opt('options', 'AddQueueMember options.', [
        o('p', 'Add the member paused.'),
        o('r', 'Pause reason, with `p`.', '(reason)'),
      ]),
      opt('membername', 'Name shown in queue_log and reports.'),
      opt('stateinterface', 'Device whose state decides if the member is busy, e.g. `PJSIP/alice` for a Local interface.'),
      opt('wrapuptime', 'Seconds of rest after each call, overriding the queue setting.'),
    ],
    description: 'Sets `AQMSTATUS` to `ADDED`, `MEMBERALREADY` or `NOSUCHQUEUE`. Dynamic members survive restarts only when `persistentmembers` is on.',
    module: 'app_queue',
  },
  {
    name: 'RemoveQueueMember',
    summary: 'Logs a dynamic member out of a queue.',
    syntax: 'RemoveQueueMember(queuename[,interface])',
    params: [
      req('queuename', 'The queue.'),
      opt('interface', 'The member interface; the current channel device when empty.'),
    ],
    description: 'Sets `RQMSTATUS` to `REMOVED`, `NOTINQUEUE`, `NOSUCHQUEUE` or `NOTDYNAMIC` (members from queues.conf cannot be removed). Usually paired with AddQueueMember on agent login and logout feature codes.',
    module: 'app_queue',
  },
  {
    name: 'PauseQueueMember',
    summary: 'Pauses a queue member so it receives no calls.',
    syntax: 'PauseQueueMember([queuename],interface[,options[,reason]])',
    params: [
      opt('queuename', 'The queue; every queue of the member when empty.'),
      req('interface', 'The member interface.'),
      opt('options', 'Reserved; no options are defined.'),
      opt('reason', 'Free text written to queue_log and events, e.g. `lunch`.'),
    ],
    description: 'Sets `PQMSTATUS` to `PAUSED` or `NOTFOUND`. The member stays logged in.',
    module: 'app_queue',
  },
  {
    name: 'UnpauseQueueMember',
    summary: 'Resumes calls to a paused queue member.',
    syntax: 'UnpauseQueueMember([queuename],interface[,options[,reason]])',
    params: [
      opt('queuename', 'The queue; every queue of the member when empty.'),
      req('interface', 'The member interface.'),
      opt('options', 'Reserved; no options are defined.'),
      opt('reason', 'Free text written to queue_log and events.'),
    ],
    description: 'Sets `UPQMSTATUS` to `UNPAUSED` or `NOTFOUND`. Without a queue name the member is unpaused in every queue it belongs to.',
    module: 'app_queue',
  },
  {
    name: 'QueueLog',
    summary: 'Writes a custom line to the queue_log.',
    syntax: 'QueueLog(queuename,uniqueid,agent,event[,additionalinfo])',
    params: [
      req('queuename', 'Queue name for the line.'),
      req('uniqueid', 'Call ID, usually `${UNIQUEID}`.'),
      req('agent', 'Agent or member field.'),
      req('event', 'Event name.'),
      opt('additionalinfo', 'Extra fields, separated by `|`.'),
    ],
    description: 'Lets call-centre reporting tools see events from the dialplan, such as survey results. Lines use the same `time|callid|queue|agent|event|data` layout as those Queue writes.',
    module: 'app_queue',
  },
  {
    name: 'ConfBridge',
    summary: 'Puts the caller in a conference room.',
    syntax: 'ConfBridge(conference[,bridge_profile[,user_profile[,menu]]])',
    params: [
      req('conference', 'Room name; any string, created on first use.'),
      opt('bridge_profile', 'Bridge profile from confbridge.conf (or built with `CONFBRIDGE()`); `default_bridge` otherwise.'),
      opt('user_profile', 'User profile (PIN, admin, marked, music); `default_user` otherwise.'),
      opt('menu', 'DTMF menu from confbridge.conf; `default_menu` otherwise.'),
    ],
    description:
      'Behaviour is set by profiles instead of option letters. When the caller leaves, `CONFBRIDGE_RESULT` is `FAILED`, `HANGUP`, `KICKED`, `ENDMARKED`, `DTMF` or `TIMEOUT`. It answers the channel. The replacement for MeetMe, needing no DAHDI timing.',
    module: 'app_confbridge',
  },
  {
    name: 'MeetMe',
    summary: 'Puts the caller in a MeetMe conference (deprecated, needs DAHDI).',
    syntax: 'MeetMe([confno[,options[,pin]]])',
    params: [
      opt('confno', 'Conference number; the caller is asked when empty.'),
      opt('options', 'MeetMe options.', [
        o('a', 'Admin mode.'),
        o('A', 'Marked user.'),
        o('b', 'Run the AGI script in `MEETME_AGI_BACKGROUND` (DAHDI only).'),
        o('c', 'Announce the number of users on join.'),
        o('C', 'Continue in the dialplan when kicked.'),
        o('d', 'Create the conference dynamically.'),
        o('D', 'Create it dynamically and ask for a PIN.'),
        o('e', 'Pick an empty conference.'),
        o('E', 'Pick an empty conference without PIN.'),
        o('F', 'Pass DTMF through to the other users.'),
        o('G', 'Play this intro file on entry.', '(x)'),
        o('i', 'Announce join and leave, with review.'),
        o('I', 'Announce join and leave, without review.'),
        o('k', 'Close the conference when only one user is left.'),
        o('l', 'Listen only.'),
        o('m', 'Start muted.'),
        o('M', 'Music on hold while alone, optionally of a class.', '[(class)]'),
        o('n', 'Do not apply the denoiser.'),
        o('o', 'Talker optimization.'),
        o('p', 'Let the user leave with `#` or the given keys.', '[(keys)]'),
        o('P', 'Always ask for the PIN.'),
        o('q', 'Quiet: no enter and leave sounds.'),
        o('r', 'Record the conference.'),
        o('s', 'Menu on `*`.'),
        o('t', 'Talk only.'),
        o('T', 'Talker detection.'),
        o('v', 'Announce the user with the voicemail name recording.', '(mailbox@[context])'),
        o('w', 'Wait for the marked user, optionally for at most this many seconds.', '[(secs)]'),
        o('x', 'Leave when the last marked user leaves.'),
        o('X', 'Leave to a one-digit extension of `MEETME_EXIT_CONTEXT`.'),
        o('1', 'Do not play the only-person message to the first user.'),
        o('S', 'Kick the user after this many seconds.', '(x)'),
        o('L', 'Limit the time to `x` ms, warn at `y` ms left, repeat every `z` ms.', '(x[:y][:z])'),
      ]),
      opt('pin', 'Conference PIN.'),
    ],
    description: 'app_meetme is deprecated since Asterisk 19 and needs the DAHDI timing modules even for SIP calls. Use ConfBridge for new setups.',
    module: 'app_meetme',
  },

  // ---- Parking ------------------------------------------------------------------------------------------------------
  {
    name: 'Park',
    summary: 'Parks the current call in a parking lot.',
    syntax: 'Park([parking_lot_name[,options]])',
    params: [
      opt('parking_lot_name', 'Lot to use; else the `PARKINGLOT` variable, `CHANNEL(parkinglot)`, then the default lot.'),
      opt('options', 'Park options.', [
        o('r', 'Play ringing instead of music on hold to the parked call.'),
        o('R', 'Pick a random free space.'),
        o('s', 'Do not announce the space number.'),
        o('c', 'Where the call goes when the parking times out, instead of the lot setting.', '([[context,]extension,]priority)'),
        o('t', 'Parking timeout in seconds, instead of the lot setting.', '(duration)'),
        o('m', 'Music on hold class for the parked call (accepted by the code, not in the official option list).', '(class)'),
      ]),
    ],
    description: 'Set `PARKINGEXTEN` to ask for a given space. Parking lots are configured in res_parking.conf; with `parkext` set, the lot creates its own dialplan extensions.',
    module: 'res_parking',
  },
  {
    name: 'ParkedCall',
    summary: 'Retrieves a parked call.',
    syntax: 'ParkedCall([parking_lot_name[,parking_space]])',
    params: [
      opt('parking_lot_name', 'Lot to take the call from; the same fallbacks as Park.'),
      opt('parking_space', 'Space number; the first parked call when empty.'),
    ],
    description: 'Lots with `parkext` make their own extensions, so include their context instead of calling ParkedCall yourself. With no space given, the first call parked in the lot is retrieved.',
    module: 'res_parking',
  },

  // ---- External programs, ARI, DTMF ---------------------------------------------------------------------------------
  {
    name: 'AGI',
    summary: 'Hands control of the channel to an external program through the Asterisk Gateway Interface.',
    syntax: 'AGI(command[,arg1[,arg2...]])',
    params: [
      req('command', 'A script in the AGI directory or a full path, `agi://host[:port]/path` for FastAGI, `hagi://` for FastAGI with SRV lookup, or `agi:async` for AMI-driven AGI.'),
      opt('arg1', 'Arguments given to the script, seen as `agi_arg_1` and onwards.'),
    ],
    description:
      'The script talks to Asterisk over stdin and stdout (or a TCP socket for FastAGI) and can play files, read digits and set variables. `AGISTATUS` is `SUCCESS`, `FAILURE`, `NOTFOUND` or `HANGUP`. A missing script (`NOTFOUND`) or one that exits with an error (`FAILURE`) does not end the call: the dialplan goes on.',
    module: 'res_agi',
  },
  {
    name: 'EAGI',
    summary: 'Runs an AGI program that also receives the caller audio on file descriptor 3.',
    syntax: 'EAGI(command[,arg1[,arg2...]])',
    params: [
      req('command', 'Script to run, as for AGI.'),
      opt('arg1', 'Arguments given to the script.'),
    ],
    description: 'Used for speech recognition scripts that need the raw audio. Otherwise it works like AGI and sets `AGISTATUS`.',
    module: 'res_agi',
  },
  {
    name: 'Stasis',
    summary: 'Hands the channel to an ARI (Stasis) application.',
    syntax: 'Stasis(app_name[,args])',
    params: [
      req('app_name', 'Name of the ARI application, as the client connected with.'),
      opt('args', 'Comma-separated arguments passed in the StasisStart event.'),
    ],
    description: 'The ARI client then controls the call. When it releases the channel the dialplan goes on with `STASISSTATUS` set to `SUCCESS`, or `FAILED` when the application was not connected.',
    module: 'app_stasis',
  },
  {
    name: 'System',
    summary: 'Runs a shell command on the server.',
    syntax: 'System(command)',
    params: [req('command', 'Command line passed to the shell.')],
    description:
      'Sets `SYSTEMSTATUS` to `SUCCESS`, `APPERROR` (the command ran but exited with an error) or `FAILURE` (it could not be run, e.g. not found), and on `FAILURE` the call ends; TrySystem goes on instead. The output is discarded (use `SHELL()` to capture it). Never put caller ID or other caller-controlled data in the command without `FILTER()`: it is a direct path to command injection.',
    module: 'app_system',
  },
  {
    name: 'TrySystem',
    summary: 'Runs a shell command like System, but never ends the call when the command cannot be run.',
    syntax: 'TrySystem(command)',
    params: [req('command', 'Command line passed to the shell.')],
    description: 'Sets `SYSTEMSTATUS` to `SUCCESS`, `APPERROR` or `FAILURE` and always continues with the next priority. The same injection warning as System applies.',
    module: 'app_system',
  },
  {
    name: 'SendDTMF',
    summary: 'Sends DTMF digits on the channel.',
    syntax: 'SendDTMF(digits[,timeout_ms[,duration_ms[,channel[,options]]]])',
    params: [
      req('digits', 'Digits `0-9`, `*`, `#`, `A-D`; `w` waits half a second, `W` one second, `f` sends a flash.'),
      opt('timeout_ms', 'Pause between digits in ms; 250 by default.'),
      opt('duration_ms', 'Length of each digit in ms.'),
      opt('channel', 'Send on this channel instead of the current one.'),
      opt('options', 'SendDTMF options.', [o('a', 'Answer the channel first if it is not up.')]),
    ],
    description: 'How the digits travel (RFC 4733, SIP INFO or in-band) depends on the `dtmf_mode` of the endpoint. To send digits after the far end answers a Dial, use the `D` option of Dial.',
    module: 'app_senddtmf',
  },
  {
    name: 'SendText',
    summary: 'Sends a text message on the channel, for phones that display it.',
    syntax: 'SendText([text])',
    params: [opt('text', 'The message; the `SENDTEXT_BODY` variable is used when empty.')],
    description: 'On SIP it becomes a MESSAGE within the call. `SENDTEXTSTATUS` is `SUCCESS`, `FAILURE` or `UNSUPPORTED`.',
    module: 'app_sendtext',
  },

  // ---- SIP specific -------------------------------------------------------------------------------------------------
  {
    name: 'SIPAddHeader',
    summary: 'Adds a SIP header to the next outgoing chan_sip call (deprecated chan_sip).',
    syntax: 'SIPAddHeader(header:content)',
    params: [
      req('header', 'Header name; use an `X-` name for custom data.'),
      req('content', 'Header value.'),
    ],
    description: 'Only works with chan_sip, deprecated since Asterisk 17 and removed in 21. For PJSIP use `Set(PJSIP_HEADER(add,Name)=value)` in a pre-dial handler (`b()` option of Dial); there is no PJSIPAddHeader application.',
    module: 'chan_sip',
  },
  {
    name: 'SIPRemoveHeader',
    summary: 'Removes headers added with SIPAddHeader (deprecated chan_sip).',
    syntax: 'SIPRemoveHeader([header])',
    params: [opt('header', 'Header name, or a prefix ending in `:`; every added header when empty.')],
    description: 'chan_sip only; with PJSIP use `PJSIP_HEADER(remove,...)`. It always returns to the dialplan, whether or not a header matched.',
    module: 'chan_sip',
  },
  {
    name: 'PJSIPHangup',
    summary: 'Rejects an incoming PJSIP call with a chosen SIP response code.',
    syntax: 'PJSIPHangup(Cause)',
    params: [req('Cause', 'A SIP response code from 400 to 699 (e.g. `486`) or its name (e.g. `BUSY_HERE`).')],
    description: 'Must run before anything sends a final response, so before Answer or a Playback without `noanswer`. The dialplan stops afterwards, as with Hangup. Available since Asterisk 20.6.',
    module: 'chan_pjsip',
  },

  // ---- Fax, answering machines, call screening -----------------------------------------------------------------------
  {
    name: 'ReceiveFAX',
    summary: 'Receives a fax and saves it as a TIFF file.',
    syntax: 'ReceiveFAX(filename[,options])',
    params: [
      req('filename', 'TIFF file to write.'),
      opt('options', 'ReceiveFAX options.', [
        o('d', 'Fax debugging.'),
        o('f', 'Allow falling back to audio on T.38 channels.'),
        o('F', 'Force audio mode even on T.38 channels.'),
        o('s', 'Send progress events to AMI.'),
      ]),
    ],
    description: 'Needs res_fax plus a fax engine (res_fax_spandsp). Results are in `FAXSTATUS`, `FAXERROR`, `FAXPAGES` and `REMOTESTATIONID`; T.38 on a trunk requires `t38_udptl` on the endpoint.',
    module: 'res_fax',
  },
  {
    name: 'SendFAX',
    summary: 'Sends one or more TIFF files as a fax.',
    syntax: 'SendFAX(filename[&filename2...][,options])',
    params: [
      req('filename', 'TIFF files to send, joined with `&`.'),
      opt('options', 'SendFAX options.', [
        o('d', 'Fax debugging.'),
        o('f', 'Allow falling back to audio on T.38 channels.'),
        o('F', 'Force audio mode even on T.38 channels.'),
        o('s', 'Send progress events to AMI.'),
        o('z', 'Send a T.38 re-INVITE if the far end does not.'),
      ]),
    ],
    description: 'Results are in `FAXSTATUS`, `FAXERROR` and `FAXPAGES`. Audio fax over a compressed codec such as G.729 fails; use G.711 or T.38.',
    module: 'res_fax',
  },
  {
    name: 'AMD',
    summary: 'Tries to tell whether a human or an answering machine answered an outbound call.',
    syntax: 'AMD([initialSilence[,greeting[,afterGreetingSilence[,totalAnalysisTime[,miniumWordLength[,betweenWordSilence[,maximumNumberOfWords[,silenceThreshold[,maximumWordLength[,audioFile]]]]]]]]]])',
    params: [
      opt('initialSilence', 'Longest silence before the greeting, in ms; longer means machine.'),
      opt('greeting', 'Longest greeting in ms; longer means machine.'),
      opt('afterGreetingSilence', 'Silence after the greeting, in ms, that means human.'),
      opt('totalAnalysisTime', 'Maximum ms to decide.'),
      opt('miniumWordLength', 'Shortest sound in ms counted as a word (spelled this way in Asterisk).'),
      opt('betweenWordSilence', 'Silence in ms that separates words.'),
      opt('maximumNumberOfWords', 'More words than this means machine.'),
      opt('silenceThreshold', 'Noise level from 0 to 32767 below which audio counts as silence.'),
      opt('maximumWordLength', 'Longest word in ms; longer means machine.'),
      opt('audioFile', 'File played while the analysis runs.'),
    ],
    description: 'Defaults come from amd.conf. Sets `AMDSTATUS` to `MACHINE`, `HUMAN`, `NOTSURE` or `HANGUP`, and `AMDCAUSE` to the reason. Run it right after the call is answered; accuracy is limited, so tune the values on real traffic.',
    module: 'app_amd',
  },
  {
    name: 'PrivacyManager',
    summary: 'Asks callers without caller ID to enter their number.',
    syntax: 'PrivacyManager([maxretries[,minlength[,options[,context]]]])',
    params: [
      opt('maxretries', 'Attempts allowed; 3 by default.'),
      opt('minlength', 'Minimum digits; 10 by default.'),
      opt('options', 'Reserved; no options are defined.'),
      opt('context', 'Context whose patterns the entered number must match.'),
    ],
    description: 'Does nothing when caller ID is present. Sets `PRIVACYMGRSTATUS` to `SUCCESS` or `FAILED`.',
    module: 'app_privacy',
  },
  {
    name: 'Zapateller',
    summary: 'Plays the special information tone that makes autodialers hang up.',
    syntax: 'Zapateller(options)',
    params: [
      req('options', 'Zapateller options.', [
        o('answer', 'Answer the line before playing the tone.'),
        o('nocallerid', 'Only play the tone when there is no caller ID.'),
      ]),
    ],
    description: 'Sets `ZAPATELLERSTATUS` to `NOTHING`, `ANSWERED` or `ZAPPED`. With `nocallerid` it only plays for callers without caller ID, the typical autodialer case.',
    module: 'app_zapateller',
  },

  // ---- CDR and AstDB -------------------------------------------------------------------------------------------------
  {
    name: 'ForkCDR',
    summary: 'Starts a new CDR for the channel from now on.',
    syntax: 'ForkCDR([options])',
    params: [
      opt('options', 'ForkCDR options.', [
        o('a', 'Set the answer time of the new CDR to now, if answered.'),
        o('e', 'Close the original CDR.'),
        o('r', 'Reset start and answer times of the new CDR to now (implies `a`).'),
        o('v', 'Do not copy CDR variables to the new CDR.'),
      ]),
    ],
    description: 'Used to bill the parts of a long call separately. Since Asterisk 12 CDRs follow bridges, so forking is needed less often than in old dialplans.',
    module: 'app_forkcdr',
  },
  {
    name: 'ResetCDR',
    summary: 'Resets the start time and the variables of the current CDR.',
    syntax: 'ResetCDR([options])',
    params: [
      opt('options', 'ResetCDR options.', [
        o('v', 'Keep the CDR variables.'),
        o('e', 'Re-enable CDRs disabled by NoCDR (deprecated; use `CDR_PROP(disable)=0`).'),
      ]),
    ],
    description: 'The answer time is also reset when the channel is up. Useful after an IVR so that billing starts when the real call starts.',
    module: 'app_cdr',
  },
  {
    name: 'NoCDR',
    summary: 'Stops a CDR from being written for the current channel (deprecated).',
    syntax: 'NoCDR()',
    params: [],
    description: 'Deprecated: use `Set(CDR_PROP(disable)=1)`. The CDR is still tracked, just not stored.',
    module: 'app_cdr',
  },
  {
    name: 'DBdeltree',
    summary: 'Deletes a family or a key tree from the Asterisk database.',
    syntax: 'DBdeltree(family[/keytree])',
    params: [
      req('family', 'Top-level family, e.g. `CF`.'),
      opt('keytree', 'Key path below it; the whole family when omitted.'),
    ],
    description: 'For single keys use `DB_DELETE()`. Deleting a whole family, e.g. all call forwards, is not undoable.',
    module: 'app_db',
  },
];

export const APPLICATIONS: readonly AppDoc[] = ENTRIES.map((e) => ({ ...e, url: `${APP_URL}${e.name}/` }));

/** Asked once per dialplan line by several checks: the answer for each name as written is kept (caseless.ts). */
const byAnyCase = caseless(APPLICATIONS.map((a) => [a.name, a] as const));

/** Documentation for a dialplan application; names are case-insensitive, as in Asterisk. */
export function applicationDoc(name: string): AppDoc | undefined {
  return byAnyCase(name);
}
