/** The star engine's version, recorded with every result: bump it whenever a rule's arithmetic changes. */
export const engineVersion = '1.0.0';
