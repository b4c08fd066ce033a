import { describe, expect, it } from 'vitest';
import { stepsFor } from './integrator-updates';

describe('stepsFor', () => {
  it('accepts an assigned matter and does nothing to an accepted one', () => {
    expect(stepsFor('accept', 'assigned')).toEqual(['accept']);
    expect(stepsFor('accept', 'accepted')).toEqual([]);
    expect(stepsFor('accept', 'triage')).toEqual(['accept']);
  });
  it('accepts first when feedback comes for a matter still only assigned', () => {
    expect(stepsFor('feedback', 'assigned')).toEqual(['accept', 'feedback']);
    expect(stepsFor('feedback', 'accepted')).toEqual(['feedback']);
  });
  it('returns as asked', () => {
    expect(stepsFor('return', 'accepted')).toEqual(['return']);
  });
});
