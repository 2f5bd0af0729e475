import { REGION_INFO, regionsOnSide, type BodySide, type Region } from './regions';

/**
 * Geometry for a simple clickable body map, one drawing per side, in a 200 × 400 viewBox.
 *
 * Shapes are plain rectangles and ellipses so a page can render them with no drawing library and
 * no JavaScript (each shape can sit inside a <label> or <a> for a no-JS form). Shapes on one side
 * never overlap, so a tap always means one area.
 *
 * Handedness: the front view faces the viewer, so the person's RIGHT is on the viewer's left; the
 * back view is seen from behind, so the person's LEFT is on the viewer's left.
 */

export const BODY_MAP_WIDTH = 200;
export const BODY_MAP_HEIGHT = 400;
export const BODY_MAP_VIEWBOX = `0 0 ${BODY_MAP_WIDTH} ${BODY_MAP_HEIGHT}`;

export type RegionShape =
	| { readonly kind: 'ellipse'; readonly cx: number; readonly cy: number; readonly rx: number; readonly ry: number }
	| {
			readonly kind: 'rect';
			readonly x: number;
			readonly y: number;
			readonly width: number;
			readonly height: number;
			/** Corner rounding, so limbs do not look like boxes. */
			readonly rx: number;
	  };

const ellipse = (cx: number, cy: number, rx: number, ry: number): RegionShape => ({ kind: 'ellipse', cx, cy, rx, ry });
const rect = (x: number, y: number, width: number, height: number, rx = 6): RegionShape => ({
	kind: 'rect',
	x,
	y,
	width,
	height,
	rx
});

export const REGION_SHAPES: Readonly<Record<Region, RegionShape>> = {
	// Front view: person's right on the viewer's left (x < 100).
	head: ellipse(100, 30, 18, 22),
	neck_front: rect(90, 54, 20, 12, 4),
	shoulder_right: ellipse(64, 78, 13, 10),
	shoulder_left: ellipse(136, 78, 13, 10),
	chest: rect(80, 68, 40, 50),
	abdomen: rect(80, 120, 40, 46),
	upper_arm_right: rect(46, 90, 16, 40),
	upper_arm_left: rect(138, 90, 16, 40),
	elbow_right: ellipse(52, 140, 9, 8),
	elbow_left: ellipse(148, 140, 9, 8),
	forearm_right: rect(40, 150, 15, 42),
	forearm_left: rect(145, 150, 15, 42),
	hand_right: ellipse(46, 206, 9, 12),
	hand_left: ellipse(154, 206, 9, 12),
	hip_right: rect(80, 168, 19, 28),
	hip_left: rect(101, 168, 19, 28),
	thigh_right: rect(80, 198, 19, 70),
	thigh_left: rect(101, 198, 19, 70),
	knee_right: ellipse(90, 279, 9, 9),
	knee_left: ellipse(110, 279, 9, 9),
	shin_right: rect(82, 290, 16, 64),
	shin_left: rect(102, 290, 16, 64),
	foot_right: ellipse(88, 368, 11, 10),
	foot_left: ellipse(112, 368, 11, 10),

	// Back view: person's left on the viewer's left (x < 100).
	head_back: ellipse(100, 30, 18, 22),
	neck_back: rect(90, 54, 20, 12, 4),
	shoulder_blade_left: rect(58, 68, 26, 42),
	shoulder_blade_right: rect(116, 68, 26, 42),
	upper_back: rect(86, 68, 28, 42, 4),
	mid_back: rect(80, 112, 40, 28, 4),
	low_back: rect(80, 142, 40, 26, 4),
	arm_back_left: rect(40, 72, 16, 118, 7),
	arm_back_right: rect(144, 72, 16, 118, 7),
	buttock_left: rect(80, 170, 19, 30, 8),
	buttock_right: rect(101, 170, 19, 30, 8),
	hamstring_left: rect(80, 202, 19, 68),
	hamstring_right: rect(101, 202, 19, 68),
	calf_left: rect(82, 274, 16, 74, 7),
	calf_right: rect(102, 274, 16, 74, 7),
	heel_left: ellipse(90, 362, 9, 10),
	heel_right: ellipse(110, 362, 9, 10)
};

export interface BodyMapRegion {
	readonly code: Region;
	readonly label: string;
	readonly side: BodySide;
	readonly shape: RegionShape;
}

/** Everything a page needs to draw one side of the map, in a stable order (top to bottom). */
export function bodyMap(side: BodySide): BodyMapRegion[] {
	return regionsOnSide(side).map((code) => ({ code, ...REGION_INFO[code], shape: REGION_SHAPES[code] }));
}

export interface Bounds {
	readonly left: number;
	readonly top: number;
	readonly right: number;
	readonly bottom: number;
}

export function shapeBounds(shape: RegionShape): Bounds {
	return shape.kind === 'ellipse'
		? { left: shape.cx - shape.rx, top: shape.cy - shape.ry, right: shape.cx + shape.rx, bottom: shape.cy + shape.ry }
		: { left: shape.x, top: shape.y, right: shape.x + shape.width, bottom: shape.y + shape.height };
}

/** The SVG element name and attributes for a shape, ready to spread onto <rect> or <ellipse>. */
export function svgShape(shape: RegionShape): { element: 'rect' | 'ellipse'; attributes: Record<string, number> } {
	if (shape.kind === 'ellipse') {
		return { element: 'ellipse', attributes: { cx: shape.cx, cy: shape.cy, rx: shape.rx, ry: shape.ry } };
	}
	return {
		element: 'rect',
		attributes: { x: shape.x, y: shape.y, width: shape.width, height: shape.height, rx: shape.rx }
	};
}
