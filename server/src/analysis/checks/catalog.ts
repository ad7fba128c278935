// Every finding code, with its default severity, a title and a description in plain words: the one list that the
// SARIF rules of `pbx-interconnect check` are written from, and that test/unit/checkCatalog.test.ts holds against
// README's tables and against the codes the sources emit. A new code gets its line here (ARCHITECTURE.md).
import type { Severity } from '../../parser/ast';

export interface CheckInfo {
  /** The stable code (never renamed once released). */
  code: string;
  /** What it reports by default; a check may report some cases one level up or down (README says which). */
  severity: Severity;
  /** A few words, for lists: "Unclosed section header". */
  title: string;
  /** One or two sentences: what it finds and what Asterisk does about it (Markdown: `code` spans only). */
  description: string;
  /**
   * Off by default (false): it runs only once the user gives its code a severity (the setting
   * `pbx.diagnostics.severity`, the CLI's `--enable` or `--severity`), as ESLint's rules that a config must turn on.
   */
  enabled: boolean;
}

const c = (code: string, severity: Severity, title: string, description: string): CheckInfo => ({ code, severity, title, description, enabled: true });
/** A code off by default: reported, at this severity, only once enabled (analysis/severities.ts). */
const offByDefault = (code: string, severity: Severity, title: string, description: string): CheckInfo => ({ code, severity, title, description, enabled: false });

