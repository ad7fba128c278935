// The usage text of each command, and how the CLI reports a usage error (that command's usage, exit 2) or an I/O
// error (one line, exit 2). `help COMMAND` and `COMMAND --help` print the same text.
import type { CliIo } from './run';

export type Command = 'check' | 'match' | 'simulate' | 'migrate';

export const OVERVIEW_USAGE = `Usage: pbx-interconnect COMMAND [OPTION]...

Commands:
  check      what Asterisk will reject or ignore in its configuration, and what breaks calls between PBXs
  match      which extension a number reaches in one dialplan
  simulate   where a call goes, across dialplans, trunks and PBXs
  migrate    a PBX's chan_sip configuration as chan_pjsip (for Asterisk 21+): a preview, or a converted copy

  pbx-interconnect help COMMAND     the options of a command (also: COMMAND --help)
  pbx-interconnect --version        the version
Exit status: 0 success, 1 the command found a problem (see each command), 2 a usage or I/O error.
`;

export const USAGE: Record<Command, string> = {
  check: `Usage: pbx-interconnect check [--pbx DIR]... [FILE]... [--format text|json|sarif] [--asterisk-version N]
         [--enable CODE]... [--severity CODE=LEVEL]...

  --pbx DIR    check every Asterisk config file (*.conf) under DIR, which must hold at least one
               (default, when no FILE is given: the current folder)
  FILE         report the findings of this file, read with the rest of its PBX folder (the nearest folder
               above it that holds extensions.conf, sip.conf, pjsip.conf...); alone when there is none
  --format     text (default), json, or sarif (SARIF 2.1.0 for code scanning, paths relative to the current
               folder)
  --include-outside
               read the files an #include names outside the folders given (absolute paths, ../); without it
               they are reported (syntax-include-outside) and never read
  --asterisk-version
               the Asterisk version the PBX runs, 18 to 23 (default 20): what it removed or deprecated
               (version-removed, version-deprecated: chan_sip and Macro are gone in 21)
  --enable CODE
               report a code that is off by default, at its default severity (repeatable): the style
               checks style-trailing-whitespace, style-mixed-line-endings, style-final-newline,
               style-control-character and style-invalid-utf8 (hints). CODE may be a family, 'style', or a
               prefix, 'style-*'
  --severity CODE=LEVEL
               report CODE (a code, a family or a prefix, as --enable) as error, warning, information or hint,
               or not at all (off); 'on' is --enable (repeatable). The most specific CODE wins:
               --enable style --severity style-final-newline=off
Every file checked must be UTF-8 text, unless style-invalid-utf8 is enabled: then its bytes that are not UTF-8
are that finding. Exit status: 0 when no finding is an error, 1 when one is (after --severity), 2 on a usage or
I/O error (a path that does not exist, a folder without Asterisk configuration, a file that is not text).
`,
  match: `Usage: pbx-interconnect match NUMBER --context CTX [--pbx DIR] [--caller-id CID] [--at ISO-TIME|any] [--json]
       pbx-interconnect match --stdin [--pbx DIR] [--at ISO-TIME|any]    (lines: NUMBER CONTEXT [CALLERID])

  --pbx DIR    the folder holding extensions.conf (default: the current folder)
  --caller-id  the caller's number, for caller-ID variants (exten => 100/_1XXX,...)
  --at         when timed includes are evaluated (default: now); 'any' also reports what changes when they open
  --json       JSON instead of text; --stdin prints one JSON line per input line
  --include-outside  read the files an #include names outside DIR (without it they are not read)
The answer has three parts: "expect" (what a call runs), "canMatch" and "matchMore" (what overlap dialing sees).
Each is {"result": "match", "extension", "foundIn", "line", "callerIdPattern" (when one matched), "file"} with
"file" relative to DIR, or {"result": "no-extension" | "no-context" | "no-priority"}. Exit status: 0 when the
number reaches an extension, 1 when it does not, 2 on a usage or I/O error.
`,
  simulate: `Usage: pbx-interconnect simulate NUMBER --from ORIGIN [--pbx DIR]... [--caller-id CID] [--at ISO-TIME]
         [--set VAR=VALUE]... [--dial-status STATUS[,STATUS]...] [--digits KEYS[,KEYS]...] [--all-paths] [--json]

  --from         where the call starts: [PBX:]CONTEXT, or [PBX:]KIND:NAME for what a call from a peer, user,
                 endpoint or friend enters (KIND: peer, user, endpoint, friend); PBX is the name of its folder,
                 needed when several PBXs have that origin
  --pbx DIR      a folder holding one PBX, or PBX folders (default: the current folder); give every PBX the call
                 may cross
  --caller-id    the caller's number (default: none, which a far side sees as 'anonymous')
  --at           when timed includes, GotoIfTime and ExecIfTime are evaluated (default: now)
  --set          a channel variable set before the first priority (repeatable): what a live call would know
  --dial-status  how each Dial (and Queue) ends, in order: ANSWER, BUSY, NOANSWER, CHANUNAVAIL or CONGESTION;
                 the last one serves every later Dial (default: ANSWER, said as an assumption)
  --digits       what the caller types at each prompt (BackGround, WaitExten, Read), in order; an empty entry
                 is no key at all (default: nobody types, every wait runs to its timeout)
  --all-paths    also every distinct outcome: each Dial status, each key a menu accepts and none, each branch
                 of a condition nobody can know, at most 256 paths
  --json         the result as JSON (README: "Simulate dial", the JSON) instead of each step in words
  --include-outside  read the files an #include names outside the folders given (without it they are not read)
Exit status: 0 when the call reaches something (an extension, a friend, voicemail, a queue, a conference, outside,
a hangup in the dialplan), 1 when it fails (no extension, no context, no priority 1, refused, or an origin no PBX
has), 2 on a usage or I/O error (also an origin several PBXs have: the message lists the PBX:NAME choices).
`,
  migrate: `Usage: pbx-interconnect migrate [--pbx DIR] [--with DIR]... [--out DIR] [--wizard] [--json]

  --pbx DIR    the PBX folder to convert (default: the current folder): its sip.conf (peers, users, friends,
               templates, [general], register => lines) becomes pjsip.conf objects (transport, endpoint, auth,
               aor, identify, registration); every dialplan file's SIP/ devices, SIPPEER, SIP_HEADER,
               SIPAddHeader... become their PJSIP forms; modules.conf's chan_sip lines chan_pjsip ones; sip.conf
               is kept as sip.conf.chan_sip, out of Asterisk's reach
  --out DIR    write a converted copy of the whole PBX folder into DIR, which must not exist or be empty (never
               the PBX folder: the original files are never overwritten). Without --out: print the change as a
               unified diff, then the notes, and write nothing
  --with DIR   another PBX of the network, read but never changed: its trunks to this PBX are paired again in
               the proof (both sides must still register and call)
  --wizard     write peers as pjsip_wizard.conf sections instead of pjsip.conf objects
  --json       the migration as JSON: {pbx, changes: [{file, before, after, backup}], notes: [{file, line
               (0-based), text, reason, kind}], proof} (the new files hold the secrets, as sip.conf did; notes and the
               proof never do)
Then the proof: every call of the PBX (from its phones, over its trunks, from its entry contexts, to each number
its dialplan names) simulated before and after, same or different and why, and each trunk paired again.
Every setting without an exact pjsip equivalent stays in the new file as a comment with the reason, and is
listed in the notes ('dropped': kept only as a comment; 'approximated': mapped to the nearest option).
Exit status: 0 when the preview was printed or the copy written and every call and trunk of the proof ends as
before, 1 when one ends differently (the proof says why), 2 on a usage or I/O error (a folder without Asterisk
configuration, an --out folder that exists and is not empty or is the PBX folder).
`,
};

export function isCommand(name: string | undefined): name is Command {
  return name === 'check' || name === 'match' || name === 'simulate' || name === 'migrate';
}

/** A command line the command cannot run: what is wrong, then that command's usage. */
export function usageError(io: CliIo, command: Command, message: string): number {
  io.err(`pbx-interconnect: ${message}\n\n${USAGE[command]}`);
  return 2;
}

/** A path that does not exist, cannot be read or holds no configuration: one line. */
export function ioError(io: CliIo, message: string): number {
  io.err(`pbx-interconnect: ${message}\n`);
  return 2;
}
