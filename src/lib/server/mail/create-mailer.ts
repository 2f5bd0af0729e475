import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Mailer } from './mail';
import { outboxMailer, smtpMailer } from './transports';

/**
 * The clinic's mailer. `from` defaults to the clinic's own name and address, so a fresh install
 * sends as the clinic without extra configuration.
 */
export function createMailer(config: Config, clock: Clock, clinicSender: () => Promise<string>): Mailer {
	let fromPromise: Promise<string> | undefined;
	const from = () => (config.mail.from ? Promise.resolve(config.mail.from) : (fromPromise ??= clinicSender()));
	const build = async () =>
		config.mail.smtpUrl
			? smtpMailer(config.mail.smtpUrl, await from())
			: outboxMailer(config.mail.outboxDir, await from(), () => clock.now());
	let mailer: Promise<Mailer> | undefined;
	return {
		async send(message) {
			mailer ??= build();
			return (await mailer).send(message);
		}
	};
}
