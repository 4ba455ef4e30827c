import { describe, expect, it } from 'vitest';
import { speakerMatches } from '../../../src/eval/speakers.js';

describe('speaker scoring rule (src/eval/speakers.ts)', () => {
  it('matches a party group label by the party the text states for a named member', () => {
    expect(speakerMatches('Republican_Lawmakers', { name: 'Rand Paul', group: { party: 'Republican', chamber: 'Senate' } })).toBe(true);
    expect(speakerMatches('Senate_Republicans', { name: 'Rand Paul', group: { party: 'Republican', chamber: 'Senate' } })).toBe(true);
    expect(speakerMatches('House_Democrats', { name: 'Rand Paul', group: { party: 'Republican' } })).toBe(false);
    expect(speakerMatches('Republican_Lawmakers', { name: 'Rand Paul' })).toBe(false);
  });

  it('rejects a group label whose chamber contradicts the stated one', () => {
    expect(speakerMatches('Senate_Republicans', { name: 'Labrador', group: { party: 'Republican', chamber: 'House' } })).toBe(false);
  });

  it('matches a group label against a speaker that is the group', () => {
    expect(speakerMatches('Senate_Republicans', 'Senate Republicans')).toBe(true);
    expect(speakerMatches('Senate_Republicans', 'Senate Majority Leader Chuck Schumer')).toBe(false);
  });

  it('matches "<Organisation>_officials" when we name the organisation', () => {
    expect(speakerMatches('State_Department_officials', 'State Department')).toBe(true);
    expect(speakerMatches('State_Department_officials', 'Department of Justice')).toBe(false);
  });

  it('keeps the surname and appositive rules', () => {
    expect(speakerMatches('Donald_Trump', 'President Trump')).toBe(true);
    expect(speakerMatches('Obama_campaign', { name: 'Lis Smith', title: 'a spokeswoman for the Obama campaign' })).toBe(true);
  });
});
