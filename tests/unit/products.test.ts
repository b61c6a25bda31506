import { concentrationPer01ml, getProduct, PRODUCTS, sessionConcentration, vialConcentration, volumeMl } from '../../shared/clinical/products.ts';

describe('products from the reference', () => {
  it('know which product is a ready-to-use solution, and its strength, from the reference', () => {
    expect(PRODUCTS.filter((p) => p.readyToUse).map((p) => [p.id, p.undilutedPer01ml])).toEqual([['rimabotulinumtoxinB', 500]]);
  });

  it('derive a ready-to-use vial\'s concentration as supplied or further diluted', () => {
    const rima = 'rimabotulinumtoxinB';
    expect(vialConcentration({ productId: rima, sizeUnits: 5000, diluentMl: null })).toBe(500);
    // 5000 U in 1 mL of solution plus 1 mL saline: 2500 U/mL = 250 U/0.1 mL.
    expect(vialConcentration({ productId: rima, sizeUnits: 5000, diluentMl: 1 })).toBe(250);
    expect(vialConcentration({ productId: 'onabotulinumtoxinA', sizeUnits: 100, diluentMl: 2 })).toBe(5);
  });

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
    const ona = 'onabotulinumtoxinA';
    expect(sessionConcentration([{ productId: ona, sizeUnits: 200, diluentMl: 4 }, { productId: ona, sizeUnits: 100, diluentMl: 2 }])).toBe(5);
    expect(sessionConcentration([{ productId: ona, sizeUnits: 200, diluentMl: 4 }, { productId: ona, sizeUnits: 100, diluentMl: 4 }])).toBeNull();
    expect(sessionConcentration([])).toBeNull();
  });
});
