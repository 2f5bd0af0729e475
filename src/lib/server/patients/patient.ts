/** A patient of the clinic. Matched on email and date of birth, the two things a booker always knows. */
export type Patient = {
	id: string;
	clinicId: string;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	/** 'YYYY-MM-DD'. */
	dateOfBirth: string;
	mergedIntoId: string | null;
	createdAt: Date;
};

/** What a booker types about themselves. */
export type PatientDetails = {
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	dateOfBirth: string;
};
