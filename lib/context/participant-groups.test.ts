import { describe, expect, it } from 'vitest';
import type { HostContext } from '../hosts/host-context';
import { groupParticipants } from './participant-groups';

const thread = (participants: HostContext['participants'], self?: string): HostContext => ({
  host: 'gmail',
  view: 'thread',
  title: 'Renewal plan',
  participants,
  ...(self ? { self } : {}),
});

describe('groupParticipants', () => {
  it('puts customers first and the user\'s colleagues apart, each person once with all their roles', () => {
    const groups = groupParticipants(
      thread(
        [
          { email: 'dana@vendor.example', name: 'Dana Ortiz', role: 'from' },
          { email: 'priya@northwind.example', name: 'Priya N', role: 'to' },
          { email: 'PRIYA@northwind.example', role: 'cc' },
          { email: 'sam@eu.vendor.example', role: 'cc' },
        ],
        'dana@vendor.example',
      ),
    );
    expect(groups.external).toEqual([{ email: 'priya@northwind.example', name: 'Priya N', roles: ['to', 'cc'] }]);
    expect(groups.internal.map((p) => p.email)).toEqual(['dana@vendor.example', 'sam@eu.vendor.example']);
  });

  it('treats everyone as external when the page does not show who the user is and no own domains are known', () => {
    const groups = groupParticipants(thread([{ email: 'a@vendor.example', role: 'from' }]));
    expect(groups.internal).toEqual([]);
    expect(groups.external).toHaveLength(1);
  });

  it("uses the organization's own domains, without matching look-alikes", () => {
    const groups = groupParticipants(
      thread([
        { email: 'a@vendor.example', role: 'from' },
        { email: 'b@notvendor.example', role: 'to' },
      ]),
      ['Vendor.example'],
    );
    expect(groups.internal.map((p) => p.email)).toEqual(['a@vendor.example']);
    expect(groups.external.map((p) => p.email)).toEqual(['b@notvendor.example']);
  });

  it('keeps a calendar response', () => {
    const groups = groupParticipants({
      host: 'google-calendar',
      view: 'event',
      participants: [
        { email: 'o@vendor.example', role: 'organizer' },
        { email: 'g@client.example', role: 'attendee', response: 'declined' },
      ],
    });
    expect(groups.external[1]).toEqual({ email: 'g@client.example', roles: ['attendee'], response: 'declined' });
  });
});