export const CATALOG: readonly CheckInfo[] = [
  // Our own failures (analysis/findings.ts): never a crash, one finding on the file concerned
  c('internal-error', 'error', 'PBX Interconnect failed here', 'A bug of PBX Interconnect while loading or checking this file: the other findings are still shown. The message names what failed (the code path, never the configuration\'s text).'),
  // What Asterisk's config loader rejects or ignores (parser/, model/configLoader.ts)
  c('syntax-unclosed-section', 'error', 'Unclosed section header', 'A section header without its closing `]`: Asterisk loads none of the file.'),
  c('syntax-unclosed-options', 'error', 'Unclosed header options', 'A header `[name](...` without the closing `)`: Asterisk loads none of the file.'),
  c('syntax-no-section', 'error', 'Setting before any section', 'A setting before the first `[section]` (in a file nobody includes, or included before any section): Asterisk loads none of the file.'),
  c('syntax-bad-escape', 'error', 'Backslash followed by a blank', 'A line starting with `\\` followed by a blank: Asterisk loads none of the file.'),
  c('syntax-unknown-template', 'error', 'Unknown template', '`[peer](tpl)` where `tpl` is not defined before (templates of earlier `#include`d files count): Asterisk loads none of the file.'),
  c('syntax-append-missing', 'error', 'Append to a missing section', '`[name](+)` where no section `name` exists before: Asterisk loads none of the file.'),
  c('syntax-include-missing', 'error', 'Included file missing', '`#include` of a file that does not exist (`#tryinclude` may miss): Asterisk loads none of the including file.'),
  c('syntax-include-outside', 'information', 'Include outside the workspace not read', 'An `#include` that resolves outside the workspace folders (an absolute path, `../`): not read, so not checked, unless the setting `pbx.includeOutsideWorkspace` (CLI: `--include-outside`) allows it.'),
  c('syntax-include-loop', 'error', 'Include loop', '`#include` chains that loop or nest deeper than the 10 levels Asterisk follows.'),
  c('syntax-stray-comment-end', 'warning', 'Stray block comment end', 'A `--;` that closes no block comment: Asterisk then ignores every line up to the next `;--`.'),
  c('syntax-unterminated-comment', 'warning', 'Unterminated block comment', 'A `;--` that is never closed: the rest of the file is a comment.'),
  c('syntax-comment-nesting', 'error', 'Block comments nested too deep', 'Block comments nested more than 128 deep.'),
  c('syntax-line-too-long', 'warning', 'Line too long', 'A line over 8190 bytes, which Asterisk skips.'),
  c('syntax-missing-equals', 'warning', 'Line without =', 'A line with no `=` (nor `=>`), which Asterisk ignores.'),
  c('syntax-missing-key', 'warning', 'Setting without a name', '`= value` with nothing before the `=`.'),
  c('syntax-header-trailing', 'warning', 'Text after a section header', 'Text after the `]` or `)` of a header, which Asterisk ignores.'),
  c('syntax-empty-section-name', 'warning', 'Empty section name', 'A section header `[]` with no name.'),
  c('syntax-unknown-directive', 'warning', 'Unknown # directive', 'A `#something` other than include, tryinclude and exec.'),
  c('syntax-directive-argument', 'warning', 'Directive without a file name', '`#include` or `#tryinclude` with no file name.'),
  c('exec-directive', 'warning', '#exec runs a program', '`#exec program`: Asterisk runs it at load (only with `execincludes=yes`); PBX Interconnect reports it and never runs it.'),
  // The dialplan as pbx_config builds it (model/dialplan.ts) and its checks
  c('dialplan-catch-all-pattern', 'warning', 'Catch-all pattern', '`_.` or `_!`: Asterisk warns at load; they also catch the special extensions `h`, `i`, `t` and `s`.'),
  c('dialplan-duplicate-priority', 'warning', 'Duplicate priority', 'A priority defined twice, also through an aliased name (`_XXX` and `_[0-9]XX`): Asterisk keeps the first.'),
  c('dialplan-duplicate-label', 'warning', 'Duplicate label', 'A label reused at another priority of the same extension.'),
  c('dialplan-same-without-exten', 'error', '`same` without an extension', '`same =>` with no `exten` before it in the context: Asterisk drops the line.'),
  c('dialplan-invalid-priority', 'error', 'Invalid priority', '`n` or `s` first in a context, an unknown label, priority 0, or `1(label` without `)`: Asterisk drops the line.'),
  c('dialplan-unclosed-bracket', 'error', 'Unclosed [ in an extension', 'An unclosed `[` in the extension name swallows the rest of the line: Asterisk drops it.'),
  c('dialplan-unknown-directive', 'warning', 'Unknown dialplan key', 'A key other than exten, same, include, ignorepat and switch in a context: Asterisk ignores it.'),
  c('dialplan-include-missing', 'warning', 'Included context missing', '`include =>` a context that does not exist (with a hint when only the case differs).'),
  c('dialplan-duplicate-include', 'warning', 'Duplicate include', 'The same include twice in a context; Asterisk compares includes without case.'),
  c('dialplan-include-never-open', 'warning', 'Timed include never open', 'A timed include that no date can open, such as `*,*,30,feb`.'),
  c('dialplan-invalid-time', 'warning', 'Invalid include time', 'A part of an include time condition that Asterisk skips.'),
  c('dialplan-no-priority-one', 'warning', 'Extension without priority 1', 'An extension without priority 1: no call can start in it.'),
  c('dialplan-first-line-next', 'warning', 'First line of an extension uses n', '`exten => 300,n,...` continues the previous extension numbering, so 300 has no priority 1.'),
  c('dialplan-next-after-hint', 'warning', 'n right after a hint', '`n` right after a hint is priority 0: Asterisk silently drops the line.'),
  c('dialplan-lowercase-wildcard', 'warning', 'Lower-case wildcard letter', 'In a pattern such as `_stdexten-.`, x, n and z are wildcards in either case.'),
  c('dialplan-missing-underscore', 'warning', 'Pattern without _', 'An extension such as `**99.` without the leading `_` is a literal, not a pattern.'),
  c('dialplan-app-unknown', 'error', 'Application Asterisk does not have', 'A line whose application Asterisk 20 does not have (a typo, with the likely name; a blank before the `(`, which becomes part of the name; no application at all), or whose module modules.conf does not load: the call ends there with "No application".'),
  c('dialplan-app-arguments', 'warning', 'Arguments the application will not read as written', 'Too many arguments (the last one gets the rest, commas included), too few, arguments separated by `|` (since Asterisk 1.6 only `,` separates), or a malformed Dial device list, Gosub place, Set assignment or GotoIf branch.'),
  c('dialplan-app-option', 'warning', 'Unknown, repeated or incomplete option', 'An option letter the application does not know (Asterisk logs "Unrecognized option" and ignores it), one given twice, one that needs a value without it, a value for a letter that takes none, or a `(` that never closes.'),
  c('dialplan-app-condition', 'warning', 'Condition that cannot choose', 'A GotoIf or GosubIf whose condition is empty or constant (one branch is dead), that has no `?` (it never jumps), or that has no data at all: what Asterisk does instead.'),
  c('dialplan-function-unknown', 'error', 'Function Asterisk does not register', 'A function Asterisk 20 does not register (names are case-sensitive: `${callerid(num)}` is none): Asterisk logs "not registered" and reads an empty value or sets nothing.'),
  c('dialplan-function-arguments', 'error', 'Function used the wrong way', 'A function read that can only be written (`${CDR_PROP(...)}`), written that can only be read (`Set(LEN(x)=1)`), or given too few arguments (`${CUT(NUMBER,-)}`): Asterisk logs an error and does nothing.'),
  c('dialplan-substring', 'warning', 'Substring that is no number', '`${VAR:offset:length}` whose offset or length is no number (`${EXTEN:a}`): Asterisk silently reads it as 0 or as "to the end", and ignores what follows a number.'),
  c('version-removed', 'error', 'Removed in this Asterisk version', 'An application, function or channel driver the Asterisk version of `pbx.asteriskVersion` (CLI `--asterisk-version`, 20 by default) no longer has: Macro, Monitor, NoCDR, ImportVar, SetAMAFlags, the SIP* applications and `SIP/` devices in 21; DeadAGI, VALID_EXTEN in 23. With what to use instead.'),
  c('version-deprecated', 'warning', 'Deprecated in this Asterisk version', 'An application, function or channel driver the Asterisk version of `pbx.asteriskVersion` still has but has deprecated (Macro, Monitor and chan_sip in 20; MeetMe), with the version that removes it and what to use instead.'),
  c('dialplan-goto-target-missing', 'error', 'Jump to a missing target', 'Goto, GotoIf, GotoIfTime, Gosub, GosubIf, Macro, Dial options `M()`, `U()`, `F()`, `G()` or a `Local/` channel naming a missing context, extension, priority or label (a warning in a dialplan fragment that no extensions.conf loads).'),
  c('dialplan-shadowed-extension', 'warning', 'Shadowed extension', 'No number can reach this extension: the candidates Asterisk tries before it take every number it matches.'),
  c('dialplan-empty-pattern', 'warning', 'Pattern matching nothing', 'A pattern that no number matches, such as `[5-1]` (a reversed range).'),
  c('dialplan-new-matcher', 'information', 'Other pattern matcher in use', '`extenpatternmatchnew=yes`: Asterisk uses its other matcher, which may pick differently between overlapping patterns.'),
  // chan_sip trunks between PBXs
  c('trunk-register-user-unknown', 'error', 'Register user unknown to the other PBX', 'A registers as a user that is no section of B\'s sip.conf: B answers 403.'),
  c('trunk-secret-mismatch', 'error', 'Trunk secret mismatch', 'The register line\'s or the peer\'s secret is not the one B has: B answers 403 (secrets are never shown).'),
  c('trunk-username-mismatch', 'error', 'Trunk username mismatch', 'B knows the trunk as one name and A answers challenges as another: "username mismatch", 403.'),
  c('trunk-address-mismatch', 'error', 'Trunk address mismatch', 'The register line or peer host:port is not where B listens: no answer, the peer is UNREACHABLE.'),
  c('trunk-codec-mismatch', 'error', 'No codec in common', 'The two ends of a trunk allow no codec in common: every call is refused with 488.'),
  c('trunk-context-missing', 'error', 'Peer context missing', 'Calls from a peer start in a context the dialplan lacks: every call is refused with 404.'),
  c('trunk-dynamic-unrecognised', 'error', 'Dynamic peer never recognised', 'B has `host=dynamic` for A, and A neither registers nor sends `fromuser`: B refuses its calls with 403.'),
  c('trunk-name-username', 'warning', 'Trunk name and username differ', 'The Wazo rule when the other side is not in the workspace: the section name and `username` should be the same string.'),
  // Trunks whatever the drivers (trunks/recognition: chan_sip and chan_pjsip, mixed pairs, chains)
  c('trunk-call-refused', 'error', 'Calls refused by the far side', 'The far side matches no section for the INVITEs a trunk sends, or challenges what cannot be answered: 401, 403 (an information when no dialplan dials that trunk).'),
  c('trunk-registration-refused', 'error', 'Registration refused by the far side', 'The far side refuses the REGISTER: no such peer or aor, or a chan_sip peer that is not `host=dynamic` (401, then 403).'),
  c('sip-section-without-type', 'warning', 'sip.conf section without type', 'A sip.conf section without `type=`: chan_sip skips it.'),
  c('sip-unknown-type', 'warning', 'Unknown sip.conf type', 'A `type=` other than peer, user or friend: chan_sip skips the section.'),
  c('sip-register-syntax', 'error', 'Unreadable register line', 'A `register =>` line chan_sip cannot read: it ignores the line.'),
  // chan_pjsip trunks between PBXs
  c('pjsip-client-uri-user', 'error', 'Registration To user is no aor', 'The user of the REGISTER\'s To (client_uri) is not an aor of the endpoint B identifies: B answers 404.'),
  c('pjsip-auth-mismatch', 'error', 'Auth username mismatch', 'The auth username differs from the one B\'s endpoint expects: B answers 401.'),
  c('pjsip-password-mismatch', 'error', 'Auth password mismatch', 'The auth password differs from B\'s: B answers 401 (passwords are never shown).'),
  c('pjsip-outbound-auth-missing', 'error', 'outbound_auth names no auth', 'An endpoint\'s or registration\'s `outbound_auth` names no auth object: 401 when challenged, silent at load.'),
  c('pjsip-unidentified-calls', 'error', 'Calls the other PBX cannot identify', 'B cannot match A\'s INVITE to an endpoint: no `identify` for A\'s address and no endpoint named as A\'s From user (registering does not help).'),
  c('pjsip-codec-mismatch', 'error', 'No codec in common (pjsip)', 'The endpoints at the two ends allow no codec in common: every call is refused with 488.'),
  c('pjsip-context-missing', 'error', 'Endpoint context missing', 'Calls from an endpoint start in a context the dialplan lacks: every call is refused with 404.'),
  c('pjsip-transport-missing', 'error', 'Transport missing', 'A `transport=` that names no transport, or no transport at all in pjsip.conf.'),
  c('pjsip-transport-protocol', 'error', 'Transport protocol mismatch', 'Requests go to the right address over a protocol the other PBX does not listen for there (TCP towards UDP).'),
  c('pjsip-address-mismatch', 'error', 'pjsip address mismatch', 'A registration\'s server_uri or an aor contact reaches no address where the other PBX listens.'),
  c('pjsip-wizard-outside-wizard-file', 'error', 'Wizard outside pjsip_wizard.conf', 'A `type=wizard` section in pjsip.conf: res_pjsip silently ignores it.'),
  c('pjsip-wizard-incomplete', 'error', 'Incomplete wizard', 'A wizard section that res_pjsip_config_wizard refuses to turn into its objects.'),
  c('pjsip-remote-registration-refused', 'error', 'Registration refused by the aor', 'The aor the registration lands in accepts no contact (`max_contacts` 0): B answers 403.'),
  c('pjsip-dial-unknown-endpoint', 'error', 'Dial to an unknown endpoint', 'The dialplan dials `PJSIP/...@x` and there is no endpoint `x`: Dial fails at once.'),
  c('pjsip-duplicate-section', 'error', 'Duplicate pjsip section', 'Two sections of one name and type: res_pjsip drops every object of that type.'),
  c('pjsip-section-without-type', 'error', 'pjsip section without type', 'A pjsip.conf section without `type=`: silently skipped (an error when something names it, else a warning).'),
  // Exposure
  c('exposure-default-context', 'warning', 'Trunk calls land in a broad context', 'A trunk (chan_sip peer, pjsip endpoint with a contact or identify) whose calls land in `default`, or in a context that reaches the phones.'),
  c('exposure-guest-dialout', 'warning', 'Guests can dial out', '`allowguest` (on by default) lets strangers into a context that dials out through a trunk.'),
  c('exposure-guest-calls', 'warning', 'Strangers\' calls let in', 'chan_sip `allowguest` (on by default) or a pjsip `anonymous` endpoint lets anyone call into a context: which numbers answer there and which phones ring.'),
  c('exposure-insecure-invite', 'warning', 'INVITEs not challenged', '`insecure=invite`: INVITEs from that address are not challenged (a note towards a fixed address).'),
  c('exposure-no-secret', 'warning', 'Dynamic peer without a secret', '`host=dynamic` without a secret: anyone can register as the peer.'),
  c('exposure-weak-secret', 'warning', 'Weak secret', 'A trivially weak secret or pjsip auth password (never shown): SIP scanners guess it within minutes.'),
  c('config-context-missing', 'warning', 'Context named in a config missing', 'queues.conf, voicemail.conf and the like name a context the dialplan lacks.'),
  c('dialplan-unreachable-context', 'warning', 'Unreachable context', 'No call can get into a context: no peer, endpoint or other config names it, and nothing leads there (a note when an `#exec` or a run-time jump might).'),
  // IvozProvider friends
  c('ivoz-friend-identity', 'error', 'Does not present itself as the friend', 'The Asterisk side does not present itself as the IvozProvider friend: name, password, SIP domain or From domain.'),
  c('ivoz-insecure', 'error', 'Peer towards IvozProvider challenges it', 'The peer towards IvozProvider lacks `insecure=port,invite`: the calls IvozProvider sends are challenged and fail.'),
  c('ivoz-codec', 'error', 'No codec in common with the friend', 'No codec in common with the friend\'s allowed codecs: every call fails with 488.'),
  c('ivoz-priority-duplicate', 'error', 'Two friends with one priority', 'Two friends with one priority value: which is tried first is left to chance.'),
  c('ivoz-pattern-portability', 'warning', 'Non-portable friend pattern', '`\\d` and the like: PCRE and MySQL REGEXP read them differently.'),
  c('ivoz-pattern-unanchored', 'warning', 'Unanchored friend pattern', 'A pattern without `^...$` matches every number that merely contains it.'),
  c('ivoz-friend-unreachable', 'warning', 'Friend never reached', 'Every number of the friend is taken first by an internal extension or a friend with a lower priority value.'),
  c('ivoz-company-domain', 'error', 'Company without a SIP domain', 'The company in the friends file has no `domain=`.'),
  c('ivoz-friend-field', 'error', 'Friend field missing', 'A friend lacks a priority, a password, or an address for a direct connection.'),
  c('ivoz-pattern-invalid', 'error', 'Friend pattern does not compile', 'A friend pattern that is not a valid regular expression: no number matches it.'),
  c('ivoz-section-type', 'warning', 'Friends file section without type', 'A section of the friends file that is neither `type=company` nor `type=friend`.'),
  // Style, of every config file (checks/style*.ts): off by default
  offByDefault('style-trailing-whitespace', 'hint', 'Trailing whitespace', 'Blanks (spaces, tabs) at the end of a line: Asterisk strips them from what it reads, but they clutter diffs.'),
  offByDefault('style-mixed-line-endings', 'hint', 'Mixed line endings', 'A CRLF line in a file of LF lines, or an LF line in a file of CRLF lines (the fewer are reported): Asterisk splits lines at LF only.'),
  offByDefault('style-final-newline', 'hint', 'No line break at the end', 'The file does not end with a line break: Asterisk reads its last line all the same, but a line a script appends joins it.'),
  offByDefault('style-control-character', 'hint', 'Control character', 'A control character (U+0000 to U+001F other than tab and line endings, a carriage return not before a line feed, U+007F): invisible, and part of the value Asterisk reads.'),
  offByDefault('style-invalid-utf8', 'hint', 'Bytes that are not UTF-8', 'Bytes that are not UTF-8, which the editor shows as U+FFFD (or a U+FFFD written in the file): Asterisk passes on the raw bytes, and saving the file from the editor replaces them.'),
];

const byCode = new Map(CATALOG.map((x) => [x.code, x]));

export function checkInfo(code: string): CheckInfo | undefined {
  return byCode.get(code);
}
