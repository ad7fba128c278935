// SIP statuses and hangup causes as the two drivers turn one into the other: the text each sends with a status, the
// cause a caller's channel gets from a final response (hangup_sip2cause in chan_sip.c, ast_sip_hangup_sip2cause in
// res_pjsip.c), the status an unanswered incoming channel is refused with (hangup_cause2sip in each driver), and
// what Dial makes of it (DIALSTATUS). Checked against every call of conformance/sip-recognition and pjsip-trunks.
import type { Driver } from './types';

/** pjproject's reason phrases (pjsip_get_status_text), which chan_pjsip sends and chan_sip sends for most. */
const PHRASES: Record<number, string> = {
  200: 'OK',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  410: 'Gone',
  480: 'Temporarily Unavailable',
  484: 'Address Incomplete',
  486: 'Busy Here',
  488: 'Not Acceptable Here',
  500: 'Server Internal Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  603: 'Decline',
};

/** chan_sip's own texts where they differ: hangup_cause2sip's table and transmit_response's literals. */
const CHAN_SIP_HANGUP_PHRASES: Record<number, string> = {
  480: 'Temporarily unavailable',
  484: 'Address incomplete',
  486: 'Busy here',
  500: 'Server internal failure',
  603: 'Declined',
};

/** `SIP 486 Busy Here`: what HANGUPCAUSE(<channel>,tech) gives the caller for a response. */
export function techCause(status: number, text: string): string {
  return `SIP ${status} ${text}`;
}

/** The text a driver sends with a status. `hangup`: chan_sip's texts for a channel refused by its hangup cause. */
export function statusText(driver: Driver, status: number, hangup = false): string {
  if (driver === 'chan_sip' && hangup && CHAN_SIP_HANGUP_PHRASES[status] !== undefined) return CHAN_SIP_HANGUP_PHRASES[status];
  if (driver === 'chan_sip' && status === 603) return 'Declined';
  return PHRASES[status] ?? 'Unknown';
}

// Asterisk's cause codes (include/asterisk/causes.h)
export const CAUSE = {
  UNALLOCATED: 1,
  NO_ROUTE_DESTINATION: 3,
  NORMAL_CLEARING: 16,
  USER_BUSY: 17,
  NO_USER_RESPONSE: 18,
  NO_ANSWER: 19,
  CALL_REJECTED: 21,
  NUMBER_CHANGED: 22,
  DESTINATION_OUT_OF_ORDER: 27,
  INVALID_NUMBER_FORMAT: 28,
  FACILITY_REJECTED: 29,
  NORMAL_UNSPECIFIED: 31,
  CONGESTION: 34,
  NORMAL_TEMPORARY_FAILURE: 41,
  FAILURE: 38,
  SWITCH_CONGESTION: 42,
  BEARERCAPABILITY_NOTAVAIL: 58,
  INTERWORKING: 127,
} as const;

/** hangup_sip2cause (chan_sip) and ast_sip_hangup_sip2cause (res_pjsip): the same table. */
export function sipToCause(status: number): number {
  switch (status) {
    case 401:
    case 403:
    case 407:
    case 603:
      return CAUSE.CALL_REJECTED;
    case 404:
    case 485:
    case 604:
      return CAUSE.UNALLOCATED;
    case 408:
      return CAUSE.NO_USER_RESPONSE;
    case 409:
      return CAUSE.NORMAL_TEMPORARY_FAILURE;
    case 410:
      return CAUSE.NUMBER_CHANGED;
    case 420:
      return CAUSE.NO_ROUTE_DESTINATION;
    case 480:
    case 483:
      return CAUSE.NO_ANSWER;
    case 484:
      return CAUSE.INVALID_NUMBER_FORMAT;
    case 486:
    case 600:
      return CAUSE.USER_BUSY;
    case 488:
    case 606:
      return CAUSE.BEARERCAPABILITY_NOTAVAIL;
    case 500:
      return CAUSE.FAILURE;
    case 501:
      return CAUSE.FACILITY_REJECTED;
    case 502:
      return CAUSE.DESTINATION_OUT_OF_ORDER;
    case 503:
      return CAUSE.CONGESTION;
    default:
      if (status >= 500 && status < 600) return CAUSE.CONGESTION;
      if (status >= 400) return CAUSE.INTERWORKING;
      return 0;
  }
}

/**
 * hangup_cause2sip (chan_sip.c and chan_pjsip.c): the status an incoming call that was never answered is refused
 * with when its channel hangs up with this cause; 0 when the table has none (the call is then declined with 603).
 */
export function causeToSip(cause: number): number {
  switch (cause) {
    case 1:
    case 2:
    case 3:
      return 404;
    case CAUSE.CONGESTION:
    case CAUSE.SWITCH_CONGESTION:
    case 66:
      return 503;
    case CAUSE.NO_USER_RESPONSE:
      return 408;
    case CAUSE.NO_ANSWER:
    case 20:
    case CAUSE.NORMAL_UNSPECIFIED:
      return 480;
    case CAUSE.CALL_REJECTED:
      return 403;
    case CAUSE.NUMBER_CHANGED:
      return 410;
    case CAUSE.INVALID_NUMBER_FORMAT:
      return 484;
    case CAUSE.USER_BUSY:
      return 486;
    case CAUSE.FAILURE:
      return 500;
    case CAUSE.FACILITY_REJECTED:
      return 501;
    case CAUSE.DESTINATION_OUT_OF_ORDER:
      return 502;
    case CAUSE.BEARERCAPABILITY_NOTAVAIL:
      return 488;
    case CAUSE.INTERWORKING:
      return 500;
    default:
      return 0;
  }
}

/** How the caller's Dial ends on a final failure status: DIALSTATUS and the cause its channel gets. */
export function dialEnd(caller: Driver, status: number): { dialStatus: string; cause: number } {
  // chan_sip gives up on a challenge it cannot (or can no longer) answer by queueing congestion
  if (status === 401 || status === 407) return { dialStatus: caller === 'chan_sip' ? 'CONGESTION' : 'CHANUNAVAIL', cause: CAUSE.CALL_REJECTED };
  const cause = sipToCause(status);
  if (cause === CAUSE.USER_BUSY) return { dialStatus: 'BUSY', cause };
  if (cause === CAUSE.CONGESTION) return { dialStatus: 'CONGESTION', cause };
  if (cause === CAUSE.NO_ANSWER) return { dialStatus: 'NOANSWER', cause };
  return { dialStatus: 'CHANUNAVAIL', cause };
}
