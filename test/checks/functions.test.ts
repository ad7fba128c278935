// dialplan-function-unknown and dialplan-function-arguments, on real-looking lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyFix, findings, summary } from './harness';

describe('dialplan-function-unknown', () => {
  it('names are case-sensitive: ${callerid(num)} is no function; the quick fix writes CALLERID', () => {
    const text = '[from-trunk]\nexten => _X.,1,Set(CDR(userfield)=${callerid(num)})\n same => n,Dial(PJSIP/100,20)\n';
    const [f] = findings(text);
    assert.equal(f.code, 'dialplan-function-unknown');
    assert.equal(f.severity, 'error');
    assert.equal(text.slice(f.start, f.end), 'callerid');
    assert.match(f.message, /no function 'callerid': it logs "Function callerid not registered" and substitutes an empty value\. Function names are case-sensitive: write 'CALLERID'/);
    assert.deepEqual(summary(applyFix(text, f)), []);
  });

  it('a typo gets the likely function; a Set of an unknown function sets nothing', () => {
    const text = '[c]\nexten => 1,1,NoOp(${CALERID(num)})\n same => n,Set(CALLERID(nmae)=x)\n same => n,Set(CALERID(num)=100)\n';
    const f = findings(text);
    assert.deepEqual(f.map((x) => `${x.code}@${text.slice(x.start, x.end)}`), ['dialplan-function-unknown@CALERID', 'dialplan-function-unknown@CALERID']);
    assert.match(f[0].message, /Did you mean 'CALLERID'\?/);
    assert.match(f[1].message, /sets nothing/);
  });

  it('registered functions, func_odbc queries, variables and names built at run time are left alone', () => {
    assert.deepEqual(summary('[c]\nexten => 1,1,NoOp(${CALLERID(num)} ${ODBC_PRESENCE(1)} ${EXTEN:1} ${LEN(${X})} ${${F}(x)} ${CUT(A,-,1)})\n same => n,Set(GLOBAL(X)=1)\n'), []);
  });
});

describe('dialplan-function-arguments', () => {
  it('writing a function that can only be read, reading one that can only be written', () => {
    const text = '[c]\nexten => 1,1,Set(LEN(x)=1)\n same => n,NoOp(${CDR_PROP(disable)})\n same => n,Set(CDR_PROP(disable)=1)\n';
    const f = findings(text);
    assert.deepEqual(f.map((x) => `${x.code}@${text.slice(x.start, x.end)}`), ['dialplan-function-arguments@LEN', 'dialplan-function-arguments@CDR_PROP']);
    assert.match(f[0].message, /LEN can only be read .*"Function LEN cannot be written to" and changes nothing/);
    assert.match(f[1].message, /CDR_PROP can only be written .*"Function CDR_PROP cannot be read"/);
  });

  it('too few arguments for a function that needs several; substituted arguments and one-argument functions are not counted', () => {
    const text = [
      '[c]',
      'exten => 1,1,Set(AREA=${CUT(NUMBER,-)})',
      ' same => n,Set(PJSIP_HEADER(add)=x)',
      ' same => n,NoOp(${CUT(NUMBER,-,1)} ${CUT(${ARGS})} ${LEN(a,b)} ${STRREPLACE(X,a)})',
      '',
    ].join('\n');
    const f = findings(text);
    assert.deepEqual(f.map((x) => `${x.code}@${text.slice(x.start, x.end)}`), ['dialplan-function-arguments@CUT(NUMBER,-)', 'dialplan-function-arguments@PJSIP_HEADER(add)']);
    assert.match(f[0].message, /CUT needs 3 arguments \(varname, char-delim, range-spec\); here 2: Asterisk logs its syntax and substitutes an empty value/);
    assert.match(f[1].message, /PJSIP_HEADER needs 2 arguments \(action, name\); here 1: .* writes nothing/);
  });
});
