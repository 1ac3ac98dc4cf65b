import { describe, expect, it } from 'vitest';
import { labelsOfOptions, withOptionLabel } from './option-labels';

describe('option labels', () => {
  it('sets and clears the label of one option', () => {
    const one = withOptionLabel(undefined, 'privileged', 'Privileged account');
    expect(one).toEqual({ privileged: 'Privileged account' });
    expect(withOptionLabel(one, 2, 'Two')).toEqual({ privileged: 'Privileged account', 2: 'Two' });
    expect(withOptionLabel(one, 'privileged', ' ')).toBeUndefined();
  });

  it("keeps only the labels of the field's options", () => {
    const labels = { standard: 'Standard', privileged: 'Privileged' };
    expect(labelsOfOptions(labels, ['standard', 'guest'])).toEqual({ standard: 'Standard' });
    expect(labelsOfOptions(labels, [])).toBeUndefined();
  });
});
