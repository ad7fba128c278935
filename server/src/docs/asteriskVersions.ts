// What each Asterisk version from 18 to 23 removed or deprecated, of what a dialplan names: applications, functions
// and channel drivers, with what to use instead. Written from the "Upgrade Notes" of ChangeLogs/ChangeLog-21.0.0.md
// and ChangeLog-23.0.0.md of the asterisk repository, and from the <deprecated_in>/<removed_in> of each module's
// AST_MODULE_INFO (app_macro, app_meetme, app_osplookup, chan_sip, res_monitor) at the tags 18.26.4, 20.20.1,
// 21.12.3, 22.10.1 and 23.4.1. Asterisk 22 removed nothing a dialplan names.

import { caseless } from './caseless';

export const SUPPORTED_VERSIONS = [18, 19, 20, 21, 22, 23] as const;
export const DEFAULT_VERSION = 20;

/** A version setting read as a supported major version (a string `"21"` or `"21.5.0"` too); null when not set. */
export function asteriskVersion(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? parseInt(value, 10) : NaN;
  return (SUPPORTED_VERSIONS as readonly number[]).includes(n) ? n : null;
}

export interface VersionChange {
  kind: 'application' | 'function' | 'channel' | 'option';
  /** As registered (an application or function), the channel technology (`SIP`), or an option letter. */
  name: string;
  /** For an option: the application it belongs to. */
  app?: string;
  /** The module it comes with. */
  module: string;
  deprecatedIn: number;
  /** null: still there in 23. */
  removedIn: number | null;
  /** What to use instead, in a few words. */
  instead: string;
  /** Where this comes from. */
  source: string;
}

const MACRO = 'Gosub (a `[macro-name]` context becomes a subroutine: Gosub(macro-name,s,1(args)), MacroExit becomes Return)';
const MONITOR = 'MixMonitor (res_monitor was removed)';
const CL21 = 'ChangeLog-21.0.0.md, Upgrade Notes';

const c = (kind: VersionChange['kind'], names: string[], module: string, deprecatedIn: number, removedIn: number | null, instead: string, source: string): VersionChange[] =>
  names.map((name) => ({ kind, name, module, deprecatedIn, removedIn, instead, source }));

export const VERSION_CHANGES: readonly VersionChange[] = [
  ...c('application', ['Macro', 'MacroExclusive', 'MacroIf'], 'app_macro', 16, 21, MACRO, `apps/app_macro.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['MacroExit'], 'app_macro', 16, 21, 'Return (in a subroutine called by Gosub)', `apps/app_macro.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['Monitor', 'StopMonitor', 'PauseMonitor', 'UnpauseMonitor', 'ChangeMonitor'], 'res_monitor', 16, 21, MONITOR, `res/res_monitor.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['NoCDR'], 'app_cdr', 16, 21, 'Set(CDR_PROP(disable)=1)', CL21),
  ...c('application', ['ImportVar'], 'core', 12, 21, 'Set(name=${IMPORT(channel,variable)})', CL21),
  ...c('application', ['SetAMAFlags'], 'core', 12, 21, 'Set(CHANNEL(amaflags)=...)', CL21),
  ...c('application', ['OSPAuth', 'OSPFinish', 'OSPLookup', 'OSPNext'], 'app_osplookup', 19, 21, 'nothing in Asterisk (the OSP module is gone)', `apps/app_osplookup.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['SIPAddHeader'], 'chan_sip', 17, 21, 'Set(PJSIP_HEADER(add,Name)=value) in a pre-dial handler', `channels/chan_sip.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['SIPRemoveHeader'], 'chan_sip', 17, 21, 'Set(PJSIP_HEADER(remove,Name)=)', `channels/chan_sip.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['SIPDtmfMode'], 'chan_sip', 17, 21, 'Set(PJSIP_DTMF_MODE()=mode)', `channels/chan_sip.c AST_MODULE_INFO; ${CL21}`),
  ...c('application', ['SIPSendCustomINFO'], 'chan_sip', 17, 21, 'nothing equivalent in chan_pjsip', `channels/chan_sip.c AST_MODULE_INFO; ${CL21}`),
  ...[['DAHDIRAS', 'app_dahdiras'], ['ICES', 'app_ices'], ['NBScat', 'app_nbscat'], ['SendImage', 'app_image'], ['SendURL', 'app_url']].flatMap(([app, module]) =>
    c('application', [app], module, 16, 19, 'nothing in Asterisk', `apps/${module}.c AST_MODULE_INFO <removed_in> at 18.26.4`),
  ),
  ...c('application', ['DeadAGI'], 'res_agi', 15, 23, 'AGI', 'ChangeLog-23.0.0.md, Upgrade Notes'),
  ...c('application', ['MeetMe', 'MeetMeAdmin', 'MeetMeChannelAdmin', 'MeetMeCount'], 'app_meetme', 19, null, 'ConfBridge', 'apps/app_meetme.c AST_MODULE_INFO'),
  ...c('function', ['SIPPEER', 'SIP_HEADER', 'SIP_HEADERS', 'CHECKSIPDOMAIN'], 'chan_sip', 17, 21, 'PJSIP_ENDPOINT, PJSIP_HEADER(read,...), CHANNEL(pjsip,...)', `channels/chan_sip.c AST_MODULE_INFO; ${CL21}`),
  ...c('function', ['MEETME_INFO'], 'app_meetme', 19, null, 'CONFBRIDGE_INFO', 'apps/app_meetme.c AST_MODULE_INFO'),
  ...c('function', ['VALID_EXTEN'], 'func_dialplan', 16, 23, 'DIALPLAN_EXISTS', 'ChangeLog-23.0.0.md, Upgrade Notes'),
  ...c('function', ['QUEUE_MEMBER_COUNT'], 'app_queue', 16, 23, 'QUEUE_MEMBER(queue,logged)', 'ChangeLog-23.0.0.md, Upgrade Notes'),
  ...c('channel', ['SIP'], 'chan_sip', 17, 21, 'PJSIP (chan_pjsip)', `channels/chan_sip.c AST_MODULE_INFO; ${CL21}`),
  ...c('channel', ['Skinny'], 'chan_skinny', 19, 21, 'nothing in Asterisk', CL21),
  ...c('channel', ['MGCP'], 'chan_mgcp', 19, 21, 'nothing in Asterisk', CL21),
  ...c('channel', ['ALSA'], 'chan_alsa', 19, 21, 'nothing in Asterisk (chan_console)', CL21),
];

