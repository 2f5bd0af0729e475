const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatPrice(cents: number): string {
	return usd.format(cents / 100);
}

/** Cents → what a price input shows: "95" or "95.50". */
export function priceInputValue(cents: number): string {
	return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}
