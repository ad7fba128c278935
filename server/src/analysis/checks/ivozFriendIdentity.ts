// ivoz-friend-identity: the Asterisk side must present itself as the friend: register and authenticate with the
// friend's name and password, send calls to the company's SIP domain, with that domain as From domain.
// IvozProvider refuses anything else (403), or cannot tell which company the call is for.
import type { Finding, TrunkCheck } from '../finding';
import { peerValue } from '../../model/sip';
import { friendLinks } from '../trunks/ivozPairing';

export const code = 'ivoz-friend-identity';

export const ivozFriendIdentity: TrunkCheck = {
  code,
  channelsOnly: true,
  run({ pbxs }) {
    const out: Finding[] = [];
    const add = (at: { file: string; start: number; end: number }, message: string, related: Finding['related'] = [], fixes?: Finding['fixes']): void => {
      out.push({ code, severity: 'error', message, ...at, related, fixes });
    };
    for (const l of friendLinks(pbxs)) {
      const c = l.company.company!;
      const domain = c.domain!;
      const names = c.friends.map((f) => `'${f.name}'`).join(', ');
      if (!l.friend) {
        const at = l.registration?.at.user ?? peerValue(l.peer!, 'defaultuser', 'username')?.at ?? l.peer!.header;
        add(at, `${l.company.name} (${domain.text}) has no friend '${l.name}'${names ? ` (its friends: ${names})` : ''}: a friend registers and authenticates with its own name, so IvozProvider refuses this one with 403.`);
        continue;
      }
      const f = l.friend;
      const related = [{ ...f.header, message: `friend '${f.name}' in ${l.company.name}` }];
      if (l.registration) {
        const r = l.registration;
        if (r.host.toLowerCase() !== domain.text.toLowerCase()) add(r.at.host, `Friend '${f.name}' must register to the company's SIP domain ${domain.text}, not ${r.host}.`, related);
        if (f.password && r.secret !== null && r.at.secret && r.secret !== f.password.text) add(r.at.secret, `This is not friend '${f.name}''s password in ${l.company.name}: IvozProvider refuses the registration with 403.`, related);
      }
      if (l.peer) {
        const p = l.peer;
        const host = peerValue(p, 'host');
        if (host && host.text.toLowerCase() !== domain.text.toLowerCase()) add(host.at, `'${p.name}' must send its calls to the company's SIP domain ${domain.text}, not ${host.text}.`, related);
        const user = peerValue(p, 'defaultuser', 'username');
        if (user && user.text !== f.name) add(user.at, `'${p.name}' authenticates as '${user.text}', but the friend is '${f.name}': IvozProvider refuses its calls with 403.`, related, [{ title: `Authenticate as ${f.name}`, edits: [{ file: user.at.file, start: user.at.start, end: user.at.end, text: f.name }] }]);
        const secret = peerValue(p, 'secret');
        if (secret && f.password && secret.text !== f.password.text) add(secret.at, `This is not friend '${f.name}''s password in ${l.company.name}: IvozProvider refuses its calls with 403.`, related);
        const fromdomain = peerValue(p, 'fromdomain');
        if (!fromdomain || fromdomain.text.toLowerCase() !== domain.text.toLowerCase()) {
          add(fromdomain?.at ?? p.header, `'${p.name}' must send fromdomain=${domain.text}: IvozProvider tells its companies apart by the From domain${fromdomain ? `, and ${fromdomain.text} is not this company's` : ''}.`, related);
        }
      }
    }
    return out;
  },
};
