import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { evaluateScreening } from '../../server/screening/evaluate';
import { issueResultToken, verifyResultToken } from '../../server/screening/result-token';
import { emptyDraft, type OfferView, type ResultView } from '../../shared/screening/assessment-view';
import type { ScreeningInput } from '../../shared/screening/input.schema';
import AssessmentResult from './AssessmentResult.svelte';

const SECRET = 'component-test-secret-at-least-32-characters';
const NOW = new Date('2026-11-28T15:00:00.000Z');
const PHONE = '(617) 555-0142';

const offer = (slug: string, name: string, bookableOnline = true): OfferView => ({
	slug,
	name,
	description: `${name}, described.`,
	durationMinutes: 30,
	priceCents: 9500,
	bookableOnline,
	providers: [{ name: 'Dr. Alex Chen', credentials: ['DPT'], dryNeedlingCertified: true }]
});

function viewFor(input: Partial<ScreeningInput>, offers: OfferView[]): ResultView {
	const answers: ScreeningInput = { regions: [], concerns: [], duration: null, redFlags: [], precautions: [], preference: 'none', ...input };
	const result = evaluateScreening(answers);
	return {
		kind: 'result',
		result,
		offers,
		token: issueResultToken({ answers, rulesetVersion: result.rulesetVersion, issuedAt: NOW }, SECRET),
		draft: { ...emptyDraft(), concerns: [...answers.concerns], redFlags: [...answers.redFlags], redFlagsNone: answers.redFlags.length === 0, precautionsNone: true }
	};
}

/** Server-rendered HTML without Svelte's hydration comments and scoped-style class names. */
const html = (view: ResultView, bookingAvailable: boolean) =>
	render(AssessmentResult, { props: { view, phone: PHONE, bookingAvailable } })
		.body.replace(/<!--[^>]*-->/g, '')
		.replace(/ class="svelte-[a-z0-9]+"/g, '')
		.replace(/ svelte-[a-z0-9]+"/g, '"');

describe('AssessmentResult', () => {
	const dryNeedling = viewFor({ concerns: ['sciatica'] }, [offer('initial-consultation', 'Initial consultation'), offer('dry-needling', 'Dry needling session')]);

	it('says "Call us to book" for each service while online booking is off', () => {
		const page = html(dryNeedling, false);
		expect(page).not.toContain('action="/book"');
		expect(page.match(/Call us to book:/g)).toHaveLength(2);
		expect(page).toContain('href="tel:6175550142"');
	});

	it('posts the service and the signed answers to /book once booking is on', () => {
		const page = html(dryNeedling, true);
		const forms = [...page.matchAll(/<form method="POST" action="\/book"[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!);
		expect(forms).toHaveLength(2);
		expect(forms[1]).toContain('name="service" value="dry-needling"');
		const token = /name="assessment" value="([^"]+)"/.exec(forms[1]!)?.[1];
		expect(verifyResultToken(token, SECRET, NOW)).toMatchObject({ valid: true, claims: { answers: { concerns: ['sciatica'] } } });
		expect(page).toContain('Book Dry needling session');
		expect(page).not.toContain('Call us to book');
	});

	it('offers no booking at all after a red flag, even with booking on and services passed in', () => {
		const page = html(viewFor({ redFlags: ['chest_pain_or_breathless'] }, [offer('dry-needling', 'Dry needling session')]), true);
		expect(page).not.toContain('action="/book"');
		expect(page).not.toContain('Call us to book');
		expect(page).not.toContain('Services that fit');
		// The emergency wording comes first, as an alert, before the heading.
		expect(page.indexOf('role="alert"')).toBeGreaterThan(-1);
		expect(page.indexOf('role="alert"')).toBeLessThan(page.indexOf('<h1'));
		expect(page).toContain('Call 911');
	});

	it('keeps "Call us" for a service that is not bookable online', () => {
		const page = html(viewFor({ concerns: ['sleep'] }, [offer('acupuncture', 'Acupuncture session', false)]), true);
		expect(page).not.toContain('action="/book"');
		expect(page).toContain('Call us to book:');
	});

	it('ties each reason to the answer behind it, with a way back to change it', () => {
		const page = html(dryNeedling, false);
		expect(page).toContain('Because you answered:');
		expect(page).toContain('Because you answered: <span class="answer">“Sciatica (pain that runs down my leg)”</span> and <span class="answer">“No preference. Help me choose.”</span>');
		expect(page).toContain('value="goto:concerns"');
		expect(page).toContain('This is not a diagnosis');
		expect(page).toContain('form="your-answers"');
	});
});
