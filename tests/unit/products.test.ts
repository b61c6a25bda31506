import { concentrationPer01ml, getProduct, PRODUCTS, sessionConcentration, volumeMl } from '../../shared/clinical/products.ts';

describe('products from the reference', () => {
  it('carry their HCPCS code and billing-unit size', () => {
    expect(PRODUCTS.map((p) => [p.id, p.hcpcsCode, p.billingUnitSize])).toEqual([
      ['onabotulinumtoxinA', 'J0585', 1],
      ['abobotulinumtoxinA', 'J0586', 5],
      ['incobotulinumtoxinA', 'J0588', 1],
      ['rimabotulinumtoxinB', 'J0587', 100],
      ['daxibotulinumtoxinA-lanm', 'J0589', 1],
    ]);
  });

  it('read the use-within window from the reference text, marking recalled ones', () => {
    expect(getProduct('onabotulinumtoxinA').useWithinHours).toMatchObject({ hours: 24, ref: { fromMemory: false } });
    expect(getProduct('rimabotulinumtoxinB').useWithinHours).toMatchObject({ hours: 4, ref: { fromMemory: true } });
  });

  it('derive concentration and volume: 100 U in 4 mL is 2.5 U/0.1 mL, so 1.25 U is 0.05 mL', () => {
    expect(concentrationPer01ml(100, 4)).toBe(2.5);
    expect(concentrationPer01ml(100, 8)).toBe(1.25);
    expect(concentrationPer01ml(500, 2.5)).toBe(20);
    expect(concentrationPer01ml(5000, null)).toBeNull();
    expect(volumeMl(1.25, 2.5)).toBe(0.05);
    expect(volumeMl(5, 5)).toBe(0.1);
  });

  it('a session has one concentration only when all vials were diluted alike', () => {
    expect(sessionConcentration([{ sizeUnits: 200, diluentMl: 4 }, { sizeUnits: 100, diluentMl: 2 }])).toBe(5);
    expect(sessionConcentration([{ sizeUnits: 200, diluentMl: 4 }, { sizeUnits: 100, diluentMl: 4 }])).toBeNull();
    expect(sessionConcentration([])).toBeNull();
  });
});
