/**
 * Switches for parts of the product that are not finished yet, so pages never offer a button
 * that leads nowhere. Flip one only when the feature behind it exists on this branch.
 */

/**
 * Online booking (issue 6). While false, result pages say "Call us to book" instead of showing a
 * Book button; once /book exists and accepts the signed assessment token, set it to true.
 */
export const BOOKING_AVAILABLE: boolean = true;
