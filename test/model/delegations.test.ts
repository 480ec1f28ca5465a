import { describe, expect, it } from 'vitest';
import { Delegations, resolveDelegation } from '../../src/model/delegations.js';
import { failure } from '../helpers/sandbox.js';

const ENTRIES = [
  { name: 'United States', aliases: ['US', 'USA'] },
  { name: 'France' },
  { name: 'Germany' },
  { name: 'Fiji' },
  { name: 'European Union', aliases: ['EU'], members: ['France', 'germany'] },
  { name: 'AOSIS', members: ['Fiji'] },
  { name: 'Friends', members: ['EU', 'AOSIS', 'US'] },
];

describe('Delegations', () => {
  const delegations = new Delegations(ENTRIES);

  it('leads every name and alias, in any case or spacing, to the canonical name', () => {
    expect(delegations.problems).toEqual([]);
    expect(['US', 'usa', 'United  States', 'united states'].map((n) => delegations.canonical(n))).toEqual(Array(4).fill('United States'));
    expect(delegations.canonical('eu')).toBe('European Union');
    expect(delegations.canonical('Narnia')).toBeUndefined();
  });

  it('expands a group to its members, nested groups included, once each', () => {
    expect(delegations.members('EU')).toEqual(['France', 'Germany']);
    expect(delegations.members('Friends')).toEqual(['France', 'Germany', 'Fiji', 'United States']);
    expect(delegations.members('France')).toEqual([]);
    expect(delegations.isGroup('European Union')).toBe(true);
    expect(delegations.isGroup('US')).toBe(false);
  });

  it('reports a name used twice, an unknown member (with a suggestion) and a group listing itself, each at its path', () => {
    const bad = new Delegations([
      { name: 'United States', aliases: ['US'] },
      { name: 'Uruguay', aliases: ['us'] },
      { name: 'European Union', aliases: ['EU'], members: ['Frnace', 'EU'] },
      { name: 'France' },
    ]);
    expect(bad.problems).toEqual([
      { code: 'DUPLICATE_DELEGATION', message: '"us" already names "United States"; each name and alias is used once', path: ['delegations', 1, 'aliases', 0] },
      { code: 'UNKNOWN_MEMBER', message: 'member "Frnace" of "European Union" is not a delegation of this file; did you mean "France"? Add it as a delegation of its own.', path: ['delegations', 2, 'members', 0] },
      { code: 'OWN_MEMBER', message: 'group "European Union" lists itself as a member', path: ['delegations', 2, 'members', 1] },
    ]);
  });

  it('does not loop on groups that list each other', () => {
    const circle = new Delegations([
      { name: 'A', members: ['B', 'X'] },
      { name: 'B', members: ['A', 'Y'] },
      { name: 'X' },
      { name: 'Y' },
    ]);
    expect(circle.members('A').sort()).toEqual(['X', 'Y']);
  });
});

describe('resolveDelegation', () => {
  const delegations = new Delegations(ENTRIES);

  it('stores the canonical name for any alias', () => {
    expect(resolveDelegation('US', delegations)).toBe('United States');
    expect(resolveDelegation(' eu ', delegations)).toBe('European Union');
  });

  it('accepts any name, as given, without a delegations file', () => {
    expect(resolveDelegation(' Untied  States ', undefined)).toBe('Untied States');
  });

  it('refuses an unknown name with the nearest ones and how to add it', () => {
    const error = failure(() => resolveDelegation('Untied States', delegations));
    expect(error.kind).toBe('input');
    expect(error.message).toBe('unknown delegation "Untied States"; did you mean "United States"? If it is a delegation delegations.yaml does not name yet, add it with: ndraft delegation add "Untied States"');
    expect(failure(() => resolveDelegation('USAA', delegations)).message).toBe(
      'unknown delegation "USAA"; did you mean "USA (United States)"? If it is a delegation delegations.yaml does not name yet, add it with: ndraft delegation add USAA',
    );
    expect(failure(() => resolveDelegation('Narnia', delegations)).message).toBe('unknown delegation "Narnia". If it is a delegation delegations.yaml does not name yet, add it with: ndraft delegation add Narnia');
    expect(failure(() => resolveDelegation('  ', delegations)).message).toBe('--by is empty; name the delegation, e.g. --by EU');
  });
});
