/** The demo accounts' password: never accepted as a new password. */
export const DEMO_PASSWORD_VALUE = 'payung-demo';
