import { DEMO_PASSWORD } from '../../../src/lib/server/demo/demo-clinic';

export const PASSWORD = DEMO_PASSWORD;
export const ADMIN = 'admin@boston-spine.example';
export const FRONT_DESK = 'frontdesk@boston-spine.example';
export const CLINICIAN = 'alex.chen@boston-spine.example';

/** The dry needling service's edit form as the browser would post it, with a chosen price. */
export function dryNeedlingForm(price: string): Record<string, string | string[]> {
	return {
		name: 'Dry needling session',
		slug: 'dry-needling',
		kind: 'dry_needling',
		description: 'Trigger point treatment.',
		durationMinutes: '30',
		bufferBeforeMinutes: '0',
		bufferAfterMinutes: '10',
		price,
		credentials: ['DPT', 'PT', 'DC'],
		requiresDryNeedlingCertification: 'on',
		bookableOnline: 'on',
		active: 'on'
	};
}
