/** Capabilities that are switched on when their part of the product lands. */
export const BOOKING_AVAILABLE = false;