/** Option letters a version removed (the letter is no longer in the application's AST_APP_OPTIONS table). */
export const OPTION_CHANGES: readonly VersionChange[] = [
  { kind: 'option', app: 'Dial', name: 'M', module: 'app_dial', deprecatedIn: 16, removedIn: 21, instead: 'U(subroutine^args), which runs a Gosub on the called channel', source: `apps/app_dial.c dial_exec_options at 21.12.3; ${CL21} (app_macro)` },
  { kind: 'option', app: 'ResetCDR', name: 'e', module: 'app_cdr', deprecatedIn: 16, removedIn: 21, instead: 'Set(CDR_PROP(disable)=0)', source: `apps/app_cdr.c resetcdr_opts at 21.12.3; ${CL21} (app_cdr)` },
];

const options = new Map(OPTION_CHANGES.map((v) => [`${v.app!.toLowerCase()}:${v.name}`, v]));

/** The change of an application's option letter (the application in any case, the letter exact). */
export function optionChange(app: string, letter: string): VersionChange | undefined {
  return options.get(`${app.toLowerCase()}:${letter}`);
}

const ofKind = (kind: VersionChange['kind']): [string, VersionChange][] => VERSION_CHANGES.filter((v) => v.kind === kind).map((v) => [v.name, v]);
const applications = caseless(ofKind('application'));
const channels = caseless(ofKind('channel'));
const functions = new Map(ofKind('function'));

/** The change of an application (any case), a function (exact, as Asterisk compares) or a channel technology. */
export function versionChange(kind: Exclude<VersionChange['kind'], 'option'>, name: string): VersionChange | undefined {
  return kind === 'application' ? applications(name) : kind === 'channel' ? channels(name) : functions.get(name);
}

/**
 * What the last release of a version lacks of Asterisk 20.20.1's applications and functions, beyond the removals
 * above: added in a later 20 release (and to 18 and 22 when they were still maintained), after 19 and 21 had
 * reached their end. Read from the `<application name=` and `<function name=` documentation of every module at
 * the tags 18.26.4, 19.8.1, 21.12.3, 22.10.1 and 23.4.1, compared with 20.20.1's.
 */
const NOT_YET: Record<number, { applications: string[]; functions: string[] }> = {
  18: { applications: ['StasisBroadcast'], functions: ['DAHDI_CHANNEL', 'DIGIT_SUM', 'EVAL_SUB', 'PJSIP_INHERITABLE_HEADER', 'PJSIP_TRANSFER_HANDLING', 'RECORDING_INFO', 'STIR_SHAKEN_ATTESTATION', 'UUID'] },
  19: {
    applications: ['Broadcast', 'If', 'ElseIf', 'Else', 'EndIf', 'ExitIf', 'PJSIPHangup', 'PJSIPNotify', 'Signal', 'WaitForSignal', 'StasisBroadcast'],
    functions: ['DAHDI_CHANNEL', 'DELETE', 'DIGIT_SUM', 'EVAL_SUB', 'GLOBAL_DELETE', 'GLOBAL_EXISTS', 'LOG_GROUP', 'PJSIP_HEADER_PARAM', 'PJSIP_INHERITABLE_HEADER', 'PJSIP_PARSE_URI_FROM', 'PJSIP_TRANSFER_HANDLING', 'RECORDING_INFO', 'STIR_SHAKEN_ATTESTATION', 'UUID', 'VARIABLE_EXISTS'],
  },
  21: { applications: ['StasisBroadcast'], functions: ['DIGIT_SUM', 'PJSIP_INHERITABLE_HEADER', 'STIR_SHAKEN_ATTESTATION'] },
};

const notYet = new Map(Object.entries(NOT_YET).map(([v, lists]) => [Number(v), { applications: caseless(lists.applications.map((a) => [a, true] as const)), functions: new Set(lists.functions) }]));

/** Whether this version's last release lacks an application (any case) or function (exact) that 20.20.1 has. */
export function notYetIn(kind: 'application' | 'function', name: string, version: number): boolean {
  const lists = notYet.get(version);
  if (!lists) return false;
  return kind === 'application' ? lists.applications(name) === true : lists.functions.has(name);
}

/** The first version that removed anything of the list: below it, nothing a dialplan names is gone. */
export const EARLIEST_REMOVAL = Math.min(...[...VERSION_CHANGES, ...OPTION_CHANGES].map((v) => v.removedIn ?? Infinity));

/** The modules a version removed (every change of theirs is a removal), by name: what `load => x.so` cannot find. */
export function removedModule(module: string, version: number): VersionChange | undefined {
  return VERSION_CHANGES.find((v) => v.module === module && removedBy(v, version) && VERSION_CHANGES.every((w) => w.module !== module || w.removedIn === v.removedIn));
}

/** Is it gone in this version? */
export function removedBy(change: VersionChange | undefined, version: number): boolean {
  return change !== undefined && change.removedIn !== null && version >= change.removedIn;
}
