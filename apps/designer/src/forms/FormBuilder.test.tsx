import { cleanup, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithI18n } from '../i18n/test-render';
import { FormBuilder } from './FormBuilder';
import { FormView } from './FormView';
import { checkValues, type FormInput } from './form-model';

afterEach(cleanup);

/** The builder with its live preview, as the catalog editor wires them. */
function Harness({ onForm }: { onForm(f: FormInput): void }) {
  const [form, setForm] = useState<FormInput>({ type: 'object', properties: {}, required: [] });
  const [values, setValues] = useState<Record<string, unknown>>({});
  return (
    <>
      <FormBuilder
        form={form}
        onChange={(f) => {
          setForm(f);
          onForm(f);
        }}
      />
      <section aria-label="Preview">
        <FormView form={form} values={values} errors={checkValues(form, values)} onChange={setValues} />
      </section>
    </>
  );
}

describe('FormBuilder', () => {
  it('adds a required number field with limits and the preview enforces them', () => {
    let form: FormInput | undefined;
    renderWithI18n(<Harness onForm={(f) => (form = f)} />);
    fireEvent.change(screen.getByLabelText('New field name'), { target: { value: 'amount' } });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'number' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add field' }));
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Amount' } });
    fireEvent.change(screen.getByLabelText('Maximum'), { target: { value: '100' } });
    fireEvent.click(screen.getByLabelText('Required'));

    expect(form?.properties.amount).toEqual({ type: 'number', title: 'Amount', maximum: 100 });
    expect(form?.required).toEqual(['amount']);

    const preview = screen.getByRole('region', { name: 'Preview' });
    const input = preview.querySelector('input[type="number"]') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '250' } });
    expect(preview.textContent).toContain('Amount must be at most 100');
  });

  it('offers options as a select in the preview', () => {
    renderWithI18n(<Harness onForm={() => {}} />);
    fireEvent.change(screen.getByLabelText('New field name'), { target: { value: 'reason' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add field' }));
    fireEvent.change(screen.getByLabelText(/^Options/), { target: { value: 'lost, stolen' } });
    const preview = screen.getByRole('region', { name: 'Preview' });
    const options = [...preview.querySelectorAll('option')].map((o) => o.textContent);
    expect(options).toEqual(['Choose…', 'lost', 'stolen']);
  });

  it('refuses a field name that is not an identifier', () => {
    renderWithI18n(<Harness onForm={() => {}} />);
    fireEvent.change(screen.getByLabelText('New field name'), { target: { value: 'first name' } });
    expect((screen.getByRole('button', { name: 'Add field' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
