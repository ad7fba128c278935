// Dialplans whose macros the Macro-to-Gosub quick fix converts, as administrators wrote them before Gosub: shared by
// the test of the fix's text (test/checks/macroToGosub.test.ts) and the test that simulates every call before and
// after it (test/simulate/macroToGosub.test.ts). Each is a set of files of one PBX folder.

export interface MacroDialplan {
  name: string;
  files: Record<string, string>;
}

export const MACRO_DIALPLANS: MacroDialplan[] = [
  {
    // the classic: two callers with two arguments, the caller's place read back, a busy branch, another extension
    // of the macro's context reached by a jump, and extensions whose priorities run out
    name: 'stdexten',
    files: {
      'extensions.conf': [
        '[from-internal]',
        'exten => _1XX,1,Macro(stdexten,${EXTEN},PJSIP/${EXTEN})',
        ' same => n,NoOp(back in ${CONTEXT} with ${DIALSTATUS})',
        ' same => n,Hangup()',
        'exten => 200,1,Set(CALLERID(name)=Reception)',
        ' same => n,Macro(stdexten,200,PJSIP/alice&PJSIP/bob)',
        '',
        '[macro-stdexten]',
        '; ${ARG1}: the extension, ${ARG2}: the phones to ring',
        'exten => s,1,NoOp(Call for ${MACRO_EXTEN} (${MACRO_EXTEN:1}) from ${MACRO_CONTEXT},${MACRO_PRIORITY})',
        ' same => n,Dial(${ARG2},20)',
        ' same => n,GotoIf($["${DIALSTATUS}" = "BUSY"]?busy)',
        ' same => n,GotoIf($["${ARG1}" = "200"]?reception,1)',
        ' same => n,VoiceMail(${ARG1}@default,u)',
        ' same => n,MacroExit()',
        ' same => n(busy),VoiceMail(${ARG1}@default,b) ; the busy greeting',
        'exten => reception,1,Set(MISSED=${MACRO_EXTEN})',
        ' same => n,Playback(vm-nobodyavail)',
        '',
      ].join('\n'),
    },
  },
  {
    // numbered priorities, a call without arguments, a subroutine called from the macro, a variable left for the
    // caller
    name: 'numbered',
    files: {
      'extensions.conf': [
        '[general]',
        'autofallthrough=yes',
        '',
        '[from-phones]',
        'exten => 300,1,Macro(user-callerid)',
        'exten => 300,2,Dial(PJSIP/300,20)',
        'exten => 300,3,NoOp(${CALLERID(name)} ${LOGGED})',
        '',
        '[macro-user-callerid]',
        'exten => s,1,Set(CALLERID(name)=Desk ${MACRO_EXTEN})',
        'exten => s,2,Gosub(sub-log,s,1(${MACRO_EXTEN},${MACRO_CONTEXT}))',
        'exten => s,3,Set(LOGGED=${GOSUB_RETVAL})',
        '',
        '[sub-log]',
        'exten => s,1,NoOp(log ${ARG1}@${ARG2} ${ARGC})',
        ' same => n,Return(logged ${ARG1})',
        '',
      ].join('\n'),
    },
  },
  {
    // the macro in a file of its own, a loop inside it, a last line that hangs up (no Return() needed), and a
    // caller inside a Gosub subroutine
    name: 'two files',
    files: {
      'extensions.conf': [
        '[from-users]',
        'exten => _0.,1,Macro(dial-out,${EXTEN:1},3)',
        'exten => 700,1,Gosub(sub-route,s,1(0611223344))',
        ' same => n,Hangup()',
        '',
        '[sub-route]',
        'exten => s,1,Macro(dial-out,${ARG1},2)',
        ' same => n,Return()',
        '',
        '#include "macros.conf"',
        '',
      ].join('\n'),
      'macros.conf': [
        '[macro-dial-out]',
        'exten => s,1,Set(TRIES=0)',
        ' same => n,While($[${TRIES} < ${ARG2}])',
        ' same => n,Set(TRIES=$[${TRIES} + 1])',
        ' same => n,Dial(PJSIP/${ARG1}@provider,30)',
        ' same => n,ExitWhile()',
        ' same => n,EndWhile()',
        ' same => n,NoOp(${MACRO_EXTEN} tried ${TRIES} time(s) from ${MACRO_CONTEXT})',
        ' same => n,Hangup()',
        '',
      ].join('\n'),
    },
  },
  {
    // a macro that runs another: the inner one is converted first (the outer one's fix waits for it), then the outer
    name: 'nested',
    files: {
      'extensions.conf': [
        '[from-internal]',
        'exten => 400,1,Macro(office,400)',
        ' same => n,Hangup()',
        '',
        '[macro-office]',
        'exten => s,1,Macro(ring,PJSIP/${ARG1})',
        ' same => n,NoOp(after the phone: ${ARG1} for ${MACRO_EXTEN})',
        '',
        '[macro-ring]',
        'exten => s,1,NoOp(${MACRO_EXTEN}@${MACRO_CONTEXT} rings ${ARG1})',
        ' same => n,Dial(${ARG1},15)',
        '',
      ].join('\n'),
    },
  },
];
