// dialplan-new-matcher: with extenpatternmatchnew=yes Asterisk uses its other (trie) matcher; PBX Interconnect
// follows the default one, so its answers about overlapping patterns may differ from the real ones.
import type { DialplanCheck, Finding } from '../finding';
import { isTrue } from '../../model/dialplan';

export const code = 'dialplan-new-matcher';

export const newMatcher: DialplanCheck = {
  code,
  run(plan) {
    if (!plan.newMatcher) return [];
    const general = plan.config.categories.find((c) => !c.template && c.name.toLowerCase() === 'general');
    const line = general?.variables.filter((v) => v.assignment.key.text.toLowerCase() === 'extenpatternmatchnew' && isTrue(v.assignment.value.text)).pop();
    if (!line) return [];
    const f: Finding = {
      code,
      severity: 'information',
      message: "With extenpatternmatchnew=yes Asterisk picks between overlapping patterns with its other matcher; PBX Interconnect's match answers, hovers and simulations follow the default matcher and may differ from the real calls.",
      file: line.file,
      start: line.assignment.start,
      end: line.assignment.end,
      related: [],
    };
    return [f];
  },
};
