// A Dial through a trunk to another PBX of the workspace, as both sides of it behave: the outgoing channel and its
// pre-dial handler (Dial's b() option: the headers PJSIP_HEADER(add,...) puts on the INVITE), the INVITE as the far
// side sees it and its verdict (trunks/recognition: which section, the challenge, 401/403), a codec in common (488),
// the far side's dialplan (404 or 484 when the number is not there, else its run), and the answer that comes back:
// 200, the tone the far side's dialplan indicated (Busy: 486, Congestion: 503), or the status its channel's hangup
// cause maps to (hangup_cause2sip, 603 when none). The caller gets DIALSTATUS, HANGUPCAUSE and the technology
// cause HANGUPCAUSE(<channel>,tech) reads (`SIP 486 Busy Here`).
import { describeCodecs, endpointCodecs, hasCommonCodec } from '../../model/pjsip';
import type { PjsipCodecs } from '../../model/pjsip';
import type { Crossing, Outcome } from '../../protocol';
import { showSource } from '../trunks/recognition/addresses';
import { refusalAt } from '../trunks/refusal';
import { causeToSip, dialEnd, statusText, techCause } from '../trunks/recognition/responses';
import type { Route } from '../trunks/recognition/routes';
import { inviteOver, routesOf } from '../trunks/recognition/routes';
import type { Recognition } from '../trunks/recognition/types';
import { finalStatus } from '../trunks/recognition/types';
import { arrive, finalOutcome, newCall, placeOf } from './across';
import type { Started } from './across';
import type { AppContext } from './apps/types';
import { execSub } from './subroutine';

/** What Dial does with the call's outcome on this leg: answered (the outcome reached) or failed. */
export type LegEnd = { answered: Outcome } | { failed: { dialStatus: string; why: string; attempt: Outcome | null } };

/** The codecs of what the far side took the call for, against the caller's section. */
export function codecsOf(r: Recognition, route: Route): { ours: PjsipCodecs; theirs: PjsipCodecs | null; oursName: string } {
  const fromPeer = (codecs: string[]): PjsipCodecs => ({ all: false, names: codecs, removed: [], explicit: true });
  const ours = route.peer ? fromPeer(route.peer.codecs) : endpointCodecs(route.endpoint!);
  const theirs = r.peer ? fromPeer(r.peer.codecs) : r.endpoint ? endpointCodecs(r.endpoint) : null;
  return { ours, theirs, oursName: route.peer?.name ?? route.endpoint!.id };
}

/** The leg's end as the caller's channel records it: DIALSTATUS, HANGUPCAUSE, the tech cause of the outgoing channel. */
function failure(x: AppContext, route: Route, out: string, status: number, text: string, why: string, attempt: Outcome | null, crossing: Crossing): LegEnd {
  const end = dialEnd(route.driver, status);
  crossing.responses.push(status);
  x.ch.dialedCauses?.push({ channel: out, tech: techCause(status, text), cause: end.cause });
  x.ch.hangupCause = end.cause;
  return { failed: { dialStatus: end.dialStatus, why: `${why} ${techCause(status, text)}.`, attempt } };
}

