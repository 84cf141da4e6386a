/**
 * Enrolment receipts kept on this phone, per course: the token the server gave when the learner enrolled (or proved
 * the phone at the door), which proves the enrolment at check-in without another code.
 */
const key = (courseId: number) => `tj.enrolment.${courseId}`;

export function enrolmentReceipt(courseId: number): string | null {
  try {
    return localStorage.getItem(key(courseId));
  } catch {
    return null;
  }
}

export function keepEnrolmentReceipt(courseId: number, token: string | null) {
  try {
    if (token) localStorage.setItem(key(courseId), token);
    else localStorage.removeItem(key(courseId));
  } catch {
    // A browser that keeps nothing proves the phone by code each time.
  }
}
