// Hover, completion and signature-help data for Asterisk dialplan functions (`${NAME(args)}` and
// `Set(NAME(args)=value)`), written in our own words. Names and argument order follow the Asterisk 20 sources
// (the XML documentation in funcs/*.c, apps/*.c, res/*.c and channels/); the conventions for `syntax` and
// `params` are those of applications.ts.
import type { CallableDoc } from './applications';
import { o, opt, req } from './applications';

export type FunctionDoc = CallableDoc;

const FUNC_URL = 'https://docs.asterisk.org/Asterisk_20_Documentation/API_Documentation/Dialplan_Functions/';

const PARTY_FIELDS =
  '`all` (`"Name" <number>` form), `name`, `num`, `pres`, `name-pres`, `num-pres`, `num-plan`, `tag`, `subaddr`, and the same with a `priv-` prefix for private data';

type FunctionEntry = Omit<FunctionDoc, 'url'>;

const ENTRIES: FunctionEntry[] = [
  // ---- Caller identity and channel -------------------------------------------------------------------------------
  {
    name: 'CALLERID',
    summary: 'Reads or sets the caller ID of the channel.',
    syntax: 'CALLERID(datatype[,CID])',
    params: [
      req('datatype', `Which part: ${PARTY_FIELDS}; also \`ani-num\`, \`ani-name\`, \`dnid\` (number dialled) and \`rdnis\`.`),
      opt('CID', 'A caller ID string to parse instead of the channel caller ID (read only).'),
    ],
    description:
      'The most used function on trunks: `Set(CALLERID(num)=0123456789)` before Dial changes the number presented to the carrier, and with PJSIP it ends up in the From header (and in P-Asserted-Identity when `send_pai` is on). Many carriers reject numbers they did not assign to you. `CALLERID(pres)=prohib` hides the number where the trunk honours it. Caller ID from outside is untrusted input: filter it before using it in a command or a SQL query.',
    module: 'func_callerid',
  },
  {
    name: 'CONNECTEDLINE',
    summary: 'Reads or sets the connected line party, the identity shown to the other side of the call.',
    syntax: 'CONNECTEDLINE(datatype[,i])',
    params: [
      req('datatype', `Which part: ${PARTY_FIELDS}.`),
      opt('i', 'Give `i` to change the value without sending an update to the phone.'),
    ],
    description:
      'Writing it normally sends an update to the device, which on PJSIP becomes a re-INVITE or UPDATE carrying the new identity when `send_connected_line` allows it. Useful to show the real party after a transfer or in a queue. Phones differ in what they display.',
    module: 'func_callerid',
  },
  {
    name: 'REDIRECTING',
    summary: 'Reads or sets the redirecting (call forward) information of the channel.',
    syntax: 'REDIRECTING(datatype[,i])',
    params: [
      req('datatype', 'Which part: `from-num`, `from-name`, `to-num`, `to-name`, `orig-num`, `orig-name` (and the other party fields with those prefixes), `reason`, `orig-reason` or `count`.'),
      opt('i', 'Give `i` to change the value without sending an update.'),
    ],
    description:
      'On PJSIP it maps to the Diversion or History-Info header, depending on `send_diversion` and `send_history_info`. Carriers often need a Diversion header with one of your numbers to accept a forwarded call that shows the original caller ID. `reason` takes values such as `cfu`, `cfb`, `cfnr`, `unavailable` or the SIP-style aliases `unconditional`, `user-busy` and `no-answer`.',
    module: 'func_callerid',
  },
  {
    name: 'CHANNEL',
    summary: 'Reads or sets properties of the current channel.',
    syntax: 'CHANNEL(item)',
    params: [
      req('item', 'For example `name`, `uniqueid`, `linkedid`, `state`, `language`, `musicclass`, `accountcode`, `callgroup`, `pickupgroup`, `audioreadformat`, `audionativeformat`, `hangupsource`, `hangup_handler_push`, `after_bridge_goto`, `max_forwards`. PJSIP adds `endpoint`, `aor`, `contact`, `rtp,dest`, `rtcp,all` and `pjsip,call-id`, `pjsip,remote_addr` and similar.'),
    ],
    description:
      'Some items are read only (`name`, `uniqueid`, `state`) and some are write only (`hangup_handler_push`). An item the channel does not have returns an empty string. `Set(CHANNEL(hangup_handler_push)=handlers,s,1)` adds a hangup handler, a tidier alternative to the `h` extension.',
    module: 'func_channel',
  },
  {
    name: 'CHANNELS',
    summary: 'Lists the active channels, optionally only those matching a regular expression.',
    syntax: 'CHANNELS([regular_expression])',
    params: [opt('regular_expression', 'POSIX regular expression on channel names, e.g. `^PJSIP/trunk-`.')],
    description: 'Returns a space-separated list. Useful to count calls on a trunk, though `GROUP_COUNT()` is the usual tool for call limits.',
    module: 'func_channel',
  },
  {
    name: 'CHANNEL_EXISTS',
    summary: 'Tells whether a channel with the given name or unique ID exists.',
    syntax: 'CHANNEL_EXISTS(name_or_uid)',
    params: [req('name_or_uid', 'Full channel name or unique ID.')],
    description: 'Returns `1` or `0`.',
    module: 'func_channel',
  },
  {
    name: 'IMPORT',
    summary: 'Reads a variable from another channel.',
    syntax: 'IMPORT(channel,variable)',
    params: [
      req('channel', 'Full name of the other channel.'),
      req('variable', 'Variable to read there.'),
    ],
    description: 'Returns an empty string when the channel or variable does not exist. The ImportVar application does the same into a variable.',
    module: 'func_logic',
  },
  {
    name: 'HANGUPCAUSE',
    summary: 'Returns the hangup cause reported by one of the channels a Dial created.',
    syntax: 'HANGUPCAUSE(channel,type)',
    params: [
      req('channel', 'Name of the dialled channel, from `HANGUPCAUSE_KEYS()`.'),
      req('type', '`tech` for the protocol cause, e.g. `SIP 486 Busy Here`, or `ast` for the Asterisk cause number.'),
    ],
    description: 'Lets a trunk route tell a busy callee from a carrier failure after Dial, beyond what `DIALSTATUS` says. The plain `${HANGUPCAUSE}` variable gives the cause of the current channel.',
    module: 'func_hangupcause',
  },
  {
    name: 'HANGUPCAUSE_KEYS',
    summary: 'Lists the channels for which HANGUPCAUSE has information.',
    syntax: 'HANGUPCAUSE_KEYS()',
    params: [],
    description: 'Returns a comma-separated list of channel names, typically the outgoing legs of the last Dial.',
    module: 'func_hangupcause',
  },

  // ---- CDR -------------------------------------------------------------------------------------------------------------
  {
    name: 'CDR',
    summary: 'Reads a field of the call detail record, or sets a custom CDR variable.',
    syntax: 'CDR(name[,options])',
    params: [
      req('name', 'A field such as `src`, `dst`, `dcontext`, `channel`, `dstchannel`, `disposition`, `start`, `answer`, `end`, `duration`, `billsec`, `userfield`, `accountcode`, `amaflags`, `uniqueid`, or a custom name.'),
      opt('options', 'CDR options.', [
        o('f', 'Return `duration` and `billsec` as decimal seconds.'),
        o('u', 'Return raw values: times as epoch, disposition and amaflags as numbers.'),
      ]),
    ],
    description:
      'Only `userfield`, `amaflags` and custom names can be written; `accountcode` through CDR is deprecated in favour of `CHANNEL(accountcode)`. Changes are only taken while the record is open: after the bridge of a Dial has ended, writes no longer reach the CDR of that call.',
    module: 'func_cdr',
  },
  {
    name: 'CDR_PROP',
    summary: 'Sets a property that changes how CDRs are produced for the channel.',
    syntax: 'CDR_PROP(name)',
    params: [req('name', '`disable` (1 stops CDRs for the channel, 0 resumes them) or `party_a` (1 makes this channel the preferred party A).')],
    description: 'Write only, e.g. `Set(CDR_PROP(disable)=1)`, which replaces the deprecated NoCDR application.',
    module: 'func_cdr',
  },

  // ---- AstDB, global and shared variables ------------------------------------------------------------------------------
  {
    name: 'DB',
    summary: 'Reads or writes a key in the Asterisk database (AstDB).',
    syntax: 'DB(family/key)',
    params: [
      req('family', 'Family, like a folder, e.g. `CF`.'),
      req('key', 'Key inside the family, e.g. the extension number.'),
    ],
    description:
      'The AstDB is a small persistent store (SQLite) that survives restarts, used for call forwarding, DND and blacklists. Reading a missing key returns an empty string; use `DB_EXISTS()` to tell the difference. Reads also set `DB_RESULT`.',
    module: 'func_db',
  },
  {
    name: 'DB_EXISTS',
    summary: 'Tells whether a key exists in the AstDB.',
    syntax: 'DB_EXISTS(family/key)',
    params: [
      req('family', 'Family.'),
      req('key', 'Key.'),
    ],
    description: 'Returns `1` or `0`, and puts the value in `DB_RESULT` when it exists.',
    module: 'func_db',
  },
  {
    name: 'DB_DELETE',
    summary: 'Returns the value of an AstDB key and deletes the key.',
    syntax: 'DB_DELETE(family/key)',
    params: [
      req('family', 'Family.'),
      req('key', 'Key.'),
    ],
    description: 'The value is also put in `DB_RESULT`. To delete a whole family use the DBdeltree application.',
    module: 'func_db',
  },
  {
    name: 'DB_KEYS',
    summary: 'Lists the keys found under a prefix of the AstDB.',
    syntax: 'DB_KEYS([prefix])',
    params: [opt('prefix', 'Family or key path; the list of families when empty.')],
    description: 'Returns a comma-separated list that can be walked with `SHIFT()` or `CUT()`.',
    module: 'func_db',
  },
  {
    name: 'GLOBAL',
    summary: 'Reads or sets a global dialplan variable.',
    syntax: 'GLOBAL(varname)',
    params: [req('varname', 'Name of the global variable.')],
    description: 'Global variables are shared by all channels and start from the `[globals]` section of extensions.conf; a `dialplan reload` applies that section again, and clears the others only when `clearglobalvars` is on. A plain `${NAME}` also finds a global when the channel has no variable of that name.',
    module: 'func_global',
  },
  {
    name: 'SHARED',
    summary: 'Reads or sets a variable in a space shared between channels.',
    syntax: 'SHARED(varname[,channel])',
    params: [
      req('varname', 'Variable name; it does not clash with channel variables of the same name.'),
      opt('channel', 'Channel whose shared space to use; the current one by default.'),
    ],
    description: 'Lets one channel leave data for another that knows its name. Access is not synchronised, so two channels writing at once can race.',
    module: 'func_global',
  },
  {
    name: 'SET',
    summary: 'Sets a variable and returns the value, for use inside an expression.',
    syntax: 'SET(varname=value)',
    params: [
      req('varname', 'Variable to set.'),
      opt('value', 'Value to assign.'),
    ],
    description: 'Unlike the Set application it can be used inside an expression, for example to take and test a value in one step: `While($["${SET(ITEM=${SHIFT(LIST)})}" != ""])`. Most dialplans only need the application.',
    module: 'func_logic',
  },
  {
    name: 'LOCAL',
    summary: 'Reads or sets a variable that only lives in the current Gosub frame.',
    syntax: 'LOCAL(varname)',
    params: [req('varname', 'Variable name.')],
    description: 'When the subroutine returns, the variable gets back the value it had before the Gosub. Use it in reusable subroutines so they do not overwrite the caller variables.',
    module: 'app_stack',
  },
  {
    name: 'LOCAL_PEEK',
    summary: 'Reads a variable as it was a given number of Gosub levels up.',
    syntax: 'LOCAL_PEEK(n,varname)',
    params: [
      req('n', 'How many frames up; 0 is the current frame.'),
      req('varname', 'Variable name.'),
    ],
    description: 'Returns an empty string when there are fewer frames.',
    module: 'app_stack',
  },

  // ---- Strings --------------------------------------------------------------------------------------------------------------
  {
    name: 'LEN',
    summary: 'Returns the length of a string.',
    syntax: 'LEN(string)',
    params: [req('string', 'The text, e.g. `${EXTEN}`.')],
    description: 'Handy to route by number length, e.g. `GotoIf($[${LEN(${EXTEN})} > 4]?external)`.',
    module: 'func_strings',
  },
  {
    name: 'CUT',
    summary: 'Splits the value of a variable on a delimiter and returns the chosen fields.',
    syntax: 'CUT(varname,char-delim,range-spec)',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      req('char-delim', 'Delimiter character; `-` when empty.'),
      req('range-spec', 'Field number from 1, a range such as `2-3`, or several joined with `&`.'),
    ],
    description: 'Takes the variable name, not its value: `CUT(PEER,/,2)` on `PJSIP/alice` gives `alice`. Fields are joined with the same delimiter in the result.',
    module: 'func_cut',
  },
  {
    name: 'FIELDQTY',
    summary: 'Counts the fields of a variable separated by a delimiter.',
    syntax: 'FIELDQTY(varname,delim)',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      req('delim', 'Delimiter; escapes such as `\\n` or `\\x2c` are accepted.'),
    ],
    description: 'Often paired with CUT to loop over a list.',
    module: 'func_strings',
  },
  {
    name: 'FIELDNUM',
    summary: 'Returns the position of a value in a delimited list, or 0 when absent.',
    syntax: 'FIELDNUM(varname,delim,value)',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      req('delim', 'Delimiter.'),
      req('value', 'Field to look for.'),
    ],
    description: 'Positions start at 1.',
    module: 'func_strings',
  },
  {
    name: 'FILTER',
    summary: 'Keeps only the allowed characters of a string.',
    syntax: 'FILTER(allowed-chars,string)',
    params: [
      req('allowed-chars', 'Characters to keep; ranges such as `0-9` are allowed, `\\-` for a literal dash.'),
      req('string', 'Text to clean.'),
    ],
    description: 'The standard defence before putting caller ID or DTMF input into System, SHELL, file names or SQL: `${FILTER(0-9,${CALLERID(num)})}`. It also strips the `+` of E.164 numbers unless you allow it.',
    module: 'func_strings',
  },
  {
    name: 'REGEX',
    summary: 'Tests a string against a regular expression and returns 1 or 0.',
    syntax: 'REGEX("regex" string)',
    params: [
      req('regex', 'POSIX extended regular expression in double quotes.'),
      req('string', 'Text to test, after one space.'),
    ],
    description: 'The quotes around the expression are required. Example: `${REGEX("^0[67]" ${CALLERID(num)})}` is 1 for French mobile numbers.',
    module: 'func_strings',
  },
  {
    name: 'REPLACE',
    summary: 'Replaces or removes single characters in the value of a variable.',
    syntax: 'REPLACE(varname,find-chars[,replace-char])',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      req('find-chars', 'Every character listed here is replaced.'),
      opt('replace-char', 'One replacement character; empty deletes them.'),
    ],
    description: 'The variable itself is not changed; only the result is. For substrings use STRREPLACE.',
    module: 'func_strings',
  },
  {
    name: 'STRREPLACE',
    summary: 'Replaces occurrences of a substring in the value of a variable.',
    syntax: 'STRREPLACE(varname,find-string[,replace-string[,max-replacements]])',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      req('find-string', 'Substring to find.'),
      opt('replace-string', 'Replacement; empty deletes the substring.'),
      opt('max-replacements', 'Stop after this many replacements.'),
    ],
    description: 'Takes the variable name, not its value: after `Set(N=${CALLERID(num)})`, `${STRREPLACE(N,+,00,1)}` turns a leading `+` into `00`. The variable itself is not changed.',
    module: 'func_strings',
  },
  {
    name: 'TOUPPER',
    summary: 'Converts a string to upper case.',
    syntax: 'TOUPPER(string)',
    params: [req('string', 'Text to convert.')],
    description: 'Only ASCII letters are changed.',
    module: 'func_strings',
  },
  {
    name: 'TOLOWER',
    summary: 'Converts a string to lower case.',
    syntax: 'TOLOWER(string)',
    params: [req('string', 'Text to convert.')],
    description: 'Only ASCII letters are changed.',
    module: 'func_strings',
  },
  {
    name: 'TRIM',
    summary: 'Removes whitespace at both ends of a string.',
    syntax: 'TRIM(string)',
    params: [req('string', 'Text to trim.')],
    description: 'LTRIM and RTRIM trim one side only. Available since Asterisk 20.1.',
    module: 'func_strings',
  },
  {
    name: 'QUOTE',
    summary: 'Wraps a string in double quotes, escaping the quotes inside it.',
    syntax: 'QUOTE(string)',
    params: [req('string', 'Text to quote.')],
    description: 'Useful when building a caller ID name or a CSV line.',
    module: 'func_strings',
  },
  {
    name: 'SPRINTF',
    summary: 'Formats values with a printf-style format string.',
    syntax: 'SPRINTF(format,arg1[,arg2...])',
    params: [
      req('format', 'Format such as `%05d` or `%.2f`.'),
      req('arg1', 'Values for the format placeholders, in order.'),
    ],
    description: 'Pads extension numbers or formats amounts, e.g. `${SPRINTF(%04d,${N})}`.',
    module: 'func_sprintf',
  },
  {
    name: 'EVAL',
    summary: 'Evaluates variables a second time.',
    syntax: 'EVAL(variable)',
    params: [req('variable', 'Text whose result is itself an expression, e.g. a value read from the AstDB that contains `${...}`.')],
    description: 'Evaluating data that came from outside can expand functions with side effects; only use it on trusted values.',
    module: 'func_strings',
  },
  {
    name: 'URIENCODE',
    summary: 'Percent-encodes a string for use in a URL.',
    syntax: 'URIENCODE(data)',
    params: [req('data', 'Text to encode.')],
    description: 'Use it on values put into a CURL query string.',
    module: 'func_uri',
  },
  {
    name: 'URIDECODE',
    summary: 'Decodes a percent-encoded string.',
    syntax: 'URIDECODE(data)',
    params: [req('data', 'Text to decode.')],
    description: 'The inverse of URIENCODE.',
    module: 'func_uri',
  },
  {
    name: 'BASE64_ENCODE',
    summary: 'Encodes a string in base64.',
    syntax: 'BASE64_ENCODE(string)',
    params: [req('string', 'Text to encode.')],
    description: 'Handy for HTTP basic authentication headers or passing binary-safe data.',
    module: 'func_base64',
  },
  {
    name: 'BASE64_DECODE',
    summary: 'Decodes a base64 string.',
    syntax: 'BASE64_DECODE(string)',
    params: [req('string', 'Base64 text.')],
    description: 'The inverse of BASE64_ENCODE.',
    module: 'func_base64',
  },
  {
    name: 'MD5',
    summary: 'Returns the MD5 digest of a string in hexadecimal.',
    syntax: 'MD5(data)',
    params: [req('data', 'Text to hash.')],
    description: 'Fine for keys and checksums, not for storing passwords.',
    module: 'func_md5',
  },
  {
    name: 'SHA1',
    summary: 'Returns the SHA-1 digest of a string in hexadecimal.',
    syntax: 'SHA1(data)',
    params: [req('data', 'Text to hash.')],
    description: 'Returns 40 hexadecimal characters.',
    module: 'func_sha1',
  },

  // ---- Conditions, numbers and time ------------------------------------------------------------------------------------
  {
    name: 'IF',
    summary: 'Returns one of two values depending on a condition.',
    syntax: 'IF(expression?[iftrue][:iffalse])',
    params: [
      req('expression', 'Condition, usually `$[...]`.'),
      opt('iftrue', 'Value returned when true.'),
      opt('iffalse', 'Value returned when false.'),
    ],
    description: 'The inline form of GotoIf: `Set(CLASS=${IF($[${LEN(${EXTEN})}>4]?external:internal)})`.',
    module: 'func_logic',
  },
  {
    name: 'IFTIME',
    summary: 'Returns one of two values depending on the current time.',
    syntax: 'IFTIME(times,weekdays,mdays,months[,timezone]?[iftrue][:iffalse])',
    params: [
      req('times', 'Time range `HH:MM-HH:MM`, or `*`.'),
      req('weekdays', 'Day-of-week range such as `mon-fri`, or `*`.'),
      req('mdays', 'Day-of-month range, or `*`.'),
      req('months', 'Month range such as `jan-mar`, or `*`.'),
      opt('timezone', 'Time zone name.'),
      opt('iftrue', 'Value returned inside the time range.'),
      opt('iffalse', 'Value returned outside it.'),
    ],
    description: 'Same time syntax as GotoIfTime; the end minute of a range is included.',
    module: 'func_logic',
  },
  {
    name: 'ISNULL',
    summary: 'Returns 1 when the value is empty, 0 otherwise.',
    syntax: 'ISNULL(data)',
    params: [req('data', 'Value to test, e.g. `${CALLERID(num)}`.')],
    description: 'The opposite of EXISTS.',
    module: 'func_logic',
  },
  {
    name: 'EXISTS',
    summary: 'Returns 1 when the value is not empty, 0 otherwise.',
    syntax: 'EXISTS(data)',
    params: [req('data', 'Value to test.')],
    description: 'It tests the value, not whether a variable is defined: an existing but empty variable gives 0.',
    module: 'func_logic',
  },
  {
    name: 'MATH',
    summary: 'Computes a simple arithmetic or comparison expression.',
    syntax: 'MATH(expression[,type])',
    params: [
      req('expression', 'Two numbers and an operator: `+ - * / %`, `<< >>`, `^` (power), `AND OR XOR`, comparisons `< > <= >= ==`.'),
      opt('type', 'Result type: `f` float (default), `i` integer, `h` hexadecimal, `c` character.'),
    ],
    description: 'Returns a float with six decimals by default, so `${MATH(7/2)}` gives `3.500000`; ask for `i` (`${MATH(7/2,i)}` gives `3`) when you need an integer. Comparisons return `TRUE` or `FALSE`. The `$[...]` expression syntax covers most needs.',
    module: 'func_math',
  },
  {
    name: 'INC',
    summary: 'Adds one to a variable and returns the new value.',
    syntax: 'INC(variable)',
    params: [req('variable', 'Variable name, without `${}`.')],
    description: '`INC(${X})` is a common mistake: it takes the name. Handy in While loops.',
    module: 'func_math',
  },
  {
    name: 'DEC',
    summary: 'Subtracts one from a variable and returns the new value.',
    syntax: 'DEC(variable)',
    params: [req('variable', 'Variable name, without `${}`.')],
    description: 'Takes the variable name, not its value.',
    module: 'func_math',
  },
  {
    name: 'MIN',
    summary: 'Returns the smaller of two numbers.',
    syntax: 'MIN([num1],[num2])',
    params: [
      opt('num1', 'First number.'),
      opt('num2', 'Second number.'),
    ],
    description: 'When one number is missing the other is returned; whole results have no decimals.',
    module: 'func_math',
  },
  {
    name: 'MAX',
    summary: 'Returns the larger of two numbers.',
    syntax: 'MAX([num1],[num2])',
    params: [
      opt('num1', 'First number.'),
      opt('num2', 'Second number.'),
    ],
    description: 'When one number is missing the other is returned.',
    module: 'func_math',
  },
  {
    name: 'ABS',
    summary: 'Returns the absolute value of a number.',
    syntax: 'ABS(num)',
    params: [req('num', 'The number.')],
    description: 'Works with decimals too.',
    module: 'func_math',
  },
  {
    name: 'RAND',
    summary: 'Returns a random integer between two bounds.',
    syntax: 'RAND([min[,max]])',
    params: [
      opt('min', 'Lowest value; 0 by default.'),
      opt('max', 'Highest value; the largest random number of the system by default.'),
    ],
    description: 'Used to spread calls over trunks or pick a random prompt.',
    module: 'func_rand',
  },
  {
    name: 'STRFTIME',
    summary: 'Formats a time as text.',
    syntax: 'STRFTIME([epoch[,timezone[,format]]])',
    params: [
      opt('epoch', 'Seconds since 1970; now by default.'),
      opt('timezone', 'Time zone name; the server zone by default.'),
      opt('format', 'strftime format such as `%Y-%m-%d %H:%M:%S`; `%3q` adds milliseconds.'),
    ],
    description: 'Common for recording file names: `${STRFTIME(${EPOCH},,%Y%m%d-%H%M%S)}`.',
    module: 'func_strings',
  },
  {
    name: 'STRPTIME',
    summary: 'Converts a date string into Unix time.',
    syntax: 'STRPTIME(datetime,timezone,format)',
    params: [
      req('datetime', 'Date text, e.g. `2024-12-25 09:00`.'),
      req('timezone', 'Time zone of that text.'),
      req('format', 'strptime format of the text, e.g. `%Y-%m-%d %H:%M`.'),
    ],
    description: 'The result can go to SayUnixTime, WaitUntil or arithmetic with `${EPOCH}`.',
    module: 'func_strings',
  },
  {
    name: 'TIMEOUT',
    summary: 'Reads or sets the absolute, digit or response timeout of the channel, in seconds.',
    syntax: 'TIMEOUT(timeouttype)',
    params: [req('timeouttype', '`absolute` (maximum call length, 0 disables), `digit` (time between digits, 5 s by default) or `response` (time to start dialling after prompts, 10 s by default).')],
    description: 'When the response timeout expires after an IVR prompt the call goes to the `t` extension; when the absolute timeout expires it goes to the `T` extension, else it is hung up. `TIMEOUT(absolute)` is a simple guard against calls that never end.',
    module: 'func_timeout',
  },
  {
    name: 'TESTTIME',
    summary: 'Makes the time-based conditions of the channel use a chosen date and time, for testing.',
    syntax: 'TESTTIME()',
    params: [],
    description: 'Write only: `Set(TESTTIME()=2024/12/25 10:00:00 Europe/Paris)` makes GotoIfTime, ExecIfTime and IFTIME on this channel act as if it were that moment; the value is read as `YYYY/MM/DD HH:MM:SS` with an optional zone. Setting an empty value returns to the real clock.',
    module: 'core',
  },

  // ---- Dialplan inspection ------------------------------------------------------------------------------------------
  {
    name: 'DIALPLAN_EXISTS',
    summary: 'Tells whether a context, extension or priority exists in the dialplan.',
    syntax: 'DIALPLAN_EXISTS(context[,extension[,priority]])',
    params: [
      req('context', 'Context to look for.'),
      opt('extension', 'Extension within it; patterns match as when dialling.'),
      opt('priority', 'Priority number or label.'),
    ],
    description: 'Returns `1` or `0`. Check a target before a Goto to avoid ending up in `i` or losing the call.',
    module: 'func_dialplan',
  },
  {
    name: 'VALID_EXTEN',
    summary: 'Tells whether an extension exists (deprecated in favour of DIALPLAN_EXISTS).',
    syntax: 'VALID_EXTEN([context],extension[,priority])',
    params: [
      opt('context', 'Context; the current one by default.'),
      req('extension', 'Extension to test.'),
      opt('priority', 'Priority; 1 by default.'),
    ],
    description: 'The context slot is always there, even when empty: `VALID_EXTEN(,100)`. DIALPLAN_EXISTS, its replacement, has the context required.',
    module: 'func_dialplan',
  },
  {
    name: 'EXCEPTION',
    summary: 'Returns details of the dialplan exception being handled in the `e` extension.',
    syntax: 'EXCEPTION(field)',
    params: [req('field', '`reason` (`INVALID`, `ERROR`, `RESPONSETIMEOUT`, `ABSOLUTETIMEOUT` or a custom value), `context`, `exten` or `priority`.')],
    description: 'Lets one `e` extension handle invalid input and timeouts in a single place.',
    module: 'core',
  },

  // ---- Arrays and lists ---------------------------------------------------------------------------------------------------
  {
    name: 'HASH',
    summary: 'Reads or sets an entry of a named associative array.',
    syntax: 'HASH(hashname[,hashkey])',
    params: [
      req('hashname', 'Name of the array.'),
      opt('hashkey', 'Key; with only the name, the function is a target for multi-column func_odbc results.'),
    ],
    description: 'Stored as channel variables, so entries vanish with the channel. `HASHKEYS()` lists the keys.',
    module: 'func_strings',
  },
  {
    name: 'HASHKEYS',
    summary: 'Lists the keys of a HASH array.',
    syntax: 'HASHKEYS(hashname)',
    params: [req('hashname', 'Name of the array.')],
    description: 'Returns a comma-separated list.',
    module: 'func_strings',
  },
  {
    name: 'ARRAY',
    summary: 'Assigns a list of values to several variables at once.',
    syntax: 'ARRAY(var1[,var2...])',
    params: [req('var1', 'Variable names receiving the values, in order.')],
    description: 'Write only: `Set(ARRAY(NUM,NAME)=${NUMBER},${CNAME})`. Quote values that contain commas.',
    module: 'func_strings',
  },
  {
    name: 'PUSH',
    summary: 'Appends values to the end of a delimited list held in a variable.',
    syntax: 'PUSH(varname[,delimiter])',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      opt('delimiter', 'List separator; `,` by default.'),
    ],
    description: 'Write only: `Set(PUSH(LIST)=one,two)`.',
    module: 'func_strings',
  },
  {
    name: 'POP',
    summary: 'Removes and returns the last item of a delimited list held in a variable.',
    syntax: 'POP(varname[,delimiter])',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      opt('delimiter', 'List separator; `,` by default.'),
    ],
    description: 'Each read shortens the list, so use it once per iteration.',
    module: 'func_strings',
  },
  {
    name: 'SHIFT',
    summary: 'Removes and returns the first item of a delimited list held in a variable.',
    syntax: 'SHIFT(varname[,delimiter])',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      opt('delimiter', 'List separator; `,` by default.'),
    ],
    description: 'The usual way to loop over a list: `While($["${SET(ITEM=${SHIFT(LIST)})}" != ""])`.',
    module: 'func_strings',
  },
  {
    name: 'UNSHIFT',
    summary: 'Inserts values at the start of a delimited list held in a variable.',
    syntax: 'UNSHIFT(varname[,delimiter])',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      opt('delimiter', 'List separator; `,` by default.'),
    ],
    description: 'Write only: `Set(UNSHIFT(LIST)=zero)`.',
    module: 'func_strings',
  },
  {
    name: 'SORT',
    summary: 'Sorts `key:value` pairs by value and returns the keys in that order.',
    syntax: 'SORT(key1:val1[,key2:val2...])',
    params: [
      req('key1', 'A key.'),
      req('val1', 'Its value, compared as a decimal number.'),
    ],
    description: 'For example to order trunks by cost: `${SORT(a:0.02,b:0.01)}` gives `b,a`.',
    module: 'func_cut',
  },
  {
    name: 'LISTFILTER',
    summary: 'Removes a value from a delimited list held in a variable.',
    syntax: 'LISTFILTER(varname,delim,value)',
    params: [
      req('varname', 'Variable name, without `${}`.'),
      req('delim', 'List separator.'),
      req('value', 'Item to remove.'),
    ],
    description: 'Returns the list without the item; the variable itself is unchanged. Handy for removing one channel from a list of channels, for example one device from a ring-group dial string.',
    module: 'func_strings',
  },

  // ---- PJSIP and chan_sip -------------------------------------------------------------------------------------------------
  {
    name: 'PJSIP_HEADER',
    summary: 'Reads a SIP header of the incoming PJSIP request, or adds, updates or removes headers on the outgoing one.',
    syntax: 'PJSIP_HEADER(action,name[,number])',
    params: [
      req('action', '`read`, `add`, `update` or `remove`.'),
      req('name', 'Header name, e.g. `X-Account`; with `read` and `remove` a trailing `*` matches a prefix, and `remove` accepts `*` alone.'),
      opt('number', 'Which occurrence to read or update when the header repeats; 1 by default.'),
    ],
    description:
      'In the normal dialplan you act on the incoming channel, so `add` there only affects that channel. To put a header on the call Dial sends to a trunk, add it in a pre-dial handler: `Dial(PJSIP/${EXTEN}@trunk,,b(add-headers^s^1))` with `Set(PJSIP_HEADER(add,X-Account)=42)` inside. Reading a header that is absent returns an empty string.',
    module: 'res_pjsip_header_funcs',
  },
  {
    name: 'PJSIP_HEADERS',
    summary: 'Lists the names of the SIP headers of the incoming PJSIP request.',
    syntax: 'PJSIP_HEADERS([prefix])',
    params: [opt('prefix', 'Only list headers starting with this, e.g. `X-`.')],
    description: 'Returns a comma-separated list without duplicates, useful to copy every `X-` header to the outgoing leg.',
    module: 'res_pjsip_header_funcs',
  },
  {
    name: 'PJSIP_ENDPOINT',
    summary: 'Returns a configuration value of a PJSIP endpoint.',
    syntax: 'PJSIP_ENDPOINT(name,field)',
    params: [
      req('name', 'Endpoint name from pjsip.conf.'),
      req('field', 'Any endpoint option, e.g. `context`, `callerid`, `aors`, `allow`, `dtmf_mode`.'),
    ],
    description: 'Read only; reflects the loaded configuration, not the live state of the device.',
    module: 'func_pjsip_endpoint',
  },
  {
    name: 'PJSIP_AOR',
    summary: 'Returns a configuration value of a PJSIP AOR, including its contacts.',
    syntax: 'PJSIP_AOR(name,field)',
    params: [
      req('name', 'AOR name.'),
      req('field', 'Any AOR option, e.g. `max_contacts`, or `contact` for the list of contact IDs.'),
    ],
    description: 'The contact IDs returned can be passed to PJSIP_CONTACT.',
    module: 'func_pjsip_aor',
  },
  {
    name: 'PJSIP_CONTACT',
    summary: 'Returns information about a PJSIP contact, such as its URI or reachability.',
    syntax: 'PJSIP_CONTACT(name,field)',
    params: [
      req('name', 'Contact ID, in the `aor@@hash` form returned by `PJSIP_AOR(aor,contact)`.'),
      req('field', 'Any contact field such as `uri`, `user_agent`, `expiration_time`, plus `status` and `rtt` from qualify.'),
    ],
    description: 'With qualify enabled, `status` tells whether the registered device answers OPTIONS.',
    module: 'func_pjsip_contact',
  },
  {
    name: 'PJSIP_DIAL_CONTACTS',
    summary: 'Builds a dial string that rings every registered contact of an endpoint.',
    syntax: 'PJSIP_DIAL_CONTACTS(endpoint[,aor[,request_user]])',
    params: [
      req('endpoint', 'Endpoint name.'),
      opt('aor', 'Only this AOR; the AORs of the endpoint by default.'),
      opt('request_user', 'User part to put in the request URI.'),
    ],
    description: 'Use it as `Dial(${PJSIP_DIAL_CONTACTS(alice)})` when a user has several phones on one AOR. It returns an empty string when nothing is registered, so test it with `LEN()` before dialling and send the call to voicemail instead.',
    module: 'chan_pjsip',
  },
  {
    name: 'PJSIP_MEDIA_OFFER',
    summary: 'Reads or sets the codecs offered on an outgoing PJSIP call.',
    syntax: 'PJSIP_MEDIA_OFFER(media)',
    params: [req('media', '`audio` or `video`.')],
    description: 'Set it before Dial, e.g. `Set(PJSIP_MEDIA_OFFER(audio)=!all,alaw)`, to force a codec towards a trunk for one call. With PJSIP_SEND_SESSION_REFRESH it can also change codecs mid-call.',
    module: 'chan_pjsip',
  },
  {
    name: 'PJSIP_DTMF_MODE',
    summary: 'Reads or changes the DTMF mode of the current PJSIP call.',
    syntax: 'PJSIP_DTMF_MODE()',
    params: [],
    description: 'Takes the values of the `dtmf_mode` endpoint option: `rfc4733`, `inband`, `info`, `auto` or `auto_info`, e.g. `Set(PJSIP_DTMF_MODE()=info)`.',
    module: 'chan_pjsip',
  },
  {
    name: 'PJSIP_PARSE_URI',
    summary: 'Extracts one part of a SIP URI.',
    syntax: 'PJSIP_PARSE_URI(uri,type)',
    params: [
      req('uri', 'A SIP URI, e.g. from `PJSIP_HEADER(read,To)`.'),
      req('type', '`display`, `scheme`, `user`, `passwd`, `host`, `port`, `user_param`, `method_param`, `transport_param`, `ttl_param`, `lr_param` or `maddr_param`.'),
    ],
    description: 'Saves fragile CUT chains when reading the user part of a header.',
    module: 'chan_pjsip',
  },
  {
    name: 'PJSIP_SEND_SESSION_REFRESH',
    summary: 'Sends a re-INVITE or UPDATE on the current PJSIP call.',
    syntax: 'PJSIP_SEND_SESSION_REFRESH([update_type])',
    params: [opt('update_type', '`invite` (default) or `update`.')],
    description: 'Write only; usually after PJSIP_MEDIA_OFFER to renegotiate codecs.',
    module: 'chan_pjsip',
  },
  {
    name: 'SIP_HEADER',
    summary: 'Reads a header of the incoming chan_sip INVITE (deprecated chan_sip).',
    syntax: 'SIP_HEADER(name[,number])',
    params: [
      req('name', 'Header name.'),
      opt('number', 'Which occurrence; 1 by default.'),
    ],
    description: 'chan_sip is deprecated since Asterisk 17 and removed in 21. With PJSIP use `PJSIP_HEADER(read,name)`.',
    module: 'chan_sip',
  },
  {
    name: 'SIPPEER',
    summary: 'Returns information about a chan_sip peer (deprecated chan_sip).',
    syntax: 'SIPPEER(peername[,item])',
    params: [
      req('peername', 'Peer name from sip.conf.'),
      opt('item', '`ip` (default), `port`, `status`, `useragent`, `context`, `callerid_num`, `codecs`, `curcalls`, `chanvar[name]` and more.'),
    ],
    description: 'chan_sip only. With PJSIP use PJSIP_ENDPOINT, PJSIP_AOR and PJSIP_CONTACT.',
    module: 'chan_sip',
  },

  // ---- States, groups and queues --------------------------------------------------------------------------------------
  {
    name: 'DEVICE_STATE',
    summary: 'Returns the state of a device, or sets a custom device state.',
    syntax: 'DEVICE_STATE(device)',
    params: [req('device', 'A device such as `PJSIP/alice`, or `Custom:name` for a state you set yourself.')],
    description: 'Returns `UNKNOWN`, `NOT_INUSE`, `INUSE`, `BUSY`, `INVALID`, `UNAVAILABLE`, `RINGING`, `RINGINUSE` or `ONHOLD`. Only `Custom:` devices can be written, e.g. for a night-mode lamp watched through a hint.',
    module: 'func_devstate',
  },
  {
    name: 'EXTENSION_STATE',
    summary: 'Returns the state of a hinted extension.',
    syntax: 'EXTENSION_STATE(extension[@context])',
    params: [
      req('extension', 'Extension with a hint.'),
      opt('context', 'Context of the hint; `default` when omitted.'),
    ],
    description: 'Returns `NOT_INUSE`, `INUSE`, `BUSY`, `UNAVAILABLE`, `RINGING`, `RINGINUSE`, `HOLDINUSE`, `ONHOLD`, `INVALID` or `UNKNOWN`. Note the default context is `default`, not the current one.',
    module: 'func_extstate',
  },
  {
    name: 'HINT',
    summary: 'Returns the devices behind a dialplan hint.',
    syntax: 'HINT(extension[@context][,options])',
    params: [
      req('extension', 'Extension with a hint.'),
      opt('context', 'Context of the hint; `default` when omitted.'),
      opt('options', 'HINT options.', [o('n', 'Return the name part of the hint instead of its devices.')]),
    ],
    description: 'Returns the `&`-separated device list, which can go straight into Dial.',
    module: 'func_devstate',
  },
  {
    name: 'PRESENCE_STATE',
    summary: 'Returns presence information, or sets a custom presence.',
    syntax: 'PRESENCE_STATE(provider,field[,options])',
    params: [
      req('provider', 'Presence provider, e.g. `CustomPresence:alice`.'),
      req('field', '`value` (such as `available`, `away`, `dnd`), `subtype` or `message`.'),
      opt('options', 'PRESENCE_STATE options.', [o('e', 'Subtype and message are base64 encoded.')]),
    ],
    description: 'Only `CustomPresence:` providers can be written; phones subscribed to a hint with presence see the change.',
    module: 'func_presencestate',
  },
  {
    name: 'GROUP',
    summary: 'Reads or sets the group of the channel, used to count calls.',
    syntax: 'GROUP([category])',
    params: [opt('category', 'Category, so one channel can be in one group per category.')],
    description: 'The usual way to limit concurrent calls on a trunk: `Set(GROUP(trunks)=carrier1)` then test `GROUP_COUNT(carrier1@trunks)`. Set the group on the channel before Dial; channels created by Dial get it from `OUTBOUND_GROUP`.',
    module: 'func_groupcount',
  },
  {
    name: 'GROUP_COUNT',
    summary: 'Counts the channels in a group.',
    syntax: 'GROUP_COUNT([groupname][@category])',
    params: [
      opt('groupname', 'Group name; the group of the current channel when empty.'),
      opt('category', 'Category of the group.'),
    ],
    description: 'Counts live channels, including the current one once it has joined the group, so test with `>` against the limit after setting GROUP.',
    module: 'func_groupcount',
  },
  {
    name: 'GROUP_MATCH_COUNT',
    summary: 'Counts the channels in all groups matching a regular expression.',
    syntax: 'GROUP_MATCH_COUNT(groupmatch[@category])',
    params: [
      req('groupmatch', 'Regular expression on group names.'),
      opt('category', 'Regular expression on category names.'),
    ],
    description: 'Useful for a total across several trunks, e.g. `GROUP_MATCH_COUNT(carrier.*@trunks)`.',
    module: 'func_groupcount',
  },
  {
    name: 'QUEUE_MEMBER',
    summary: 'Returns member counts of a queue, or reads and sets settings of one member.',
    syntax: 'QUEUE_MEMBER([queuename],option[,interface])',
    params: [
      opt('queuename', 'The queue; required for counts, optional when setting a member (then all its queues).'),
      req('option', '`logged`, `free`, `ready` or `count` for counts; `penalty`, `paused` or `ringinuse` for a member.'),
      opt('interface', 'Member interface, for member options.'),
    ],
    description: '`${QUEUE_MEMBER(support,ready)}` = 0 is a good reason to send callers elsewhere instead of into an empty queue.',
    module: 'app_queue',
  },
  {
    name: 'QUEUE_MEMBER_COUNT',
    summary: 'Returns the number of members of a queue (deprecated).',
    syntax: 'QUEUE_MEMBER_COUNT(queuename)',
    params: [req('queuename', 'The queue.')],
    description: 'Deprecated in favour of `QUEUE_MEMBER(queuename,count)`.',
    module: 'app_queue',
  },
  {
    name: 'QUEUE_WAITING_COUNT',
    summary: 'Returns the number of callers waiting in a queue.',
    syntax: 'QUEUE_WAITING_COUNT([queuename])',
    params: [opt('queuename', 'The queue.')],
    description: 'Lets the dialplan offer a callback or voicemail when the queue is long.',
    module: 'app_queue',
  },
  {
    name: 'QUEUE_EXISTS',
    summary: 'Tells whether a queue exists.',
    syntax: 'QUEUE_EXISTS([queuename])',
    params: [opt('queuename', 'The queue.')],
    description: 'Returns `1` or `0`.',
    module: 'app_queue',
  },

  // ---- Voicemail ----------------------------------------------------------------------------------------------------------
  {
    name: 'VM_INFO',
    summary: 'Returns information about a voicemail box, such as whether it exists or how many messages it holds.',
    syntax: 'VM_INFO(mailbox[@context],attribute[,folder])',
    params: [
      req('mailbox', 'Mailbox number.'),
      opt('context', 'Voicemail context; `default` when omitted.'),
      req('attribute', '`exists`, `count`, `email`, `fullname`, `language`, `locale`, `pager`, `password` or `tz`.'),
      opt('folder', 'Folder for `count`; `INBOX` by default.'),
    ],
    description: '`VM_INFO(100,exists)` replaces the removed MAILBOX_EXISTS function; test it before VoiceMail, which stops the dialplan on a missing box.',
    module: 'app_voicemail',
  },
  {
    name: 'VMCOUNT',
    summary: 'Counts the messages in one or more voicemail boxes.',
    syntax: 'VMCOUNT(vmbox[,folder])',
    params: [
      req('vmbox', 'Mailbox as `box@context`; several joined with `&`.'),
      opt('folder', 'Folder; `INBOX` by default.'),
    ],
    description: 'Returns the total over all listed boxes.',
    module: 'func_vmcount',
  },

  // ---- Audio ----------------------------------------------------------------------------------------------------------
  {
    name: 'VOLUME',
    summary: 'Raises or lowers the volume of what the channel hears or sends.',
    syntax: 'VOLUME(direction[,options])',
    params: [
      req('direction', '`TX` (towards the device) or `RX` (from the device).'),
      opt('options', 'VOLUME options.', [o('p', 'Let the caller adjust the volume with DTMF.')]),
    ],
    description: 'Write a gain such as `Set(VOLUME(TX)=3)`; negative values lower it. Useful for quiet trunks.',
    module: 'func_volume',
  },
  {
    name: 'TALK_DETECT',
    summary: 'Turns on events that report when the channel starts and stops talking.',
    syntax: 'TALK_DETECT(action)',
    params: [req('action', '`set` to enable or update (value: `silence_threshold_ms[,talking_threshold]`), `remove` to disable.')],
    description: 'Write only, e.g. `Set(TALK_DETECT(set)=)`. The events go to AMI and ARI.',
    module: 'func_talkdetect',
  },
  {
    name: 'JITTERBUFFER',
    summary: 'Adds or removes a jitter buffer on the audio received by the channel.',
    syntax: 'JITTERBUFFER(jitterbuffer_type)',
    params: [req('jitterbuffer_type', '`fixed`, `adaptive` or `disabled`.')],
    description: 'Write only: `Set(JITTERBUFFER(adaptive)=default)` or `=max_size,resync_threshold,target_extra,sync_video` in milliseconds. Helps with choppy audio from a jittery trunk, at the cost of delay. It overrides a jitter buffer set by the channel driver.',
    module: 'func_jitterbuffer',
  },

  // ---- System, files, external data -------------------------------------------------------------------------------------
  {
    name: 'ENV',
    summary: 'Reads or sets an environment variable of the Asterisk process.',
    syntax: 'ENV(varname)',
    params: [req('varname', 'Environment variable name.')],
    description: 'Changes affect the whole Asterisk process, including scripts started later by System and AGI.',
    module: 'func_env',
  },
  {
    name: 'STAT',
    summary: 'Returns information about a file, such as whether it exists or its size.',
    syntax: 'STAT(flag,filename)',
    params: [
      req('flag', '`e` exists, `f` regular file, `d` directory, `s` size, `m` mode, `M` modified time, `C` changed time, `A` access time.'),
      req('filename', 'Full path.'),
    ],
    description: 'Handy to check that a recording or prompt exists before playing it.',
    module: 'func_env',
  },
  {
    name: 'FILE',
    summary: 'Reads or writes a text file.',
    syntax: 'FILE(filename[,offset[,length[,options[,format]]]])',
    params: [
      req('filename', 'Full path.'),
      opt('offset', 'Start position; negative counts from the end.'),
      opt('length', 'How much to read; negative trims from the end.'),
      opt('options', 'FILE options.', [
        o('l', 'Line mode: offset and length count lines.'),
        o('a', 'Append when writing.'),
        o('d', 'In line write mode, do not add a newline.'),
      ]),
      opt('format', 'Line endings in line mode.', [
        o('u', 'Unix.'),
        o('d', 'DOS.'),
        o('m', 'Macintosh.'),
      ]),
    ],
    description: 'Writing files from the dialplan with caller data needs care: filter anything from the caller. Blocked from AMI and other external interfaces unless `live_dangerously` is on.',
    module: 'func_env',
  },
  {
    name: 'SHELL',
    summary: 'Runs a shell command on the server and returns its output.',
    syntax: 'SHELL(command)',
    params: [req('command', 'Command line passed to the system shell.')],
    description: 'The command runs with the rights of Asterisk and blocks the channel until it finishes. Never put caller ID or DTMF input in it without `FILTER()`: that is command injection. The output usually ends with a newline you may need to strip.',
    module: 'func_shell',
  },
  {
    name: 'CURL',
    summary: 'Fetches a URL over HTTP and returns the body.',
    syntax: 'CURL(url[,post-data])',
    params: [
      req('url', 'Full URL; encode values with `URIENCODE()`.'),
      opt('post-data', 'Body to send with a POST instead of a GET.'),
    ],
    description: 'Blocks the channel until the server answers, so set `CURLOPT(httptimeout)` or `CURLOPT(conntimeout)` on lookups done during call setup such as caller-name lookups. Writing to it saves the response to the file named as the value.',
    module: 'func_curl',
  },
  {
    name: 'CURLOPT',
    summary: 'Sets options for later CURL calls on the channel or globally.',
    syntax: 'CURLOPT(key)',
    params: [req('key', 'Option such as `conntimeout`, `httptimeout`, `httpheader`, `userpwd`, `ssl_verifypeer`, `proxy`, `useragent`, `hashcompat`.')],
    description: 'Per-channel settings override global ones; `httpheader` adds one header per write.',
    module: 'func_curl',
  },
  {
    name: 'ODBC_FETCH',
    summary: 'Fetches the next row of a multi-row func_odbc query.',
    syntax: 'ODBC_FETCH(result-id)',
    params: [req('result-id', 'The ID returned by an `ODBC_name()` query defined with `mode=multirow` in func_odbc.conf.')],
    description: 'Sets `ODBC_FETCH_STATUS` to `SUCCESS` while rows remain, then `FAILURE`. The queries themselves are functions named `ODBC_...` that you define in func_odbc.conf.',
    module: 'func_odbc',
  },
  {
    name: 'SQL_ESC',
    summary: 'Escapes single quotes for use inside a SQL string.',
    syntax: 'SQL_ESC(string)',
    params: [req('string', 'Value to escape.')],
    description: 'Use it in func_odbc.conf queries on every value that came from a caller.',
    module: 'func_odbc',
  },
  {
    name: 'AST_CONFIG',
    summary: 'Reads a value from an Asterisk configuration file.',
    syntax: 'AST_CONFIG(config_file,category,variable_name[,index])',
    params: [
      req('config_file', 'File name, e.g. `pjsip.conf`.'),
      req('category', 'Section name.'),
      req('variable_name', 'Option name.'),
      opt('index', 'Which occurrence when the option repeats: 0 first (default), -1 last, which is the effective value with templates.'),
    ],
    description: 'Reads the file as written, not the running configuration, so values from realtime or not yet reloaded differ.',
    module: 'func_config',
  },
  {
    name: 'FEATURE',
    summary: 'Reads or sets a features.conf option for the current channel only.',
    syntax: 'FEATURE(option_name)',
    params: [req('option_name', 'An option such as `featuredigittimeout`, `transferdigittimeout`, `atxfernoanswertimeout`, `courtesytone`, `pickupexten`, or `inherit`.')],
    description: 'Channel values override features.conf for this call; with `FEATURE(inherit)=yes` they pass to channels it creates.',
    module: 'core',
  },
  {
    name: 'FEATUREMAP',
    summary: 'Reads or sets the DTMF code of an in-call feature for the current channel.',
    syntax: 'FEATUREMAP(feature_name)',
    params: [req('feature_name', '`atxfer`, `blindxfer`, `automon`, `disconnect`, `parkcall` or `automixmon`.')],
    description: 'The feature still has to be enabled by Dial or Queue options (`t`, `T`, `k`, `x`...). Example: `Set(FEATUREMAP(blindxfer)=#1)`.',
    module: 'core',
  },
  {
    name: 'VERSION',
    summary: 'Returns the Asterisk version or build information.',
    syntax: 'VERSION([info])',
    params: [opt('info', '`ASTERISK_VERSION_NUM`, `BUILD_USER`, `BUILD_HOSTNAME`, `BUILD_MACHINE`, `BUILD_OS`, `BUILD_DATE` or `BUILD_KERNEL`; the version string when empty.')],
    description: 'Lets one dialplan handle differences between Asterisk versions.',
    module: 'func_version',
  },
];

export const FUNCTIONS: readonly FunctionDoc[] = ENTRIES.map((e) => ({ ...e, url: `${FUNC_URL}${e.name}/` }));

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name.toLowerCase(), f]));

/** Documentation for a dialplan function; names are case-insensitive, as in Asterisk. */
export function functionDoc(name: string): FunctionDoc | undefined {
  return BY_NAME.get(name.toLowerCase());
}
