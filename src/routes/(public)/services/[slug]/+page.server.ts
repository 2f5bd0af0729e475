import { getClinic } from '$lib/server/clinic/clinic.service';
import { getPublicService } from '$lib/server/clinic/public-services.service';
import { medicalWebPageJsonLd } from '$lib/server/site/json-ld';
import { pageError } from '$lib/server/http';

export async function load({ locals, params, url, setHeaders }) {
	try {
		const { service, providers, faqs } = await getPublicService(locals.ctx, params.slug);
		const clinic = await getClinic(locals.ctx);
		setHeaders({ 'cache-control': 'public, no-cache' });
		const path = `/services/${service.slug}`;
		const description = service.description.slice(0, 300);
		const faqLd = faqs.length
			? [
					{
						'@context': 'https://schema.org',
						'@type': 'FAQPage',
						mainEntity: faqs.map((f) => ({ '@type': 'Question', name: f.question, acceptedAnswer: { '@type': 'Answer', text: f.answer } }))
					}
				]
			: [];
		return {
			service: {
				name: service.name,
				slug: service.slug,
				kind: service.kind,
				description: service.description,
				durationMinutes: service.durationMinutes,
				priceCents: service.priceCents,
				requiresDryNeedlingCertification: service.requiresDryNeedlingCertification
			},
			providers,
			faqs,
			path,
			description,
			jsonLd: [medicalWebPageJsonLd({ url: `${url.origin}${path}`, title: service.name, description }, clinic, url.origin), ...faqLd]
		};
	} catch (caught) {
		pageError(caught);
	}
}
