/** Application tracking: public API (filled in by the AppTrack engine). */
package org.apptrack.apptrack.api;
