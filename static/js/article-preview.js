// Live preview for the staff article editor: as the Markdown changes, the server renders it with
// the public page's sanitiser and the preview panel shows the result. A plain script rather than
// a hydrated page: hydration brings SvelteKit's route announcer, whose inline style a strict CSP
// (style-src 'self') refuses. Without JavaScript the editor's Preview button does the same job.
(function () {
	const body = document.getElementById('field-body');
	const panel = document.querySelector('[data-preview-endpoint]');
	if (!(body instanceof HTMLTextAreaElement) || !(panel instanceof HTMLElement)) return;
	const endpoint = panel.dataset.previewEndpoint;
	const hint = panel.querySelector('[data-preview-hint]');
	let prose = panel.querySelector('[data-preview-body]');
	let timer;
	let asked = 0;

	async function refresh() {
		const mine = ++asked;
		try {
			const response = await fetch(endpoint, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ markdown: body.value })
			});
			if (!response.ok) throw new Error(String(response.status));
			const preview = await response.json();
			if (mine !== asked) return;
			if (!prose) {
				prose = document.createElement('div');
				prose.className = 'prose';
				prose.setAttribute('data-preview-body', '');
				panel.appendChild(prose);
			}
			// Sanitised on the server by renderMarkdown, as on the public page.
			prose.innerHTML = preview.html;
			if (hint) hint.textContent = `${preview.wordCount} words · ${preview.readingMinutes} min read`;
		} catch {
			if (mine === asked && hint) hint.textContent = 'The live preview is not available right now; use the Preview button.';
		}
	}

	body.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(refresh, 400);
	});
	refresh();
})();
