/** How jobs run: in a worker thread with its own connection (the app), or inline (unit tests without a build). */
export type JobMode = 'worker' | 'inline';