export function crossTrunk(x: AppContext, route: Route, number: string | null, device: string, predial: string | null): LegEnd {
  const { run, call, ch } = x;
  const routes = routesOf(run.pbxs);
  const tech = route.peer ? `SIP/${route.peer.name}` : `PJSIP/${route.endpoint!.id}`;
  // the outgoing channel; a pre-dial handler runs on it before the INVITE leaves
  const outgoing = newCall(run, call.pbx, ch.context, number ?? route.defaultUser, { ...ch.caller }, tech);
  if (predial) execSub(run, outgoing, predial);
  const out = outgoing.ch.name;
  const caller = { number: ch.caller.number, name: ch.caller.name };
  const { request, recognition: r } = inviteOver(routes, route, number, caller, outgoing.ch.sipHeaders);
  const to = route.target.to;
  const crossing: Crossing = {
    from: call.pbx.name,
    device,
    to: to.name,
    driver: r.driver,
    as: r.as,
    by: r.guest ? 'guest' : (r.by ?? 'none'),
    source: request.source ? showSource(request.source) : null,
    fromUser: request.fromUser,
    responses: [...r.responses],
    context: null,
    log: [...r.log, ...r.senderLog.map((l) => `${call.pbx.name}: ${l}`)],
    reason: r.reason,
  };
  (run.result.crossings ??= []).push(crossing);
  const at = placeOf(run, r.cause ?? r.asAt ?? route.target.at);
  if (!r.accepted) {
    const status = finalStatus(r)!;
    // the place the checks report it at (trunk-call-refused), with what to change
    const refusal = refusalAt(request, r);
    const attempt: Outcome = { kind: 'rejected', pbx: to.name, context: null, extension: null, sipStatus: status, reason: `${r.reason}.${refusal.hint ? ` ${refusal.hint}` : ''}`, ...placeOf(run, refusal.at) };
    crossing.responses.pop();
    return failure(x, route, out, status, statusText(r.driver, status), `${to.name} refuses the INVITE:`, attempt, crossing);
  }
  const codecs = codecsOf(r, route);
  if (codecs.theirs && !hasCommonCodec(codecs.ours, codecs.theirs)) {
    const reason = `No codec in common: '${codecs.oursName}' offers ${describeCodecs(codecs.ours)}, ${to.name}'s '${r.as}' accepts ${describeCodecs(codecs.theirs)}: 488 Not Acceptable Here`;
    crossing.reason = `${r.reason}. ${reason}`;
    return failure(x, route, out, 488, statusText(r.driver, 488), `${to.name} takes the call as '${r.as}' but ${reason}:`, { kind: 'rejected', pbx: to.name, context: null, extension: null, sipStatus: 488, reason: `${reason}.`, ...at }, crossing);
  }
  const context = r.context!;
  crossing.context = context.name;
  x.note(`Sends the call to ${to.name} as ${request.requestUser}: ${r.reason}.`);
  // the far side's caller ID is the From user (`anonymous` for a call without one)
  const s = arrive(run, to, context.name, request.requestUser, { number: request.fromUser, name: ch.caller.name }, r.channel!, placeOf(run, context.at ?? r.asAt));
  if ('kind' in s) {
    const status = s.sipStatus ?? 404;
    r.log.push(`NOTICE ${r.driver === 'chan_sip' ? 'chan_sip.c' : 'res_pjsip_session.c'}: Call from '${r.as ?? ''}' (${crossing.source ?? ''}) to extension '${request.requestUser}' rejected because extension not found in context '${context.name}'.`);
    crossing.log = [...r.log];
    return failure(x, route, out, status, statusText(r.driver, status), `${to.name} refuses it:`, s, crossing);
  }
  s.call.ch.receivedHeaders = request.headers;
  return afterFarSide(x, route, s, out, r, crossing);
}

/** The far side's channel ran: answered, or refused with its tone or its hangup cause's status. */
function afterFarSide(x: AppContext, route: Route, s: Started, out: string, r: Recognition, crossing: Crossing): LegEnd {
  const far = s.call;
  const reached = far.reached ?? (far.ch.answered && !far.tone ? finalOutcome(x.run, s) : null);
  if (reached) {
    crossing.responses.push(200);
    x.ch.dialedCauses?.push({ channel: out, tech: techCause(200, statusText(r.driver, 200)), cause: 16 });
    return { answered: reached };
  }
  // Busy() and Congestion() indicate at once (486, 503); otherwise the channel's hangup cause decides
  if (far.tone === 'busy') return failure(x, route, out, 486, statusText(r.driver, 486), `${far.pbx.name}'s dialplan answers busy:`, null, crossing);
  if (far.tone === 'congestion') return failure(x, route, out, 503, statusText(r.driver, 503), `${far.pbx.name}'s dialplan answers congestion:`, null, crossing);
  const status = causeToSip(far.ch.hangupCause) || 603;
  const attempt = s.end === null ? finalOutcome(x.run, s) : null;
  return failure(x, route, out, status, statusText(r.driver, status, true), `${far.pbx.name}'s channel ends unanswered (cause ${far.ch.hangupCause}):`, attempt, crossing);
}
