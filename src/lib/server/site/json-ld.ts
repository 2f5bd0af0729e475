/** schema.org descriptions of the clinic and its pages, for search engines. */
import type { Clinic } from '../clinic/clinic';

const SCHEMA_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export type JsonLd = Record<string, unknown>;

export function medicalClinicJsonLd(clinic: Clinic, origin: string): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'MedicalClinic',
		'@id': `${origin}/#clinic`,
		name: clinic.name,
		url: `${origin}/`,
		telephone: clinic.phone,
		email: clinic.email,
		address: {
			'@type': 'PostalAddress',
			streetAddress: clinic.street,
			addressLocality: clinic.city,
			addressRegion: clinic.region,
			postalCode: clinic.postalCode,
			addressCountry: clinic.country
		},
		openingHoursSpecification: clinic.hours.map((h) => ({
			'@type': 'OpeningHoursSpecification',
			dayOfWeek: `https://schema.org/${SCHEMA_DAYS[h.weekday - 1]}`,
			opens: h.opens,
			closes: h.closes
		})),
		medicalSpecialty: ['PhysicalTherapy', 'Chiropractic', 'Acupuncture']
	};
}

export type ArticleLdInput = {
	url: string;
	title: string;
	description: string;
	published: Date;
	modified: Date;
	authorName: string;
	authorCredentials: string[];
	imageUrl?: string;
};

export function articleJsonLd(article: ArticleLdInput, clinic: Clinic, origin: string): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'Article',
		headline: article.title,
		description: article.description,
		url: article.url,
		mainEntityOfPage: article.url,
		datePublished: article.published.toISOString(),
		dateModified: article.modified.toISOString(),
		author: {
			'@type': 'Person',
			name: article.authorName,
			...(article.authorCredentials.length ? { honorificSuffix: article.authorCredentials.join(', ') } : {})
		},
		publisher: { '@type': 'MedicalClinic', '@id': `${origin}/#clinic`, name: clinic.name },
		...(article.imageUrl ? { image: article.imageUrl } : {})
	};
}

export function medicalWebPageJsonLd(page: { url: string; title: string; description: string; modified?: Date }, clinic: Clinic, origin: string): JsonLd {
	return {
		'@context': 'https://schema.org',
		'@type': 'MedicalWebPage',
		name: page.title,
		description: page.description,
		url: page.url,
		...(page.modified ? { lastReviewed: page.modified.toISOString().slice(0, 10) } : {}),
		about: { '@type': 'MedicalClinic', '@id': `${origin}/#clinic`, name: clinic.name }
	};
}
