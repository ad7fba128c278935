// The option letters each application hands to ast_app_parse_options (main/app.c), read from the AST_APP_OPTIONS
// table of its Asterisk 20 source. Asterisk reads an option string one character at a time: a character followed
// by `(` takes everything up to the matching `)` as its value; a character its table does not hold is logged
// ("Unrecognized option") and otherwise ignored; an option whose table entry takes a value and gets none is set
// with an empty value. Only applications that parse their options this way are listed: the others compare whole
// words (Playback's `skip`, Zapateller's `answer`) or look for single letters with strchr, and say nothing
// about the rest.
//
// `letters`: every character the table holds; `valued`: the ones declared with AST_APP_OPTION_ARG (they may be
// followed by `(value)`). Whether the value is required is the documentation's call (`args` of the OptionDoc,
// docs/applications.ts: `[(x)]` is optional). test/docs/applicationOptions.test.ts holds these letters against
// the documented options.

export interface OptionTable {
  /** the application, as Asterisk registers it */
  app: string;
  /** which argument holds the options, counted from 0 in ast_app_separate_args' split */
  argument: number;
  letters: string;
  valued: string;
  /** the Asterisk source file and the name of its AST_APP_OPTIONS table */
  source: string;
}

const t = (app: string, argument: number, letters: string, valued: string, source: string): OptionTable => ({ app, argument, letters: letters + valued, valued, source });

const DIAL = ['aCcdEeghHiIjkKNpRtTwWxXz', 'AbBDfFGLmMnoOPQrSsuU'] as const;
const SPY = ['bBdDElNoqsSuwWX', 'cegnrvx'] as const;
const VOICEMAIL = ['sSbupUPer', 'gdat'] as const;
const FAX = ['acdfFsz', ''] as const;

export const OPTION_TABLES: readonly OptionTable[] = [
  t('Dial', 2, ...DIAL, 'apps/app_dial.c dial_exec_options'),
  t('Queue', 1, 'CcdhHiIkKnrRtTxXwW', 'bBFm', 'apps/app_queue.c queue_exec_options'),
  t('AddQueueMember', 3, 'p', 'r', 'apps/app_queue.c aqm_opts'),
  t('Originate', 6, 'a', 'bBCcnv', 'apps/app_originate.c originate_exec_options'),
  t('Bridge', 1, 'phHkKntTwWx', 'FLS', 'main/features.c bridge_exec_options'),
  t('BridgeWait', 2, 'n', 'emS', 'apps/app_bridgewait.c bridgewait_opts'),
  t('FollowMe', 1, 'adIlNns', 'Bb', 'apps/app_followme.c followme_opts'),
  t('Page', 1, 'dqrsin', 'bBA', 'apps/app_page.c page_opts'),
  t('PickupChan', 1, 'p', '', 'apps/app_directed_pickup.c pickupchan_opts'),
  t('SoftHangup', 1, 'a', '', 'apps/app_softhangup.c app_opts'),
  t('WaitExten', 1, '', 'md', 'main/pbx_builtins.c waitexten_opts'),
  t('BackGround', 1, 'snmp', '', 'main/pbx_builtins.c background_opts (after the whole words skip and noanswer)'),
  t('Read', 3, 'sine', 't', 'apps/app_read.c read_app_options'),
  t('ReadExten', 3, 'sinp', '', 'apps/app_readexten.c readexten_app_options'),
  t('ControlPlayback', 7, '', 'o', 'apps/app_controlplayback.c cpb_opts'),
  t('SayUnixTime', 3, '', 'j', 'apps/app_sayunixtime.c sayunixtime_exec_options'),
  t('Record', 3, 'aknoqstuyx', '', 'apps/app_record.c app_opts'),
  t('MixMonitor', 1, 'abcdpPD', 'BvVWrtimSns', 'apps/app_mixmonitor.c mixmonitor_opts'),
  t('Monitor', 2, 'bmioX', 'B', 'res/res_monitor.c monitor_opts'),
  t('ChanSpy', 1, ...SPY, 'apps/app_chanspy.c spy_opts'),
  t('ExtenSpy', 1, ...SPY, 'apps/app_chanspy.c spy_opts'),
  t('VoiceMail', 1, ...VOICEMAIL, 'apps/app_voicemail.c vm_app_options'),
  t('VoiceMailMain', 1, ...VOICEMAIL, 'apps/app_voicemail.c vm_app_options'),
  t('Authenticate', 1, 'admr', '', 'apps/app_authenticate.c auth_app_options'),
  t('DISA', 4, 'np', '', 'apps/app_disa.c app_opts'),
  t('Directory', 2, 'evmnasd', 'flbpc', 'apps/app_directory.c directory_app_options'),
  t('MeetMe', 1, 'AabcCDdEeFiIkmnoPqrsTltXx1', 'GvMpwSL', 'apps/app_meetme.c meetme_opts'),
  t('Park', 1, 'rRs', 'ctm', 'res/parking/parking_applications.c park_opts'),
  t('SendDTMF', 4, 'a', '', 'apps/app_senddtmf.c senddtmf_app_options'),
  t('ReceiveFAX', 1, ...FAX, 'res/res_fax.c fax_exec_options'),
  t('SendFAX', 1, ...FAX, 'res/res_fax.c fax_exec_options'),
  t('ForkCDR', 0, 'aerv', '', 'apps/app_forkcdr.c forkcdr_exec_options'),
  t('ResetCDR', 0, 've', '', 'apps/app_cdr.c resetcdr_opts'),
];

const BY_NAME = new Map(OPTION_TABLES.map((table) => [table.app.toLowerCase(), table]));

/** The option table of an application (any case, as pbx_findapp looks names up). */
export function optionTable(app: string): OptionTable | undefined {
  return BY_NAME.get(app.toLowerCase());
}

/**
 * Letters of the tables above that a version's last release does not have yet (added later in the 20 series, and
 * to 18 and 22 while they were maintained): compared with the tables at the tags 18.26.4, 19.8.1 and 21.12.3.
 * (Letters a version removed are in docs/asteriskVersions.ts, OPTION_CHANGES.)
 */
const NOT_YET: Record<number, Record<string, string>> = {
  18: { MixMonitor: 'Ds', ChanSpy: 'N', ExtenSpy: 'N' },
  19: { Dial: 'j', Read: 'e', MixMonitor: 'Dcds', Monitor: 'X', ChanSpy: 'DN', ExtenSpy: 'DN', Directory: 'cds' },
  21: { MixMonitor: 's' },
};

/** Whether this version's last release lacks an option letter that Asterisk 20.20.1's table holds. */
export function optionNotYetIn(app: string, letter: string, version: number): boolean {
  return NOT_YET[version]?.[app]?.includes(letter) ?? false;
}
