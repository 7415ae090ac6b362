/** Errors of logging in and managing users: the app's one translation of core errors. */
export { errorText as authErrorText } from '../../i18n/error-text';
