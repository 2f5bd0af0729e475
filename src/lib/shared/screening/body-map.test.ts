import { describe, expect, it } from 'vitest';
import { BODY_MAP_HEIGHT, BODY_MAP_VIEWBOX, BODY_MAP_WIDTH, REGION_SHAPES, bodyMap, shapeBounds, svgShape, type Bounds } from './body-map';
import { BACK_REGIONS, BODY_SIDES, FRONT_REGIONS, REGIONS, REGION_INFO, type Region } from './regions';

const centreX = (code: Region) => {
	const b = shapeBounds(REGION_SHAPES[code]);
	return (b.left + b.right) / 2;
};
const overlaps = (a: Bounds, b: Bounds) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('body-map regions', () => {
	it('have unique codes, each on exactly one side with a label', () => {
		expect(new Set(REGIONS).size).toBe(REGIONS.length);
		for (const code of FRONT_REGIONS) expect(REGION_INFO[code].side).toBe('front');
		for (const code of BACK_REGIONS) expect(REGION_INFO[code].side).toBe('back');
		for (const code of REGIONS) expect(REGION_INFO[code].label.length).toBeGreaterThan(2);
	});

	it('come in left/right pairs', () => {
		for (const code of REGIONS) {
			const twin = code.endsWith('_left') ? code.replace(/_left$/, '_right') : code.replace(/_right$/, '_left');
			expect(REGIONS, code).toContain(twin);
		}
	});
});

describe('body-map geometry', () => {
	it('uses a 200 × 400 viewBox', () => {
		expect(BODY_MAP_VIEWBOX).toBe('0 0 200 400');
	});

	it('keeps every shape inside the viewBox', () => {
		for (const code of REGIONS) {
			const b = shapeBounds(REGION_SHAPES[code]);
			expect(b.left, code).toBeGreaterThanOrEqual(0);
			expect(b.top, code).toBeGreaterThanOrEqual(0);
			expect(b.right, code).toBeLessThanOrEqual(BODY_MAP_WIDTH);
			expect(b.bottom, code).toBeLessThanOrEqual(BODY_MAP_HEIGHT);
		}
	});

	it.each(BODY_SIDES)('never overlaps two areas on the %s view, so a tap means one area', (side) => {
		const regions = bodyMap(side);
		for (const [i, a] of regions.entries()) {
			for (const b of regions.slice(i + 1)) {
				expect(overlaps(shapeBounds(a.shape), shapeBounds(b.shape)), `${a.code} / ${b.code}`).toBe(false);
			}
		}
	});

	it('draws the person’s right on the viewer’s left from the front, and their left on the viewer’s left from behind', () => {
		for (const code of FRONT_REGIONS.filter((c) => c.endsWith('_right'))) expect(centreX(code), code).toBeLessThan(100);
		for (const code of BACK_REGIONS.filter((c) => c.endsWith('_left'))) expect(centreX(code), code).toBeLessThan(100);
		for (const code of REGIONS.filter((c) => !/_(left|right)$/.test(c))) expect(centreX(code), code).toBe(100);
	});

	it('mirrors each left/right pair exactly about the midline', () => {
		for (const code of REGIONS.filter((c) => c.endsWith('_left'))) {
			const left = shapeBounds(REGION_SHAPES[code]);
			const right = shapeBounds(REGION_SHAPES[code.replace(/_left$/, '_right') as Region]);
			expect(right, code).toEqual({ left: 200 - left.right, right: 200 - left.left, top: left.top, bottom: left.bottom });
		}
	});

	it('lists one side at a time, with labels and shapes, in the declared order', () => {
		expect(bodyMap('front').map((r) => r.code)).toEqual([...FRONT_REGIONS]);
		expect(bodyMap('back').map((r) => r.code)).toEqual([...BACK_REGIONS]);
		expect(bodyMap('back')[6]).toEqual({ code: 'low_back', label: 'Lower back', side: 'back', shape: REGION_SHAPES.low_back });
	});

	it('turns shapes into SVG attributes', () => {
		expect(svgShape(REGION_SHAPES.head)).toEqual({ element: 'ellipse', attributes: { cx: 100, cy: 30, rx: 18, ry: 22 } });
		expect(svgShape(REGION_SHAPES.low_back)).toEqual({
			element: 'rect',
			attributes: { x: 80, y: 142, width: 40, height: 26, rx: 4 }
		});
	});
});
