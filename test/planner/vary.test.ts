import { describe, expect, it } from 'vitest';
import { PlannerError } from '../../planner/planner-error';
import { axesFromSweep, axisValues, mergeAxes, parseVary, splitTopLevel } from '../../planner/vary';
import { findVariant, labelOf, variantsOf } from '../../planner/variants';

describe('--vary', () => {
  it('reads a list of YAML values, keeping the text and the value', () => {
    expect(parseVary('clients.web.balancer.policy=random,least-request')).toEqual({
      path: 'clients.web.balancer.policy',
      values: [
        { text: 'random', value: 'random' },
        { text: 'least-request', value: 'least-request' },
      ],
    });
    expect(parseVary('services.api.replicas=4')).toEqual({ path: 'services.api.replicas', values: [{ text: '4', value: 4 }] });
  });

  it('reads an integer range LO..HI', () => {
    const axis = parseVary('services.api.replicas=4..7');
    expect(axis).toEqual({ path: 'services.api.replicas', range: [4, 7] });
    expect(axisValues(axis).map((v) => v.value)).toEqual([4, 5, 6, 7]);
  });

  it('keeps flow mappings and lists whole when splitting at commas', () => {
    expect(splitTopLevel('{ dist: uniform, min: 1ms, max: 3ms }, 5ms, "a,b", [1, 2]')).toEqual(['{ dist: uniform, min: 1ms, max: 3ms }', '5ms', '"a,b"', '[1, 2]']);
    const axis = parseVary('services.db.serviceTime={ dist: uniform, min: 1ms, max: 3ms },2ms');
    expect('values' in axis && axis.values.map((v) => v.value)).toEqual([{ dist: 'uniform', min: '1ms', max: '3ms' }, '2ms']);
  });

  it('rejects what is not PATH=VALUES, with a hint', () => {
    const cases: [string, RegExp][] = [
      ['services.api.replicas', /expected PATH=V1,V2,\.\.\. or PATH=LO\.\.HI/],
      ['=4', /expected PATH=/],
      ['services..replicas=4', /is not a dotted path/],
      ['services.api.replicas=', /no values after "="/],
      ['services.api.replicas=8..4', /empty range, 8 is above 4/],
      ['services.api.replicas=1.5..4', /two whole numbers/],
      ['services.api.replicas=1,,2', /an empty value/],
      ['services.api.replicas=0..20000', /more than 10000/],
    ];
    for (const [spec, message] of cases) {
      expect(() => parseVary(spec), spec).toThrow(PlannerError);
      expect(() => parseVary(spec), spec).toThrow(message);
    }
  });

  it('a --vary replaces the sweep: axis of the same path and adds new ones after', () => {
    const file = axesFromSweep([
      { path: 'a', values: ['x', 'y'] },
      { path: 'b', range: [1, 2] },
    ]);
    const merged = mergeAxes(file, [parseVary('b=5'), parseVary('c=true')]);
    expect(merged.map((a) => a.path)).toEqual(['a', 'b', 'c']);
    expect(axisValues(merged[1]!)).toEqual([{ text: '5', value: 5 }]);
  });

  it('sweep values that would read back differently are written as JSON', () => {
    const [axis] = axesFromSweep([{ path: 'p', values: ['8', 8, { policy: 'random' }, 'random'] }]);
    expect(axisValues(axis!).map((v) => v.text)).toEqual(['"8"', '8', '{"policy":"random"}', 'random']);
  });
});

describe('variants', () => {
  it('are the cross product, first axis outermost, named path=value joined by commas', () => {
    const variants = variantsOf([parseVary('clients.web.balancer.policy=random,least-request'), parseVary('services.api.replicas=2..3')]);
    expect(variants.map((v) => v.name)).toEqual([
      'clients.web.balancer.policy=random,services.api.replicas=2',
      'clients.web.balancer.policy=random,services.api.replicas=3',
      'clients.web.balancer.policy=least-request,services.api.replicas=2',
      'clients.web.balancer.policy=least-request,services.api.replicas=3',
    ]);
    expect(variants[2]!.shortName).toBe('least-request,2');
    expect(variants[2]!.values).toEqual({ 'clients.web.balancer.policy': 'least-request', 'services.api.replicas': 2 });
    expect(variants[2]!.overrides).toEqual([
      { path: 'clients.web.balancer.policy', value: 'least-request' },
      { path: 'services.api.replicas', value: '2' },
    ]);
  });

  it('no axes give one variant, the scenario as written', () => {
    expect(variantsOf([])).toEqual([{ name: '', shortName: '', values: {}, overrides: [] }]);
  });

  it('are found by full name or unique short name, else with the list of names', () => {
    const variants = variantsOf([parseVary('a.b=random,least-request')]);
    expect(findVariant(variants, 'a.b=random', 'x').shortName).toBe('random');
    expect(findVariant(variants, 'least-request', 'x').name).toBe('a.b=least-request');
    expect(() => findVariant(variants, 'least-requests', 'expect "e"')).toThrow('expect "e": no variant "least-requests"');
    try {
      findVariant(variants, 'nope', 'x');
    } catch (error) {
      expect((error as PlannerError).hint).toBe('variants: random, least-request');
    }
    const twins = variantsOf([parseVary('a=1,2'), parseVary('b=1,2')]);
    expect(labelOf(twins[1]!, twins)).toBe('1,2');
    expect(() => findVariant(variantsOf([parseVary('a=x'), parseVary('b=y')]).concat(variantsOf([parseVary('c=x'), parseVary('d=y')])), 'x,y', 'w')).toThrow('names 2 variants');
  });

  it('refuse a sweep of more than 1000 variants', () => {
    expect(() => variantsOf([parseVary('a=1..100'), parseVary('b=1..11')])).toThrow('more than 1000 variants');
  });
});
