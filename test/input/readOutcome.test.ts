import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOutcome } from '../../src';

// issue 18 case 5 (library part): CRM stage words were not read, so calibration had no outcomes
describe('readOutcome', () => {
  it('reads booleans, won/lost words and CRM stage names', () => {
    for (const won of [
      true,
      1,
      '1',
      'true',
      'Yes',
      'won',
      'Won',
      'Closed Won',
      'closedwon',
      'CLOSED_WON',
      'Converted',
      'customer',
    ])
      expect(readOutcome(won), String(won)).toBe(true);
    for (const lost of [
      false,
      0,
      '0',
      'false',
      'No',
      'lost',
      'Lost',
      'Closed Lost',
      'closedlost',
      'Not Converted',
    ])
      expect(readOutcome(lost), String(lost)).toBe(false);
  });

  it('reads open stages, blanks and anything else as no outcome yet', () => {
    for (const open of [
      'Prospecting',
      'Engaging',
      'appointmentscheduled',
      'Qualification',
      '',
      '  ',
      null,
      undefined,
      2,
      {},
      'maybe',
    ])
      expect(readOutcome(open), String(open)).toBeUndefined();
  });

  it('takes your own words, compared as enums are', () => {
    const options = { won: ['Signed'], lost: ['Churned Out'] };
    expect(readOutcome('signed', options)).toBe(true);
    expect(readOutcome('churned_out', options)).toBe(false);
    expect(readOutcome('Closed Won', options)).toBe(true);
    expect(readOutcome('Signed')).toBeUndefined();
  });

  it('never throws, and gives a boolean or undefined', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const outcome = readOutcome(value);
        expect(outcome === undefined || typeof outcome === 'boolean').toBe(true);
      }),
    );
  });
});
