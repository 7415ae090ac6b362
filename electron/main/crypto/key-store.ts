/** The KeyStore the door provides (Platform.keyStore): one wrapped copy of the KEK per method. */
export type { KeyStore } from '../platform/platform';
