import { describe, expect, it } from 'vitest';
import { centsField, checked, field, formValues, listField, numberField, rowCount } from './form-values';

function formOf(entries: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('reading a submitted form', () => {
  const form = formOf([
    ['name', 'Ana'],
    ['photo', new Blob(['x'])],
    ['consent', 'on'],
    ['scripted', 'true'],
    ['off', 'yes'],
    ['fee', '12,50'],
    ['count', 'twelve'],
    ['dates', '2026-12-24\n, 2026-12-31,,\n'],
  ]);

  it('reads text, and a file or an absent field as empty', () => {
    expect(field(form, 'name')).toBe('Ana');
    expect(field(form, 'photo')).toBe('');
    expect(field(form, 'missing')).toBe('');
    expect(formValues(form, ['name', 'missing'])).toEqual({ name: 'Ana', missing: '' });
  });

  it('reads a ticked box from a browser or a script, and nothing else', () => {
    expect([checked(form, 'consent'), checked(form, 'scripted'), checked(form, 'off'), checked(form, 'missing')]).toEqual([true, true, false, false]);
  });

  it('reads numbers typed either way, leaves nonsense for core to refuse, and lists without blanks', () => {
    expect(numberField(form, 'fee')).toBe(12.5);
    expect(centsField(form, 'fee')).toBe(1250);
    expect(numberField(form, 'count')).toBeNaN();
    expect(numberField(form, 'missing')).toBeNull();
    expect(listField(form, 'dates')).toEqual(['2026-12-24', '2026-12-31']);
  });
});

describe('the number of rows a form sends', () => {
  const rows = (value: string) => {
    const form = new FormData();
    form.append('rows', value);
    return rowCount(form);
  };
  it('is a whole number from 0 to the most an editor shows; anything else is none', () => {
    expect(rows('3')).toBe(3);
    expect(rows('99999999999999999999')).toBe(100);
    expect(rows('1000000')).toBe(100);
    for (const odd of ['-1', '1.5', 'NaN', 'Infinity', '', 'three']) expect(rows(odd), odd).toBe(0);
    expect(rowCount(new FormData())).toBe(0);
  });
});
