import { formObject } from '$lib/server/form-data';
import { formFailure, pageError } from '$lib/server/http';
import { addBreak, addException, addWorkingHours, canEditSchedule, getProviderSchedule, removeScheduleRow } from '$lib/server/scheduling/schedule-admin.service';

export async function load({ locals, params }) {
	try {
		return { schedule: await getProviderSchedule(locals.ctx, params.id), canEdit: canEditSchedule(locals.ctx, params.id) };
	} catch (caught) {
		pageError(caught);
	}
}

type Work = (values: Record<string, unknown>) => Promise<void>;
async function run(request: Request, work: Work) {
	const values = formObject(await request.formData());
	try {
		await work(values);
	} catch (caught) {
		return formFailure(caught, values);
	}
	return { saved: true };
}

export const actions = {
	addHours: async ({ request, locals, params }) => run(request, (v) => addWorkingHours(locals.ctx, params.id, v)),
	removeHours: async ({ request, locals, params }) => run(request, (v) => removeScheduleRow(locals.ctx, params.id, 'providerHours', v)),
	addBreak: async ({ request, locals, params }) => run(request, (v) => addBreak(locals.ctx, params.id, v)),
	removeBreak: async ({ request, locals, params }) => run(request, (v) => removeScheduleRow(locals.ctx, params.id, 'providerBreak', v)),
	addException: async ({ request, locals, params }) => run(request, (v) => addException(locals.ctx, params.id, v)),
	removeException: async ({ request, locals, params }) => run(request, (v) => removeScheduleRow(locals.ctx, params.id, 'scheduleException', v))
};
